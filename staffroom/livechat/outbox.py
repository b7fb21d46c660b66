"""The frames waiting for one socket, written in order by that socket's own task.

The hub pushes each event to thousands of outboxes without waiting for any of them; a
socket whose reader has stopped reading (a phone in a tunnel) only fills its own outbox,
and once that holds ``LIMIT`` frames the socket is closed so the browser reconnects and
reloads instead of the server queueing for it forever.
"""

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import Awaitable, Callable

from staffroom.livechat.wire import Batch, DirectWriter

logger = logging.getLogger(__name__)

LIMIT = 500
CLOSE_TOO_SLOW = 4408
MAX_JOINED = 100  # frames merged into one when a socket has fallen behind


def join_frames(frames: list[str]) -> str:
    """Merge encoded frames (events, or arrays of events) into one frame, in order."""
    if len(frames) == 1:
        return frames[0]
    return "[" + ",".join(f[1:-1] if f[0] == "[" else f for f in frames) + "]"


class Outbox:
    def __init__(
        self,
        send_text: Callable[[str], Awaitable[None]],
        close: Callable[[int], Awaitable[None]],
        *,
        batched: bool = False,
    ):
        self.send_text = send_text
        self.close = close
        # Whether the client reads frames holding an array of events (it asked, ?batch=1).
        self.batched = batched
        self.frames: deque[str | int] = deque()
        self.waiter: asyncio.Future | None = None
        self.task: asyncio.Task | None = None
        self.closing = False
        # Set once the socket is accepted, where the server allows writing frames directly.
        self.direct: DirectWriter | None = None

    def start(self) -> None:
        """Begin writing; frames pushed before this go out first, in order."""
        self.task = asyncio.create_task(self._write())

    def push(self, text: str) -> None:
        """Queue a frame; never waits."""
        if self.closing:
            return
        if len(self.frames) >= LIMIT:
            logger.info("Closing a socket that fell %s frames behind", LIMIT)
            self.frames.clear()
            self.close_after(CLOSE_TOO_SLOW)
            return
        self.frames.append(text)
        self._wake()

    def push_batch(self, batch: Batch) -> None:
        """Send events that arrived together: as one frame if the client reads arrays.

        With nothing queued and the writer idle, the batch's prebuilt frames go straight to
        the socket, in the order they would have been written; otherwise they queue
        behind what is already waiting.
        """
        if self.closing:
            return
        idle = self.direct is not None and self.waiter is not None and not self.frames
        if self.batched:
            if not (idle and self.direct.write(batch.joined_frame())):
                self.push(batch.joined)
            return
        if idle:
            written = 0
            for frame in batch.event_frames():
                if not self.direct.write(frame):
                    break
                written += 1
            events = batch.events[written:]
        else:
            events = batch.events
        for event in events:
            self.push(event)

    def close_after(self, code: int) -> None:
        """Close the socket once the frames already queued are written."""
        if not self.closing:
            self.closing = True
            self.frames.append(code)
            self._wake()

    def _wake(self) -> None:
        waiter = self.waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    async def _write(self) -> None:
        loop = asyncio.get_running_loop()
        frames = self.frames
        try:
            while True:
                while frames:
                    frame = frames.popleft()
                    if isinstance(frame, int):
                        await self.close(frame)
                        return
                    if self.batched and frames and isinstance(frames[0], str):
                        # Behind: what has piled up goes out as one frame.
                        batch = [frame]
                        while frames and isinstance(frames[0], str) and len(batch) < MAX_JOINED:
                            batch.append(frames.popleft())
                        frame = join_frames(batch)
                    await self.send_text(frame)
                self.waiter = loop.create_future()
                await self.waiter
                self.waiter = None
        except asyncio.CancelledError:
            raise
        except Exception:  # the socket went away mid-send; its disconnect handler cleans up
            self.closing = True
            frames.clear()

    async def stop(self) -> None:
        """Stop writing (the socket is gone); frames still queued are dropped."""
        self.closing = True
        task = self.task
        if task is not None and not task.done() and task is not asyncio.current_task():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
