"""Findings of the first review, each pinned by a test: leaks, crashes and lost bans."""

import base64

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from staffroom.accounts.models import User
from staffroom.communities.models import Membership, MembershipState, Role, Visibility
from staffroom.communities.services import community_create, membership_ban, membership_remove
from staffroom.core.errors import ServiceError
from tests.factories.accounts import UserFactory
from tests.factories.communities import CommunityFactory, MembershipFactory
from tests.factories.orgs import OrganizationFactory

pytestmark = pytest.mark.django_db


def cursor(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


@pytest.mark.parametrize("raw", ["[-Infinity, 1]", "[NaN, 1]", '["a\\u0000", 1]'])
def test_a_cursor_with_infinity_nan_or_nul_shows_the_first_page(raw):
    CommunityFactory(name="Reading circle")
    client = Client(raise_request_exception=False)

    response = client.get("/communities/", {"after": cursor(raw)})

    assert response.status_code == 200
    assert "Reading circle" in response.content.decode()


def test_an_invitation_token_with_a_nul_byte_is_not_found():
    response = Client(raise_request_exception=False).get("/invite/abc%00def/")

    assert response.status_code == 404


def test_an_unconfirmed_sign_up_has_no_public_profile(client):
    user = User.objects.create_user("jane.q.private@school.example", "a long passphrase here")

    response = client.get(f"/people/{user.pk}/")

    assert response.status_code == 404
    assert user.profile.display_name == "New member"


def test_an_unconfirmed_sign_up_still_sees_their_own_profile(client):
    user = User.objects.create_user("jane@school.example", "a long passphrase here")
    client.force_login(user)

    assert client.get(f"/people/{user.pk}/").status_code == 200


def test_stewards_of_a_members_only_community_are_hidden_from_outsiders(client):
    steward = UserFactory(display_name="Secretive Steward")
    community = community_create(
        creator=steward,
        name="Hidden circle",
        slug="hidden-circle",
        domain_statement="Private practice.",
        visibility=Visibility.MEMBERS,
    )

    outsider_page = client.get(f"/c/{community.slug}/").content.decode()
    client.force_login(MembershipFactory(community=community).user)
    member_page = client.get(f"/c/{community.slug}/").content.decode()

    assert "Secretive Steward" not in outsider_page
    assert "Secretive Steward" in member_page


def test_removing_a_banned_person_is_refused_so_the_ban_stays():
    steward = UserFactory()
    community = community_create(
        creator=steward, name="Maths", slug="maths-room", domain_statement="Ratios."
    )
    banned = membership_ban(actor=steward, community=community, user=UserFactory())

    with pytest.raises(ServiceError):
        membership_remove(actor=steward, membership=banned)

    assert Membership.objects.get(pk=banned.pk).state == MembershipState.BANNED


def test_the_demo_is_never_loaded_in_production(settings):
    settings.PRODUCTION = True

    with pytest.raises(CommandError):
        call_command("load_demo", verbosity=0)

    assert not User.objects.filter(email="admin@staffroom.test").exists()


def test_the_organisation_page_issues_as_many_queries_for_ten_communities_as_for_one():
    organization = OrganizationFactory()
    client = Client()
    client.force_login(UserFactory())

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/orgs/{organization.slug}/").status_code == 200
        return len(queries)

    CommunityFactory(organization=organization)
    one = count()
    for _ in range(9):
        CommunityFactory(organization=organization)
    ten = count()

    assert one == ten


def test_default_spaces_are_named_in_the_creators_language():
    from django.utils import translation

    with translation.override("fr"):
        community = community_create(
            creator=UserFactory(), name="Maths", slug="maths-fr", domain_statement="Ratios."
        )

    assert [space.name for space in community.spaces.all()] == ["Général", "Questions"]
    assert community.memberships.get().role == Role.STEWARD
