"""Organisation pages: the public page and the administrators' manage page."""

import pytest
from allauth.account.models import EmailAddress

from staffroom.orgs.models import (
    OrganizationDomain,
    OrganizationMembership,
    OrgMembershipSource,
    OrgRole,
)
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.orgs import (
    OrganizationDomainFactory,
    OrganizationFactory,
    OrganizationMembershipFactory,
)
from tests.pages import shown_messages, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def organization():
    return OrganizationFactory(name="Hillside Academy", slug="hillside")


@pytest.fixture
def admin(organization):
    user = UserFactory(display_name="Alex Admin")
    OrganizationMembershipFactory(
        organization=organization, user=user, role=OrgRole.ADMIN, source="manual"
    )
    return user


@pytest.fixture
def admin_client(client, admin):
    client.force_login(admin)
    return client


def test_the_organisation_page_shows_domains_and_staff_count(client, organization):
    OrganizationDomainFactory(organization=organization, domain="hillside.sch.example")
    OrganizationMembershipFactory(organization=organization)

    response = client.get("/orgs/hillside/")

    assert response.status_code == 200
    assert "Hillside Academy" in text(response)
    assert "@hillside.sch.example" in text(response)
    assert "1 member of staff on Staffroom" in text(response)


def test_the_organisation_page_offers_its_admin_the_manage_link(admin_client, organization):
    response = admin_client.get("/orgs/hillside/")

    assert "Manage domains and administrators" in text(response)


def test_an_anonymous_visitor_is_sent_to_sign_in_for_the_manage_page(client, organization):
    response = client.get("/orgs/hillside/manage/")

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_a_plain_member_of_the_organisation_gets_404_on_the_manage_page(client, organization):
    member = OrganizationMembershipFactory(organization=organization).user
    client.force_login(member)

    assert client.get("/orgs/hillside/manage/").status_code == 404
    assert client.post("/orgs/hillside/manage/", {"domain": "x.example"}).status_code == 404
    assert not OrganizationDomain.objects.exists()


def test_the_manage_page_lists_domains_and_members(admin_client, organization):
    OrganizationDomainFactory(organization=organization, domain="hillside.sch.example")

    response = admin_client.get("/orgs/hillside/manage/")

    assert response.status_code == 200
    assert "@hillside.sch.example" in text(response)
    assert "Alex Admin" in text(response)
    assert "Remove admin rights" in text(response)


def test_adding_a_domain_brings_in_staff_with_confirmed_addresses(admin_client, organization):
    confirmed = UserFactory(email="teacher@hillside.sch.example")
    unconfirmed = UserFactory(email="new@hillside.sch.example", confirmed=False)
    EmailAddress.objects.create(user=unconfirmed, email=unconfirmed.email, verified=False)

    response = admin_client.post("/orgs/hillside/manage/", {"domain": " @Hillside.SCH.example. "})

    assert response.status_code == 302
    assert response.url == "/orgs/hillside/manage/"
    assert OrganizationDomain.objects.get().domain == "hillside.sch.example"
    membership = OrganizationMembership.objects.get(organization=organization, user=confirmed)
    assert membership.source == OrgMembershipSource.DOMAIN
    assert not OrganizationMembership.objects.filter(user=unconfirmed).exists()
    assert shown_messages(response) == ["Domain added; staff on it are now members."]


def test_removing_a_domain_ends_the_memberships_it_gave(admin_client, organization):
    domain = OrganizationDomainFactory(organization=organization, domain="hillside.sch.example")
    staff = UserFactory(email="teacher@hillside.sch.example")
    OrganizationMembershipFactory(organization=organization, user=staff)

    response = admin_client.post(f"/orgs/hillside/manage/domains/{domain.pk}/remove/")

    assert not OrganizationDomain.objects.exists()
    assert not OrganizationMembership.objects.filter(user=staff).exists()
    assert OrganizationMembership.objects.filter(role=OrgRole.ADMIN).count() == 1
    assert shown_messages(response) == ["hillside.sch.example removed."]


def test_making_a_member_an_administrator(admin_client, organization):
    member = OrganizationMembershipFactory(
        organization=organization, user=UserFactory(display_name="Morgan Member")
    )

    response = admin_client.post(
        f"/orgs/hillside/manage/members/{member.pk}/admin/", {"make_admin": "1"}
    )

    member.refresh_from_db()
    assert member.role == OrgRole.ADMIN
    assert shown_messages(response) == ["Morgan Member is now: Administrator."]


def test_taking_admin_rights_away_from_another_admin(admin_client, organization):
    other = OrganizationMembershipFactory(
        organization=organization, user=UserFactory(display_name="Ola Other"), role=OrgRole.ADMIN
    )

    response = admin_client.post(
        f"/orgs/hillside/manage/members/{other.pk}/admin/", {"make_admin": "0"}
    )

    other.refresh_from_db()
    assert other.role == OrgRole.MEMBER
    assert shown_messages(response) == ["Ola Other is now: Member."]


def test_the_last_administrator_keeps_their_rights(admin_client, organization, admin):
    own = OrganizationMembership.objects.get(organization=organization, user=admin)

    response = admin_client.post(
        f"/orgs/hillside/manage/members/{own.pk}/admin/", {"make_admin": "0"}
    )

    own.refresh_from_db()
    assert own.role == OrgRole.ADMIN
    assert shown_messages(response) == ["An organisation always needs at least one administrator."]


def test_platform_staff_can_manage_any_organisation(client, organization):
    client.force_login(StaffFactory())

    response = client.post("/orgs/hillside/manage/", {"domain": "hillside.sch.example"})

    assert response.status_code == 302
    assert OrganizationDomain.objects.filter(organization=organization).exists()
