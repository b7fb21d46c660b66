"""One subscription per server process and group, fanned out to the process's sockets.

Subscribing every socket to the Channels group would make each event cost one layer
message per socket (3,000 Redis list pushes for a busy chat). Instead each process joins
the group once, receives each event once, and hands the already-encoded frame to each of
its sockets' outboxes. Presence is counted the same way: each process announces how many
sockets it holds, and every process adds up the latest announcements it heard.
"""

import asyncio
import contextlib
import json
import logging
import os
import time
import uuid

from channels.layers import get_channel_layer

from staffroom.livechat.outbox import Outbox, join_frames
from staffroom.livechat.realtime import EVENT_TYPE, encode
from staffroom.livechat.wire import Batch

logger = logging.getLogger(__name__)

PUSH_SLICE = 16  # outboxes handed an event per turn of the event loop
# Between two hand-outs a room waits HAND_OUT_EVERY seconds per socket it holds, and
# after a hand-out at least as long as it took (each up to HAND_OUT_MAX); events arriving
# in between share a frame. Writing a frame costs about the same whatever it holds (a
# system call per socket), so a big room waits longer and saves more, a small one hardly
# waits, and a process that falls behind batches more instead of writing ever more
# frames. Since frames are written directly (wire.py) a hand-out costs less; shorter gaps
# (40 and 20 µs) were tried on the load bench and made p99 worse, not better: the extra
# hand-outs took the GIL from the thread saving the burst's posts.
HAND_OUT_EVERY = 0.00006
HAND_OUT_MAX = 0.5
# While the process is saving frames (a burst of posts), a hand-out waits for the saves to
# finish, up to this long after its first event arrived. The two cannot run at once: the
# event loop's thousands of socket writes and the database thread's queries take turns at
# the GIL, each turn a wait: on the load bench a post's database work took 18 ms at the
# median and 59 ms at p95 (13 ms on its own, on PostgreSQL) while earlier posts were being
# fanned out. Done one after the other, both finish sooner and a hand-out carries more of
# the burst (bench/RESULTS.md, "hand-out waits for saves"). With this wait in place,
# shorter hand-out gaps were tried again: 30 µs was no better within the noise, 15 µs worse.
SAVING_WAIT_MAX = 0.1
# Nor does a hand-out go while events are still arriving: it waits for a quiet spell of
# QUIET_EVERY per socket (up to QUIET_MAX, and within the same limit), so that one hand-out
# carries the whole burst, including the posts other processes saved. Writing a frame to
# 1,500 sockets took 40 to 60 ms on the load bench whatever the frame held; a burst of ten
# posts had been going out in about three hand-outs, the stragglers waiting behind the
# first one's writes and the idle spell after it. A small room, whose hand-outs cost
# little, hardly waits.
QUIET_EVERY = 0.00001
QUIET_MAX = 0.015
PRESENCE_EVERY = 2.0  # at most one presence update per room and process in this many seconds
PRESENCE_REFRESH = 15.0  # re-announce even without changes, so a dead process drops out
PRESENCE_STALE = 45.0
# A socket waits this long for its room's first subscription; after that it joins anyway
# and hears events as soon as the layer is back (the listener keeps retrying).
SUBSCRIBE_WAIT = 5.0
STOP_TYPE = "hub.stop"
PROCESS_ID = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"

__all__ = ["Hub", "Outbox", "Room", "hub"]


