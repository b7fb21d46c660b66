from collections import defaultdict
from importlib import resources
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import check_password
from django.core.management import call_command
from django.db.models import Count, Q

from staffroom.accounts.models import EducatorRole, Profile, User
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
from staffroom.communities.services import membership_approve
from staffroom.demo.data import (
    ADMIN_EMAIL,
    COMMUNITIES,
    DEMO_EMAIL,
    DEMO_PASSWORD,
    ORGANIZATIONS,
    PEOPLE,
)
from staffroom.discussions.models import Tag, TagFollow
from staffroom.discussions.services import tag_follow_set
from staffroom.discussions.tags import tag_delete, tag_rename
from staffroom.orgs.models import (
    Organization,
    OrganizationDomain,
    OrganizationMembership,
    OrgMembershipSource,
)
from tests.demo.conftest import remove_demo

EMAILS = [person.email for person in PEOPLE]
SLUGS = [spec.slug for spec in COMMUNITIES]
TAGS = {spec.slug: spec.tags for spec in COMMUNITIES}


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker, demo_media):
    """Load the demo once for the module; hashing and forty profiles are too slow per test."""
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)
    yield
    # The rows were committed outside any test's transaction, so remove them by hand.
    with django_db_blocker.unblock():
        remove_demo()


def _counts() -> dict[str, int]:
    models = [
        User,
        EmailAddress,
        Profile,
        Organization,
        OrganizationDomain,
        OrganizationMembership,
        Community,
        Membership,
        Space,
        Invitation,
        Tag,
        TagFollow,
    ]
    return {model.__name__: model.objects.count() for model in models}


def _last_saved() -> dict[str, list]:
    models = [Profile, Organization, OrganizationMembership, Community, Membership, Space]
    return {
        model.__name__: sorted(model.objects.values_list("pk", "updated_at")) for model in models
    }


def _zones_by_country() -> dict[str, set[str]]:
    table = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text()
    zones = defaultdict(set)
    for line in table.splitlines():
        if line and not line.startswith("#"):
            country, _coordinates, zone = line.split("\t")[:3]
            zones[country].add(zone)
    return zones


@pytest.mark.django_db
def test_loading_the_demo_again_creates_no_duplicates():
    before = _counts()

    call_command("load_demo", verbosity=0)

    assert _counts() == before


@pytest.mark.django_db
def test_loading_the_demo_again_saves_no_existing_row():
    before = _last_saved()

    call_command("load_demo", verbosity=0)

    assert _last_saved() == before


@pytest.mark.django_db
def test_loading_the_demo_again_keeps_what_people_changed_while_trying_it():
    sam = User.objects.get(email=DEMO_EMAIL)
    request = Membership.objects.get(
        community__slug="global-classroom-connections",
        user__email="chloe.nguyen@staffroom.test",
        state=MembershipState.PENDING,
    )
    membership_approve(actor=sam, membership=request)

    call_command("load_demo", verbosity=0)

    request.refresh_from_db()
    assert request.state == MembershipState.ACTIVE


@pytest.mark.django_db
def test_loading_the_demo_again_keeps_the_tags_stewards_and_members_changed():
    maths = Tag.objects.filter(community__slug="middle-school-maths")
    tags = {tag.name: tag for tag in maths}
    marcus = User.objects.get(email="marcus.bell@staffroom.test")
    megan = User.objects.get(email="megan.fraser@staffroom.test")
    tag_rename(actor=marcus, tag=tags["ratio"], name="ratio and proportion")
    tag_delete(actor=marcus, tag=tags["graphs"])
    tag_follow_set(user=megan, tag=tags["algebra"], follow=False)

    call_command("load_demo", verbosity=0)

    names = set(maths.values_list("name", flat=True))
    assert "ratio and proportion" in names
    assert not names & {"ratio", "graphs"}
    assert not TagFollow.objects.filter(tag=tags["algebra"], user=megan).exists()


@pytest.mark.django_db
def test_the_demo_has_communities_of_every_visibility_and_join_policy():
    communities = Community.objects.filter(slug__in=SLUGS)

    assert communities.count() >= 6
    assert set(communities.values_list("visibility", flat=True)) == set(Visibility.values)
    assert set(communities.values_list("join_policy", flat=True)) == set(JoinPolicy.values)


@pytest.mark.django_db
def test_every_demo_community_has_a_domain_vocabulary_and_described_spaces():
    communities = Community.objects.filter(slug__in=SLUGS).prefetch_related(
        "spaces", "subjects", "grade_bands", "languages"
    )

    for community in communities:
        spaces = community.spaces.all()
        assert community.tagline, community.slug
        assert len(community.domain_statement) > 400, community.slug
        assert community.subjects.all() and community.grade_bands.all(), community.slug
        assert community.languages.all(), community.slug
        assert 3 <= len(spaces) <= 5, community.slug
        assert all(space.description for space in spaces), community.slug


@pytest.mark.django_db
def test_every_demo_community_has_a_few_tags_and_members_who_follow_some():
    communities = Community.objects.filter(slug__in=SLUGS).prefetch_related("tags")
    follows = TagFollow.objects.filter(tag__community__slug__in=SLUGS).select_related("tag")
    active = set(
        Membership.objects.filter(state=MembershipState.ACTIVE).values_list(
            "community_id", "user_id"
        )
    )

    for community in communities:
        names = {tag.name for tag in community.tags.all()}
        assert 3 <= len(names) <= 6, community.slug
        assert names == set(TAGS[community.slug]), community.slug
    assert {follow.tag.community_id for follow in follows} == {c.pk for c in communities}
    for follow in follows:
        assert (follow.tag.community_id, follow.user_id) in active, follow


