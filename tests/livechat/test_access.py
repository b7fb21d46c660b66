"""Who reaches which chat page and form, on a public and on a members-only community."""

from datetime import timedelta

import pytest
from django.core.cache import cache

from staffroom.communities.models import MembershipState, Role, Visibility
from staffroom.livechat import messages, services
from staffroom.livechat.models import Chat, ChatLike, ChatMessage, ChatMute
from tests.discussions.builders import a_community, a_member
from tests.factories.accounts import UserFactory
from tests.livechat.builders import a_chat, a_live_chat
from tests.pages import text

pytestmark = pytest.mark.django_db

ACTORS = ["anonymous", "outsider", "banned", "member", "moderator", "host"]
READERS_OF_PRIVATE = {"member", "moderator", "host"}


class World:
    """A community with a scheduled, a live and an ended chat, and one person of each kind."""

    def __init__(self, visibility: str):
        self.steward = UserFactory(display_name="Sam Steward")
        self.community = a_community(
            steward=self.steward, name="Valley maths", slug="valley", visibility=visibility
        )
        self.people = {
            "anonymous": None,
            "outsider": UserFactory(display_name="Oscar Outsider"),
            "banned": a_member(self.community, state=MembershipState.BANNED, name="Bo Banned"),
            "member": a_member(self.community, name="Mia Member"),
            "moderator": a_member(self.community, role=Role.MODERATOR, name="Mo Moderator"),
            "host": a_member(self.community, name="Hana Host"),
        }
        host = self.people["host"]
        self.scheduled = a_chat(
            self.community, self.steward, host=host, title="Secret schedule", hashtag="plans"
        )
        self.live = a_live_chat(
            self.community, self.steward, host=host, title="Secret live", hashtag="nowchat"
        )
        self.message = messages.message_post(
            author=self.people["member"], chat=self.live, body="A private answer"
        )
        self.hidden = messages.message_post(
            author=self.people["member"], chat=self.live, body="A hidden answer"
        )
        messages.message_hide(moderator=host, message=self.hidden)
        self.ended = a_live_chat(
            self.community, self.steward, host=host, title="Secret past", hashtag="pastchat"
        )
        messages.message_post(author=host, chat=self.ended, body="An archived answer")
        services.chat_end(user=host, chat=self.ended)
        cache.clear()

    def user(self, actor: str):
        return self.people[actor]

    def base(self, chat: Chat) -> str:
        return f"/c/{self.community.slug}/chats/{chat.pk}/"

    def snapshot(self) -> tuple:
        return (
            list(
                Chat.objects.order_by("pk").values_list(
                    "title", "current_question", "archived_at", "cancelled_at", "summary_thread"
                )
            ),
            list(ChatMessage.objects.order_by("pk").values_list("pk", "hidden_at", "like_count")),
            ChatLike.objects.count(),
            ChatMute.objects.count(),
        )


@pytest.fixture(params=[Visibility.PUBLIC, Visibility.MEMBERS], ids=["public", "members"])
def world(request) -> World:
    return World(request.param)


def login(client, world: World, actor: str):
    if world.user(actor) is not None:
        client.force_login(world.user(actor))
    return client


def may_read(world: World, actor: str) -> bool:
    return world.community.visibility == Visibility.PUBLIC or actor in READERS_OF_PRIVATE


READ_PAGES = {
    "list": lambda w: f"/c/{w.community.slug}/chats/",
    "calendar": lambda w: f"/c/{w.community.slug}/chats.ics",
    "scheduled chat": lambda w: w.base(w.scheduled),
    "live chat": lambda w: w.base(w.live),
    "chat ics": lambda w: w.base(w.live) + "chat.ics",
    "poll": lambda w: w.base(w.live) + "messages/?after=0",
    "by question": lambda w: w.base(w.live) + "by-question/",
    "transcript": lambda w: w.base(w.ended) + "transcript/",
    "transcript md": lambda w: w.base(w.ended) + "transcript.md",
    "transcript csv": lambda w: w.base(w.ended) + "transcript.csv",
}
SECRETS = ["Secret schedule", "Secret live", "Secret past", "A private answer", "An archived"]
# Hidden from everyone but the chat's hosts and moderators, on every page.
HIDDEN = "A hidden answer"


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("page", list(READ_PAGES))
def test_read_pages_are_open_to_readers_and_404_to_everyone_else(client, world, actor, page):
    login(client, world, actor)

    response = client.get(READ_PAGES[page](world))

    if may_read(world, actor):
        assert response.status_code == 200, page
        if actor not in {"moderator", "host"}:
            assert HIDDEN not in text(response), page
    else:
        assert response.status_code == 404, page
        assert not any(secret in text(response) for secret in SECRETS)


