"""The process hub: one layer subscription per group, outboxes, presence across processes.

These run against whichever Channels layer the settings configure: in memory on the plain
run, Redis when REDIS_URL is set.
"""

import asyncio
import contextlib
import itertools
import json
import threading
import time

import pytest
from asgiref.sync import sync_to_async
from channels.layers import InMemoryChannelLayer, get_channel_layer

from staffroom.livechat import hub as hub_module
from staffroom.livechat import outbox as outbox_module
from staffroom.livechat.hub import hub
from staffroom.livechat.outbox import CLOSE_TOO_SLOW, Outbox
from staffroom.livechat.realtime import EVENT_TYPE, encode, send_event
from tests.livechat.sockets import run

_groups = itertools.count(1)


@pytest.fixture
def group():
    return f"livechat.hubtest{next(_groups)}"


@pytest.fixture(autouse=True)
def quick_presence(monkeypatch):
    monkeypatch.setattr(hub_module, "PRESENCE_EVERY", 0.05)


@pytest.fixture(autouse=True)
def no_quiet_wait(monkeypatch):
    # The wait for a quiet spell is tested on its own; elsewhere it would only blur timings.
    monkeypatch.setattr(hub_module, "QUIET_MAX", 0)


class Reader:
    """Stands in for a socket: records what its outbox writes, or stalls like a dead phone."""

    def __init__(self, *, stalled: bool = False, batched: bool = False):
        self.texts: list[str] = []
        self.closed_with: int | None = None
        self.arrived = asyncio.Event()
        self.unstall = asyncio.Event()
        if not stalled:
            self.unstall.set()
        self.outbox = Outbox(self.send_text, self.close, batched=batched)

    async def send_text(self, text: str) -> None:
        await self.unstall.wait()
        self.texts.append(text)
        self.arrived.set()

    async def close(self, code: int) -> None:
        self.closed_with = code

    def frames(self) -> list[dict | list[dict]]:
        return [json.loads(text) for text in self.texts]

    def events(self, kind: str) -> list[dict]:
        flat = [e for f in self.frames() for e in (f if isinstance(f, list) else [f])]
        return [e for e in flat if e["type"] == kind]

    async def heard(self, kind: str, times: int = 1, timeout: float = 5, **fields) -> list[dict]:
        async with asyncio.timeout(timeout):
            while True:
                found = [
                    e for e in self.events(kind) if all(e.get(k) == v for k, v in fields.items())
                ]
                if len(found) >= times:
                    return found
                self.arrived.clear()
                await self.arrived.wait()


async def joined(group: str, *readers: Reader) -> None:
    for reader in readers:
        await hub.join(group, reader.outbox)
        reader.outbox.start()


async def left(group: str, *readers: Reader) -> None:
    for reader in readers:
        await hub.leave(group, reader.outbox)
        await reader.outbox.stop()


async def publish(group: str, event: dict) -> None:
    await get_channel_layer().group_send(group, {"type": EVENT_TYPE, "text": encode(event)})


async def subscribers(group: str) -> int:
    """How many layer channels are in the group, whatever the layer."""
    layer = get_channel_layer()
    if isinstance(layer, InMemoryChannelLayer):
        return len(layer.groups.get(group, {}))
    key = layer._group_key(group)
    async with layer.connection(layer.consistent_hash(group)) as connection:
        return await connection.zcard(key)


def test_a_process_subscribes_once_per_group_however_many_sockets_listen(group):
    readers = [Reader() for _ in range(25)]

    async def scenario():
        await joined(group, *readers)
        assert await subscribers(group) == 1
        await publish(group, {"type": "message", "id": 1})
        for reader in readers:
            assert len(await reader.heard("message", id=1)) == 1
        await left(group, *readers)
        assert await subscribers(group) == 0
        assert group not in hub.rooms

    run(scenario)


def test_a_room_reopens_when_someone_joins_after_the_last_one_left(group):
    first, second = Reader(), Reader()

    async def scenario():
        await joined(group, first)
        await left(group, first)
        await joined(group, second)
        await publish(group, {"type": "message", "id": 2})
        await second.heard("message", id=2)
        await left(group, second)

    run(scenario)
    assert first.events("message") == []


