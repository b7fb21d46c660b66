"""Private communities never leak: every read and write path, for every kind of outsider."""

from datetime import timedelta

import pytest
from django.utils import timezone

from staffroom.communities.models import (
    Community,
    Invitation,
    JoinPolicy,
    Membership,
    MembershipState,
    Role,
    Space,
    Visibility,
)
from staffroom.communities.services import community_create
from staffroom.discussions.models import Tag
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.communities import InvitationFactory, MembershipFactory
from tests.factories.orgs import OrganizationFactory, OrganizationMembershipFactory
from tests.pages import text

pytestmark = pytest.mark.django_db

OUTSIDERS = ["anonymous", "non-member", "pending", "banned"]
PRIVATE = [Visibility.MEMBERS, Visibility.SECRET]

# Every steward URL, with the methods its view accepts.
MANAGE_URLS = [
    ("manage/", {"GET", "POST"}),
    ("manage/spaces/", {"GET", "POST"}),
    ("manage/spaces/{space}/", {"GET", "POST"}),
    ("manage/spaces/{space}/move/", {"POST"}),
    ("manage/spaces/{space}/delete/", {"POST"}),
    ("manage/members/", {"GET"}),
    ("manage/members/{membership}/decide/", {"POST"}),
    ("manage/members/{membership}/role/", {"POST"}),
    ("manage/members/{membership}/ban/", {"POST"}),
    ("manage/members/{membership}/unban/", {"POST"}),
    ("manage/members/{membership}/remove/", {"POST"}),
    ("manage/invitations/", {"GET", "POST"}),
    ("manage/invitations/{invitation}/revoke/", {"POST"}),
    ("manage/transfer/", {"GET", "POST"}),
    ("manage/tags/", {"GET", "POST"}),
    ("manage/tags/{tag}/", {"GET", "POST"}),
    ("manage/tags/{tag}/delete/", {"GET", "POST"}),
]
MANAGE_PAGES = [url for url, methods in MANAGE_URLS if "GET" in methods]
STEWARD_ONLY = [
    ("manage/", "GET"),
    ("manage/spaces/", "GET"),
    ("manage/spaces/{space}/", "GET"),
    ("manage/spaces/{space}/move/", "POST"),
    ("manage/spaces/{space}/delete/", "POST"),
    ("manage/members/{membership}/decide/", "POST"),
    ("manage/members/{membership}/role/", "POST"),
    ("manage/members/{membership}/remove/", "POST"),
    ("manage/invitations/", "GET"),
    ("manage/invitations/{invitation}/revoke/", "POST"),
    ("manage/transfer/", "GET"),
    ("manage/tags/", "GET"),
    ("manage/tags/{tag}/", "GET"),
    ("manage/tags/{tag}/delete/", "POST"),
]


