"""Reads of accounts and profiles."""

from collections.abc import Iterable
from itertools import islice

from staffroom.accounts.handles import handle_key, is_handle, normalize_handle
from staffroom.accounts.models import User
from staffroom.core.prepared import prepared


@prepared(int)
def _user_with_profile(user_id: int):
    return User.objects.select_related("profile").filter(pk=user_id).order_by()[:1]


def user_with_profile(user_id: int) -> User | None:
    """The account with its profile, active or not, in one query prepared once per process.

    Every signed-in request (the session's user) and every open chat socket (re-read on its
    frames and rechecks) runs it, and compiling the queryset cost more than running it.
    """
    found = _user_with_profile(user_id)
    return found[0] if found else None


# A post mentions a handful of people; a longer list is someone probing for accounts.
MAX_HANDLE_LOOKUPS = 50


def users_by_handles(handles: Iterable[str]) -> dict[str, User]:
    """Map ``handle.casefold()`` of active members to their users, with profiles, in one query.

    Only the first 50 handles given are looked up; the rest are ignored.
    """
    if isinstance(handles, str):
        handles = [handles]
    keys: dict[str, None] = {}
    for raw in islice(handles, MAX_HANDLE_LOOKUPS):
        handle = normalize_handle(raw)
        if is_handle(handle):
            keys[handle_key(handle)] = None
    if not keys:
        return {}
    users = User.objects.select_related("profile").filter(
        is_active=True, profile__handle_key__in=list(keys)
    )
    return {user.profile.handle_key: user for user in users}
