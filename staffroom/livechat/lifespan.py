"""Server start and stop: each process runs a small ticker that keeps chats to schedule.

Every tick is safe to run in several processes at once (each release, reminder and archive
is claimed with a conditional UPDATE), so no separate scheduler needs to be deployed. Each
process also starts keeping its full garbage collections short (``core.gc_pauses``): only a
server holds thousands of sockets, so only a server needs it.
"""

import asyncio
import contextlib
import logging

from channels.db import database_sync_to_async
from django.conf import settings

from staffroom.core import gc_pauses

logger = logging.getLogger(__name__)


async def _tick_forever(interval: float) -> None:
    from staffroom.livechat.services import chats_tick

    while True:
        await asyncio.sleep(interval)
        try:
            await database_sync_to_async(chats_tick)()
        except Exception:  # one bad tick must not stop the next
            logger.exception("The live chat ticker failed; it will try again.")


async def lifespan(scope, receive, send) -> None:
    ticker = None
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            if settings.GC_FREEZE:
                gc_pauses.install()
            if settings.LIVECHAT_TICK_SECONDS > 0:
                ticker = asyncio.create_task(_tick_forever(settings.LIVECHAT_TICK_SECONDS))
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            if ticker is not None:
                ticker.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await ticker
            gc_pauses.uninstall()
            await send({"type": "lifespan.shutdown.complete"})
            return
