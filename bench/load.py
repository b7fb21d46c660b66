"""A small HTTP/1.1 load generator: keep-alive connections, closed and open loops."""

import asyncio
import math
import os
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

USER_AGENT = "staffroom-bench"
# uvloop's loop.time() has millisecond resolution and is cached per loop iteration.
clock = time.perf_counter
CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


class BenchError(Exception):
    """The server did not answer the way the benchmark needs."""


@dataclass
class Response:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((value for key, value in self.headers if key == name), None)


class VirtualUser:
    """One keep-alive connection with its own cookie jar."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.cookies: dict[str, str] = {}
        self.email: str | None = None
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def request(
        self, method: str, path: str, *, form: dict[str, str] | None = None
    ) -> Response:
        """Send one request, reconnecting once if the server dropped an idle connection."""
        payload = self._encode(method, path, form)
        reused = self._writer is not None
        for attempt in (1, 2):
            if self._writer is None:
                self._reader, self._writer = await asyncio.open_connection(
                    self.host, self.port, limit=1 << 20
                )
            try:
                self._writer.write(payload)
                response = await self._read_response()
            except (ConnectionError, asyncio.IncompleteReadError):
                self.close()
                if attempt == 2 or not reused:
                    raise
                continue
            except BaseException:
                # A half-read response (or a cancelled one) leaves the connection unusable.
                self.close()
                raise
            self._keep_cookies(response)
            if (response.header("connection") or "").lower() == "close":
                self.close()
            return response
        raise AssertionError("unreachable")

    async def get(self, path: str) -> Response:
        return await self.request("GET", path)

    async def sign_in(self, email: str, password: str) -> None:
        """Sign in through the allauth form, as a browser would."""
        page = await self.get("/accounts/login/")
        match = CSRF_INPUT.search(page.body)
        if page.status != 200 or match is None:
            raise BenchError(f"the sign-in page answered {page.status} without a CSRF token")
        form = {"csrfmiddlewaretoken": match[1].decode(), "login": email, "password": password}
        answer = await self.request("POST", "/accounts/login/", form=form)
        location = answer.header("location") or ""
        if answer.status != 302 or "sessionid" not in self.cookies or "/accounts/" in location:
            raise BenchError(f"could not sign in as {email} (status {answer.status}, {location!r})")
        self.email = email

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
        self._reader = self._writer = None

    @property
    def local_port(self) -> int | None:
        if self._writer is None:
            return None
        return self._writer.get_extra_info("sockname")[1]

    def _encode(self, method: str, path: str, form: dict[str, str] | None) -> bytes:
        lines = [
            f"{method} {path} HTTP/1.1",
            f"Host: {self.host}:{self.port}",
            f"User-Agent: {USER_AGENT}",
            "Accept: text/html",
            "Accept-Encoding: identity",
        ]
        if self.cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        body = b""
        if form is not None:
            body = urlencode(form).encode()
            lines.append("Content-Type: application/x-www-form-urlencoded")
            lines.append(f"Content-Length: {len(body)}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body

    async def _read_response(self) -> Response:
        assert self._reader is not None
        head = await self._reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split(" ", 2)[1])
        headers = []
        for line in header_lines:
            if line:
                key, _, value = line.partition(":")
                headers.append((key.strip().lower(), value.strip()))
        response = Response(status, headers, b"")
        length = response.header("content-length")
        if length is not None:
            response.body = await self._reader.readexactly(int(length))
        elif (response.header("transfer-encoding") or "").lower() == "chunked":
            response.body = await self._read_chunked()
        elif status not in (204, 304):
            response.body = await self._reader.read()
            self.close()
        return response

    async def _read_chunked(self) -> bytes:
        assert self._reader is not None
        parts = []
        while True:
            size = int((await self._reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if size == 0:
                await self._reader.readuntil(b"\r\n")
                return b"".join(parts)
            parts.append(await self._reader.readexactly(size))
            await self._reader.readexactly(2)

    def _keep_cookies(self, response: Response) -> None:
        for key, value in response.headers:
            if key != "set-cookie":
                continue
            pair, *attributes = value.split(";")
            name, _, cookie = pair.strip().partition("=")
            expired = any(a.strip().lower() == "max-age=0" for a in attributes)
            if expired or cookie in ('""', ""):
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = cookie


@dataclass
class Phase:
    """What one measurement phase saw; latencies in seconds."""

    seconds: float
    latencies: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    errors: int = 0
    bytes: int = 0
    client_cpu: float = 0.0
    send_lag: list[float] = field(default_factory=list)

    @property
    def completed(self) -> int:
        return len(self.latencies)

    @property
    def throughput(self) -> float:
        return self.completed / self.seconds if self.seconds else 0.0


def merge(phases: list[Phase]) -> Phase:
    """Pool the samples of several phases of one scenario into one, as if it were one phase."""
    pooled = Phase(seconds=sum(phase.seconds for phase in phases))
    for phase in phases:
        pooled.latencies += phase.latencies
        pooled.statuses.update(phase.statuses)
        pooled.errors += phase.errors
        pooled.bytes += phase.bytes
        pooled.send_lag += phase.send_lag
        pooled.client_cpu += phase.client_cpu * phase.seconds
    if pooled.seconds:
        pooled.client_cpu /= pooled.seconds
    return pooled


def percentile(values: list[float], fraction: float) -> float | None:
    """Return the nearest-rank percentile, or None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def _record(phase: Phase, response: Response | None, latency: float) -> None:
    if response is None:
        phase.errors += 1
        return
    phase.statuses[response.status] += 1
    if response.status == 200:
        phase.latencies.append(latency)
        phase.bytes += len(response.body)
    else:
        phase.errors += 1


