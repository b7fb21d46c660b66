"""Discussions feed the search index after commit; search and similar questions obey access."""

import pytest

from staffroom.communities.models import Visibility
from staffroom.communities.services import community_create, community_join
from staffroom.discussions import services
from staffroom.discussions.models import ThreadKind
from staffroom.search.selectors import search, similar
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def community_with_question(visibility=Visibility.PUBLIC, slug="maths-search"):
    steward = UserFactory()
    community = community_create(
        creator=steward,
        name="Maths",
        slug=slug,
        domain_statement="Ratios.",
        visibility=visibility,
    )
    thread = services.thread_create(
        author=steward,
        community=community,
        space=community.spaces.first(),
        kind=ThreadKind.QUESTION,
        title="How do I introduce ratio tables to year 7?",
        body="My class keeps mixing up the columns.",
    )
    return steward, community, thread


def test_a_new_question_and_its_replies_are_found_by_search():
    _steward, community, thread = community_with_question()
    member = UserFactory()
    community_join(user=member, community=community)

    services.post_create(author=member, thread=thread, body="Start with a double number line.")

    assert [hit.title for hit in search(viewer=None, q="ratio tables", kind="thread")] == [
        thread.title
    ]
    assert search(viewer=None, q="double number line").results[0].kind == "post"


def test_accepting_an_answer_marks_the_thread_solved_in_search():
    steward, _community, thread = community_with_question()
    reply = services.post_create(author=steward, thread=thread, body="Use bar models first.")

    services.answer_accept(user=steward, post=reply, label="grade 7")

    assert search(viewer=None, q="ratio", solved=True, kind="thread").results


def test_a_hidden_reply_leaves_the_index():
    steward, _community, thread = community_with_question()
    reply = services.post_create(author=steward, thread=thread, body="Secret fractions trick.")

    services.post_hide(moderator=steward, post=reply, reason="Off topic")

    assert not search(viewer=None, q="fractions trick").results


def test_members_only_threads_are_not_found_by_outsiders():
    steward, _community, _thread = community_with_question(Visibility.MEMBERS, slug="private-m")

    assert not search(viewer=UserFactory(), q="ratio tables").results
    assert search(viewer=steward, q="ratio tables").results


def test_similar_questions_come_from_the_same_readable_community(client):
    _steward, community, thread = community_with_question()

    hits = similar(viewer=None, community=community, title="ratio tables help")
    response = client.get(f"/c/{community.slug}/new/similar/", {"title": "ratio tables"})

    assert [hit.title for hit in hits] == [thread.title]
    assert thread.get_absolute_url() in response.content.decode()


def test_the_search_page_shows_highlighted_results(client):
    community_with_question()

    page = client.get("/search/", {"q": "ratio"}).content.decode()

    assert "<mark>" in page
    assert "How do I introduce" in page


def test_without_javascript_the_writer_can_check_for_similar_questions(client):
    steward, community, thread = community_with_question()
    client.force_login(steward)

    response = client.post(
        f"/c/{community.slug}/new/",
        {"check_similar": "1", "title": "ratio tables again", "body": "draft text"},
    )

    assert response.status_code == 200
    assert thread.get_absolute_url() in response.content.decode()
    assert "draft text" in response.content.decode()