def test_a_stalled_reader_does_not_hold_up_the_others(group):
    stalled, lively = Reader(stalled=True), Reader()

    async def scenario():
        await joined(group, stalled, lively)
        for number in range(1, 21):
            await publish(group, {"type": "message", "id": number})
        assert len(await lively.heard("message", times=20)) == 20
        stalled.unstall.set()
        assert len(await stalled.heard("message", times=20)) == 20
        await left(group, stalled, lively)

    run(scenario)


def test_a_reader_too_far_behind_is_closed_and_its_backlog_dropped(group, monkeypatch):
    monkeypatch.setattr(outbox_module, "LIMIT", 10)
    stalled = Reader(stalled=True)

    async def scenario():
        await joined(group, stalled)
        for number in range(1, 31):
            stalled.outbox.push(encode({"type": "message", "id": number}))
        assert len(stalled.outbox.frames) <= 11  # bounded, whatever the reader does
        stalled.unstall.set()
        async with asyncio.timeout(5):
            while stalled.closed_with is None:
                await asyncio.sleep(0.01)
        await left(group, stalled)

    run(scenario)
    assert stalled.closed_with == CLOSE_TOO_SLOW


class Collector(Outbox):
    """An outbox that only records what it is handed."""

    def __init__(self, *, batched: bool):
        super().__init__(None, None, batched=batched)
        self.handed: list[str] = []

    def push(self, text: str) -> None:
        self.handed.append(text)


def test_events_arriving_while_one_is_handed_out_share_the_next_frame(monkeypatch):
    monkeypatch.setattr(hub_module, "HAND_OUT_MAX", 0)
    batched = [Collector(batched=True) for _ in range(hub_module.PUSH_SLICE * 2 + 1)]
    plain = Collector(batched=False)
    first, second, third = (encode({"type": "message", "id": n}) for n in (1, 2, 3))

    async def scenario():
        room = hub_module.Room("livechat.unit")
        room.outboxes.update([*batched, plain])
        room.deliver(first)
        room.deliver(second)
        room.deliver(third)
        for _ in range(5):
            await asyncio.sleep(0)

    run(scenario)
    for collector in batched:
        assert collector.handed == [first, f"[{second},{third}]"]
    # A client that did not ask for arrays (?batch=1) gets one event per frame.
    assert plain.handed == [first, second, third]


def test_a_room_hands_out_events_at_most_every_so_often(monkeypatch):
    monkeypatch.setattr(hub_module, "HAND_OUT_EVERY", 0.3)
    monkeypatch.setattr(hub_module, "HAND_OUT_MAX", 0.3)
    reader = Collector(batched=True)
    first, second, third = (encode({"type": "message", "id": n}) for n in (1, 2, 3))

    async def scenario():
        room = hub_module.Room("livechat.unit")
        room.outboxes.add(reader)
        room.deliver(first)
        for _ in range(5):
            await asyncio.sleep(0)
        room.deliver(second)  # handed out already: this one waits for the next turn
        await asyncio.sleep(0.1)
        room.deliver(third)
        assert reader.handed == [first]
        await asyncio.sleep(0.3)
        assert reader.handed == [first, f"[{second},{third}]"]

    run(scenario)


def test_the_gap_between_hand_outs_grows_with_the_room(monkeypatch):
    monkeypatch.setattr(hub_module, "HAND_OUT_EVERY", 0.01)
    monkeypatch.setattr(hub_module, "HAND_OUT_MAX", 1.0)
    small, big = [Collector(batched=True)], [Collector(batched=True) for _ in range(30)]
    first, second = (encode({"type": "message", "id": n}) for n in (1, 2))

    async def scenario():
        for readers in (small, big):
            room = hub_module.Room("livechat.unit")
            room.outboxes.update(readers)
            room.deliver(first)
            for _ in range(5):
                await asyncio.sleep(0)
            room.deliver(second)
            await asyncio.sleep(0.1)  # past the small room's gap, short of the big one's

    run(scenario)
    assert small[0].handed == [first, second]
    assert big[0].handed == [first]


class SlowCollector(Collector):
    """Handing it an event takes a while, as writing to thousands of sockets does."""

    def push(self, text: str) -> None:
        time.sleep(0.2)
        super().push(text)