async def _attempt(user: VirtualUser, path: str) -> Response | None:
    try:
        return await user.get(path)
    except (OSError, asyncio.IncompleteReadError, ValueError, IndexError):
        return None


async def closed_loop(
    users: list[VirtualUser], next_path: Callable[[], str], *, seconds: float, warmup: float
) -> Phase:
    """Keep every connection busy back to back; count what finishes after the warm-up."""
    start = clock()
    measure_from, end = start + warmup, start + warmup + seconds
    phase = Phase(seconds=seconds)
    cpu = time.process_time()

    async def drive(user: VirtualUser) -> None:
        while clock() < end:
            sent = clock()
            response = await _attempt(user, next_path())
            done = clock()
            if sent >= measure_from and done <= end:
                _record(phase, response, done - sent)

    await asyncio.gather(*(drive(user) for user in users))
    phase.client_cpu = (time.process_time() - cpu) / (clock() - start)
    return phase


async def open_loop(
    users: list[VirtualUser], next_path: Callable[[], str], *, rate: float, seconds: float
) -> Phase:
    """Send on a fixed timetable; time each request from when it was due, not when it left."""
    loop = asyncio.get_running_loop()
    count = max(1, round(rate * seconds))
    idle: asyncio.Queue[VirtualUser] = asyncio.Queue()
    for user in users:
        idle.put_nowait(user)
    phase = Phase(seconds=count / rate)
    cpu = time.process_time()

    async def fire(due: float, path: str) -> None:
        # Waiting here for a free connection counts against the server: the request was due.
        user = await idle.get()
        try:
            response = await _attempt(user, path)
        finally:
            idle.put_nowait(user)
        _record(phase, response, clock() - due)

    start = clock() + 0.01
    tasks = []
    for index in range(count):
        due = start + index / rate
        delay = due - clock()
        if delay > 0:
            await asyncio.sleep(delay)
        phase.send_lag.append(max(0.0, clock() - due))
        tasks.append(loop.create_task(fire(due, next_path())))
    # Requests still waiting long after the timetable ended are counted as errors.
    _, pending = await asyncio.wait(tasks, timeout=max(30.0, seconds))
    for task in pending:
        task.cancel()
    phase.errors += len(pending)
    phase.client_cpu = (time.process_time() - cpu) / (clock() - start)
    return phase


def rotation(paths: list[str]) -> Callable[[], str]:
    """Return a function that hands out the paths in turn, forever."""
    state = {"next": 0}

    def next_path() -> str:
        path = paths[state["next"] % len(paths)]
        state["next"] += 1
        return path

    return next_path


def _server_sockets(port: int) -> tuple[set[int], dict[int, int]]:
    """Return the listening socket inodes on port and, per client port, the server end's inode."""
    listening, accepted = set(), {}
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            local, remote, state, inode = fields[1], fields[2], fields[3], int(fields[9])
            if int(local.rsplit(":", 1)[1], 16) != port:
                continue
            if state == "0A":  # LISTEN
                listening.add(inode)
            elif state == "01":  # ESTABLISHED
                accepted[int(remote.rsplit(":", 1)[1], 16)] = inode
    return listening, accepted


def _socket_owners(pids: list[int]) -> dict[int, set[int]]:
    owners: dict[int, set[int]] = {}
    for pid in pids:
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            continue
        for fd in fds:
            try:
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
            except OSError:
                continue
            if target.startswith("socket:["):
                owners.setdefault(int(target[8:-1]), set()).add(pid)
    return owners


async def balance(users: list[VirtualUser], *, port: int, pids: list[int]) -> list[int]:
    """Spread the connections evenly over the worker processes; return how many each holds.

    Workers share one listening socket and the first one awake accepts a whole burst of new
    connections, so keep-alive connections opened together would all load a single worker.
    The kernel's socket tables tell which worker holds the far end of each connection; a
    connection on a crowded worker is reopened until the spread is even.
    """
    counts: list[int] = []
    # With a single worker, uvicorn serves from the process it started in.
    candidates = set(pids[1:] or pids)
    for _attempt in range(20 * len(users)):
        for user in users:
            if user.local_port is None:
                await user.get("/healthz")
        listening, accepted = _server_sockets(port)
        owners = _socket_owners(pids)
        workers = {pid for inode in listening for pid in owners.get(inode, ())} & candidates
        held: dict[int, list[VirtualUser]] = {pid: [] for pid in workers}
        for user in users:
            owner = owners.get(accepted.get(user.local_port), set()) & workers
            if owner:
                held[owner.pop()].append(user)
            else:
                user.close()  # The server already dropped it; reopen on the next round.
        counts = sorted(len(group) for group in held.values())
        if counts and sum(counts) == len(users) and counts[-1] - counts[0] <= 1:
            return counts
        crowded = max(held.values(), key=len, default=[])
        if crowded:
            crowded[-1].close()
    return counts
