"""Archived transcripts in search: found by readers only, linked to the transcript page."""

from io import StringIO

import pytest
from django.core.management import call_command

from staffroom.communities.models import Visibility
from staffroom.livechat import messages, services
from staffroom.livechat.models import Chat
from staffroom.search.models import SearchDocument
from tests.discussions.builders import a_community, a_member
from tests.livechat.builders import a_live_chat
from tests.pages import text

pytestmark = pytest.mark.django_db


def archived(community, steward, host, author, body: str, capture, **options) -> Chat:
    """A chat with one message, ended and indexed as the product does it."""
    with capture(execute=True):
        chat = a_live_chat(community, steward, host=host, **options)
        messages.message_post(author=author, chat=chat, body=body)
        services.chat_end(user=host, chat=chat)
    return Chat.objects.select_related("community").get(pk=chat.pk)


def transcript_url(chat) -> str:
    return f"/c/{chat.community.slug}/chats/{chat.pk}/transcript/"


def test_a_transcript_is_found_and_links_to_its_page(
    client, community, steward, host, member, django_capture_on_commit_callbacks
):
    chat = archived(
        community,
        steward,
        host,
        member,
        "Try the zucchini ratio task",
        django_capture_on_commit_callbacks,
    )

    page = text(client.get("/search/", {"q": "zucchini"}))

    assert f'href="{transcript_url(chat)}"' in page
    assert "Live chat transcript" in page
    assert f"#{chat.hashtag}" in page


def test_the_kind_filter_shows_transcripts_only(
    client, community, steward, host, member, django_capture_on_commit_callbacks
):
    chat = archived(
        community, steward, host, member, "zucchini everywhere", django_capture_on_commit_callbacks
    )

    chats = text(client.get("/search/", {"q": "zucchini", "kind": "chat"}))
    threads = text(client.get("/search/", {"q": "zucchini", "kind": "thread"}))

    assert "Live chat transcripts" in chats
    assert transcript_url(chat) in chats
    assert transcript_url(chat) not in threads


def test_solved_makes_no_sense_for_transcripts(client):
    response = client.get("/search/", {"q": "ratio", "kind": "chat", "solved": "yes"})

    assert "chat transcripts have neither" in text(response)


@pytest.mark.parametrize("actor", ["anonymous", "outsider", "banned"])
def test_a_private_transcript_is_never_found_by_outsiders(
    client, steward, outsider, actor, django_capture_on_commit_callbacks
):
    private = a_community(steward=steward, slug="staff-room", visibility=Visibility.MEMBERS)
    host = a_member(private, name="Hana Host")
    people = {
        "anonymous": None,
        "outsider": outsider,
        "banned": a_member(private, state="banned", name="Bo Banned"),
    }
    chat = archived(
        private, steward, host, host, "zucchini secrets", django_capture_on_commit_callbacks
    )
    if people[actor] is not None:
        client.force_login(people[actor])

    for kind in ("", "chat"):
        page = text(client.get("/search/", {"q": "zucchini", "kind": kind}))
        assert transcript_url(chat) not in page
        assert "zucchini secrets" not in page


def test_a_private_transcript_is_found_by_its_members(
    client, steward, django_capture_on_commit_callbacks
):
    private = a_community(steward=steward, slug="staff-room", visibility=Visibility.MEMBERS)
    host = a_member(private, name="Hana Host")
    chat = archived(
        private, steward, host, host, "zucchini secrets", django_capture_on_commit_callbacks
    )
    client.force_login(host)

    assert transcript_url(chat) in text(client.get("/search/", {"q": "zucchini"}))


def test_a_hidden_message_leaves_the_index(
    client, community, steward, host, member, django_capture_on_commit_callbacks
):
    chat = archived(
        community, steward, host, member, "zucchini", django_capture_on_commit_callbacks
    )
    message = chat.messages.get()

    with django_capture_on_commit_callbacks(execute=True):
        messages.message_hide(moderator=host, message=message)

    assert transcript_url(chat) not in text(client.get("/search/", {"q": "zucchini"}))


def test_reindex_rebuilds_transcripts_and_drops_stale_ones(
    community, steward, host, member, django_capture_on_commit_callbacks
):
    chat = archived(
        community, steward, host, member, "zucchini again", django_capture_on_commit_callbacks
    )
    before = list(
        SearchDocument.objects.filter(kind="chat").values("object_id", "title", "body", "tags")
    )
    SearchDocument.objects.filter(kind="chat").delete()
    live = a_live_chat(community, steward, host=host)
    SearchDocument.objects.create(
        kind="chat", object_id=live.pk, community=community, title="not archived", body="x"
    )

    call_command("reindex", stdout=StringIO())

    after = list(
        SearchDocument.objects.filter(kind="chat").values("object_id", "title", "body", "tags")
    )
    assert after == before
    assert after[0]["object_id"] == chat.pk
