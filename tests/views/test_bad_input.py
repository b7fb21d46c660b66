"""Bad input gets a clear message and changes nothing; odd requests get 4xx, never 500."""

import base64
import json

import pytest
from django.db import connection
from django.test import Client

from staffroom.accounts.models import Profile
from staffroom.communities.models import (
    Community,
    Invitation,
    JoinPolicy,
    Membership,
    Role,
    Space,
    Visibility,
)
from staffroom.communities.services import community_create
from staffroom.orgs.models import OrganizationDomain, OrganizationMembership, OrgRole
from tests.factories.accounts import UserFactory
from tests.factories.communities import CommunityFactory, InvitationFactory, MembershipFactory
from tests.factories.orgs import (
    OrganizationDomainFactory,
    OrganizationFactory,
    OrganizationMembershipFactory,
)
from tests.pages import shown_messages, text

pytestmark = pytest.mark.django_db


def rows() -> dict[str, list]:
    """Return every row a form on these pages could write, to compare before and after."""
    return {
        "communities": list(Community.objects.order_by("pk").values()),
        "memberships": list(Membership.objects.order_by("pk").values()),
        "spaces": list(Space.objects.order_by("pk").values()),
        "invitations": list(Invitation.objects.order_by("pk").values()),
        "profiles": list(Profile.objects.order_by("pk").values()),
        "profile_subjects": list(Profile.subjects.through.objects.order_by("pk").values()),
        "community_subjects": list(Community.subjects.through.objects.order_by("pk").values()),
        "domains": list(OrganizationDomain.objects.order_by("pk").values()),
        "org_memberships": list(OrganizationMembership.objects.order_by("pk").values()),
    }


def assert_rejected(response, error: str) -> None:
    assert response.status_code == 200
    assert "Please correct the problems below." in text(response)
    assert error in text(response)


@pytest.fixture
def steward():
    return UserFactory(display_name="Steward Sam")


@pytest.fixture
def community(steward):
    return community_create(
        creator=steward,
        name="Middle-school maths",
        slug="ms-maths",
        domain_statement="Ratios, proportions and algebra.",
        join_policy=JoinPolicy.REQUEST,
    )


@pytest.fixture
def steward_client(client, steward):
    client.force_login(steward)
    return client


# Profile


def valid_profile(**overrides) -> dict:
    return {
        "display_name": "Amara Okafor",
        "role": "teacher",
        "time_zone": "Europe/London",
        "ui_language": "en",
        "years_experience": "6",
        "expertise_text": "questioning",
        **overrides,
    }


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"display_name": "   "}, "This field is required."),
        (
            {"time_zone": "Mars/Olympus_Mons"},
            "Select a valid choice. Mars/Olympus_Mons is not one of the available choices.",
        ),
        ({"years_experience": "-1"}, "Ensure this value is greater than or equal to 0."),
        ({"years_experience": "999"}, "Ensure this value is less than or equal to 60."),
        ({"years_experience": "abc"}, "Enter a whole number."),
        (
            {"expertise_text": ", ".join(f"topic {n}" for n in range(13))},
            "List at most 12 areas of expertise.",
        ),
        ({"expertise_text": "x" * 41}, "Keep each area of expertise under 40 characters."),
        (
            {"subjects": ["999999"]},
            "Select a valid choice. 999999 is not one of the available choices.",
        ),
        ({"role": "wizard"}, "Select a valid choice. wizard is not one of the available choices."),
        ({"ui_language": "tlh"}, "Select a valid choice. tlh is not one of the available choices."),
    ],
    ids=[
        "blank name",
        "unknown zone",
        "negative years",
        "999 years",
        "years not a number",
        "13 tags",
        "long tag",
        "unknown subject",
        "unknown role",
        "unknown language",
    ],
)
def test_a_bad_profile_is_shown_again_with_the_error_and_nothing_saved(client, overrides, error):
    teacher = UserFactory(display_name="Original Name")
    client.force_login(teacher)
    before = rows()

    response = client.post("/settings/profile/", valid_profile(**overrides))

    assert_rejected(response, error)
    assert rows() == before


def test_a_rejected_profile_keeps_the_old_name_in_the_page_header(client):
    teacher = UserFactory(display_name="Original Name")
    client.force_login(teacher)

    client.post("/settings/profile/", valid_profile(years_experience="-1", display_name="New"))

    assert Profile.objects.get(user=teacher).display_name == "Original Name"


# Community creation


