from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LivechatConfig(AppConfig):
    name = "staffroom.livechat"
    verbose_name = _("Live chats")
