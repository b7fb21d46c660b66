"""Facts about the viewer, looked up once per request and object."""

from django.contrib.auth.models import AnonymousUser

from staffroom.accounts.selectors import user_with_profile
from staffroom.communities.models import Community, Membership, MembershipState
from staffroom.orgs.models import OrganizationMembership, OrgRole

_MISSING = object()


def is_signed_in(user) -> bool:
    return user is not None and not isinstance(user, AnonymousUser) and user.is_authenticated


def fresh_account(user):
    """Re-read a signed-in account with its profile, or None once it has been deactivated.

    A socket keeps the user its session had when it opened; its frames re-read the account
    so a deactivated member is refused at their next one. Anyone not signed in is returned
    as they are.
    """
    if not is_signed_in(user):
        return user
    account = user_with_profile(user.pk)
    return account if account is not None and account.is_active else None


def is_staff(user) -> bool:
    return is_signed_in(user) and user.is_active and user.is_staff


def membership_of(user, community: Community) -> Membership | None:
    """Return the viewer's membership row in the community, cached on the community."""
    if not is_signed_in(user):
        return None
    cache = community.__dict__.setdefault("_membership_cache", {})
    found = cache.get(user.pk, _MISSING)
    if found is _MISSING:
        found = Membership.objects.filter(community=community, user=user).first()
        cache[user.pk] = found
    return found


def remember_membership(user, community: Community, membership: Membership | None) -> None:
    """Prime the cache when a selector already fetched the viewer's membership."""
    if is_signed_in(user):
        community.__dict__.setdefault("_membership_cache", {})[user.pk] = membership


def forget_membership(user, community: Community) -> None:
    community.__dict__.get("_membership_cache", {}).pop(getattr(user, "pk", None), None)


def state_in(user, community: Community) -> str | None:
    membership = membership_of(user, community)
    return membership.state if membership else None


def is_active_member(user, community: Community) -> bool:
    return state_in(user, community) == MembershipState.ACTIVE


def org_role(user, organization_id: int | None) -> str | None:
    """Return the viewer's role in an organisation, or None; cached on the user."""
    if organization_id is None or not is_signed_in(user):
        return None
    cache = user.__dict__.setdefault("_org_role_cache", {})
    if organization_id not in cache:
        cache[organization_id] = (
            OrganizationMembership.objects.filter(organization_id=organization_id, user=user)
            .values_list("role", flat=True)
            .first()
        )
    return cache[organization_id]


def is_org_member(user, organization_id: int | None) -> bool:
    return org_role(user, organization_id) is not None


def is_org_admin(user, organization_id: int | None) -> bool:
    return org_role(user, organization_id) == OrgRole.ADMIN
