from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "staffroom.accounts"
    label = "accounts"
    verbose_name = _("Accounts and profiles")

    def ready(self) -> None:
        from staffroom.accounts import signals  # noqa: F401
