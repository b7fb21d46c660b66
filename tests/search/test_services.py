"""Index writes keep what search finds in step with the documents."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from staffroom.core.errors import ServiceError
from staffroom.search.models import SearchDocument
from staffroom.search.selectors import search
from staffroom.search.services import (
    document_delete,
    document_upsert,
    documents_delete_for,
    documents_update_for,
)
from tests.factories.communities import CommunityFactory
from tests.search.conftest import fts_integrity_check, index, titles

pytestmark = pytest.mark.django_db


def find(q, **filters):
    return search(viewer=AnonymousUser(), q=q, **filters)


def test_upserting_a_new_document_makes_it_findable(community):
    document = index(community, kind="thread", object_id=1, title="Fractions with pizza")

    assert document.pk is not None
    assert titles(find("pizza")) == ["Fractions with pizza"]
    fts_integrity_check()


def test_upserting_again_replaces_the_indexed_copy(community):
    index(community, kind="thread", object_id=1, title="Fractions with pizza", tags=["food"])
    index(community, kind="thread", object_id=1, title="Fractions with paper", tags=["craft"])

    assert SearchDocument.objects.count() == 1
    assert find("pizza").results == []
    assert find("food").results == []
    assert titles(find("paper")) == ["Fractions with paper"]
    assert titles(find("craft")) == ["Fractions with paper"]
    fts_integrity_check()


def test_the_same_object_id_in_another_kind_is_another_document(community):
    index(community, kind="thread", object_id=1, title="Pizza thread")
    index(community, kind="resource", object_id=1, title="Pizza worksheet")

    assert sorted(titles(find("pizza"))) == ["Pizza thread", "Pizza worksheet"]


def test_deleting_a_document_removes_it_from_results(community):
    index(community, kind="post", object_id=1, body="pizza one")
    index(community, kind="post", object_id=2, body="pizza two")

    assert document_delete(kind="post", object_id=1) == 1
    assert document_delete(kind="post", object_id=1) == 0

    assert [hit.object_id for hit in find("pizza")] == [2]
    fts_integrity_check()


def test_deleting_for_a_thread_removes_the_thread_and_its_posts_only(community):
    index(community, kind="thread", object_id=1, thread_id=1, title="Pizza thread")
    index(community, kind="post", object_id=10, thread_id=1, body="pizza reply")
    index(community, kind="post", object_id=20, thread_id=2, body="pizza elsewhere")

    assert documents_delete_for(thread_id=1) == 2

    assert [(hit.kind, hit.object_id) for hit in find("pizza")] == [("post", 20)]
    fts_integrity_check()


def test_updating_for_a_thread_changes_the_filters_of_all_its_documents(community):
    index(community, kind="thread", object_id=1, thread_id=1, title="Pizza?", space_id=1)
    index(community, kind="post", object_id=10, thread_id=1, body="pizza", space_id=1)
    index(community, kind="post", object_id=20, thread_id=2, body="pizza", space_id=1)

    changed = documents_update_for(thread_id=1, space_id=2, solved=True, thread_kind="question")

    assert changed == 2
    assert sorted(hit.object_id for hit in find("pizza", space_id=2, solved=True)) == [1, 10]
    assert [hit.object_id for hit in find("pizza", space_id=1)] == [20]
    fts_integrity_check()


def test_updating_for_a_thread_merges_display_attributes(community):
    index(community, kind="post", object_id=10, thread_id=1, body="pizza", attrs={"url": "/a"})

    documents_update_for(thread_id=1, attrs={"thread_title": "New title"})

    [hit] = find("pizza").results
    assert hit.attrs == {"url": "/a", "thread_title": "New title"}


def test_deleting_a_community_removes_its_documents():
    community = CommunityFactory()
    index(community, title="Pizza")

    community.delete()

    assert find("pizza").results == []
    assert SearchDocument.objects.count() == 0
    fts_integrity_check()


def test_the_created_date_can_be_the_original_objects(community):
    created = datetime(2024, 9, 2, 8, 30, tzinfo=UTC)
    index(community, title="Pizza", created_at=created)

    [hit] = find("pizza").results
    assert hit.created_at == created


def test_tags_are_stored_lower_case_once_each(community):
    document = index(community, title="Pizza", tags=["Fractions", "grade-3", "fractions"])

    assert document.tags == "fractions grade-3"


def test_tags_may_be_given_as_one_string(community):
    document = index(community, title="Pizza", tags="fractions  grade-3")

    assert document.tags == "fractions grade-3"


def test_characters_the_databases_refuse_are_dropped(community):
    document = index(community, title="Pizza\x00 night", body="Slices\x00 and \ud800 crusts")

    assert document.title == "Pizza night"
    assert document.body == "Slices and  crusts"
    assert titles(find("crusts")) == ["Pizza night"]


def test_text_cannot_fake_a_highlight(community):
    index(community, title="Pizza", body="pizza \ue000<b>not a match</b>\ue001 \ue002")

    [hit] = find("pizza").results
    assert "<mark>pizza</mark>" in hit.snippet
    assert hit.snippet.count("<mark>") == 1
    assert "&lt;b&gt;not a match" in hit.snippet


def test_line_breaks_and_tabs_are_kept(community):
    document = index(community, title="Pizza", body="one\ntwo\tthree")

    assert document.body == "one\ntwo\tthree"


def test_overlong_titles_are_cut(community):
    document = index(community, title="pizza " * 100)

    assert len(document.title) == 300


@pytest.mark.parametrize("kind", ["", "k" * 21])
def test_a_missing_or_overlong_kind_is_refused(community, kind):
    with pytest.raises(ServiceError):
        document_upsert(kind=kind, object_id=1, community_id=community.pk, title="x", body="")

    assert SearchDocument.objects.count() == 0
