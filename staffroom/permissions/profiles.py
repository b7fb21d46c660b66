"""Who may see and edit educator profiles."""

from allauth.account.models import EmailAddress
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404

from staffroom.accounts.models import Profile
from staffroom.communities.models import Community, Membership, MembershipState
from staffroom.permissions.actors import is_signed_in, is_staff
from staffroom.permissions.communities import readable_communities


def access_profile(viewer, user_id: int) -> Profile:
    """Fetch a profile: public once the account has a confirmed address, else owner and staff only.

    Unconfirmed sign-ups are not people yet; listing them would expose who tried to join.
    """
    confirmed = EmailAddress.objects.filter(user_id=OuterRef("user_id"), verified=True)
    profile = (
        Profile.objects.select_related("user")
        .prefetch_related("subjects", "grade_bands", "languages")
        .annotate(confirmed=Exists(confirmed))
        .filter(user_id=user_id, user__is_active=True)
        .first()
    )
    if profile is None:
        raise Http404
    own = is_signed_in(viewer) and viewer.pk == profile.user_id
    if not (own or is_staff(viewer) or profile.confirmed):
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
