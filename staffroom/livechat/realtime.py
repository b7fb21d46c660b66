"""Telling connected browsers what happened in a chat, through the Channels layer.

Services call ``send_event`` from ``transaction.on_commit``; every server process that has
a browser watching the chat receives the event once and fans it out locally (see ``hub``).
"""

import asyncio
import json
import logging
import threading

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

logger = logging.getLogger(__name__)

EVENT_TYPE = "chat.event"


def group_name(chat_id: int) -> str:
    return f"livechat.{chat_id}"


def thread_group_name(thread_id: int) -> str:
    return f"thread.{thread_id}"


def encode(event: dict) -> str:
    return json.dumps(event, separators=(",", ":"), ensure_ascii=False)


def send_event(group: str, event: dict) -> None:
    """Send one event to everyone listening on ``group``; a down layer never fails a write."""
    layer = get_channel_layer()
    if layer is None:
        return
    message = {"type": EVENT_TYPE, "text": encode(event)}

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
