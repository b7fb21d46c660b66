from allauth.account.auth_backends import AuthenticationBackend

from staffroom.accounts.selectors import user_with_profile


class StaffroomBackend(AuthenticationBackend):
    """Sign in by e-mail through allauth, loading the profile with the user in one query."""

    def get_user(self, user_id):
        # Every page reads the profile (language, time zone, name in the header), and every
        # signed-in request runs this query, prepared once (accounts.selectors).
        try:
            user_id = int(user_id)
        except (TypeError, ValueError):
            return None
        if not 0 < user_id < 2**63:
            return None
        user = user_with_profile(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
