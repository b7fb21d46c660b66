from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings

from staffroom.settings import env_bool


class AccountAdapter(DefaultAccountAdapter):
    """Staffroom's account rules: signup can be closed by the admin."""

    def is_open_for_signup(self, request) -> bool:
        return env_bool("STAFFROOM_OPEN_SIGNUP", True)

    def get_signup_redirect_url(self, request) -> str:
        return settings.ACCOUNT_SIGNUP_REDIRECT_URL