class World:
    """A private community with a member of every kind, and the people around it."""

    def __init__(self, visibility: str):
        self.steward = UserFactory(display_name="Steward Sam")
        self.community = community_create(
            creator=self.steward,
            name="Hidden Valley Heads",
            slug="hidden-valley",
            tagline="Tagline nobody outside should read",
            domain_statement="A domain statement nobody outside should read.",
            visibility=visibility,
            join_policy=JoinPolicy.REQUEST,
        )
        self.member = UserFactory(display_name="Mia Member")
        self.membership = MembershipFactory(community=self.community, user=self.member)
        self.moderator = UserFactory(display_name="Mo Moderator")
        MembershipFactory(community=self.community, user=self.moderator, role=Role.MODERATOR)
        self.pending = UserFactory(display_name="Pat Pending")
        MembershipFactory(
            community=self.community, user=self.pending, state=MembershipState.PENDING
        )
        self.banned = UserFactory(display_name="Bo Banned")
        MembershipFactory(community=self.community, user=self.banned, state=MembershipState.BANNED)
        self.non_member = UserFactory(display_name="Nell Nonmember")
        self.staff = StaffFactory(display_name="Stella Staff")
        self.space = self.community.spaces.first()
        self.invitation = InvitationFactory(community=self.community, created_by=self.steward)
        self.tag = Tag.objects.create(community=self.community, slug="planning", name="planning")

    def user(self, actor: str):
        return {
            "anonymous": None,
            "non-member": self.non_member,
            "pending": self.pending,
            "banned": self.banned,
            "moderator": self.moderator,
            "member": self.member,
            "steward": self.steward,
            "staff": self.staff,
        }[actor]

    def url(self, template: str, slug: str | None = None) -> str:
        path = template.format(
            space=self.space.pk,
            membership=self.membership.pk,
            invitation=self.invitation.pk,
            tag=self.tag.pk,
        )
        return f"/c/{slug or self.community.slug}/{path}"

    def post_data(self) -> dict:
        """A payload that would change something if the view accepted it."""
        return {
            "name": "Taken over",
            "tagline": "",
            "domain_statement": "Taken over.",
            "visibility": Visibility.PUBLIC,
            "join_policy": JoinPolicy.OPEN,
            "description": "",
            "direction": "down",
            "decision": "approve",
            "role": Role.STEWARD,
            "reason": "because",
            "days": "30",
            "max_uses": "",
            "note": "",
            "member": str(self.member.pk),
            "message": "let me in",
        }

    def snapshot(self) -> tuple:
        return (
            list(Community.objects.values_list("name", "visibility", "join_policy")),
            sorted(Membership.objects.values_list("user_id", "role", "state")),
            list(Space.objects.order_by("position", "pk").values_list("pk", "name", "position")),
            list(Invitation.objects.values_list("pk", "revoked_at", "use_count")),
            list(Tag.objects.order_by("pk").values_list("pk", "slug", "name")),
        )


@pytest.fixture(params=PRIVATE)
def world(request) -> World:
    return World(request.param)


@pytest.fixture
def members_only() -> World:
    return World(Visibility.MEMBERS)


@pytest.fixture
def secret() -> World:
    return World(Visibility.SECRET)


def as_actor(client, world: World, actor: str):
    user = world.user(actor)
    if user is not None:
        client.force_login(user)
    return client


def send(client, method: str, url: str, data: dict):
    return client.get(url) if method == "GET" else client.post(url, data)


# Steward pages


@pytest.mark.parametrize("actor", OUTSIDERS)
@pytest.mark.parametrize(("template", "methods"), MANAGE_URLS, ids=[u for u, _m in MANAGE_URLS])
def test_outsiders_cannot_reach_any_steward_url(client, world, actor, template, methods):
    as_actor(client, world, actor)
    before = world.snapshot()

    for method in ("GET", "POST"):
        response = send(client, method, world.url(template), world.post_data())
        ghost = send(client, method, world.url(template, slug="no-such-place"), world.post_data())

        if actor == "anonymous":
            assert response.status_code == 302, (method, template)
            assert response.url.startswith("/accounts/login/"), (method, template)
        elif method in methods:
            assert response.status_code == 404, (method, template)
        else:
            assert response.status_code == 405, (method, template)
        # Whatever the answer, it is the same as for a community that does not exist.
        assert response.status_code == ghost.status_code, (method, template)
        assert "Hidden Valley Heads" not in text(response)
    assert world.snapshot() == before


@pytest.mark.parametrize("template", MANAGE_PAGES)
@pytest.mark.parametrize("actor", ["steward", "staff"])
def test_stewards_and_platform_staff_open_every_steward_page(client, world, actor, template):
    as_actor(client, world, actor)

    response = client.get(world.url(template))

    assert response.status_code == 200
    assert "Hidden Valley Heads" in text(response)


def test_a_moderator_can_ban_a_member(client, world):
    as_actor(client, world, "moderator")

    page = client.get(world.url("manage/members/"))
    response = client.post(world.url("manage/members/{membership}/ban/"), {"reason": "spam"})

    assert page.status_code == 200
    assert response.status_code == 302
    world.membership.refresh_from_db()
    assert world.membership.state == MembershipState.BANNED


