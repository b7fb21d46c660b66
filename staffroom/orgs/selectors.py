from django.db.models import Q, QuerySet

from staffroom.communities.selectors import DirectoryFilters, community_directory
from staffroom.orgs.models import Organization, OrganizationMembership, OrgRole
from staffroom.permissions.actors import is_signed_in, is_staff


def organizations_managed_by(user) -> QuerySet:
    """List the organisations a user administers (all of them for platform staff)."""
    if is_staff(user):
        return Organization.objects.all()
    if not is_signed_in(user):
        return Organization.objects.none()
    return Organization.objects.filter(
        memberships__user=user, memberships__role=OrgRole.ADMIN
    ).distinct()


def organizations_for_community(user, community) -> QuerySet:
    """List the organisations a steward may attach their community to, keeping the current one."""
    managed = organizations_managed_by(user).values("pk")
    return Organization.objects.filter(Q(pk__in=managed) | Q(pk=community.organization_id))


ORGANIZATION_COMMUNITY_LIMIT = 60


def organization_page(*, viewer, organization: Organization) -> dict:
    """Gather an organisation's page: the communities the viewer may see, with their facets."""
    page = community_directory(
        viewer=viewer,
        filters=DirectoryFilters(organization_id=organization.pk),
        size=ORGANIZATION_COMMUNITY_LIMIT,
    )
    return {
        "communities": page.items,
        "member_count": organization.memberships.count(),
        "domains": list(organization.domains.all()),
    }


def organization_members(*, organization: Organization) -> list[OrganizationMembership]:
    return list(
        organization.memberships.select_related("user__profile").order_by(
            "role", "user__profile__display_name"
        )
    )


def organizations_of(user) -> list[OrganizationMembership]:
    """List a user's organisation memberships, with the organisation, for their own pages."""
    return list(
        OrganizationMembership.objects.filter(user=user)
        .select_related("organization")
        .order_by("organization__name")
    )
