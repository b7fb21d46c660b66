"""The chat load client: many WebSocket connections per process, on a small raw protocol.

A general-purpose client library spends tens of microseconds on every frame it receives;
at 3,000 readers and 10 messages a second that is 30,000 frames a second, and on a
two-core machine every core the client burns is taken from the server it measures. So
this client speaks just enough RFC 6455 on ``asyncio.Protocol``: the upgrade request,
unmasked server frames (with permessage-deflate, as browsers negotiate it), masked frames
out, pong for ping. It reads only what it measures: the ``ref`` of each ``message`` event,
which carries the sending process, a sequence number and the send time.

Clocks: ``time.monotonic_ns()`` is one system-wide clock on Linux, so a receive time in one
client process minus a send time written by another is a true latency.
"""

import asyncio
import base64
import json
import os
import random
import time
import zlib
from array import array
from collections import Counter
from dataclasses import dataclass, field

BUCKET_NS = 100_000  # latency histogram resolution: 0.1 ms
BUCKETS = 600_000  # up to 60 s; slower deliveries land in the last bucket
DEFLATE_TAIL = b"\x00\x00\xff\xff"
CONNECT_TIMEOUT = 30.0


@dataclass
class Tally:
    """What one client process measured; merged across processes by the orchestrator."""

    histogram: array = field(default_factory=lambda: array("Q", bytes(8 * BUCKETS)))
    received: Counter = field(default_factory=Counter)  # ref -> readers that got it
    frames: int = 0
    bytes: int = 0
    presence: int = 0
    max_latency_ns: int = 0

    def record(self, ref: bytes, latency_ns: int) -> None:
        self.received[ref] += 1
        self.histogram[min(latency_ns // BUCKET_NS, BUCKETS - 1)] += 1
        if latency_ns > self.max_latency_ns:
            self.max_latency_ns = latency_ns


class Connection(asyncio.Protocol):
    """One chat socket: counts what it hears, sends what it is told."""

    def __init__(self, tally: Tally, request: bytes, on_reply):
        self.tally, self.request, self.on_reply = tally, request, on_reply
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.open = False
        self.inflate = None
        self.fragments: list[bytes] = []
        self.compressed = False
        self.greeted = asyncio.get_running_loop().create_future()
        self.closed = asyncio.get_running_loop().create_future()
        self.close_code: int | None = None

    def connection_made(self, transport) -> None:
        self.transport = transport
        transport.write(self.request)

    def connection_lost(self, exc) -> None:
        self.open = False
        for future in (self.greeted, self.closed):
            if not future.done():
                future.set_result(self.close_code or 1006)

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if not self.open and not self._handshake():
            return
        self._frames()

    def _handshake(self) -> bool:
        end = self.buffer.find(b"\r\n\r\n")
        if end < 0:
            return False
        head = bytes(self.buffer[:end]).decode("latin-1").split("\r\n")
        del self.buffer[: end + 4]
        if " 101 " not in head[0] + " ":
            self.close_code = int(head[0].split()[1]) if len(head[0].split()) > 1 else 0
            self.transport.close()
            return False
        for line in head[1:]:
            name, _, value = line.partition(":")
            if name.strip().lower() == "sec-websocket-extensions" and "permessage-deflate" in value:
                self.inflate = zlib.decompressobj(-zlib.MAX_WBITS)
        self.open = True
        return True

    def _frames(self) -> None:
        buffer = self.buffer
        while len(buffer) >= 2:
            first, second = buffer[0], buffer[1]
            length, start = second & 0x7F, 2
            if length == 126:
                if len(buffer) < 4:
                    return
                length, start = int.from_bytes(buffer[2:4], "big"), 4
            elif length == 127:
                if len(buffer) < 10:
                    return
                length, start = int.from_bytes(buffer[2:10], "big"), 10
            if len(buffer) < start + length:
                return
            payload = bytes(buffer[start : start + length])
            del buffer[: start + length]
            self._frame(first, payload)

    def _frame(self, first: int, payload: bytes) -> None:
        opcode = first & 0x0F
        if opcode in (1, 2, 0):
            if opcode:
                self.compressed = bool(first & 0x40)
            if not first & 0x80:
                self.fragments.append(payload)
                return
            if self.fragments:
                payload = b"".join([*self.fragments, payload])
                self.fragments = []
            if self.compressed:
                payload = self.inflate.decompress(payload + DEFLATE_TAIL)
            self._message(payload)
        elif opcode == 9:
            self.send(payload, opcode=10)
        elif opcode == 8:
            self.close_code = int.from_bytes(payload[:2], "big") if len(payload) >= 2 else 1005
            self.transport.close()

    def _message(self, text: bytes) -> None:
        now = time.monotonic_ns()
        tally = self.tally
        tally.frames += 1
        tally.bytes += len(text)
        # A frame may hold one event (an object) or several (an array of them).
        start = 0
        while (at := text.find(b'{"type":"', start)) >= 0:
            kind_end = text.find(b'"', at + 9)
            kind = text[at + 9 : kind_end]
            start = kind_end
            if kind == b"message":
                ref_at = text.find(b'"ref":"L', start)
                if ref_at < 0:
                    continue
                ref_end = text.find(b'"', ref_at + 7)
                ref = text[ref_at + 7 : ref_end]
                tally.record(ref, now - int(ref.rsplit(b".", 1)[1]))
                start = ref_end
            elif kind == b"presence":
                tally.presence += 1
            elif kind == b"hello":
                if not self.greeted.done():
                    self.greeted.set_result(None)
            elif kind in (b"ok", b"error"):
                self.on_reply(kind, text, at)

    def send(self, data: bytes, *, opcode: int = 1) -> None:
        if self.transport is None or self.transport.is_closing():
            return
        mask = os.urandom(4)
        length = len(data)
        if length < 126:
            head = bytes([0x80 | opcode, 0x80 | length])
        elif length < 1 << 16:
            head = bytes([0x80 | opcode, 0x80 | 126]) + length.to_bytes(2, "big")
        else:
            head = bytes([0x80 | opcode, 0x80 | 127]) + length.to_bytes(8, "big")
        repeated = mask * (length // 4 + 1)
        key = int.from_bytes(repeated, "big") >> (8 * (len(repeated) - length))
        masked = (int.from_bytes(data, "big") ^ key).to_bytes(length, "big") if length else b""
        self.transport.write(head + mask + masked)

    def close(self) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.send((1000).to_bytes(2, "big"), opcode=8)
            self.transport.close()


def upgrade_request(host: str, port: int, path: str, cookie: str | None, origin: str) -> bytes:
    key = base64.b64encode(os.urandom(16)).decode()
    lines = [
        f"GET {path} HTTP/1.1",
        f"Host: {host}:{port}",
        "Upgrade: websocket",
        "Connection: Upgrade",
        f"Sec-WebSocket-Key: {key}",
        "Sec-WebSocket-Version: 13",
        f"Origin: {origin}",
        # What Chromium and Firefox offer.
        "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits",
    ]
    if cookie:
        lines.append(f"Cookie: {cookie}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


@dataclass
class Plan:
    """One client process's share of the run."""

    index: int
    host: str
    port: int
    chat_id: int
    sessions: list[str]  # one per connection; the first ``posters`` of them post
    posters: int
    schedule: list[tuple[float, int, int]]  # (seconds after start, poster index, sequence)
    ramp_rate: float  # connections opened per second by this process
    compression: bool = True
    batch: bool = True  # ask for events that arrive together in one frame
    body_chars: int = 200


@dataclass
class Outcome:
    connected: int = 0
    failed: int = 0
    connect_ms: list = field(default_factory=list)
    sent: int = 0
    ok: int = 0
    errors: Counter = field(default_factory=Counter)
    lost: int = 0  # sockets closed by the server during the run
    acks: list = field(default_factory=list)  # ms from sending a post to its ok or error
    accepted: list = field(default_factory=list)  # refs of the posts answered "ok"
    max_send_lag_ms: float = 0.0
    compressed: int = 0  # connections on which the server accepted permessage-deflate


FILLER = (
    "We start with a recipe: two cups of flour for every three of sugar, and scale it up "
    "for the whole class. The students argue about the double number line, and that is "
    "where the learning happens. "
)


def body_for(ref: str, chars: int) -> str:
    text = f"A1 {ref} {FILLER * (chars // len(FILLER) + 1)}"
    return text[:chars]


async def run_plan(plan: Plan, control, report) -> None:
    """Open the connections, wait for the start signal, post on schedule, count deliveries.

    ``control`` is a multiprocessing connection: it sends ("start", monotonic seconds)
    and ("stop",). ``report`` receives ("connected", n) and finally ("done", results).
    """
    loop = asyncio.get_running_loop()
    tally, outcome = Tally(), Outcome()
    path = f"/ws/chats/{plan.chat_id}/" + ("?batch=1" if plan.batch else "")
    origin = f"http://{plan.host}:{plan.port}"

    def on_reply(kind: bytes, text: bytes, at: int) -> None:
        ref_at = text.find(b'"ref":"L', at)
        if ref_at >= 0:
            ref = text[ref_at + 7 : text.find(b'"', ref_at + 7)]
            outcome.acks.append((time.monotonic_ns() - int(ref.rsplit(b".", 1)[1])) / 1e6)
            if kind == b"ok":
                outcome.accepted.append(ref.decode())
        if kind == b"ok":
            outcome.ok += 1
            return
        try:
            frame = json.loads(text)
            code = frame.get("code", "?") if isinstance(frame, dict) else "?"
        except ValueError:
            code = "?"
        outcome.errors[code] += 1

    async def open_one(session: str) -> Connection | None:
        started = time.monotonic()
        request = upgrade_request(plan.host, plan.port, path, f"sessionid={session}", origin)
        if not plan.compression:
            request = request.replace(
                b"Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n", b""
            )
        connection = None
        try:
            async with asyncio.timeout(CONNECT_TIMEOUT):
                _transport, connection = await loop.create_connection(
                    lambda: Connection(tally, request, on_reply), plan.host, plan.port
                )
                await connection.greeted
        except (OSError, TimeoutError) as error:
            outcome.failed += 1
            outcome.errors[f"connect: {type(error).__name__}"] += 1
            if connection is not None and connection.transport is not None:
                connection.transport.abort()  # it must not count messages it hears later
            return None
        if not connection.open:
            outcome.failed += 1
            outcome.errors[f"refused {connection.close_code}"] += 1
            return None
        outcome.connected += 1
        outcome.connect_ms.append((time.monotonic() - started) * 1000)
        return connection

    # Open gradually, as an audience arrives, not as one burst of handshakes.
    tasks = []
    opened_at = time.monotonic()
    for number, session in enumerate(plan.sessions):
        due = opened_at + number / plan.ramp_rate
        delay = due - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(open_one(session)))
    connections = await asyncio.gather(*tasks)
    report.send(("connected", outcome.connected, outcome.failed))

    message = await loop.run_in_executor(None, control.recv)
    assert message[0] == "start", message
    start = message[1]
    cpu_before = sum(os.times()[:2])
    tally.frames = tally.bytes = tally.presence = 0
    for at, poster, sequence in plan.schedule:
        due = start + at
        delay = due - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        outcome.max_send_lag_ms = max(outcome.max_send_lag_ms, (time.monotonic() - due) * 1000)
        connection = connections[poster]
        if connection is None or not connection.open:
            outcome.errors["poster not connected"] += 1
            continue
        ref = f"L{plan.index}.{sequence}.{time.monotonic_ns()}"
        frame = {"type": "post", "body": body_for(ref, plan.body_chars), "ref": ref}
        connection.send(json.dumps(frame).encode())
        outcome.sent += 1
    message = await loop.run_in_executor(None, control.recv)
    assert message[0] == "stop", message
    cpu = sum(os.times()[:2]) - cpu_before
    outcome.lost = sum(1 for c in connections if c is not None and not c.open)
    outcome.compressed = sum(1 for c in connections if c is not None and c.inflate is not None)
    for connection in connections:
        if connection is not None:
            connection.close()
    report.send(("done", _results(plan, tally, outcome, cpu)))


def _results(plan: Plan, tally: Tally, outcome: Outcome, cpu: float) -> dict:
    nonzero = {i: n for i, n in enumerate(tally.histogram) if n}
    return {
        "index": plan.index,
        "connected": outcome.connected,
        "compressed": outcome.compressed,
        "failed": outcome.failed,
        "lost": outcome.lost,
        "connect_ms": outcome.connect_ms,
        "sent": outcome.sent,
        "ok": outcome.ok,
        "errors": dict(outcome.errors),
        "received": {ref.decode(): n for ref, n in tally.received.items()},
        "histogram": nonzero,
        "max_latency_ms": tally.max_latency_ns / 1e6,
        "frames": tally.frames,
        "bytes": tally.bytes,
        "presence_frames": tally.presence,
        "max_send_lag_ms": round(outcome.max_send_lag_ms, 2),
        "ack_ms": outcome.acks,
        "accepted": outcome.accepted,
        "cpu_seconds": cpu,
    }


def process_main(plan: Plan, control, report) -> None:
    """Entry point of one client process."""
    import resource

    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    random.seed(plan.index)
    try:
        import uvloop

        runner = asyncio.Runner(loop_factory=uvloop.new_event_loop)
    except ImportError:
        runner = asyncio.Runner()
    with runner:
        runner.run(run_plan(plan, control, report))