# Pages only some may open: who, per page.
FORM_PAGES = {
    "new": (lambda w: f"/c/{w.community.slug}/chats/new/", {"moderator"}),
    "edit": (lambda w: w.base(w.scheduled) + "edit/", {"moderator", "host"}),
    "cancel": (lambda w: w.base(w.scheduled) + "cancel/", {"moderator", "host"}),
    "summary": (lambda w: w.base(w.ended) + "summary/", {"moderator", "host"}),
}


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("page", list(FORM_PAGES))
def test_form_pages_are_for_stewards_moderators_and_hosts(client, world, actor, page):
    path, allowed = FORM_PAGES[page]
    login(client, world, actor)

    response = client.get(path(world))

    if actor == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith("/accounts/login/")
    elif actor in allowed:
        assert response.status_code == 200
    else:
        assert response.status_code == 404


# Writes: who may, who is refused with a message, who cannot even see the chat.
WRITES = {
    "post": (
        lambda w: w.base(w.live) + "post/",
        {"body": "Intruding"},
        {"member", "moderator", "host"},
    ),
    "like": (
        lambda w: w.base(w.live) + f"m/{w.message.pk}/like/",
        {},
        {"member", "moderator", "host"},
    ),
    "hide": (lambda w: w.base(w.live) + f"m/{w.message.pk}/hide/", {}, {"moderator", "host"}),
    "unhide": (
        lambda w: w.base(w.live) + f"m/{w.hidden.pk}/unhide/",
        {},
        {"moderator", "host"},
    ),
    "mute": (lambda w: w.base(w.live) + "mute/", None, {"moderator", "host"}),
    "release": (lambda w: w.base(w.live) + "release/", {}, {"moderator", "host"}),
    "end": (lambda w: w.base(w.live) + "end/", {}, {"moderator", "host"}),
    "cancel": (lambda w: w.base(w.scheduled) + "cancel/", {}, {"moderator", "host"}),
}


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("action", list(WRITES))
def test_writes_change_something_only_for_those_allowed(client, world, actor, action):
    path, data, allowed = WRITES[action]
    if data is None:
        data = {"user": str(world.people["member"].pk)}
    login(client, world, actor)
    before = world.snapshot()

    response = client.post(path(world), data)

    if actor == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith("/accounts/login/")
    elif not may_read(world, actor) or (action == "cancel" and actor not in allowed):
        assert response.status_code == 404
    else:
        assert response.status_code == 302
    changed = world.snapshot() != before
    assert changed == (actor in allowed), (actor, action)


def test_a_member_muting_themselves_changes_nothing(client):
    world = World(Visibility.PUBLIC)
    login(client, world, "host")
    before = world.snapshot()

    client.post(world.base(world.live) + "mute/", {"user": str(world.people["host"].pk)})

    assert world.snapshot() == before


@pytest.mark.parametrize("actor", ["anonymous", "outsider", "banned"])
def test_a_private_communitys_chats_are_not_in_its_calendar_or_list_for_outsiders(client, actor):
    world = World(Visibility.MEMBERS)
    login(client, world, actor)

    for path in (READ_PAGES["list"](world), READ_PAGES["calendar"](world)):
        response = client.get(path)
        assert response.status_code == 404
        assert "Secret" not in text(response)


def test_a_chat_of_another_community_is_404_under_this_one(client):
    world = World(Visibility.PUBLIC)
    elsewhere = a_community(slug="elsewhere")

    response = client.get(f"/c/{elsewhere.slug}/chats/{world.live.pk}/")

    assert response.status_code == 404


def test_an_unknown_chat_is_404(client):
    world = World(Visibility.PUBLIC)

    assert client.get(f"/c/{world.community.slug}/chats/999999/").status_code == 404
    assert client.get("/c/no-such-place/chats/").status_code == 404


def test_a_scheduled_chat_has_no_transcript_or_exports(client):
    world = World(Visibility.PUBLIC)
    base = world.base(world.scheduled)

    transcript = client.get(base + "transcript/")

    assert transcript.status_code == 302
    assert client.get(base + "transcript.md").status_code == 404
    assert client.get(base + "transcript.csv").status_code == 404


def test_a_cancelled_chat_cannot_be_run(client):
    world = World(Visibility.PUBLIC)
    services.chat_cancel(user=world.steward, chat=world.scheduled)
    login(client, world, "moderator")

    page = text(client.get(world.base(world.scheduled)))

    assert "This chat was cancelled." in page
    assert "Release next question" not in page
    assert client.get(world.base(world.scheduled) + "edit/").status_code == 404


def test_the_host_of_a_past_chat_who_left_cannot_post_its_summary(client):
    world = World(Visibility.PUBLIC)
    host = world.people["host"]
    world.community.memberships.filter(user=host).delete()
    login(client, world, "host")

    assert client.get(world.base(world.ended) + "summary/").status_code == 404


def test_edit_is_gone_once_the_chat_starts(client):
    world = World(Visibility.PUBLIC)
    Chat.objects.filter(pk=world.scheduled.pk).update(
        starts_at=world.scheduled.starts_at - timedelta(days=2)
    )
    login(client, world, "host")

    assert client.get(world.base(world.scheduled) + "edit/").status_code == 404