def valid_community(**overrides) -> dict:
    return {
        "name": "Phonics first",
        "slug": "phonics-first",
        "tagline": "",
        "domain_statement": "Early reading.",
        "visibility": Visibility.PUBLIC,
        "join_policy": JoinPolicy.OPEN,
        **overrides,
    }


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"name": ""}, "This field is required."),
        ({"domain_statement": "  "}, "This field is required."),
        ({"slug": "ms-maths"}, "That address is already taken."),
        ({"slug": "new"}, "Choose a different address."),
        ({"slug": "admin"}, "Choose a different address."),
        ({"slug": "not a slug!"}, "Enter a valid “slug”"),
        (
            {"visibility": "everyone"},
            "Select a valid choice. everyone is not one of the available choices.",
        ),
        (
            {"join_policy": "bribe"},
            "Select a valid choice. bribe is not one of the available choices.",
        ),
        ({"name": "x" * 121}, "Ensure this value has at most 120 characters (it has 121)."),
    ],
    ids=[
        "blank name",
        "blank domain",
        "duplicate slug",
        "reserved new",
        "reserved admin",
        "bad slug",
        "bad visibility",
        "bad join policy",
        "long name",
    ],
)
def test_a_bad_new_community_is_shown_again_and_nothing_is_created(
    steward_client, community, overrides, error
):
    before = rows()

    response = steward_client.post("/communities/new/", valid_community(**overrides))

    assert_rejected(response, error)
    assert rows() == before


def test_a_community_restricted_without_an_organisation_is_refused(client):
    admin = UserFactory()
    OrganizationMembershipFactory(user=admin, role=OrgRole.ADMIN)
    client.force_login(admin)
    before = rows()

    response = client.post(
        "/communities/new/", valid_community(organization="", restricted_to_organization="on")
    )

    assert_rejected(response, "Choose an owning organisation first.")
    assert rows() == before


def test_a_community_cannot_be_attached_to_an_organisation_you_do_not_administer(client):
    admin = UserFactory()
    OrganizationMembershipFactory(user=admin, role=OrgRole.ADMIN)
    someone_elses = OrganizationFactory()
    OrganizationMembershipFactory(organization=someone_elses, user=admin, role=OrgRole.MEMBER)
    client.force_login(admin)
    before = rows()

    response = client.post("/communities/new/", valid_community(organization=someone_elses.pk))

    assert_rejected(
        response, "Select a valid choice. That choice is not one of the available choices."
    )
    assert rows() == before


def test_an_organisation_posted_by_someone_who_administers_none_is_ignored(client):
    # The field is not offered at all, so a forged value must not attach the community.
    teacher = UserFactory()
    client.force_login(teacher)

    client.post("/communities/new/", valid_community(organization=OrganizationFactory().pk))

    assert Community.objects.get(slug="phonics-first").organization is None


# Community settings


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"name": " "}, "This field is required."),
        ({"domain_statement": ""}, "This field is required."),
        (
            {"visibility": "everyone"},
            "Select a valid choice. everyone is not one of the available choices.",
        ),
        (
            {"join_policy": "bribe"},
            "Select a valid choice. bribe is not one of the available choices.",
        ),
        ({"tagline": "x" * 161}, "Ensure this value has at most 160 characters (it has 161)."),
    ],
    ids=["blank name", "blank domain", "bad visibility", "bad join policy", "long tagline"],
)
def test_bad_settings_are_shown_again_and_nothing_is_saved(
    steward_client, community, overrides, error
):
    before = rows()
    data = valid_community(**overrides)
    del data["slug"]

    response = steward_client.post(f"/c/{community.slug}/manage/", data)

    assert_rejected(response, error)
    assert rows() == before


# Spaces


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"name": ""}, "This field is required."),
        ({"name": "Questions"}, "This community already has a space with that name."),
        ({"name": " questions "}, "This community already has a space with that name."),
        ({"name": "!!!"}, "Give the space a name with letters or numbers."),
        ({"name": "x" * 81}, "Ensure this value has at most 80 characters (it has 81)."),
        (
            {"name": "Ideas", "description": "x" * 301},
            "Ensure this value has at most 300 characters (it has 301).",
        ),
    ],
    ids=["blank", "duplicate", "duplicate in other case", "no letters", "long", "long description"],
)
def test_a_bad_new_space_is_shown_again_and_nothing_is_added(
    steward_client, community, data, error
):
    before = rows()

    response = steward_client.post(f"/c/{community.slug}/manage/spaces/", data)

    assert_rejected(response, error)
    assert rows() == before


def test_a_space_cannot_be_renamed_to_nothing(steward_client, community):
    space = community.spaces.get(slug="general")
    before = rows()

    response = steward_client.post(f"/c/{community.slug}/manage/spaces/{space.pk}/", {"name": ""})

    assert_rejected(response, "This field is required.")
    assert rows() == before