@pytest.mark.parametrize(("template", "method"), STEWARD_ONLY, ids=[u for u, _m in STEWARD_ONLY])
def test_a_moderator_gets_404_on_steward_only_urls(client, world, template, method):
    as_actor(client, world, "moderator")
    before = world.snapshot()

    response = send(client, method, world.url(template), world.post_data())

    assert response.status_code == 404
    assert world.snapshot() == before


@pytest.mark.parametrize("template", ["manage/", "manage/invitations/", "manage/transfer/"])
def test_a_moderator_cannot_post_to_steward_only_forms(client, world, template):
    as_actor(client, world, "moderator")
    before = world.snapshot()

    response = client.post(world.url(template), world.post_data())

    assert response.status_code == 404
    assert world.snapshot() == before


def test_a_plain_member_gets_404_on_the_members_page(client, world):
    as_actor(client, world, "member")

    response = client.get(world.url("manage/members/"))

    assert response.status_code == 404


# A secret community, from outside


@pytest.mark.parametrize("actor", ["non-member", "banned"])
@pytest.mark.parametrize(
    ("path", "method"),
    [
        ("", "GET"),
        ("members/", "GET"),
        ("join/", "POST"),
        ("request/", "GET"),
        ("request/", "POST"),
        ("leave/", "POST"),
    ],
)
def test_everything_about_a_secret_community_is_404_for_signed_in_outsiders(
    client, secret, actor, path, method
):
    as_actor(client, secret, actor)
    before = secret.snapshot()

    response = send(client, method, secret.url(path), secret.post_data())

    assert response.status_code == 404
    assert "Hidden Valley Heads" not in text(response)
    assert secret.snapshot() == before


@pytest.mark.parametrize("path", ["", "members/"])
def test_a_secret_community_is_404_for_anonymous_visitors(client, secret, path):
    response = client.get(secret.url(path))

    assert response.status_code == 404
    assert "Hidden Valley Heads" not in text(response)
    assert "We can't find that page" in text(response)


@pytest.mark.parametrize("path", ["join/", "request/", "leave/"])
def test_anonymous_writes_to_a_secret_community_look_like_writes_to_nothing(client, secret, path):
    response = client.post(secret.url(path))
    ghost = client.post(f"/c/no-such-place/{path}")

    assert response.status_code == ghost.status_code == 302
    assert response.url.replace("hidden-valley", "no-such-place") == ghost.url


def test_a_pending_requester_sees_the_secret_landing_page_to_withdraw_but_not_its_members(
    client, secret
):
    # By design: someone waiting for an answer may see the page and withdraw.
    as_actor(client, secret, "pending")

    landing = client.get(secret.url(""))
    members = client.get(secret.url("members/"))

    assert landing.status_code == 200
    assert "Withdraw request" in text(landing)
    assert "Mia Member" not in text(landing)
    assert members.status_code == 403


# A pending requester may see the landing page (to withdraw), so lists may show it to them.
@pytest.mark.parametrize("actor", ["anonymous", "non-member", "banned"])
def test_a_secret_community_is_never_listed_for_outsiders(client, secret, actor):
    as_actor(client, secret, actor)

    directory = client.get("/communities/")
    search = client.get("/communities/", {"q": "hidden"})
    home = client.get("/")

    for response in (directory, search, home):
        assert response.status_code == 200
        assert "Hidden Valley Heads" not in text(response)
        assert "hidden-valley" not in text(response)


@pytest.mark.parametrize("actor", OUTSIDERS)
def test_a_secret_community_is_not_on_a_members_profile_for_outsiders(client, secret, actor):
    as_actor(client, secret, actor)

    response = client.get(f"/people/{secret.member.pk}/")

    assert response.status_code == 200
    assert "Mia Member" in text(response)
    assert "Hidden Valley Heads" not in text(response)


