"""`staffroom reindex` rebuilds the search index of threads, posts and resources from the database."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from staffroom.discussions import services
from staffroom.discussions.models import Post, Thread
from staffroom.search.models import SearchDocument
from staffroom.search.selectors import search
from tests.discussions.builders import a_community, a_reply, a_thread, fresh, post_at
from tests.factories.accounts import UserFactory
from tests.search.conftest import fts_integrity_check, index

pytestmark = pytest.mark.django_db

COMPARED = ["kind", "object_id", "community_id", "space_id", "thread_id", "title", "body"]
COMPARED += ["tags", "attrs", "solved", "thread_kind", "created_at"]


def documents() -> list[dict]:
    return list(SearchDocument.objects.order_by("kind", "object_id").values(*COMPARED))


def reindex(*args: str) -> str:
    out = StringIO()
    call_command("reindex", *args, stdout=out)
    return out.getvalue()


def found(q: str, **filters) -> list[tuple[str, int]]:
    return [(hit.kind, hit.object_id) for hit in search(viewer=None, q=q, **filters)]


class Library:
    """Two communities with threads and replies, indexed the way the product indexes them."""

    def __init__(self, capture):
        self.steward = UserFactory(display_name="Sam Steward")
        with capture(execute=True):
            self.maths = a_community(steward=self.steward, name="Maths", slug="maths")
            self.reading = a_community(steward=self.steward, name="Reading", slug="reading")
            self.ratio = a_thread(
                self.maths, self.steward, title="Ratio tables in year 7", body="Double lines."
            )
            self.reply = a_reply(self.ratio, self.steward, body="Try a bar model first.")
            self.phonics = a_thread(
                self.reading, self.steward, title="Phonics for mixed ages", body="Decodable."
            )


@pytest.fixture
def library(django_capture_on_commit_callbacks) -> Library:
    return Library(django_capture_on_commit_callbacks)


def test_an_emptied_index_is_found_again_after_reindexing(library):
    SearchDocument.objects.all().delete()
    assert not found("ratio")

    output = reindex()

    assert found("ratio tables") == [("thread", library.ratio.pk)]
    assert found("bar model") == [("post", library.reply.pk)]
    assert found("phonics") == [("thread", library.phonics.pk)]
    assert "Indexed 2 of 2 threads" in output
    assert (
        "Search index rebuilt: 2 threads, 0 resources, 0 chat transcripts, 3 documents; "
        "0 stale documents removed." in output
    )
    fts_integrity_check()


def test_the_rebuilt_index_is_what_live_indexing_wrote(library):
    live = documents()
    SearchDocument.objects.all().delete()

    reindex()

    assert documents() == live


def test_reindexing_twice_gives_the_same_rows(library):
    reindex()
    first = list(SearchDocument.objects.order_by("pk").values("pk", *COMPARED))

    reindex()

    assert list(SearchDocument.objects.order_by("pk").values("pk", *COMPARED)) == first
    fts_integrity_check()


def test_hidden_threads_and_hidden_or_deleted_replies_are_left_out(library):
    hidden_reply = a_reply(library.phonics, library.steward, body="Secret sound cards.")
    deleted_reply = a_reply(library.phonics, library.steward, body="Withdrawn sound cards.")
    services.post_hide(
        moderator=library.steward, post=post_at(library.phonics, 2), reason="Off topic"
    )
    services.post_delete(user=library.steward, post=post_at(library.phonics, 3))
    Thread.objects.filter(pk=library.ratio.pk).update(hidden_at=timezone.now())
    SearchDocument.objects.all().delete()

    reindex()

    assert found("ratio") == []
    assert found("bar model") == []
    assert found("sound cards") == []
    assert not SearchDocument.objects.filter(
        object_id__in=[hidden_reply.pk, deleted_reply.pk], kind="post"
    ).exists()
    assert found("phonics") == [("thread", library.phonics.pk)]


def test_documents_of_things_hidden_or_gone_since_indexing_are_removed(library):
    # The index fell behind: these changes bypassed the services and their indexing.
    Thread.objects.filter(pk=library.ratio.pk).update(hidden_at=timezone.now())
    Post.objects.filter(pk=library.reply.pk).update(deleted_at=timezone.now())
    gone = a_thread(library.reading, library.steward, title="Soon gone")
    index(library.reading, kind="thread", object_id=gone.pk, thread_id=gone.pk, title="Soon gone")
    index(library.reading, kind="post", object_id=987_654, thread_id=gone.pk, body="Soon gone")
    Thread.objects.filter(pk=gone.pk).delete()

    output = reindex()

    assert found("ratio") == found("bar model") == found("soon gone") == []
    assert set(SearchDocument.objects.values_list("kind", "object_id")) == {
        ("thread", library.phonics.pk)
    }
    # The hidden thread's documents go as it is indexed; the rest are swept up at the end.
    assert "2 stale documents removed" in output
    fts_integrity_check()


def test_documents_of_other_kinds_are_left_alone(library):
    transcript = index(library.maths, kind="transcript", object_id=7, title="Ratio chat")

    reindex()

    assert SearchDocument.objects.filter(pk=transcript.pk).exists()
    assert ("transcript", 7) in found("chat")


def test_a_community_option_rebuilds_only_that_community(library):
    SearchDocument.objects.all().delete()
    stale = index(library.reading, kind="post", object_id=123_456, title="", body="stale words")

    output = reindex("--community", "maths")

    assert found("ratio tables") == [("thread", library.ratio.pk)]
    assert found("bar model") == [("post", library.reply.pk)]
    assert found("phonics") == []
    assert SearchDocument.objects.filter(pk=stale.pk).exists()
    assert (
        "Search index rebuilt for maths: 1 thread, 0 resources, 0 chat transcripts, 2 documents"
        in output
    )


def test_a_community_option_removes_that_communitys_stale_documents(library):
    stale = index(library.maths, kind="post", object_id=123_456, body="stale words")
    elsewhere = index(library.reading, kind="post", object_id=654_321, body="stale words")

    reindex("--community", "maths")

    assert not SearchDocument.objects.filter(pk=stale.pk).exists()
    assert SearchDocument.objects.filter(pk=elsewhere.pk).exists()


@pytest.mark.parametrize("slug", ["no-such-place", "", "nul\x00slug", "ü" * 300])
def test_an_unknown_community_is_a_clear_command_error(library, slug):
    before = documents()

    with pytest.raises(CommandError) as error:
        reindex("--community", slug)

    assert f"No community has the slug “{slug}”" in str(error.value)
    assert documents() == before


def test_threads_are_indexed_in_batches_with_progress(library):
    for n in range(3):
        a_thread(fresh(library.maths), library.steward, title=f"Batch thread {n}")
    SearchDocument.objects.all().delete()

    output = reindex("--batch-size", "2")

    assert [line for line in output.splitlines() if line.startswith("Indexed")] == [
        "Indexed 2 of 5 threads…",
        "Indexed 4 of 5 threads…",
        "Indexed 5 of 5 threads…",
    ]
    assert len(found("batch thread")) == 3


def test_a_batch_size_below_one_is_refused(library):
    with pytest.raises(CommandError, match="at least 1"):
        reindex("--batch-size", "0")


def test_an_empty_database_gives_an_empty_index():
    output = reindex()

    assert SearchDocument.objects.count() == 0
    assert (
        "Search index rebuilt: 0 threads, 0 resources, 0 chat transcripts, 0 documents; "
        "0 stale documents removed." in output
    )
