"""Telling connected browsers what happened in a chat, through the Channels layer.

Services call ``send_event`` from ``transaction.on_commit``; every server process that has
a browser watching the chat receives the event once and fans it out locally (see ``hub``).
"""

import asyncio
import collections
import json
import logging
import os
import threading
import weakref

from asgiref.sync import SyncToAsync, async_to_sync
from channels.layers import get_channel_layer

logger = logging.getLogger(__name__)

EVENT_TYPE = "chat.event"


def group_name(chat_id: int) -> str:
    return f"livechat.{chat_id}"


def thread_group_name(thread_id: int) -> str:
    return f"thread.{thread_id}"


def encode(event: dict) -> str:
    return json.dumps(event, separators=(",", ":"), ensure_ascii=False)


class _Sender:
    """Events handed over from sync threads, sent in order by one task on the event loop."""

    def __init__(self, layer):
        self.layer = layer
        self.queue: collections.deque[tuple[str, dict]] = collections.deque()
        self.task: asyncio.Task | None = None

    def push(self, group: str, message: dict) -> None:  # on the loop's thread
        self.queue.append((group, message))
        if self.task is None:
            self.task = asyncio.get_running_loop().create_task(self.drain())

    async def drain(self) -> None:
        try:
            while self.queue:
                group, message = self.queue.popleft()
                try:
                    await self.layer.group_send(group, message)
                except Exception:
                    logger.exception("Could not send a realtime event to %s", group)
        finally:
            self.task = None


_senders: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Sender]" = (
    weakref.WeakKeyDictionary()
)


def _hand_to_loop(layer, group: str, message: dict) -> bool:
    """Queue the event on the event loop this sync thread works for, without waiting.

    A socket's database work (and an ASGI request's view) runs in a thread that serves an
    event loop. Waiting there for the send, as async_to_sync does, holds that thread
    until the loop, busy writing the last event to thousands of sockets, gets round to
    it (and then for the Redis round trip): every message queued behind paid for it.
    """
    loop = getattr(SyncToAsync.threadlocal, "main_event_loop", None)
    if loop is None or loop.is_closed() or not loop.is_running():
        return False
    if getattr(SyncToAsync.threadlocal, "main_event_loop_pid", None) != os.getpid():
        return False

    def push() -> None:
        sender = _senders.get(loop)
        if sender is None or sender.layer is not layer:
            sender = _senders[loop] = _Sender(layer)
        sender.push(group, message)

    try:
        loop.call_soon_threadsafe(push)
    except RuntimeError:  # the loop closed in between
        return False
    return True


def send_event(group: str, event: dict) -> None:
    """Send one event to everyone listening on ``group``; a down layer never fails a write."""
    layer = get_channel_layer()
    if layer is None:
        return
    message = {"type": EVENT_TYPE, "text": encode(event)}
    if _hand_to_loop(layer, group, message):
        return

    def send() -> None:
        try:
            async_to_sync(layer.group_send)(group, message)
        except Exception:  # the write already committed; a lost live update costs a refresh
            logger.exception("Could not send a realtime event to %s", group)

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        send()
        return
    # A synchronous caller on a thread that runs an event loop (a script or test driving a
    # browser) cannot use async_to_sync here; a short-lived thread can.
    worker = threading.Thread(target=send, name="realtime-send")
    worker.start()
    worker.join(timeout=5)


def chat_event(chat_id: int, event: dict) -> None:
    send_event(group_name(chat_id), event)