def test_a_space_cannot_be_renamed_to_the_name_of_another_space(steward_client, community):
    space = community.spaces.get(slug="general")
    before = rows()

    response = steward_client.post(
        f"/c/{community.slug}/manage/spaces/{space.pk}/", {"name": "Questions"}
    )

    assert_rejected(response, "This community already has a space with that name.")
    assert rows() == before


# Invitations


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"days": "0"}, "Ensure this value is greater than or equal to 1."),
        ({"days": "91"}, "Ensure this value is less than or equal to 90."),
        ({"days": ""}, "This field is required."),
        ({"days": "soon"}, "Enter a whole number."),
        ({"days": "7", "max_uses": "0"}, "Ensure this value is greater than or equal to 1."),
        ({"days": "7", "max_uses": "10001"}, "Ensure this value is less than or equal to 10000."),
        (
            {"days": "7", "note": "x" * 201},
            "Ensure this value has at most 200 characters (it has 201).",
        ),
    ],
    ids=["0 days", "91 days", "no days", "days not a number", "0 uses", "too many uses", "note"],
)
def test_a_bad_invitation_is_shown_again_and_nothing_is_created(
    steward_client, community, data, error
):
    before = rows()

    response = steward_client.post(f"/c/{community.slug}/manage/invitations/", data)

    assert_rejected(response, error)
    assert rows() == before


# Joining


def test_a_join_request_over_1000_characters_is_shown_again(client, community):
    client.force_login(UserFactory())
    before = rows()

    response = client.post(f"/c/{community.slug}/request/", {"message": "x" * 1001})

    assert_rejected(response, "Ensure this value has at most 1000 characters (it has 1001).")
    assert rows() == before


# Member management


def test_an_unknown_role_is_refused(steward_client, community):
    member = MembershipFactory(community=community)
    before = rows()

    response = steward_client.post(
        f"/c/{community.slug}/manage/members/{member.pk}/role/", {"role": "overlord"}
    )

    assert response.status_code == 302
    assert shown_messages(response) == ["Choose a valid role."]
    assert rows() == before


def test_a_ban_reason_over_500_characters_is_refused(steward_client, community):
    member = MembershipFactory(community=community)
    before = rows()

    response = steward_client.post(
        f"/c/{community.slug}/manage/members/{member.pk}/ban/", {"reason": "x" * 501}
    )

    assert response.status_code == 302
    assert shown_messages(response) == ["Keep the reason under 500 characters."]
    assert rows() == before


def test_the_refusal_is_shown_on_the_members_page(steward_client, community):
    member = MembershipFactory(community=community)

    response = steward_client.post(
        f"/c/{community.slug}/manage/members/{member.pk}/role/", {"role": "overlord"}, follow=True
    )

    assert response.status_code == 200
    assert "Choose a valid role." in text(response)


@pytest.mark.parametrize("value", ["outsider", "pending", "self", "abc", ""])
def test_stewardship_cannot_go_to_anyone_but_another_active_member(
    steward_client, community, steward, value
):
    MembershipFactory(community=community)
    outsider = UserFactory()
    pending = MembershipFactory(community=community, state="pending").user
    member = {"outsider": outsider.pk, "pending": pending.pk, "self": steward.pk}.get(value, value)
    before = rows()

    response = steward_client.post(f"/c/{community.slug}/manage/transfer/", {"member": member})

    assert response.status_code == 200
    assert "Please correct the problems below." in text(response)
    assert "Select a valid choice." in text(response) or "This field is required." in text(response)
    assert rows() == before


# Organisation domains


@pytest.mark.parametrize(
    ("domain", "error"),
    [
        ("gmail.com", "gmail.com is a public e-mail service; add your organisation's own domain."),
        ("@GMAIL.com", "gmail.com is a public e-mail service"),
        ("not a domain", "Enter a domain such as “springfield.k12.us”."),
        ("localhost", "Enter a domain such as “springfield.k12.us”."),
        ("", "This field is required."),
        ("taken.example", "taken.example already belongs to Other Academy."),
    ],
    ids=["gmail", "gmail shouted", "words", "no dot", "blank", "another org's"],
)
def test_a_bad_domain_is_shown_again_and_nothing_is_added(client, domain, error):
    organization = OrganizationFactory(slug="hillside")
    admin = UserFactory()
    OrganizationMembershipFactory(organization=organization, user=admin, role=OrgRole.ADMIN)
    other = OrganizationFactory(name="Other Academy")
    OrganizationDomainFactory(organization=other, domain="taken.example")
    UserFactory(email="someone@gmail.com")
    client.force_login(admin)
    before = rows()

    response = client.post("/orgs/hillside/manage/", {"domain": domain})

    assert_rejected(response, error)
    assert rows() == before


