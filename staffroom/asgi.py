"""The ASGI application: Django for HTTP, Channels for WebSockets, a ticker for lifespan."""

import os
import sys

sys.setswitchinterval(0.0005)

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "staffroom.settings")
django_application = get_asgi_application()

# Imported after Django is set up: the routes import models.
from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import OriginValidator  # noqa: E402
from django.conf import settings  # noqa: E402

from staffroom.livechat.lifespan import lifespan  # noqa: E402
from staffroom.livechat.routing import websocket_urlpatterns  # noqa: E402


class SiteOriginValidator(OriginValidator):
    """Refuse sockets opened by pages of other sites: the Origin must be an allowed host.

    Browsers send Origin on WebSockets and cookies ride along whatever the page, so
    without this another site could use a member's session to read a private chat.
    Unlike channels' AllowedHostsOriginValidator, ALLOWED_HOSTS is read when a socket
    opens, not when this module is imported, so overridden settings apply.
    """

    def __init__(self, application):
        self.application = application

    @property
    def allowed_origins(self) -> list[str]:
        return settings.ALLOWED_HOSTS


application = ProtocolTypeRouter(
    {
        "http": django_application,
        "websocket": SiteOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
        "lifespan": lifespan,
    }
)
