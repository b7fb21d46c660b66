from allauth.account.auth_backends import AuthenticationBackend


class StaffroomBackend(AuthenticationBackend):
    """Sign in by e-mail through allauth, loading the profile with the user in one query."""

    def get_user(self, user_id):
        # Every page reads the profile (language, time zone, name in the header).
        user = self._get_user_model().objects.select_related("profile").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None

    @staticmethod
    def _get_user_model():
        from django.contrib.auth import get_user_model

        return get_user_model()
