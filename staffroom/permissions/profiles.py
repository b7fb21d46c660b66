"""Who may see and edit educator profiles."""

from django.db.models import QuerySet
from django.http import Http404

from staffroom.accounts.models import Profile
from staffroom.communities.models import Community, Membership, MembershipState
from staffroom.permissions.actors import is_signed_in
from staffroom.permissions.communities import readable_communities


def access_profile(viewer, user_id: int) -> Profile:
    """Fetch an active member's profile; profiles are public, deactivated accounts are not."""
    profile = (
        Profile.objects.select_related("user")
        .prefetch_related("subjects", "grade_bands", "languages")
        .filter(user_id=user_id, user__is_active=True)
        .first()
    )
    if profile is None:
        raise Http404
    return profile


def can_edit_profile(viewer, profile: Profile) -> bool:
    return is_signed_in(viewer) and viewer.pk == profile.user_id


def communities_shown_on_profile(viewer, profile: Profile) -> QuerySet:
    """List the profile owner's communities whose membership the viewer may read."""
    member_of = Membership.objects.filter(
        user_id=profile.user_id, state=MembershipState.ACTIVE
    ).values("community_id")
    return readable_communities(viewer, Community.objects.filter(pk__in=member_of))
