"""List pages cost the same number of queries for 2 rows as for 20."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from staffroom.communities.models import MembershipState, Role, Visibility
from staffroom.communities.services import community_create
from staffroom.core.models import GradeBand, Language, Subject
from tests.factories.accounts import UserFactory
from tests.factories.communities import CommunityFactory, MembershipFactory, SpaceFactory
from tests.factories.orgs import OrganizationFactory

pytestmark = pytest.mark.django_db

FEW, MANY = 2, 20
VIEWERS = ["anonymous", "member"]


@pytest.fixture
def viewer(request, client):
    """Sign the client in as a teacher, or leave it anonymous."""
    user = UserFactory(display_name="Vera Viewer")
    if request.param == "member":
        client.force_login(user)
    return user


def queries_for(client, url: str) -> tuple[int, str]:
    client.get(url)  # Warm per-process caches (content types, translations) first.
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), response.content.decode()


def tag(obj) -> None:
    """Give a community or profile vocabulary so prefetches have rows to fetch."""
    obj.subjects.set(Subject.objects.all()[:3])
    obj.grade_bands.set(GradeBand.objects.all()[:2])
    if hasattr(obj, "languages"):
        obj.languages.set(Language.objects.all()[:2])


def add_communities(count: int, viewer, organization) -> None:
    for n in range(count):
        community = CommunityFactory(
            visibility=[Visibility.PUBLIC, Visibility.MEMBERS, Visibility.SECRET][n % 3],
            organization=organization if n % 2 else None,
            member_count=n,
        )
        tag(community)
        MembershipFactory(
            community=community,
            user=viewer,
            state=[MembershipState.ACTIVE, MembershipState.PENDING][n % 2],
        )


def add_members(community, count: int) -> None:
    for n in range(count):
        membership = MembershipFactory(
            community=community, role=[Role.MEMBER, Role.MODERATOR, Role.STEWARD][n % 3]
        )
        tag(membership.user.profile)
        SpaceFactory(community=community)


def flat(client, url: str, grow, *, row: str) -> tuple[int, int]:
    """Count the queries before and after ``grow`` adds rows, which must show up on the page."""
    few, before = queries_for(client, url)
    grow()
    many, after = queries_for(client, url)
    assert after.count(row) > before.count(row) > 0
    return few, many


@pytest.mark.parametrize("viewer", VIEWERS, indirect=True)
def test_the_community_directory_is_flat(client, viewer):
    organization = OrganizationFactory()
    add_communities(FEW, viewer, organization)

    few, many = flat(
        client,
        "/communities/",
        lambda: add_communities(MANY - FEW, viewer, organization),
        row='<li class="card">',
    )

    assert few == many
    assert many <= 9


@pytest.mark.parametrize("viewer", VIEWERS, indirect=True)
def test_the_filtered_community_directory_is_flat(client, viewer):
    organization = OrganizationFactory()
    add_communities(FEW, viewer, organization)
    url = "/communities/?q=maths&subject=mathematics&grade_band=k-2&kind=formal&language=en"

    few, many = flat(
        client,
        url,
        lambda: add_communities(MANY - FEW, viewer, organization),
        row='<li class="card">',
    )

    assert few == many
    assert many <= 12


@pytest.mark.parametrize("viewer", VIEWERS, indirect=True)
def test_the_home_page_is_flat(client, viewer):
    organization = OrganizationFactory()
    add_communities(FEW, viewer, organization)

    few, many = flat(
        client,
        "/",
        lambda: add_communities(MANY - FEW, viewer, organization),
        row='<li class="card">',
    )

    assert few == many
    assert many <= 7


@pytest.mark.parametrize("viewer", VIEWERS, indirect=True)
def test_the_community_page_is_flat(client, viewer):
    community = community_create(
        creator=UserFactory(), name="Big", slug="big", domain_statement="Big."
    )
    tag(community)
    MembershipFactory(community=community, user=viewer)
    add_members(community, FEW)

    few, many = flat(client, "/c/big/", lambda: add_members(community, MANY - FEW), row="/people/")

    assert few == many
    assert many <= 11


@pytest.mark.parametrize("viewer", VIEWERS, indirect=True)
def test_the_member_directory_is_flat(client, viewer):
    community = community_create(
        creator=UserFactory(), name="Big", slug="big", domain_statement="Big."
    )
    add_members(community, FEW)

    few, many = flat(
        client, "/c/big/members/", lambda: add_members(community, MANY - FEW), row="/people/"
    )

    assert few == many
    assert many <= 8


@pytest.mark.parametrize("viewer", VIEWERS, indirect=True)
def test_the_profile_page_is_flat(client, viewer):
    person = UserFactory(display_name="Popular Pat")
    tag(person.profile)
    person.profile.languages.set(Language.objects.all()[:2])

    def join(count: int) -> None:
        for n in range(count):
            community = CommunityFactory(
                visibility=[Visibility.PUBLIC, Visibility.MEMBERS, Visibility.SECRET][n % 3]
            )
            MembershipFactory(community=community, user=person)
            MembershipFactory(community=community, user=viewer)

    join(FEW)

    few, many = flat(client, f"/people/{person.pk}/", lambda: join(MANY - FEW), row="/c/")

    assert few == many
    assert many <= 7


@pytest.mark.parametrize("viewer", ["member"], indirect=True)
def test_the_steward_members_page_is_flat(client, viewer):
    community = community_create(creator=viewer, name="Big", slug="big", domain_statement="Big.")

    def grow(count: int) -> None:
        add_members(community, count)
        for _n in range(count):
            MembershipFactory(community=community, state=MembershipState.PENDING)
            MembershipFactory(community=community, state=MembershipState.BANNED)

    grow(FEW)

    few, many = flat(client, "/c/big/manage/members/", lambda: grow(MANY - FEW), row="/people/")

    assert few == many
    assert many <= 6
