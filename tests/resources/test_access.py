"""A private community's resources never leak: pages, lists, downloads, files, forms."""

import pytest
from django.core.files.base import ContentFile

from staffroom.communities.models import JoinPolicy, MembershipState, Role, Visibility
from staffroom.communities.services import community_create
from staffroom.resources import services
from staffroom.resources.models import Attachment, Resource, TriedReport
from tests.discussions.builders import a_member
from tests.factories.accounts import StaffFactory, UserFactory
from tests.pages import text
from tests.resources.builders import a_resource

pytestmark = pytest.mark.django_db

OUTSIDERS = ["anonymous", "non-member", "pending", "banned"]
SECRET_WORDS = ["Whispering Pines", "Squash recipes", "squash"]
PAGES = ["", "history/", "history/1/", "download.json"]
FORMS = ["edit/", "delete/", "remix/", "tried/", "discuss/"]


class World:
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
        self.resource = a_resource(self.member, self.community)
        self.attachment = Attachment(
            resource=self.resource,
            content_type="application/pdf",
            original_name="squash.pdf",
            size=9,
        )
        self.attachment.file.save("squash.pdf", ContentFile(b"%PDF-1.4\n"), save=True)

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

    def url(self, path: str) -> str:
        return f"/r/{self.resource.pk}/{path}"


@pytest.fixture(params=[Visibility.MEMBERS, Visibility.SECRET])
def world(request) -> World:
    return World(request.param)


def login(client, world: World, actor: str):
    user = world.user(actor)
    if user is not None:
        client.force_login(user)


def assert_nothing_private(response) -> None:
    page = text(response)
    for words in SECRET_WORDS:
        assert words not in page, words


@pytest.mark.parametrize("actor", OUTSIDERS)
def test_outsiders_get_not_found_for_every_page_and_file(client, world, actor):
    login(client, world, actor)

    for path in [*PAGES, f"files/{world.attachment.pk}/"]:
        response = client.get(world.url(path))

        assert response.status_code == 404, path
        assert_nothing_private(response)


@pytest.mark.parametrize("actor", OUTSIDERS)
def test_outsiders_cannot_open_or_post_the_forms(client, world, actor):
    login(client, world, actor)
    before = (Resource.objects.count(), TriedReport.objects.count())

    for path in FORMS:
        for method in (client.get, client.post):
            response = method(world.url(path))

            if actor == "anonymous":
                assert response.status_code == 302, path
                assert response.url.startswith("/accounts/login/")
            else:
                assert response.status_code == 404, path
            assert_nothing_private(response)
    assert (Resource.objects.count(), TriedReport.objects.count()) == before
    assert Resource.objects.get().deleted_at is None


@pytest.mark.parametrize("actor", OUTSIDERS)
def test_outsiders_never_see_private_resources_listed(client, world, actor):
    login(client, world, actor)

    everything = client.get("/library/")
    filtered = client.get("/library/?standard=CCSS.MATH.CONTENT.6.RP.A.1")
    community = client.get("/c/pines/library/")

    assert_nothing_private(everything)
    assert_nothing_private(filtered)
    assert community.status_code in {403, 404}
    assert_nothing_private(community)


@pytest.mark.parametrize("actor", ["member", "moderator", "steward", "staff"])
def test_members_and_staff_read_everything(client, world, actor):
    login(client, world, actor)

    for path in [*PAGES, f"files/{world.attachment.pk}/"]:
        assert client.get(world.url(path)).status_code == 200, path
    assert "Squash recipes" in text(client.get("/library/"))
    assert "Squash recipes" in text(client.get("/c/pines/library/"))


def test_a_private_resource_cannot_be_copied_out_of_its_community(client, world):
    from staffroom.core.errors import ServiceError

    with pytest.raises(ServiceError) as refusal:
        services.resource_remix(user=world.member, source=world.resource, community=None)
    client.force_login(world.member)
    form = client.get(world.url("remix/"))
    response = client.post(world.url("remix/"), {"destination": "", "licence": "cc-by"})

    assert refusal.value.field == "destination"
    assert [value for value, _name in form.context["form"].fields["destination"].choices] == [
        "pines"
    ]
    assert response.status_code == 200
    assert Resource.objects.count() == 1
    remix = services.resource_remix(
        user=world.member, source=world.resource, community=world.community
    )
    assert remix.community == world.community


def test_a_member_who_leaves_loses_access(client, world):
    world.community.memberships.filter(user=world.member).delete()
    client.force_login(world.member)

    assert client.get(world.url("")).status_code == 404
    assert client.get(world.url(f"files/{world.attachment.pk}/")).status_code == 404


def test_the_attachment_is_served_with_safe_headers(client, world):
    client.force_login(world.member)

    response = client.get(world.url(f"files/{world.attachment.pk}/"))

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="squash.pdf"'
