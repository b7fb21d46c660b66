from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model

from staffroom.core.prepared import prepared


@prepared(int)
def _user_with_profile(user_id: int):
    return get_user_model().objects.select_related("profile").filter(pk=user_id)[:1]


class StaffroomBackend(AuthenticationBackend):
    """Sign in by e-mail through allauth, loading the profile with the user in one query."""

    def get_user(self, user_id):
        # Every page reads the profile (language, time zone, name in the header), and every
        # signed-in request runs this query: its SQL is prepared once (core.prepared).
        try:
            user_id = int(user_id)
        except (TypeError, ValueError):
            return None
        if not 0 < user_id < 2**63:
            return None
        found = _user_with_profile(user_id)
        user = found[0] if found else None
        return user if user is not None and self.user_can_authenticate(user) else None