@pytest.mark.parametrize("actor", ["anonymous", "non-member", "banned"])
def test_a_secret_community_of_an_organisation_is_not_on_its_page_for_outsiders(client, actor):
    organization = OrganizationFactory(name="Valley District", slug="valley")
    steward = UserFactory()
    OrganizationMembershipFactory(organization=organization, user=steward, role="admin")
    community = community_create(
        creator=steward,
        name="Hidden Valley Heads",
        slug="hidden-valley",
        domain_statement="Secret.",
        visibility=Visibility.SECRET,
        organization=organization,
    )
    users = {"non-member": UserFactory(), "banned": UserFactory()}
    MembershipFactory(community=community, user=users["banned"], state=MembershipState.BANNED)
    if actor in users:
        client.force_login(users[actor])

    response = client.get("/orgs/valley/")

    assert response.status_code == 200
    assert "Valley District" in text(response)
    assert "Hidden Valley Heads" not in text(response)


def test_members_and_staff_see_the_secret_community_listed(client, secret):
    for actor in ("member", "staff"):
        as_actor(client, secret, actor)

        response = client.get("/communities/")

        assert "Hidden Valley Heads" in text(response)


# A members-only community, from outside


@pytest.mark.parametrize("actor", OUTSIDERS)
def test_the_member_directory_of_a_members_only_community_is_closed_to_outsiders(
    client, members_only, actor
):
    as_actor(client, members_only, actor)

    response = client.get(members_only.url("members/"))

    if response.status_code == 302:
        assert response.url.startswith("/accounts/login/")
    else:
        assert response.status_code == 403
    assert "Mia Member" not in text(response)


@pytest.mark.parametrize("actor", OUTSIDERS)
def test_a_members_only_community_is_not_on_profiles_for_outsiders(client, members_only, actor):
    as_actor(client, members_only, actor)

    response = client.get(f"/people/{members_only.member.pk}/")

    assert response.status_code == 200
    assert "Hidden Valley Heads" not in text(response)


def test_a_members_only_community_is_on_profiles_for_fellow_members(client, members_only):
    as_actor(client, members_only, "moderator")

    response = client.get(f"/people/{members_only.member.pk}/")

    assert "Hidden Valley Heads" in text(response)


@pytest.mark.parametrize("actor", OUTSIDERS)
def test_a_members_only_landing_page_shows_no_spaces_or_members(client, members_only, actor):
    as_actor(client, members_only, actor)

    response = client.get(members_only.url(""))

    assert response.status_code == 200
    assert "Hidden Valley Heads" in text(response)
    assert "Conversations, resources and the member list are for members only." in text(response)
    assert members_only.space.description not in text(response)
    assert "Mia Member" not in text(response)
    assert "Pat Pending" not in text(response)


# Dead invitation links


def _dead(invitation: Invitation, how: str) -> Invitation:
    if how == "expired":
        invitation.expires_at = timezone.now() - timedelta(minutes=1)
    elif how == "revoked":
        invitation.revoked_at = timezone.now()
    else:
        invitation.max_uses, invitation.use_count = 3, 3
    invitation.save()
    return invitation


@pytest.mark.parametrize("how", ["expired", "revoked", "used up"])
@pytest.mark.parametrize("actor", ["anonymous", "non-member", "banned"])
def test_a_dead_link_to_a_secret_community_does_not_reveal_it(client, secret, actor, how):
    invitation = _dead(secret.invitation, how)
    as_actor(client, secret, actor)

    page = client.get(f"/invite/{invitation.token}/")
    accepted = client.post(f"/invite/{invitation.token}/")

    assert page.status_code == 200
    for response in (page, accepted):
        body = text(response)
        assert "This invitation has expired" in body or response.status_code == 302
        assert "Hidden Valley Heads" not in body
        assert "nobody outside should read" not in body
        assert "hidden-valley" not in body
    assert not Membership.objects.filter(
        community=secret.community, user=secret.non_member
    ).exists()