@pytest.mark.django_db
def test_the_demo_has_about_forty_educators_with_completed_profiles():
    profiles = Profile.objects.filter(user__email__in=EMAILS).exclude(role=EducatorRole.OTHER)
    profiles = profiles.prefetch_related("subjects", "grade_bands", "languages")

    assert 35 <= len(profiles) <= 50
    for profile in profiles:
        assert profile.is_complete, profile.display_name
        assert profile.headline and profile.bio and profile.expertise is not None
        assert profile.subjects.all() and profile.grade_bands.all() and profile.languages.all()
        assert profile.years_experience is not None, profile.display_name
    assert sum(profile.open_to_mentoring for profile in profiles) >= 5


@pytest.mark.django_db
def test_demo_educators_live_in_many_countries_in_their_own_time_zones():
    zones = _zones_by_country()
    profiles = list(Profile.objects.filter(user__email__in=EMAILS))

    assert len({profile.country.code for profile in profiles}) >= 12
    assert len({profile.time_zone for profile in profiles}) >= 12
    for profile in profiles:
        assert profile.time_zone in zones[profile.country.code], profile.display_name


@pytest.mark.django_db
def test_the_demo_user_signs_in_with_the_demo_password(client):
    response = client.post("/accounts/login/", {"login": DEMO_EMAIL, "password": DEMO_PASSWORD})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get(email=DEMO_EMAIL).pk)


@pytest.mark.django_db
def test_every_demo_account_shares_the_demo_password_and_a_confirmed_address():
    demo_user = User.objects.get(email=DEMO_EMAIL)
    hashes = set(User.objects.filter(email__in=EMAILS).values_list("password", flat=True))
    confirmed = EmailAddress.objects.filter(email__in=EMAILS, verified=True, primary=True)

    # Checked without a setter: signing in elsewhere in this module may have re-hashed one.
    assert all(check_password(DEMO_PASSWORD, encoded) for encoded in hashes)
    assert demo_user.password in hashes
    assert confirmed.count() == len(EMAILS)


@pytest.mark.django_db
def test_the_admin_account_is_platform_staff():
    admin = User.objects.get(email=ADMIN_EMAIL)

    assert admin.is_staff and admin.is_superuser


@pytest.mark.django_db
def test_member_count_matches_active_memberships_in_every_community():
    communities = Community.objects.annotate(
        active=Count("memberships", filter=Q(memberships__state=MembershipState.ACTIVE))
    )

    for community in communities:
        assert community.member_count == community.active, community.slug


@pytest.mark.django_db
def test_the_org_restricted_community_holds_only_members_of_its_organisation():
    community = Community.objects.get(restricted_to_organization=True)
    org_people = OrganizationMembership.objects.filter(organization=community.organization)

    assert community.organization is not None
    assert community.memberships.count() >= 4
    assert set(community.memberships.values_list("user_id", flat=True)) <= set(
        org_people.values_list("user_id", flat=True)
    )


@pytest.mark.django_db
def test_district_staff_join_the_district_through_their_verified_addresses():
    domain = OrganizationDomain.objects.get(domain="riverside-usd.example")
    staff = [email for email in EMAILS if email.endswith("@riverside-usd.example")]

    joined = OrganizationMembership.objects.filter(
        organization=domain.organization, user__email__in=staff, source=OrgMembershipSource.DOMAIN
    )

    assert len(staff) >= 5
    assert joined.count() == len(staff)


@pytest.mark.django_db
def test_the_demo_user_stewards_a_community_with_requests_to_decide():
    stewarded = Community.objects.get(
        memberships__user__email=DEMO_EMAIL,
        memberships__role=Role.STEWARD,
        memberships__state=MembershipState.ACTIVE,
    )

    waiting = stewarded.memberships.filter(state=MembershipState.PENDING)

    assert stewarded.join_policy == JoinPolicy.REQUEST
    assert 1 <= waiting.count() <= 2


@pytest.mark.django_db
def test_the_demo_user_moderates_belongs_asks_and_still_has_communities_to_join():
    mine = Membership.objects.filter(user__email=DEMO_EMAIL)
    not_mine = Community.objects.filter(slug__in=SLUGS).exclude(memberships__user__email=DEMO_EMAIL)

    assert mine.filter(role=Role.MODERATOR, state=MembershipState.ACTIVE).exists()
    assert mine.filter(role=Role.MEMBER, state=MembershipState.ACTIVE).count() >= 2
    assert mine.get(state=MembershipState.PENDING).community.join_policy == JoinPolicy.REQUEST
    assert not_mine.filter(visibility=Visibility.PUBLIC, join_policy=JoinPolicy.OPEN).exists()


@pytest.mark.django_db
def test_the_demo_has_a_ban_with_a_reason_and_a_usable_invitation_link():
    banned = Membership.objects.get(state=MembershipState.BANNED)
    invite_only = Community.objects.get(join_policy=JoinPolicy.INVITE)

    assert banned.ban_reason
    assert any(invitation.is_usable for invitation in invite_only.invitations.all())


@pytest.mark.django_db
def test_load_demo_ends_with_a_one_line_summary():
    out = StringIO()

    call_command("load_demo", stdout=out)

    assert out.getvalue() == (
        f"Demo data ready: {len(PEOPLE)} people, {len(COMMUNITIES)} communities, "
        f"{len(ORGANIZATIONS)} organisations.\n"
    )


@pytest.mark.django_db
def test_load_demo_prints_nothing_at_verbosity_zero():
    out = StringIO()

    call_command("load_demo", verbosity=0, stdout=out)

    assert out.getvalue() == ""
