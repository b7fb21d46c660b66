"""Private threads never leak, hidden threads stay out of lists, and outsiders write nothing."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from staffroom.communities.models import JoinPolicy, MembershipState, Role, Visibility
from staffroom.communities.services import community_create
from staffroom.discussions import services
from staffroom.discussions.models import PostImage, ReactionKind, TagFollow, ThreadKind
from tests.discussions.builders import a_member, a_reply, a_thread, fresh, post_at, snapshot
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.discussions import TagFactory
from tests.pages import shown_messages, text

pytestmark = pytest.mark.django_db

OUTSIDERS = ["anonymous", "non-member", "pending", "banned"]
PRIVATE = [Visibility.MEMBERS, Visibility.SECRET]
SECRET_WORDS = ["Whispering Pines", "Ratio tables that flopped", "seating plan", "Mo Moderator"]

# Every page under a thread, and every form that writes to one.
THREAD_PAGES = [
    "",
    "?page=2",
    "?sort=oldest",
    "unread/",
    "p/1/",
    "p/2/",
    "p/2/history/",
]
# Fragments the live thread page fetches: no title of their own, but the same access rules.
THREAD_FRAGMENTS = ["after/1/", "after/1/?until=2"]
LIST_PAGES = ["threads/", "threads/?show=questions", "threads/?tag=ratio", "s/general/"]
WRITES = [
    ("reply/", {"body": "Taken over"}),
    ("follow/", {"level": "watch"}),
    ("moderate/", {"locked": "on", "pinned": "on"}),
    ("p/2/edit/", {"body": "Taken over"}),
    ("p/2/delete/", {}),
    ("p/1/delete/", {}),
    ("p/2/hide/", {"reason": "because"}),
    ("p/3/unhide/", {}),
    ("p/2/react/", {"kind": "thanks"}),
    ("p/2/vote/", {"value": "1"}),
    ("p/2/accept/", {"label": "grade 3"}),
    ("p/4/accept/", {"undo": "1"}),
]


def a_picture() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (10, 20, 30)).save(buffer, "PNG")
    return SimpleUploadedFile("seating-plan.png", buffer.getvalue(), content_type="image/png")


class World:
    """A community with a question, its answers and a member of every kind around it."""

    def __init__(self, visibility: str):
        self.steward = UserFactory(display_name="Steward Sam")
        self.community = community_create(
            creator=self.steward,
            name="Whispering Pines Staffroom",
            slug="pines",
            domain_statement="Maths teachers at one school.",
            visibility=visibility,
            join_policy=JoinPolicy.REQUEST,
        )
        self.member = a_member(self.community, name="Mia Member")
        self.moderator = a_member(self.community, role=Role.MODERATOR, name="Mo Moderator")
        self.pending = a_member(self.community, state=MembershipState.PENDING)
        self.banned = a_member(self.community, state=MembershipState.BANNED)
        self.non_member = UserFactory(display_name="Nell Nonmember")
        self.staff = StaffFactory(display_name="Stella Staff")
        ratio = TagFactory(community=self.community, slug="ratio", name="ratio")
        self.thread = a_thread(
            self.community,
            self.member,
            kind=ThreadKind.QUESTION,
            title="Ratio tables that flopped",
            body="My seating plan made the group work collapse.",
            tags=[ratio],
        )
        services.post_create(
            author=self.moderator,
            thread=self.thread,
            body="Answer one",
            images=[a_picture()],
            image_description="seating plan photo",
        )
        for body in ["Answer two, hidden", "Answer three, accepted"]:
            a_reply(self.thread, self.moderator, body=body)
        services.post_hide(moderator=self.moderator, post=post_at(self.thread, 3), reason="x")
        services.answer_accept(user=self.member, post=post_at(self.thread, 4), label="grade 7")
        services.post_edit(editor=self.moderator, post=post_at(self.thread, 2), body="Answer 1b")
        self.thread = fresh(self.thread)
        self.image = PostImage.objects.get(post__thread=self.thread)

    def image_url(self) -> str:
        return self.thread_url(f"p/2/images/{self.image.pk}/")

    def user(self, actor: str):
        return {
            "anonymous": None,
            "non-member": self.non_member,
            "pending": self.pending,
            "banned": self.banned,
            "member": self.member,
            "moderator": self.moderator,
            "steward": self.steward,
            "staff": self.staff,
        }[actor]

    def thread_url(self, path: str, thread_id: int | None = None) -> str:
        return f"/c/pines/t/{thread_id or self.thread.pk}/{path}"


@pytest.fixture(params=PRIVATE)
def world(request) -> World:
    return World(request.param)


@pytest.fixture
def public() -> World:
    return World(Visibility.PUBLIC)


def as_actor(client, world: World, actor: str):
    user = world.user(actor)
    if user is not None:
        client.force_login(user)
    return client


def assert_nothing_private(response) -> None:
    page = text(response)
    for words in SECRET_WORDS:
        assert words not in page, words


def assert_sent_to_login(response) -> None:
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


# --- reads --------------------------------------------------------------------------------------


@pytest.mark.parametrize("actor", OUTSIDERS)
def test_outsiders_get_not_found_for_every_page_of_a_private_thread(client, world, actor):
    as_actor(client, world, actor)

    for path in THREAD_PAGES + THREAD_FRAGMENTS:
        response = client.get(world.thread_url(path))
        ghost = client.get(world.thread_url(path, thread_id=999_999))

        assert response.status_code == 404, path
        # Whatever the answer, it is the same as for a thread that does not exist.
        assert ghost.status_code == 404, path
        assert_nothing_private(response)


@pytest.mark.parametrize("actor", OUTSIDERS)
def test_outsiders_never_get_the_images_of_a_private_thread(client, world, actor):
    as_actor(client, world, actor)

    response = client.get(world.image_url())

    assert response.status_code == 404
    assert_nothing_private(response)


@pytest.mark.parametrize("actor", ["member", "moderator", "steward", "staff"])
def test_members_and_staff_get_the_images_of_a_private_thread(client, world, actor):
    as_actor(client, world, actor)

    response = client.get(world.image_url())

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"


@pytest.mark.parametrize("actor", OUTSIDERS)
def test_outsiders_cannot_open_the_reply_form_or_quote_a_private_post(client, world, actor):
    as_actor(client, world, actor)

    for path in ["reply/", "reply/?quote=2"]:
        response = client.get(world.thread_url(path))

        if actor == "anonymous":
            assert_sent_to_login(response)
        else:
            assert response.status_code == 404
        assert_nothing_private(response)


@pytest.mark.parametrize("actor", ["non-member", "pending", "banned"])
def test_outsiders_cannot_follow_a_private_communitys_tags(client, world, actor):
    as_actor(client, world, actor)

    response = client.post("/c/pines/tags/ratio/follow/", {"follow": "1"})

    assert response.status_code in {403, 404}
    assert not TagFollow.objects.exists()
    assert_nothing_private(response)


@pytest.mark.parametrize("actor", OUTSIDERS)
def test_outsiders_cannot_open_the_edit_form_of_a_private_post(client, world, actor):
    as_actor(client, world, actor)

    response = client.get(world.thread_url("p/2/edit/"))

    if actor == "anonymous":
        assert_sent_to_login(response)
    else:
        assert response.status_code == 404
    assert_nothing_private(response)


@pytest.mark.parametrize("actor", OUTSIDERS)
def test_outsiders_never_see_the_thread_list_of_a_private_community(client, world, actor):
    as_actor(client, world, actor)

    for path in LIST_PAGES:
        response = client.get(f"/c/pines/{path}")

        if world.community.visibility == Visibility.SECRET and actor != "pending":
            # A secret community looks like no community at all.
            assert response.status_code == 404, path
        else:
            # As for the member directory: the community is known, its content is not.
            assert response.status_code == 403, path
        assert_nothing_private(response)


@pytest.mark.parametrize("actor", OUTSIDERS)
def test_outsiders_cannot_open_the_new_thread_form_of_a_private_community(client, world, actor):
    as_actor(client, world, actor)

    response = client.get("/c/pines/new/")

    if actor == "anonymous":
        assert_sent_to_login(response)
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("actor", ["member", "moderator", "steward", "staff"])
def test_members_and_staff_read_every_page_of_a_private_thread(client, world, actor):
    as_actor(client, world, actor)

    for path in THREAD_PAGES:
        response = client.get(world.thread_url(path), follow=True)

        assert response.status_code == 200, path
        assert "Ratio tables that flopped" in text(response), path


@pytest.mark.parametrize("actor", ["member", "staff"])
def test_members_and_staff_see_private_threads_listed(client, world, actor):
    as_actor(client, world, actor)

    for path in LIST_PAGES:
        response = client.get(f"/c/pines/{path}")

        assert response.status_code == 200, path
        assert "Ratio tables that flopped" in text(response), path


@pytest.mark.parametrize("actor", OUTSIDERS)
def test_outsiders_read_the_threads_of_a_public_community(client, public, actor):
    as_actor(client, public, actor)

    listing = client.get("/c/pines/threads/")
    page = client.get(public.thread_url(""))

    assert listing.status_code == page.status_code == 200
    assert "Ratio tables that flopped" in text(listing)
    assert "My seating plan" in text(page)


def test_members_and_outsiders_see_a_hidden_post_without_its_text(client, public):
    url = public.thread_url("?sort=oldest")

    # Visitors twice: the second page is built from the visitors' cached posts
    # (post_fragments), which the moderator after them must not be served.
    readers = [("anonymous", False), ("anonymous", False), ("member", False)]
    for actor, sees in [*readers, ("non-member", False), ("moderator", True)]:
        as_actor(client, public, actor)
        page = text(client.get(url))
        assert ("Answer two, hidden" in page) is sees, actor
        client.logout()


def test_a_hidden_post_has_no_readable_history_for_members(client, public):
    as_actor(client, public, "member")

    response = client.get(public.thread_url("p/3/history/"))

    assert response.status_code == 404


# --- hidden threads -----------------------------------------------------------------------------


@pytest.fixture
def hidden(public) -> World:
    """A public community where a second thread was withdrawn by its author."""
    withdrawn = a_thread(public.community, public.member, title="A withdrawn thread")
    services.post_delete(user=public.member, post=post_at(withdrawn, 1))
    public.withdrawn = withdrawn
    return public


@pytest.mark.parametrize("actor", ["anonymous", "non-member", "member"])
def test_a_hidden_thread_is_absent_from_lists_for_members(client, hidden, actor):
    as_actor(client, hidden, actor)

    for path in ["threads/", "threads/?show=latest", "s/general/"]:
        response = client.get(f"/c/pines/{path}")

        assert response.status_code == 200, path
        assert "Ratio tables that flopped" in text(response), path
        assert "A withdrawn thread" not in text(response), path


@pytest.mark.parametrize("actor", ["anonymous", "non-member", "member"])
def test_a_hidden_thread_is_not_found_for_members(client, hidden, actor):
    as_actor(client, hidden, actor)

    for path in ["", "unread/", "p/1/", "p/1/history/"]:
        response = client.get(hidden.thread_url(path, thread_id=hidden.withdrawn.pk))

        assert response.status_code == 404, path
        assert "A withdrawn thread" not in text(response)


@pytest.mark.parametrize("actor", ["moderator", "steward", "staff"])
def test_moderators_still_open_a_hidden_thread(client, hidden, actor):
    as_actor(client, hidden, actor)

    response = client.get(hidden.thread_url("", thread_id=hidden.withdrawn.pk))

    assert response.status_code == 200
    assert "A withdrawn thread" in text(response)


@pytest.mark.parametrize("actor", ["moderator", "steward"])
def test_hidden_threads_stay_out_of_lists_for_moderators_too(client, hidden, actor):
    # readable_threads leaves hidden threads out of every list; moderators reach them by URL.
    as_actor(client, hidden, actor)

    response = client.get("/c/pines/threads/")

    assert "A withdrawn thread" not in text(response)


# --- writes -------------------------------------------------------------------------------------


@pytest.mark.parametrize("actor", OUTSIDERS)
def test_outsiders_write_nothing_to_a_private_thread(client, world, actor):
    as_actor(client, world, actor)
    before = snapshot()

    for path, data in WRITES:
        response = client.post(world.thread_url(path), data)
        ghost = client.post(world.thread_url(path, thread_id=999_999), data)

        if actor == "anonymous":
            assert_sent_to_login(response)
            assert_sent_to_login(ghost)
        else:
            assert response.status_code == ghost.status_code == 404, path
        assert_nothing_private(response)
        assert snapshot() == before, path


@pytest.mark.parametrize("actor", OUTSIDERS)
def test_outsiders_start_no_thread_in_a_private_community(client, world, actor):
    as_actor(client, world, actor)
    before = snapshot()

    response = client.post(
        "/c/pines/new/",
        {
            "kind": "discussion",
            "space": world.community.spaces.first().pk,
            "title": "Hi",
            "body": "x",
        },
    )

    assert response.status_code in {302, 404}
    assert snapshot() == before


# In a public community outsiders read everything, and following is a reader's choice.
PUBLIC_WRITES = [(path, data) for path, data in WRITES if path != "follow/"]


@pytest.mark.parametrize("actor", OUTSIDERS)
def test_outsiders_write_nothing_to_a_public_thread(client, public, actor):
    as_actor(client, public, actor)
    before = snapshot()

    for path, data in PUBLIC_WRITES:
        response = client.post(public.thread_url(path), data)

        if actor == "anonymous":
            assert_sent_to_login(response)
        else:
            # A refusal is a message on the thread, a re-rendered form, or no such page.
            assert response.status_code in {200, 302, 404}, path
        assert snapshot() == before, path


@pytest.mark.parametrize("actor", ["non-member", "pending", "banned"])
def test_outsiders_start_no_thread_in_a_public_community(client, public, actor):
    as_actor(client, public, actor)
    before = snapshot()

    response = client.post(
        "/c/pines/new/",
        {
            "kind": "discussion",
            "space": public.community.spaces.first().pk,
            "title": "Hi",
            "body": "x",
        },
    )

    assert response.status_code == 404
    assert snapshot() == before


def test_a_banned_member_of_a_public_community_cannot_reply(client, public):
    as_actor(client, public, "banned")
    before = snapshot()

    response = client.post(public.thread_url("reply/"), {"body": "I'm back"})

    assert response.status_code == 200
    assert "Only active members of this community can post here." in text(response)
    assert snapshot() == before


@pytest.mark.parametrize("kind", ReactionKind.values)
def test_a_banned_member_of_a_public_community_cannot_react(client, public, kind):
    as_actor(client, public, "banned")
    before = snapshot()

    response = client.post(public.thread_url("p/2/react/"), {"kind": kind})

    assert response.status_code == 302
    assert shown_messages(response) == ["Only active members of this community can post here."]
    assert snapshot() == before


def test_a_banned_member_sees_no_reply_or_reaction_forms(client, public):
    as_actor(client, public, "banned")

    response = client.get(public.thread_url(""))

    assert response.status_code == 200
    assert "/reply/" not in text(response)
    assert "/react/" not in text(response)
    assert "/vote/" not in text(response)
