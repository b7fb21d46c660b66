"""Who may see, join, post in, moderate and manage a community."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from staffroom.communities.models import (
    Community,
    Invitation,
    JoinPolicy,
    Membership,
    MembershipState,
    Role,
    Visibility,
)
from staffroom.permissions.actors import (
    is_org_member,
    is_signed_in,
    is_staff,
    membership_of,
    state_in,
)


def can_view_community(user, community: Community) -> bool:
    """Whether the viewer may know the community exists and see its landing page."""
    if community.visibility != Visibility.SECRET or is_staff(user):
        return True
    return state_in(user, community) in {MembershipState.ACTIVE, MembershipState.PENDING}


def can_read_community(user, community: Community) -> bool:
    """Whether the viewer may read the community's content and member directory."""
    if community.visibility == Visibility.PUBLIC or is_staff(user):
        return True
    return state_in(user, community) == MembershipState.ACTIVE


def meets_organization_rule(user, community: Community) -> bool:
    """Whether the viewer passes a formal community's “organisation members only” rule."""
    if not community.restricted_to_organization or community.organization_id is None:
        return True
    return is_staff(user) or is_org_member(user, community.organization_id)


def _may_enter_by(user, community: Community, policy: str) -> bool:
    """Whether an outsider who can see the community may enter it under ``policy``."""
    return (
        community.join_policy == policy
        and is_signed_in(user)
        and membership_of(user, community) is None
        and can_view_community(user, community)
        and meets_organization_rule(user, community)
    )


def can_join_community(user, community: Community) -> bool:
    """Whether the viewer may join straight away (open communities)."""
    return _may_enter_by(user, community, JoinPolicy.OPEN)


def can_request_to_join(user, community: Community) -> bool:
    """Whether the viewer may ask the stewards to let them in."""
    return _may_enter_by(user, community, JoinPolicy.REQUEST)


def can_accept_invitation(user, invitation: Invitation) -> bool:
    """Whether the viewer may join through this link (any visibility, any join policy)."""
    community = invitation.community
    if not is_signed_in(user) or not invitation.is_usable:
        return False
    if state_in(user, community) not in {None, MembershipState.PENDING}:
        return False
    return meets_organization_rule(user, community)


def can_leave_community(user, community: Community) -> bool:
    """Whether the viewer may leave (or withdraw a request); the last steward must hand over first."""
    membership = membership_of(user, community)
    if membership is None or membership.state == MembershipState.BANNED:
        return False
    if membership.role == Role.STEWARD and membership.state == MembershipState.ACTIVE:
        return (
            Membership.objects.filter(
                community=community, role=Role.STEWARD, state=MembershipState.ACTIVE
            )
            .exclude(pk=membership.pk)
            .exists()
        )
    return True


def can_post_in_community(user, community: Community) -> bool:
    """Whether the viewer may start threads and reply: active members only."""
    return (
        is_signed_in(user)
        and user.is_active
        and state_in(user, community) == MembershipState.ACTIVE
    )


def can_moderate_community(user, community: Community) -> bool:
    if is_staff(user):
        return True
    membership = membership_of(user, community)
    return (
        membership is not None
        and membership.state == MembershipState.ACTIVE
        and membership.role in {Role.MODERATOR, Role.STEWARD}
    )


def can_manage_community(user, community: Community) -> bool:
    """Whether the viewer may change settings, spaces, roles, invitations and requests."""
    if is_staff(user):
        return True
    membership = membership_of(user, community)
    return (
        membership is not None
        and membership.state == MembershipState.ACTIVE
        and membership.role == Role.STEWARD
    )


def can_create_community(user) -> bool:
    return is_signed_in(user) and user.is_active


def check_can_read_community(user, community: Community) -> None:
    if not can_read_community(user, community):
        raise PermissionDenied


def check_can_manage_community(user, community: Community) -> None:
    if not can_manage_community(user, community):
        raise PermissionDenied


def check_can_moderate_community(user, community: Community) -> None:
    if not can_moderate_community(user, community):
        raise PermissionDenied


def access_community(user, slug: str, queryset: QuerySet | None = None) -> Community:
    """Fetch a community the viewer may see, or 404 — the same for missing and secret."""
    queryset = queryset if queryset is not None else Community.objects.all()
    community = queryset.filter(slug=slug).first()
    if community is None or not can_view_community(user, community):
        raise Http404
    return community


def visible_communities(user, queryset: QuerySet | None = None) -> QuerySet:
    """Filter communities to those the viewer may see; the set form of can_view_community."""
    queryset = queryset if queryset is not None else Community.objects.all()
    if is_staff(user):
        return queryset
    listed = Q(visibility__in=[Visibility.PUBLIC, Visibility.MEMBERS])
    if not is_signed_in(user):
        return queryset.filter(listed)
    mine = Membership.objects.filter(
        user=user, state__in=[MembershipState.ACTIVE, MembershipState.PENDING]
    ).values("community_id")
    return queryset.filter(listed | Q(pk__in=mine))


def readable_communities(user, queryset: QuerySet | None = None) -> QuerySet:
    """Filter communities to those whose content the viewer may read."""
    queryset = queryset if queryset is not None else Community.objects.all()
    if is_staff(user):
        return queryset
    public = Q(visibility=Visibility.PUBLIC)
    if not is_signed_in(user):
        return queryset.filter(public)
    mine = Membership.objects.filter(user=user, state=MembershipState.ACTIVE).values("community_id")
    return queryset.filter(public | Q(pk__in=mine))