def test_a_room_that_took_long_to_hand_out_waits_as_long_before_the_next(monkeypatch):
    monkeypatch.setattr(hub_module, "HAND_OUT_EVERY", 0.0)
    slow = SlowCollector(batched=True)
    first, second, third = (encode({"type": "message", "id": n}) for n in (1, 2, 3))

    async def scenario():
        room = hub_module.Room("livechat.unit")
        room.outboxes.add(slow)
        room.deliver(first)  # takes 0.2 s to hand out
        for _ in range(5):
            await asyncio.sleep(0)
        assert room.last_round >= 0.2
        room.deliver(second)
        await asyncio.sleep(0.05)
        room.deliver(third)
        assert slow.handed == [first]  # without the measured round, second would be out
        await asyncio.sleep(0.6)
        assert slow.handed == [first, f"[{second},{third}]"]

    run(scenario)


@contextlib.asynccontextmanager
async def hub_room(group: str, reader: Outbox):
    """A room of the process hub with one reader, left again however the test ends."""
    room = hub._room(group)
    room.outboxes.add(reader)
    try:
        yield room
    finally:
        await hub.leave(group, reader)


def test_a_hand_out_waits_while_the_process_saves_frames_and_goes_once_they_are_saved(
    monkeypatch,
):
    monkeypatch.setattr(hub_module, "SAVING_WAIT_MAX", 5.0)
    reader = Collector(batched=True)
    first, second = (encode({"type": "message", "id": n}) for n in (1, 2))

    async def scenario():
        async with hub_room("livechat.unit-saving", reader) as room:
            with hub.saving():  # a burst's post is in the database thread
                with hub.saving():
                    room.deliver(first)
                    room.deliver(second)
                    await asyncio.sleep(0.05)
                    assert reader.handed == []
                await asyncio.sleep(0.05)
                assert reader.handed == []  # one frame is still being saved
            for _ in range(5):
                await asyncio.sleep(0)
            # Saved: both go out at once, in one frame, without waiting for the timer.
            assert reader.handed == [f"[{first},{second}]"]

    run(scenario)


def test_a_hand_out_waits_for_saves_no_longer_than_the_limit(monkeypatch):
    monkeypatch.setattr(hub_module, "SAVING_WAIT_MAX", 0.1)
    reader = Collector(batched=True)
    first = encode({"type": "message", "id": 1})

    async def scenario():
        async with hub_room("livechat.unit-saving-long", reader) as room:
            with hub.saving():  # saves that go on and on (a flood of frames)
                room.deliver(first)
                await asyncio.sleep(0.05)
                assert reader.handed == []
                await asyncio.sleep(0.1)
                assert reader.handed == [first]

    run(scenario)


def test_saves_on_another_event_loop_do_not_hold_a_room_back(monkeypatch):
    # Tests (and only tests) run several loops in one process; each counts its own saves.
    monkeypatch.setattr(hub_module, "SAVING_WAIT_MAX", 5.0)
    reader = Collector(batched=True)
    first = encode({"type": "message", "id": 1})
    inside, release = threading.Event(), threading.Event()

    async def save_elsewhere():
        with hub.saving():
            inside.set()
            await asyncio.to_thread(release.wait, 5)

    elsewhere = threading.Thread(target=asyncio.run, args=(save_elsewhere(),))
    elsewhere.start()

    async def scenario():
        assert await asyncio.to_thread(inside.wait, 5)
        async with hub_room("livechat.unit-other-loop", reader) as room:
            room.deliver(first)
            for _ in range(5):
                await asyncio.sleep(0)
            assert reader.handed == [first]

    try:
        run(scenario)
    finally:
        release.set()
        elsewhere.join()


def test_a_reader_that_fell_behind_gets_its_backlog_in_one_frame(group):
    stalled = Reader(stalled=True, batched=True)

    async def scenario():
        await joined(group, stalled)
        await asyncio.sleep(0.1)  # its writer is now stuck sending the first frame
        for number in range(1, 6):
            stalled.outbox.push(encode({"type": "message", "id": number}))
        stalled.unstall.set()
        await stalled.heard("message", times=5)
        await left(group, stalled)

    run(scenario)
    frames = stalled.frames()
    assert isinstance(frames[-1], list)
    assert [e["id"] for e in stalled.events("message")] == [1, 2, 3, 4, 5]


def test_a_reader_that_reads_single_events_catches_up_one_frame_at_a_time(group):
    stalled = Reader(stalled=True)

    async def scenario():
        await joined(group, stalled)
        await asyncio.sleep(0.1)
        for number in range(1, 4):
            stalled.outbox.push(encode({"type": "message", "id": number}))
        stalled.unstall.set()
        await stalled.heard("message", times=3)
        await left(group, stalled)

    run(scenario)
    assert not any(isinstance(frame, list) for frame in stalled.frames())


