"""WebSocket endpoints: a live chat, and live updates of an open thread.

Every frame a client sends goes through the same service functions the plain forms call;
access is checked through the permissions package on connect, on every frame, and again
every few minutes while the socket stays open (a member banned mid-chat stops hearing it).
"""

import asyncio
import json
import logging
import random
from urllib.parse import parse_qs

from channels.consumer import get_handler_name
from channels.generic.websocket import AsyncWebsocketConsumer
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from staffroom.core.errors import ServiceError
from staffroom.livechat import frames
from staffroom.livechat.dbthread import database_sync_to_async
from staffroom.livechat.hub import hub
from staffroom.livechat.outbox import Outbox
from staffroom.livechat.realtime import encode, group_name, thread_group_name
from staffroom.livechat.wire import DirectWriter

logger = logging.getLogger(__name__)

MAX_FRAME_BYTES = 8 * 1024
RECHECK_SECONDS = 120
CLOSE_FORBIDDEN = 4403


class _HubConsumer(AsyncWebsocketConsumer):
    """A socket that hears its group through the process hub, not its own subscription."""

    # Not a configured layer: the consumer gets no channel of its own (the hub holds one
    # per process and group), which saves a pending layer receive per socket.
    channel_layer_alias = "livechat-hub-only"
    group: str = ""
    outbox: Outbox | None = None
    recheck_task: asyncio.Task | None = None
    joined = False

    async def dispatch(self, message) -> None:
        # channels closes old database connections before every handler: a thread hop
        # per frame and, with CONN_MAX_AGE=0, a reconnect. The consumers' own
        # database_sync_to_async (dbthread) looks after the connection instead.
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def start(self, group: str, hello: dict) -> None:
        self.group = group
        await self.accept()
        self.outbox = Outbox(self._send_text, self._close, batched=self._wants_batches())
        self.outbox.direct = DirectWriter.for_send(self.scope.get("server_send"))
        # The greeting goes first; events heard while joining queue up behind it, and the
        # client knows it hears the group once the greeting arrives.
        self.outbox.push(encode(hello))
        await hub.join(group, self.outbox)
        self.joined = True
        self.outbox.start()
        self.recheck_task = asyncio.create_task(self._recheck_forever())

    def _wants_batches(self) -> bool:
        query = parse_qs(self.scope.get("query_string", b"").decode("latin-1"))
        return query.get("batch") == ["1"]

    async def _send_text(self, text: str) -> None:
        # Straight to the server when asgi.KeepServerSend offers it: channels' session
        # wrapper around send has nothing to do for a chat frame but check the session.
        send = self.scope.get("server_send") or self.base_send
        await send({"type": "websocket.send", "text": text})

    async def _close(self, code: int) -> None:
        await self.close(code=code)

    def reply(self, frame: dict) -> None:
        if self.outbox is not None:
            self.outbox.push(encode(frame))

    def close_after_reply(self, code: int) -> None:
        if self.outbox is not None:
            self.outbox.close_after(code)

    async def disconnect(self, code) -> None:
        if self.recheck_task is not None:
            self.recheck_task.cancel()
        if self.joined:
            self.joined = False
            await hub.leave(self.group, self.outbox)
        if self.outbox is not None:
            await self.outbox.stop()

    async def _recheck_forever(self) -> None:
        while True:
            # Spread out, so thousands of sockets opened together do not recheck together.
            await asyncio.sleep(RECHECK_SECONDS * random.uniform(0.75, 1.25))
            try:
                allowed = await database_sync_to_async(self.still_allowed)()
            except Exception:  # the database is away: ask again next time
                logger.exception("Could not recheck a socket's access")
                continue
            if not allowed:
                self.close_after_reply(CLOSE_FORBIDDEN)
                return

    def still_allowed(self) -> bool:
        raise NotImplementedError


def parse(text_data: str | None) -> tuple[dict | None, dict | None]:
    """Return (frame, None) for a JSON object with a string type, else (None, error frame)."""
    if text_data is None:
        return None, frames.error("malformed", _("Send text frames of JSON."))
    if len(text_data.encode("utf-8", "replace")) > MAX_FRAME_BYTES:
        return None, frames.error("too_large", _("That frame is too large."))
    try:
        frame = json.loads(text_data)
    except (ValueError, RecursionError):
        return None, frames.error("malformed", _("That frame is not valid JSON."))
    if not isinstance(frame, dict) or not isinstance(frame.get("type"), str):
        return None, frames.error("malformed", _("A frame is a JSON object with a type."))
    return frame, None


class ChatConsumer(_HubConsumer):
    async def connect(self) -> None:
        self.chat_id = self.scope["url_route"]["kwargs"]["chat_id"]
        hello = await database_sync_to_async(frames.open_chat)(self.scope["user"], self.chat_id)
        if hello is None:
            # The same refusal for a missing chat and a private one.
            await self.close(code=CLOSE_FORBIDDEN)
            return
        await self.start(group_name(self.chat_id), hello)

    def still_allowed(self) -> bool:
        return frames.may_view_chat(self.scope["user"], self.chat_id)

    async def receive(self, text_data=None, bytes_data=None) -> None:
        frame, answer = parse(text_data)
        if frame is not None:
            answer = await self._handle(frame)
        self.reply(answer)
        if answer.get("code") == "forbidden_view":
            self.close_after_reply(CLOSE_FORBIDDEN)

    async def _handle(self, frame: dict) -> dict:
        ref = frame.get("ref")
        if frame["type"] == "ping":
            return {"type": "pong", "ref": frames.clean_ref(ref)}
        try:
            with hub.saving():
                return await database_sync_to_async(frames.handle)(
                    self.scope["user"], self.chat_id, frame
                )
        except ServiceError as error:
            return frames.error(error.code, error.message, ref=ref)
        except PermissionDenied:
            return frames.error("forbidden", _("You cannot do that here."), ref=ref)
        except Exception:  # a bug must cost one frame, not the socket
            logger.exception("A chat frame failed: %r", frame.get("type"))
            return frames.error(
                "server_error", _("Something went wrong; nothing was saved. Try again."), ref=ref
            )


class ThreadConsumer(_HubConsumer):
    """Listens only: new replies are announced by id, and the page fetches them itself,
    so each reader gets the reply rendered for them (hidden posts, their own controls)."""

    async def connect(self) -> None:
        self.thread_id = self.scope["url_route"]["kwargs"]["thread_id"]
        hello = await database_sync_to_async(frames.open_thread)(self.scope["user"], self.thread_id)
        if hello is None:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        await self.start(thread_group_name(self.thread_id), hello)

    def still_allowed(self) -> bool:
        return frames.may_read_thread(self.scope["user"], self.thread_id)

    async def receive(self, text_data=None, bytes_data=None) -> None:
        frame, answer = parse(text_data)
        if frame is not None and frame["type"] == "ping":
            answer = {"type": "pong", "ref": frames.clean_ref(frame.get("ref"))}
        elif frame is not None:
            answer = frames.error("read_only", _("This connection only listens."))
        self.reply(answer)
