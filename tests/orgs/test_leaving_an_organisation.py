"""Leaving an organisation ends the memberships it alone entitled someone to."""

import pytest
from allauth.account.models import EmailAddress

from staffroom.communities.models import JoinPolicy, Membership, MembershipState, Role
from staffroom.communities.services import community_create, community_join
from staffroom.orgs.models import OrgRole
from staffroom.orgs.services import organization_domain_add, organization_domain_remove
from tests.factories.accounts import UserFactory
from tests.factories.orgs import OrganizationFactory, OrganizationMembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def district():
    organization = OrganizationFactory()
    admin = OrganizationMembershipFactory(organization=organization, role=OrgRole.ADMIN).user
    organization_domain_add(actor=admin, organization=organization, domain="district.example")
    community = community_create(
        creator=admin,
        name="Science department",
        slug="science-dept",
        domain_statement="District science.",
        join_policy=JoinPolicy.OPEN,
        organization=organization,
        restricted_to_organization=True,
    )
    return organization, admin, community


def teacher_on(domain: str):
    user = UserFactory(email=f"kim@{domain}", confirmed=False)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def test_losing_the_domain_ends_membership_of_restricted_communities(district):
    organization, admin, community = district
    teacher = teacher_on("district.example")
    from staffroom.orgs.services import org_memberships_sync

    org_memberships_sync(user=teacher)
    community_join(user=teacher, community=community)
    domain = organization.domains.get()

    organization_domain_remove(actor=admin, domain=domain)

    community.refresh_from_db()
    assert not Membership.objects.filter(community=community, user=teacher).exists()
    assert community.member_count == 1


def test_a_steward_who_leaves_the_organisation_stays_until_they_hand_over(district):
    organization, admin, community = district
    teacher = teacher_on("district.example")
    from staffroom.orgs.services import org_memberships_sync

    org_memberships_sync(user=teacher)
    Membership.objects.create(
        community=community, user=teacher, role=Role.STEWARD, state=MembershipState.ACTIVE
    )

    organization_domain_remove(actor=admin, domain=organization.domains.get())

    assert Membership.objects.get(community=community, user=teacher).role == Role.STEWARD
