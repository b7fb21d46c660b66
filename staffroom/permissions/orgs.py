"""Who may manage an organisation."""

from django.http import Http404

from staffroom.orgs.models import Organization
from staffroom.permissions.actors import is_org_admin, is_staff


def can_manage_organization(user, organization: Organization) -> bool:
    """Whether the viewer may set the organisation's domains and administrators."""
    return is_staff(user) or is_org_admin(user, organization.pk)


def access_organization(user, slug: str) -> Organization:
    """Fetch an organisation; organisations themselves are public."""
    organization = Organization.objects.filter(slug=slug).first()
    if organization is None:
        raise Http404
    return organization


def access_managed_organization(user, slug: str) -> Organization:
    """Fetch an organisation the viewer administers, or 404."""
    organization = access_organization(user, slug)
    if not can_manage_organization(user, organization):
        raise Http404
    return organization