# Missing things are 404, never 500


def test_unknown_ids_in_steward_urls_are_404(steward_client, community):
    elsewhere = community_create(
        creator=UserFactory(), name="Elsewhere", slug="elsewhere", domain_statement="x"
    )
    foreign_space = elsewhere.spaces.first()
    foreign_member = elsewhere.memberships.first()
    foreign_invitation = InvitationFactory(community=elsewhere)
    base = f"/c/{community.slug}/manage"
    before = rows()

    for space_id in (999999, foreign_space.pk):
        assert steward_client.get(f"{base}/spaces/{space_id}/").status_code == 404
        assert steward_client.post(f"{base}/spaces/{space_id}/", {"name": "x"}).status_code == 404
        assert steward_client.post(f"{base}/spaces/{space_id}/move/").status_code == 404
        assert steward_client.post(f"{base}/spaces/{space_id}/delete/").status_code == 404
    for membership_id in (999999, foreign_member.pk):
        for action in ("decide", "role", "ban", "unban", "remove"):
            url = f"{base}/members/{membership_id}/{action}/"
            data = {"decision": "approve", "role": "member", "reason": ""}
            assert steward_client.post(url, data).status_code == 404, url
    for invitation_id in (999999, foreign_invitation.pk):
        assert steward_client.post(f"{base}/invitations/{invitation_id}/revoke/").status_code == 404
    assert rows() == before


@pytest.mark.parametrize(
    "url",
    [
        "/people/999999/",
        "/people/0/",
        "/c/no-such-community/",
        "/c/no-such-community/members/",
        "/orgs/no-such-org/",
        "/invite/no-such-token/",
        "/no/such/page/",
    ],
)
def test_unknown_things_are_404(client, url):
    client.force_login(UserFactory())

    assert client.get(url).status_code == 404


ON_SQLITE = connection.vendor == "sqlite"
HUGE_ID = "9" * 30


def test_a_profile_id_too_big_for_the_database_is_404():
    client = Client(raise_request_exception=False)

    response = client.get(f"/people/{HUGE_ID}/")

    assert response.status_code == 404


def test_a_subject_id_too_big_for_the_database_is_a_field_error():
    client = Client(raise_request_exception=False)
    teacher = UserFactory(display_name="Original Name")
    client.force_login(teacher)
    before = rows()

    response = client.post("/settings/profile/", valid_profile(subjects=[HUGE_ID]))

    assert_rejected(response, "is not one of the available choices.")
    assert rows() == before


def test_huge_ids_in_steward_urls_are_404(steward_client, community):
    base = f"/c/{community.slug}/manage"

    assert steward_client.get(f"{base}/spaces/{HUGE_ID}/").status_code == 404
    assert steward_client.post(f"{base}/members/{HUGE_ID}/ban/").status_code == 404
    assert steward_client.post(f"{base}/invitations/{HUGE_ID}/revoke/").status_code == 404


def test_unknown_ids_in_organisation_urls_are_404(client):
    organization = OrganizationFactory(slug="hillside")
    admin = UserFactory()
    OrganizationMembershipFactory(organization=organization, user=admin, role=OrgRole.ADMIN)
    foreign_domain = OrganizationDomainFactory()
    foreign_member = OrganizationMembershipFactory()
    client.force_login(admin)
    before = rows()

    for domain_id in (999999, foreign_domain.pk):
        url = f"/orgs/hillside/manage/domains/{domain_id}/remove/"
        assert client.post(url).status_code == 404
    for membership_id in (999999, foreign_member.pk):
        url = f"/orgs/hillside/manage/members/{membership_id}/admin/"
        assert client.post(url, {"make_admin": "1"}).status_code == 404
    assert rows() == before


# Wrong methods are 405


@pytest.mark.parametrize(
    "path",
    [
        "/c/ms-maths/join/",
        "/c/ms-maths/leave/",
        "/c/ms-maths/manage/spaces/{space}/move/",
        "/c/ms-maths/manage/spaces/{space}/delete/",
        "/c/ms-maths/manage/members/{membership}/decide/",
        "/c/ms-maths/manage/members/{membership}/role/",
        "/c/ms-maths/manage/members/{membership}/ban/",
        "/c/ms-maths/manage/members/{membership}/unban/",
        "/c/ms-maths/manage/members/{membership}/remove/",
        "/c/ms-maths/manage/invitations/{invitation}/revoke/",
    ],
)
def test_get_on_a_post_only_community_url_is_405(steward_client, community, steward, path):
    member = MembershipFactory(community=community)
    invitation = InvitationFactory(community=community, created_by=steward)
    url = path.format(
        space=community.spaces.first().pk, membership=member.pk, invitation=invitation.pk
    )
    before = rows()

    response = steward_client.get(url)

    assert response.status_code == 405
    assert rows() == before


