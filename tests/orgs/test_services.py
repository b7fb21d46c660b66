"""Organisation writes: verified domains, memberships from confirmed e-mail, administrators."""

import pytest
from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed, email_removed

from staffroom.core.errors import ServiceError
from staffroom.orgs.models import (
    OrganizationDomain,
    OrganizationMembership,
    OrgMembershipSource,
    OrgRole,
)
from staffroom.orgs.services import (
    org_memberships_sync,
    organization_admin_set,
    organization_domain_add,
    organization_domain_remove,
)
from staffroom.permissions.actors import is_org_admin
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.orgs import (
    OrganizationDomainFactory,
    OrganizationFactory,
    OrganizationMembershipFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def organization():
    return OrganizationFactory(name="Riverside District")


@pytest.fixture
def admin(organization):
    return OrganizationMembershipFactory(
        organization=organization, role=OrgRole.ADMIN, source=OrgMembershipSource.MANUAL
    ).user


def everything() -> dict:
    """Capture every row an organisation service can write."""
    return {
        "domains": list(OrganizationDomain.objects.order_by("pk").values()),
        "memberships": list(OrganizationMembership.objects.order_by("pk").values()),
    }


def org_members(organization) -> dict[str, tuple[str, str]]:
    return {
        m.user.email: (m.role, m.source)
        for m in OrganizationMembership.objects.filter(organization=organization).select_related(
            "user"
        )
    }


def a_user_with(email: str, *, verified: bool = True):
    user = UserFactory(email=email, confirmed=False)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


# --- adding a domain ------------------------------------------------------------------------


def test_adding_a_domain_makes_people_confirmed_on_it_members(organization, admin):
    a_user_with("ana@riverside.k12.example")
    a_user_with("bea@RIVERSIDE.k12.example")
    a_user_with("cy@elsewhere.example")

    record = organization_domain_add(
        actor=admin, organization=organization, domain=" @Riverside.K12.example. "
    )

    assert record.domain == "riverside.k12.example"
    assert record.added_by == admin
    assert org_members(organization) == {
        admin.email: (OrgRole.ADMIN, OrgMembershipSource.MANUAL),
        "ana@riverside.k12.example": (OrgRole.MEMBER, OrgMembershipSource.DOMAIN),
        "bea@RIVERSIDE.k12.example": (OrgRole.MEMBER, OrgMembershipSource.DOMAIN),
    }


def test_adding_a_domain_ignores_unconfirmed_addresses(organization, admin):
    a_user_with("dee@riverside.k12.example", verified=False)

    organization_domain_add(actor=admin, organization=organization, domain="riverside.k12.example")

    assert set(org_members(organization)) == {admin.email}


def test_adding_a_domain_does_not_match_a_longer_domain_ending_the_same_way(organization, admin):
    a_user_with("eve@notriverside.k12.example")
    a_user_with("fay@staff.riverside.k12.example")

    organization_domain_add(actor=admin, organization=organization, domain="riverside.k12.example")

    assert set(org_members(organization)) == {admin.email}


def test_platform_staff_can_add_a_domain(organization):
    organization_domain_add(
        actor=StaffFactory(), organization=organization, domain="riverside.k12.example"
    )

    assert organization.domains.get().domain == "riverside.k12.example"


@pytest.mark.parametrize("domain", ["gmail.com", "GMAIL.com", "outlook.com", "proton.me"])
def test_a_public_mail_domain_is_refused(organization, admin, domain):
    before = everything()

    with pytest.raises(ServiceError) as refusal:
        organization_domain_add(actor=admin, organization=organization, domain=domain)

    assert refusal.value.field == "domain"
    assert "public e-mail service" in refusal.value.message
    assert everything() == before


@pytest.mark.parametrize(
    "domain",
    ["", "localhost", "riverside", "not a domain", "ana@riverside.example", "-bad.example", "a.b"],
)
def test_a_malformed_domain_is_refused(organization, admin, domain):
    before = everything()

    with pytest.raises(ServiceError) as refusal:
        organization_domain_add(actor=admin, organization=organization, domain=domain)

    assert refusal.value.field == "domain"
    assert everything() == before


def test_a_domain_owned_by_another_organisation_is_refused(organization, admin):
    OrganizationDomainFactory(
        organization=OrganizationFactory(name="Hilltop Academy"), domain="hilltop.example"
    )
    before = everything()

    with pytest.raises(ServiceError, match="Hilltop Academy") as refusal:
        organization_domain_add(actor=admin, organization=organization, domain="Hilltop.example")

    assert refusal.value.field == "domain"
    assert everything() == before


@pytest.mark.parametrize("relation", ["outsider", "org-member"])
def test_someone_who_is_not_an_admin_cannot_add_a_domain(organization, relation):
    user = UserFactory()
    if relation == "org-member":
        OrganizationMembershipFactory(organization=organization, user=user)
    a_user_with("ana@riverside.k12.example")
    before = everything()

    with pytest.raises(ServiceError):
        organization_domain_add(
            actor=user, organization=organization, domain="riverside.k12.example"
        )

    assert everything() == before


# --- confirming an address ---------------------------------------------------------------


def test_confirming_an_address_on_a_verified_domain_joins_the_organisation(organization):
    OrganizationDomainFactory(organization=organization, domain="riverside.k12.example")
    user = a_user_with("gus@riverside.k12.example", verified=False)
    address = EmailAddress.objects.get(user=user)

    address.verified = True
    address.save()
    email_confirmed.send(sender=EmailAddress, request=None, email_address=address)

    assert org_members(organization) == {
        "gus@riverside.k12.example": (OrgRole.MEMBER, OrgMembershipSource.DOMAIN)
    }


def test_an_unconfirmed_address_on_a_verified_domain_does_not_join(organization):
    OrganizationDomainFactory(organization=organization, domain="riverside.k12.example")
    user = a_user_with("hal@riverside.k12.example", verified=False)

    org_memberships_sync(user=user)

    assert org_members(organization) == {}


def test_removing_the_address_ends_a_membership_that_came_from_it(organization):
    OrganizationDomainFactory(organization=organization, domain="riverside.k12.example")
    user = a_user_with("ivy@riverside.k12.example")
    org_memberships_sync(user=user)
    address = EmailAddress.objects.get(user=user)

    address.delete()
    email_removed.send(sender=EmailAddress, request=None, user=user, email_address=address)

    assert org_members(organization) == {}


def test_syncing_twice_changes_nothing(organization):
    OrganizationDomainFactory(organization=organization, domain="riverside.k12.example")
    user = a_user_with("jo@riverside.k12.example")
    org_memberships_sync(user=user)
    before = everything()

    org_memberships_sync(user=user)

    assert everything() == before


# --- removing a domain --------------------------------------------------------------------


def test_removing_a_domain_ends_only_the_memberships_that_came_from_it(organization, admin):
    domain = organization_domain_add(
        actor=admin, organization=organization, domain="riverside.k12.example"
    )
    a_user_with("kim@riverside.k12.example")
    org_memberships_sync(user=a_user_with("lee@riverside.k12.example"))
    domain_admin = a_user_with("max@riverside.k12.example")
    org_memberships_sync(user=domain_admin)
    organization_admin_set(actor=admin, organization=organization, user=domain_admin, is_admin=True)
    manual = a_user_with("ned@riverside.k12.example")
    OrganizationMembershipFactory(
        organization=organization, user=manual, source=OrgMembershipSource.MANUAL
    )

    organization_domain_remove(actor=admin, domain=domain)

    assert not OrganizationDomain.objects.filter(pk=domain.pk).exists()
    assert org_members(organization) == {
        admin.email: (OrgRole.ADMIN, OrgMembershipSource.MANUAL),
        "max@riverside.k12.example": (OrgRole.ADMIN, OrgMembershipSource.DOMAIN),
        "ned@riverside.k12.example": (OrgRole.MEMBER, OrgMembershipSource.MANUAL),
    }


def test_removing_one_domain_keeps_members_confirmed_on_another(organization, admin):
    old = organization_domain_add(actor=admin, organization=organization, domain="old.example")
    organization_domain_add(actor=admin, organization=organization, domain="new.example")
    user = a_user_with("oli@old.example")
    EmailAddress.objects.create(user=user, email="oli@new.example", verified=True)
    org_memberships_sync(user=user)

    organization_domain_remove(actor=admin, domain=old)

    assert "oli@old.example" in org_members(organization)


def test_someone_who_is_not_an_admin_cannot_remove_a_domain(organization):
    domain = OrganizationDomainFactory(organization=organization)
    member = OrganizationMembershipFactory(organization=organization).user
    before = everything()

    with pytest.raises(ServiceError):
        organization_domain_remove(actor=member, domain=domain)

    assert everything() == before


# --- administrators -----------------------------------------------------------------------


def test_an_admin_can_make_a_member_an_admin(organization, admin):
    member = OrganizationMembershipFactory(organization=organization).user

    membership = organization_admin_set(
        actor=admin, organization=organization, user=member, is_admin=True
    )

    assert membership.role == OrgRole.ADMIN
    assert is_org_admin(member, organization.pk)


def test_making_an_outsider_an_admin_adds_them_by_hand(organization, admin):
    outsider = UserFactory()

    organization_admin_set(actor=admin, organization=organization, user=outsider, is_admin=True)

    assert org_members(organization)[outsider.email] == (
        OrgRole.ADMIN,
        OrgMembershipSource.MANUAL,
    )


def test_an_admin_can_step_down_while_another_admin_remains(organization, admin):
    other = OrganizationMembershipFactory(organization=organization, role=OrgRole.ADMIN).user

    organization_admin_set(actor=other, organization=organization, user=admin, is_admin=False)

    assert org_members(organization)[admin.email][0] == OrgRole.MEMBER


def test_the_last_admin_cannot_step_down(organization, admin):
    before = everything()

    with pytest.raises(ServiceError, match="at least one administrator"):
        organization_admin_set(actor=admin, organization=organization, user=admin, is_admin=False)

    assert everything() == before


def test_platform_staff_may_remove_the_last_admin(organization, admin):
    organization_admin_set(
        actor=StaffFactory(), organization=organization, user=admin, is_admin=False
    )

    assert org_members(organization)[admin.email][0] == OrgRole.MEMBER


def test_a_member_who_is_not_an_admin_cannot_change_admins(organization, admin):
    member = OrganizationMembershipFactory(organization=organization).user
    before = everything()

    with pytest.raises(ServiceError):
        organization_admin_set(actor=member, organization=organization, user=member, is_admin=True)

    assert everything() == before
