"""The ASGI application: Django for HTTP, Channels for WebSockets, a ticker for lifespan."""

import os
import sys

from django.core.asgi import get_asgi_application

# The event loop thread spends long stretches writing to sockets; the thread that runs
# the ORM gives up the GIL at every query and, by default, may wait 5 ms to get it back.
# A post makes about fifteen queries, so under load each post took 50 ms or more and
# posts queued behind each other; 1 ms keeps a post to a few milliseconds.
sys.setswitchinterval(0.001)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "staffroom.settings")
django_application = get_asgi_application()

# Imported after Django is set up: the routes import models.
from channels.auth import AuthMiddleware, get_user  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import OriginValidator  # noqa: E402
from channels.sessions import CookieMiddleware, SessionMiddleware  # noqa: E402
from django.conf import settings  # noqa: E402

from staffroom.livechat.dbthread import database_sync_to_async  # noqa: E402
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


class SessionUserMiddleware(AuthMiddleware):
    """channels' AuthMiddleware, reading the session on the sockets' kept connection."""

    async def resolve_scope(self, scope):
        # get_user is channels' own, unwrapped from the database_sync_to_async that would
        # open and close a database connection for every socket.
        scope["user"]._wrapped = await database_sync_to_async(get_user.func)(scope)


class KeepServerSend:
    """Put the server's own ``send`` in the scope, for the frames a socket writes.

    channels' session middleware wraps ``send`` to save sessions on HTTP responses, and on
    every WebSocket message checks whether the session changed; a chat frame written to
    thousands of sockets skips that (see consumers._HubConsumer).
    """

    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        return await self.application(dict(scope, server_send=send), receive, send)


application = ProtocolTypeRouter(
    {
        "http": django_application,
        "websocket": KeepServerSend(
            SiteOriginValidator(
                CookieMiddleware(
                    SessionMiddleware(SessionUserMiddleware(URLRouter(websocket_urlpatterns)))
                )
            )
        ),
        "lifespan": lifespan,
    }
)