class Room:
    def __init__(self, group: str, saving=lambda: False):
        self.group = group
        self.loop = asyncio.get_running_loop()
        self.saving = saving  # whether frames are being saved in this process's loop
        self.pending_since = 0.0
        self.last_event_at = 0.0
        self.waiting_for_saves: object | None = None
        self.outboxes: set[Outbox] = set()
        self.channel: str | None = None
        self.ready = asyncio.Event()
        self.listener: asyncio.Task | None = None
        self.announcer: asyncio.Task | None = None
        self.parts: dict[str, tuple[int, float]] = {}
        self.changed = asyncio.Event()
        self.present = 0
        self.pending: list[str] = []
        self.sending = False
        self.handed_out_at = -HAND_OUT_MAX
        self.last_round = 0.0  # seconds the last hand-out took, all sockets included

    def total(self) -> int:
        now = time.monotonic()
        self.parts[PROCESS_ID] = (len(self.outboxes), now)
        return sum(count for count, seen in self.parts.values() if now - seen < PRESENCE_STALE)

    def deliver(self, text: str) -> None:
        """Send an event to every socket of the room in this process.

        After a quiet spell an event goes out at once. Otherwise it waits until the
        previous one has been handed to every socket and a gap has passed (longer for
        bigger rooms), and shares a frame with whatever else arrived meanwhile: a burst of
        posts costs each socket a few writes rather than one per post (for clients that
        read batches).
        """
        if not self.pending:
            self.pending_since = self.loop.time()
        self.last_event_at = self.loop.time()
        self.pending.append(text)
        if not self.sending:
            self._next()

    def _next(self) -> None:
        # From the start of the last hand-out, a gap that grows with the room; from its end,
        # an idle spell as long as it took, so fanning out never takes more than half the
        # process's time and a post or a new socket always finds the loop free soon.
        due = max(
            self.handed_out_at + min(HAND_OUT_MAX, HAND_OUT_EVERY * len(self.outboxes)),
            self.handed_out_at + self.last_round + min(HAND_OUT_MAX, self.last_round),
        )
        wait = due - self.loop.time()
        if wait <= 0:
            self._hand_out()
        else:
            self.sending = True  # until the timer hands out what is pending
            self.loop.call_later(wait, self._hand_out)

    def _hand_out(self) -> None:
        now = self.loop.time()
        if now - self.pending_since < SAVING_WAIT_MAX:
            if self.saving():
                # Resumed by saves_done, or by the timer if the saves outlast the wait.
                self._wait_until(self.pending_since + SAVING_WAIT_MAX)
                return
            quiet = min(QUIET_MAX, QUIET_EVERY * len(self.outboxes))
            if now - self.last_event_at < quiet:
                self._wait_until(
                    min(self.last_event_at + quiet, self.pending_since + SAVING_WAIT_MAX)
                )
                return
        self.waiting_for_saves = None
        events = self.pending
        self.pending = []
        self.sending = True
        self.handed_out_at = now
        self._push(Batch(events, join_frames(events)), list(self.outboxes), 0)

    def _wait_until(self, when: float) -> None:
        self.sending = True
        token = self.waiting_for_saves = object()
        self.loop.call_at(when, self._resume, token)

    def _push(self, batch: Batch, outboxes: list[Outbox], start: int) -> None:
        # Pushing never waits: an idle socket gets the prebuilt frame written at once, any
        # other queues it for its outbox's own task, so a reader on a slow network cannot
        # hold up the others. The pushes go in slices, one slice per
        # turn of the event loop, so that the sockets' writes and everything else the
        # process does (a post committing, the next event arriving) interleave with them.
        end = start + PUSH_SLICE
        for outbox in outboxes[start:end]:
            outbox.push_batch(batch)
        if end < len(outboxes):
            self.loop.call_soon(self._push, batch, outboxes, end)
        else:
            self.loop.call_soon(self._pushed)

    def _resume(self, token: object) -> None:
        if token is self.waiting_for_saves:
            self._hand_out()

    def saves_done(self) -> None:
        if self.waiting_for_saves is not None:
            self._resume(self.waiting_for_saves)

    def _pushed(self) -> None:
        # The sockets' writes ran between the slices, so this is what the round cost.
        self.last_round = self.loop.time() - self.handed_out_at
        self.sending = False
        if self.pending:
            self._next()