def test_a_dead_link_still_shows_the_community_to_its_members(client, secret):
    invitation = _dead(secret.invitation, "expired")
    as_actor(client, secret, "member")

    response = client.get(f"/invite/{invitation.token}/")

    assert "Hidden Valley Heads" in text(response)


def test_an_unknown_invitation_token_is_404(client):
    assert client.get("/invite/not-a-real-token/").status_code == 404


# Live chats of a private community

CHAT_READ_URLS = [
    "chats/",
    "chats.ics",
    "chats/{chat}/",
    "chats/{chat}/chat.ics",
    "chats/{chat}/messages/",
    "chats/{chat}/by-question/",
    "chats/{chat}/transcript/",
    "chats/{chat}/transcript.md",
    "chats/{chat}/transcript.csv",
]
CHAT_SIGNED_IN_URLS = [
    ("chats/new/", {"GET", "POST"}),
    ("chats/{chat}/edit/", {"GET", "POST"}),
    ("chats/{chat}/cancel/", {"GET", "POST"}),
    ("chats/{chat}/summary/", {"GET", "POST"}),
    ("chats/{chat}/post/", {"POST"}),
    ("chats/{chat}/release/", {"POST"}),
    ("chats/{chat}/end/", {"POST"}),
    ("chats/{chat}/mute/", {"POST"}),
    ("chats/{chat}/m/{message}/like/", {"POST"}),
    ("chats/{chat}/m/{message}/hide/", {"POST"}),
]


def _chat_world(world: World):
    from staffroom.livechat.messages import message_post
    from tests.livechat.builders import a_live_chat

    chat = a_live_chat(world.community, world.steward, host=world.member, title="Hidden chat")
    message = message_post(author=world.member, chat=chat, body="A private answer")
    return chat, message


def _chat_snapshot() -> tuple:
    from staffroom.livechat.models import Chat, ChatLike, ChatMessage, ChatMute

    return (
        list(Chat.objects.values_list("pk", "current_question", "archived_at", "cancelled_at")),
        list(ChatMessage.objects.values_list("pk", "hidden_at", "like_count")),
        ChatLike.objects.count(),
        ChatMute.objects.count(),
    )


@pytest.mark.parametrize("actor", OUTSIDERS)
@pytest.mark.parametrize("template", CHAT_READ_URLS)
def test_outsiders_cannot_read_any_chat_page(client, world, actor, template):
    chat, message = _chat_world(world)
    as_actor(client, world, actor)
    path = template.format(chat=chat.pk, message=message.pk)

    response = client.get(world.url(path))
    ghost = client.get(world.url(path, slug="no-such-place"))

    assert response.status_code == ghost.status_code == 404
    assert "Hidden chat" not in text(response)
    assert "A private answer" not in text(response)


@pytest.mark.parametrize("actor", OUTSIDERS)
@pytest.mark.parametrize(
    ("template", "methods"), CHAT_SIGNED_IN_URLS, ids=[u for u, _m in CHAT_SIGNED_IN_URLS]
)
def test_outsiders_cannot_reach_any_chat_form(client, world, actor, template, methods):
    chat, message = _chat_world(world)
    as_actor(client, world, actor)
    path = template.format(chat=chat.pk, message=message.pk)
    before = _chat_snapshot()

    for method in ("GET", "POST"):
        data = {"body": "Intruding", "user": str(world.member.pk), "title": "x"}
        response = send(client, method, world.url(path), data)
        ghost = send(client, method, world.url(path, slug="no-such-place"), data)

        if actor == "anonymous":
            assert response.status_code == 302, (method, template)
            assert response.url.startswith("/accounts/login/"), (method, template)
        elif method in methods:
            assert response.status_code == 404, (method, template)
        else:
            assert response.status_code == 405, (method, template)
        assert response.status_code == ghost.status_code, (method, template)
        assert "Hidden chat" not in text(response)
    assert _chat_snapshot() == before
