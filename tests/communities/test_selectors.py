"""Directory reads: filters, who sees what, keyset pages and flat query counts."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from staffroom.communities.models import Community, MembershipState, Role, Visibility
from staffroom.communities.selectors import (
    DirectoryFilters,
    MemberFilters,
    community_directory,
    member_directory,
)
from staffroom.core.models import GradeBand, Language, Subject
from staffroom.permissions.communities import visible_communities
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.communities import CommunityFactory, MembershipFactory
from tests.factories.orgs import OrganizationFactory

pytestmark = pytest.mark.django_db


def names(page) -> list[str]:
    return [community.name for community in page.items]


def directory(viewer=None, **filters):
    return community_directory(
        viewer=viewer or AnonymousUser(), filters=DirectoryFilters(**filters), size=100
    )


# --- community_directory: filters -----------------------------------------------------------


@pytest.fixture
def vocabulary_communities():
    maths = CommunityFactory(name="Ratio club", tagline="Proportional reasoning")
    maths.subjects.set([Subject.objects.get(slug="mathematics")])
    maths.grade_bands.set([GradeBand.objects.get(slug="6-8")])
    maths.languages.set([Language.objects.get(slug="en")])
    lectura = CommunityFactory(
        name="Círculo de lectura",
        domain_statement="Leer en voz alta con niñas y niños de primaria.",
        organization=OrganizationFactory(),
    )
    lectura.subjects.set([Subject.objects.get(slug="literacy")])
    lectura.grade_bands.set([GradeBand.objects.get(slug="k-2")])
    lectura.languages.set([Language.objects.get(slug="es")])
    return maths, lectura


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        pytest.param({}, ["Círculo de lectura", "Ratio club"], id="no-filter"),
        pytest.param({"subject": "mathematics"}, ["Ratio club"], id="subject-maths"),
        pytest.param({"subject": "literacy"}, ["Círculo de lectura"], id="subject-literacy"),
        pytest.param({"grade_band": "6-8"}, ["Ratio club"], id="grade-band-6-8"),
        pytest.param({"grade_band": "k-2"}, ["Círculo de lectura"], id="grade-band-k-2"),
        pytest.param({"language": "es"}, ["Círculo de lectura"], id="language-es"),
        pytest.param({"language": "fr"}, [], id="language-fr"),
        pytest.param({"kind": "formal"}, ["Círculo de lectura"], id="formal"),
        pytest.param({"kind": "informal"}, ["Ratio club"], id="informal"),
        pytest.param({"q": "RATIO"}, ["Ratio club"], id="q-in-name"),
        pytest.param({"q": "proportional"}, ["Ratio club"], id="q-in-tagline"),
        pytest.param({"q": "voz alta"}, ["Círculo de lectura"], id="q-in-domain-statement"),
        pytest.param({"subject": "mathematics", "language": "es"}, [], id="filters-combine"),
    ],
)
def test_the_directory_filters_by_vocabulary_kind_and_words(
    vocabulary_communities, filters, expected
):
    page = directory(**filters)

    assert sorted(names(page)) == expected


def test_the_directory_marks_the_viewers_own_communities_and_can_list_only_those():
    user = UserFactory()
    mine = CommunityFactory(name="Mine")
    asked = CommunityFactory(name="Asked")
    CommunityFactory(name="Other")
    MembershipFactory(community=mine, user=user)
    MembershipFactory(community=asked, user=user, state=MembershipState.PENDING)

    everything = {c.name: c.viewer_state for c in directory(user).items}
    only_mine = names(directory(user, mine=True))

    assert everything == {"Mine": "active", "Asked": "pending", "Other": None}
    assert only_mine == ["Mine"]


def test_an_unfiltered_directory_is_not_made_distinct():
    user = UserFactory()
    MembershipFactory(community=CommunityFactory(name="Mine"), user=user)
    CommunityFactory(name="Other")

    with CaptureQueriesContext(connection) as captured:
        page = directory(user)
        mine = directory(user, mine=True)

    # DISTINCT would make the database read the viewer's membership state for every
    # visible community before sorting; nothing unfiltered repeats a community.
    assert sorted(names(page)) == ["Mine", "Other"] and names(mine) == ["Mine"]
    listing = [q["sql"] for q in captured.captured_queries if "member_count" in q["sql"]]
    assert listing and not any("DISTINCT" in sql for sql in listing)


# --- community_directory: who sees what -------------------------------------------------------


@pytest.fixture
def one_of_each_visibility():
    return {
        visibility: CommunityFactory(name=visibility.label.split(" ")[0], visibility=visibility)
        for visibility in Visibility
    }


@pytest.mark.parametrize("viewer", ["anonymous", "outsider", "banned"])
def test_the_directory_hides_secret_communities_from_outsiders(one_of_each_visibility, viewer):
    secret = one_of_each_visibility[Visibility.SECRET]
    user = {"anonymous": AnonymousUser, "outsider": UserFactory, "banned": UserFactory}[viewer]()
    if viewer == "banned":
        MembershipFactory(community=secret, user=user, state=MembershipState.BANNED)

    shown = directory(user).items

    assert set(shown) == {
        one_of_each_visibility[Visibility.PUBLIC],
        one_of_each_visibility[Visibility.MEMBERS],
    }


@pytest.mark.parametrize("state", [MembershipState.ACTIVE, MembershipState.PENDING])
def test_the_directory_shows_a_secret_community_to_its_members(one_of_each_visibility, state):
    secret = one_of_each_visibility[Visibility.SECRET]
    user = MembershipFactory(community=secret, state=state).user

    shown = directory(user).items

    assert set(shown) == set(one_of_each_visibility.values())


def test_the_directory_shows_platform_staff_every_community(one_of_each_visibility):
    shown = directory(StaffFactory()).items

    assert set(shown) == set(one_of_each_visibility.values())


@pytest.fixture
def staffroom_people():
    community = CommunityFactory()
    people = {
        "Ana": {"headline": "Maths lead", "country": "GB", "open_to_mentoring": True},
        "Bea": {"headline": "Reception teacher", "country": "NZ"},
        "Cy": {"headline": "Science, grades 6–8", "country": "GB"},
    }
    for display_name, fields in people.items():
        user = UserFactory(display_name=display_name)
        for name, value in fields.items():
            setattr(user.profile, name, value)
        user.profile.save()
        if display_name != "Bea":
            user.profile.subjects.set([Subject.objects.get(slug="mathematics")])
            user.profile.grade_bands.set([GradeBand.objects.get(slug="6-8")])
        role = Role.MODERATOR if display_name == "Cy" else Role.MEMBER
        MembershipFactory(community=community, user=user, role=role)
    return community


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        pytest.param({}, ["Ana", "Bea", "Cy"], id="no-filter"),
        pytest.param({"q": "an"}, ["Ana"], id="q-in-name"),
        pytest.param({"q": "reception"}, ["Bea"], id="q-in-headline"),
        pytest.param({"subject": "mathematics"}, ["Ana", "Cy"], id="subject"),
        pytest.param({"grade_band": "6-8"}, ["Ana", "Cy"], id="grade-band"),
        pytest.param({"country": "NZ"}, ["Bea"], id="country"),
        pytest.param({"role": "moderator"}, ["Cy"], id="role"),
        pytest.param({"mentoring": True}, ["Ana"], id="mentoring"),
    ],
)
def test_the_member_list_filters_by_profile(staffroom_people, filters, expected):
    page = member_directory(community=staffroom_people, filters=MemberFilters(**filters))

    assert [m.user.profile.display_name for m in page.items] == expected


# --- keyset pagination ------------------------------------------------------------------------


def test_directory_pages_return_every_community_once_biggest_first():
    # Ties on member_count make the page boundaries fall inside groups of equal size.
    for count in [5, 3, 3, 3, 3, 1, 1, 0, 0, 0, 0]:
        CommunityFactory(member_count=count)
    expected = list(Community.objects.order_by("-member_count", "pk"))

    seen, cursor, pages = [], None, 0
    while True:
        page = community_directory(
            viewer=AnonymousUser(), filters=DirectoryFilters(), cursor=cursor, size=3
        )
        seen.extend(page.items)
        pages += 1
        if not page.has_next:
            break
        cursor = page.next_cursor

    assert seen == expected
    assert pages == 4


def test_member_pages_return_every_active_member_once_by_name():
    community = CommunityFactory()
    for display_name in ["Bea", "Ana", "Ana", "Cy", "Ana", "Dev", "Bea"]:
        MembershipFactory(community=community, user=UserFactory(display_name=display_name))
    MembershipFactory(community=community, state=MembershipState.PENDING)
    MembershipFactory(community=community, state=MembershipState.BANNED)
    MembershipFactory(community=community, user=UserFactory(is_active=False))

    seen, cursor = [], None
    while True:
        page = member_directory(community=community, filters=MemberFilters(), cursor=cursor, size=2)
        seen.extend(page.items)
        if not page.has_next:
            break
        cursor = page.next_cursor

    assert [m.user.profile.display_name for m in seen] == [
        "Ana",
        "Ana",
        "Ana",
        "Bea",
        "Bea",
        "Cy",
        "Dev",
    ]
    assert len({m.pk for m in seen}) == 7


def test_a_tampered_cursor_starts_from_the_first_page():
    for count in range(3):
        CommunityFactory(member_count=count)

    page = community_directory(
        viewer=AnonymousUser(), filters=DirectoryFilters(), cursor="not-a-cursor", size=10
    )

    assert [c.member_count for c in page.items] == [2, 1, 0]


# --- query counts -----------------------------------------------------------------------------


def _render_cards(page) -> list:
    """Touch everything the directory card template shows."""
    return [
        (
            community.name,
            community.get_absolute_url(),
            community.organization.name if community.organization else None,
            community.visibility,
            getattr(community, "viewer_state", None),
            community.tagline or community.domain_statement,
            community.member_count,
            [subject.name for subject in community.subjects.all()],
            [band.name for band in community.grade_bands.all()],
            [language.name for language in community.languages.all()],
        )
        for community in page.items
    ]


def _communities(count: int, viewer) -> None:
    subjects = list(Subject.objects.all()[:2])
    bands = list(GradeBand.objects.all()[:2])
    languages = list(Language.objects.all()[:2])
    for number in range(count):
        community = CommunityFactory(
            organization=OrganizationFactory() if number % 2 else None,
            visibility=Visibility.PUBLIC if number % 3 else Visibility.MEMBERS,
        )
        community.subjects.set(subjects)
        community.grade_bands.set(bands)
        community.languages.set(languages)
        if viewer is not None and number % 4 == 0:
            MembershipFactory(community=community, user=viewer)


def _directory_queries(viewer) -> tuple[int, int]:
    """Count the queries of one directory page as the template reads it, and its rows."""
    with CaptureQueriesContext(connection) as queries:
        page = community_directory(viewer=viewer, filters=DirectoryFilters())
        _render_cards(page)
    return len(queries), len(page.items)


@pytest.mark.parametrize("viewer_kind", ["anonymous", "signed-in"])
def test_the_directory_costs_the_same_queries_for_2_rows_as_for_20(viewer_kind):
    viewer = UserFactory() if viewer_kind == "signed-in" else AnonymousUser()
    signed_in = viewer if viewer_kind == "signed-in" else None
    _communities(2, signed_in)
    with_two, rows = _directory_queries(viewer)
    assert rows == 2

    _communities(18, signed_in)
    with_twenty, rows = _directory_queries(viewer)
    assert rows == 20

    assert with_two == with_twenty
    assert with_twenty <= 4


def _render_people(page) -> list:
    """Touch everything the member list template shows."""
    rows = []
    for membership in page.items:
        profile = membership.user.profile
        rows.append(
            (
                membership.user_id,
                membership.get_role_display(),
                profile.display_name,
                profile.open_to_mentoring,
                profile.headline or profile.get_role_display(),
                profile.country.name if profile.country else "",
                [subject.name for subject in profile.subjects.all()],
                [band.name for band in profile.grade_bands.all()],
            )
        )
    return rows


def _members(community: Community, count: int) -> None:
    subjects = list(Subject.objects.all()[:2])
    bands = list(GradeBand.objects.all()[:2])
    for number in range(count):
        user = UserFactory()
        profile = user.profile
        profile.country = "GB" if number % 2 else ""
        profile.headline = "Year 7 maths" if number % 3 else ""
        profile.save()
        profile.subjects.set(subjects)
        profile.grade_bands.set(bands)
        MembershipFactory(
            community=community, user=user, role=Role.MODERATOR if number % 5 else Role.MEMBER
        )


def _member_queries(community: Community) -> tuple[int, int]:
    """Count the queries of one member page as the template reads it, and its rows."""
    with CaptureQueriesContext(connection) as queries:
        page = member_directory(community=community, filters=MemberFilters())
        _render_people(page)
    return len(queries), len(page.items)


def test_the_member_list_costs_the_same_queries_for_2_rows_as_for_20():
    community = CommunityFactory()
    _members(community, 2)
    with_two, rows = _member_queries(community)
    assert rows == 2

    _members(community, 18)
    with_twenty, rows = _member_queries(community)
    assert rows == 20

    assert with_two == with_twenty
    assert with_twenty <= 3


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plan")
def test_postgres_reads_the_biggest_communities_in_order_without_sorting_them_all():
    for number in range(30):
        CommunityFactory(member_count=number)
    statement, params = (
        visible_communities(AnonymousUser())
        .order_by("-member_count", "pk")[:10]
        .query.sql_with_params()
    )
    with connection.cursor() as cursor:
        # A handful of rows is cheaper to sort than to read in order; a real directory is
        # not. With sorting priced out, only an index in this order avoids a Sort.
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("EXPLAIN " + statement, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "community_biggest_first" in plan
    assert "Sort" not in plan