class Hub:
    def __init__(self):
        self.rooms: dict[str, Room] = {}
        self._saving: dict[asyncio.AbstractEventLoop, int] = {}

    @contextlib.contextmanager
    def saving(self):
        """Mark a frame being saved by the database thread (see SAVING_WAIT_MAX)."""
        loop = asyncio.get_running_loop()
        self._saving[loop] = self._saving.get(loop, 0) + 1
        try:
            yield
        finally:
            left = self._saving.pop(loop) - 1
            if left:
                self._saving[loop] = left
            else:
                for room in list(self.rooms.values()):
                    if room.loop is loop:
                        room.saves_done()

    def _room(self, group: str) -> Room:
        room = self.rooms.get(group)
        # A room belongs to one event loop; tests run several loops in one process.
        if room is None or room.loop is not asyncio.get_running_loop():
            loop = asyncio.get_running_loop()
            room = Room(group, saving=lambda: loop in self._saving)
            self.rooms[group] = room
            room.listener = asyncio.create_task(self._listen(room))
            room.announcer = asyncio.create_task(self._announce(room))
        return room

    async def join(self, group: str, outbox: Outbox) -> Room:
        """Add a socket's outbox to the group; return once the process hears the group."""
        while True:
            room = self._room(group)
            if not room.ready.is_set():
                try:
                    async with asyncio.timeout(SUBSCRIBE_WAIT):
                        await room.ready.wait()
                except TimeoutError:
                    logger.warning("Joining %s before the realtime layer answered", group)
            # The last socket may have left (closing the room) while this one waited.
            if self.rooms.get(group) is room:
                break
        room.outboxes.add(outbox)
        room.changed.set()
        return room

    async def leave(self, group: str, outbox: Outbox) -> None:
        room = self.rooms.get(group)
        if room is None or outbox not in room.outboxes:
            return
        room.outboxes.discard(outbox)
        room.changed.set()
        if not room.outboxes:
            del self.rooms[group]
            await self._close(room)

    async def _close(self, room: Room) -> None:
        room.announcer.cancel()  # its layer calls are shielded, so cancelling is safe
        layer = get_channel_layer()
        if room.channel is not None:
            with contextlib.suppress(Exception):
                await layer.group_discard(room.group, room.channel)
            # The others count this process out at once rather than after PRESENCE_STALE.
            with contextlib.suppress(Exception):
                await layer.group_send(room.group, _presence_part(0))
            # The listener is told to stop rather than cancelled: cancelling a receive from
            # channels_redis in its first milliseconds can leave it polling Redis forever.
            with contextlib.suppress(Exception):
                await layer.send(room.channel, {"type": STOP_TYPE})
        done, _pending = await asyncio.wait([room.listener, room.announcer], timeout=5)
        if room.listener not in done:
            room.listener.cancel()

    async def _subscribe(self, room: Room) -> None:
        layer = get_channel_layer()
        while True:
            try:
                room.channel = await layer.new_channel("hub.")
                await layer.group_add(room.group, room.channel)
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.exception("Could not join %s on the realtime layer; retrying", room.group)
                await asyncio.sleep(1)
                continue
            room.ready.set()
            return

    async def _listen(self, room: Room) -> None:
        await self._subscribe(room)
        layer = get_channel_layer()
        while True:
            try:
                message = await layer.receive(room.channel)
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.exception("Lost the realtime layer for %s; retrying", room.group)
                await asyncio.sleep(1)
                # Redis may have lost the group (a restart, or expiry while unreachable).
                with contextlib.suppress(Exception):
                    await layer.group_add(room.group, room.channel)
                continue
            if message.get("type") == STOP_TYPE:
                return
            text = message.get("text")
            if message.get("type") != EVENT_TYPE or not isinstance(text, str):
                continue
            if text.startswith('{"type":"presence_part"'):
                self._heard_presence(room, text)
                continue
            room.deliver(text)

    def _heard_presence(self, room: Room, text: str) -> None:
        try:
            part = json.loads(text)
            process, count = str(part["process"]), int(part["count"])
        except (ValueError, KeyError, TypeError):
            return
        previous = room.parts.get(process)
        room.parts[process] = (count, time.monotonic())
        # Only news wakes the announcer: answering every announcement with another would
        # keep two processes talking to each other forever.
        if process != PROCESS_ID and (previous is None or previous[0] != count):
            room.changed.set()

    async def _announce(self, room: Room) -> None:
        """Tell the other processes this one's count, and this process's sockets the total."""
        await room.ready.wait()
        layer = get_channel_layer()
        while True:
            # asyncio.timeout, not wait_for: Python 3.11's wait_for can swallow a cancel
            # that arrives as the event is set, and the room would never close.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(PRESENCE_REFRESH):
                    await room.changed.wait()
            room.changed.clear()
            with contextlib.suppress(Exception):
                # Joining again renews the membership, which the layer drops after a day
                # (channels' group_expiry): a slow chat's page may stay open longer.
                await asyncio.shield(layer.group_add(room.group, room.channel))
                send = layer.group_send(room.group, _presence_part(len(room.outboxes)))
                await asyncio.shield(send)
            total = room.total()
            if total != room.present:
                room.present = total
                room.deliver(encode({"type": "presence", "count": total}))
            await asyncio.sleep(PRESENCE_EVERY)


def _presence_part(count: int) -> dict:
    return {
        "type": EVENT_TYPE,
        "text": encode({"type": "presence_part", "process": PROCESS_ID, "count": count}),
    }


hub = Hub()