def test_events_sent_from_synchronous_code_reach_the_readers(group):
    reader = Reader()

    async def scenario():
        await joined(group, reader)
        # Services send from transaction.on_commit, in a worker thread.
        await sync_to_async(send_event)(group, {"type": "hidden", "id": 9})
        await reader.heard("hidden", id=9)
        await left(group, reader)

    run(scenario)


def test_presence_adds_up_the_counts_every_process_announces(group):
    first, second = Reader(), Reader()
    other_process = {"type": "presence_part", "process": "elsewhere-1", "count": 40}

    async def scenario():
        await joined(group, first, second)
        await first.heard("presence", count=2)
        await publish(group, other_process)
        await second.heard("presence", count=42)
        await publish(group, other_process | {"count": 0})  # that process's readers left
        assert len(await first.heard("presence", times=2, count=2)) == 2
        await left(group, first, second)

    run(scenario)


def test_presence_parts_are_not_passed_on_to_readers(group):
    reader = Reader()

    async def scenario():
        await joined(group, reader)
        await publish(group, {"type": "presence_part", "process": "elsewhere-2", "count": 3})
        await reader.heard("presence", count=4)
        await left(group, reader)

    run(scenario)
    assert reader.events("presence_part") == []


def test_a_malformed_presence_part_is_ignored(group):
    reader = Reader()

    async def scenario():
        await joined(group, reader)
        await publish(group, {"type": "presence_part", "process": "x", "count": "many"})
        await publish(group, {"type": "message", "id": 3})
        await reader.heard("message", id=3)
        await left(group, reader)

    run(scenario)
    assert [e["count"] for e in reader.events("presence")] in ([1], [])


def test_a_hand_out_waits_for_a_quiet_spell_so_a_burst_goes_out_together(monkeypatch):
    # Events from other processes keep arriving after this one's saves are done; a big
    # room waits until they stop, since every hand-out writes to each of its sockets.
    monkeypatch.setattr(hub_module, "HAND_OUT_EVERY", 0.0)
    monkeypatch.setattr(hub_module, "QUIET_EVERY", 0.001)
    monkeypatch.setattr(hub_module, "QUIET_MAX", 0.1)
    monkeypatch.setattr(hub_module, "SAVING_WAIT_MAX", 5.0)
    readers = [Collector(batched=True) for _ in range(100)]  # a quiet spell of 0.1 s
    events = [encode({"type": "message", "id": n}) for n in range(1, 5)]

    async def scenario():
        room = hub_module.Room("livechat.unit-quiet")
        room.outboxes.update(readers)
        for event in events[:3]:
            room.deliver(event)
            await asyncio.sleep(0.06)  # each within the spell of the one before
        assert readers[0].handed == []
        await asyncio.sleep(0.1)
        assert readers[-1].handed == [f"[{','.join(events[:3])}]"]
        room.deliver(events[3])
        await asyncio.sleep(0.2)
        assert readers[-1].handed[1:] == [events[3]]

    run(scenario)


def test_a_hand_out_waits_for_quiet_no_longer_than_the_limit_and_small_rooms_hardly_wait(
    monkeypatch,
):
    monkeypatch.setattr(hub_module, "HAND_OUT_EVERY", 0.0)
    monkeypatch.setattr(hub_module, "QUIET_EVERY", 0.001)
    monkeypatch.setattr(hub_module, "QUIET_MAX", 0.1)
    monkeypatch.setattr(hub_module, "SAVING_WAIT_MAX", 0.2)
    big = [Collector(batched=True) for _ in range(100)]
    small = Collector(batched=True)  # a spell of 1 ms
    first = encode({"type": "message", "id": 1})

    async def scenario():
        room = hub_module.Room("livechat.unit-quiet-limit")
        room.outboxes.update(big)
        started = time.monotonic()
        while not big[0].handed:  # a steady trickle, never quiet for 0.1 s
            room.deliver(first)
            await asyncio.sleep(0.03)
        assert 0.15 <= time.monotonic() - started < 0.4
        lone = hub_module.Room("livechat.unit-quiet-small")
        lone.outboxes.add(small)
        lone.deliver(first)
        await asyncio.sleep(0.03)
        assert small.handed == [first]

    run(scenario)