def test_get_on_post_only_organisation_urls_is_405(client):
    organization = OrganizationFactory(slug="hillside")
    admin = UserFactory()
    membership = OrganizationMembershipFactory(
        organization=organization, user=admin, role=OrgRole.ADMIN
    )
    domain = OrganizationDomainFactory(organization=organization)
    client.force_login(admin)

    remove = client.get(f"/orgs/hillside/manage/domains/{domain.pk}/remove/")
    make_admin = client.get(f"/orgs/hillside/manage/members/{membership.pk}/admin/")

    assert remove.status_code == make_admin.status_code == 405
    assert OrganizationDomain.objects.filter(pk=domain.pk).exists()


@pytest.mark.parametrize(
    "url", ["/", "/communities/", "/c/ms-maths/", "/c/ms-maths/members/", "/orgs/hillside/"]
)
def test_post_on_a_read_only_page_is_405(steward_client, community, url):
    OrganizationFactory(slug="hillside")

    assert steward_client.post(url).status_code == 405


# Pagination cursors


def _cursor(values) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


GARBAGE_CURSORS = ["!!!garbage", "", "%%%", "eyJhIjogMX0", _cursor([1]), _cursor({"a": 1})]
WRONG_TYPE_CURSORS = [_cursor(["lots", "of"]), _cursor([None, None]), _cursor([[1], {"x": 2}])]


@pytest.mark.parametrize("cursor", GARBAGE_CURSORS)
def test_a_garbage_cursor_shows_the_first_page_of_the_directory(client, cursor):
    CommunityFactory(name="Biggest", member_count=10)
    CommunityFactory(name="Smallest", member_count=1)

    response = client.get("/communities/", {"after": cursor})

    assert response.status_code == 200
    assert [c.name for c in response.context["page"].items] == ["Biggest", "Smallest"]


@pytest.mark.parametrize("cursor", GARBAGE_CURSORS)
def test_a_garbage_cursor_shows_the_first_page_of_the_member_directory(client, community, cursor):
    MembershipFactory(community=community, user=UserFactory(display_name="Ada"))

    response = client.get(f"/c/{community.slug}/members/", {"after": cursor})

    assert response.status_code == 200
    names = [m.user.profile.display_name for m in response.context["page"].items]
    assert names == ["Ada", "Steward Sam"]


@pytest.mark.parametrize("cursor", WRONG_TYPE_CURSORS, ids=["strings", "nulls", "containers"])
def test_a_well_formed_cursor_with_wrong_types_shows_the_first_directory_page(cursor):
    CommunityFactory(name="Biggest", member_count=10)
    client = Client(raise_request_exception=False)

    response = client.get("/communities/", {"after": cursor})

    assert response.status_code == 200
    assert [c.name for c in response.context["page"].items] == ["Biggest"]


def test_a_well_formed_cursor_with_wrong_types_shows_the_first_member_page(community):
    client = Client(raise_request_exception=False)

    response = client.get(f"/c/{community.slug}/members/", {"after": _cursor(["Ada", "x"])})

    assert response.status_code == 200
    assert len(response.context["page"].items) == 1


# CSRF


def test_a_post_without_a_csrf_token_is_refused_and_writes_nothing(community):
    client = Client(enforce_csrf_checks=True)
    teacher = UserFactory()
    client.force_login(teacher)
    before = rows()

    response = client.post(f"/c/{community.slug}/request/", {"message": "hello"})

    assert response.status_code == 403
    assert "That form has expired" in text(response)
    assert rows() == before


def test_a_post_with_the_csrf_token_from_the_page_goes_through(community):
    client = Client(enforce_csrf_checks=True)
    teacher = UserFactory()
    client.force_login(teacher)
    page = client.get(f"/c/{community.slug}/request/")
    token = page.context["csrf_token"]

    response = client.post(
        f"/c/{community.slug}/request/", {"message": "hello", "csrfmiddlewaretoken": str(token)}
    )

    assert response.status_code == 302
    assert Membership.objects.filter(community=community, user=teacher, role=Role.MEMBER).exists()
