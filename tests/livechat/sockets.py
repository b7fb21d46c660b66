"""Drive the real ASGI application's WebSocket endpoints from synchronous tests.

Each test runs its async part with ``run``: asgiref's ``async_to_sync`` runs the event loop
in a helper thread and every ``database_sync_to_async`` call (the consumer's and the test's)
back in the test's own thread, so they share the test's database connection.
"""

import asyncio
import json

from asgiref.sync import async_to_sync
from asgiref.testing import ApplicationCommunicator
from channels.db import database_sync_to_async
from django.conf import settings
from django.test import Client

from staffroom.asgi import application

ORIGIN = "http://testserver"
WAIT = 5.0

db = database_sync_to_async


def run(scenario) -> None:
    """Run an ``async def scenario()`` to the end."""
    async_to_sync(scenario)()


def session_cookie(user) -> str:
    """Sign the user in through Django's session machinery; return their Cookie header."""
    client = Client()
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    return f"{name}={client.cookies[name].value}"


def chat_path(chat) -> str:
    return f"/ws/chats/{chat.pk}/"


class Socket:
    """One browser tab's WebSocket, with everything it heard kept in ``heard``."""

    def __init__(self, path: str, cookie: str | None = None, *, origin: str | None = ORIGIN):
        headers = [(b"host", b"testserver")]
        if origin is not None:
            headers.append((b"origin", origin.encode()))
        if cookie:
            headers.append((b"cookie", cookie.encode()))
        path, _, query = path.partition("?")
        scope = {
            "type": "websocket",
            "path": path,
            "raw_path": path.encode(),
            "query_string": query.encode(),
            "headers": headers,
            "subprotocols": [],
            "client": ("127.0.0.1", 50000),
            "server": ("testserver", 80),
        }
        # asgiref's communicator: channels.testing would import daphne, which is not installed.
        self.communicator = ApplicationCommunicator(application, scope)
        self.heard: list[dict] = []  # every frame, in order
        self.unread: list[dict] = []  # events skipped while waiting for something else
        self.inbox: list[dict] = []  # events received but not yet read
        self.hello: dict | None = None
        self.close_code: int | None = None

    async def _connect(self) -> tuple[bool, int | None]:
        await self.communicator.send_input({"type": "websocket.connect"})
        message = await self._output(WAIT)
        if message["type"] == "websocket.close":
            self.close_code = message.get("code", 1000)
            return False, self.close_code
        assert message["type"] == "websocket.accept", message
        return True, None

    async def open(self) -> dict:
        """Connect and return the greeting; fail if the server refuses."""
        accepted, code = await self._connect()
        assert accepted, f"The server refused the socket with close code {code}."
        self.hello = await self.next()
        assert self.hello["type"] == "hello", self.hello
        return self.hello

    async def refused(self) -> int:
        """Connect, expect a refusal, and return its close code."""
        accepted, code = await self._connect()
        assert not accepted, "The server accepted a socket it should have refused."
        return code

    async def send(self, frame: dict | str | bytes) -> None:
        if isinstance(frame, bytes):
            await self.communicator.send_input({"type": "websocket.receive", "bytes": frame})
        else:
            text = frame if isinstance(frame, str) else json.dumps(frame)
            await self.communicator.send_input({"type": "websocket.receive", "text": text})

    async def _output(self, timeout: float) -> dict:
        try:
            return await asyncio.wait_for(self.communicator.output_queue.get(), timeout)
        except TimeoutError:
            if self.communicator.future.done():
                self.communicator.future.result()  # the consumer crashed: show why
            raise

    async def next(self, timeout: float = WAIT) -> dict:
        """Return the next event the server sends."""
        if self.inbox:
            return self.inbox.pop(0)
        try:
            message = await self._output(timeout)
        except TimeoutError:
            raise AssertionError(
                f"Nothing arrived within {timeout} s; heard so far: {self.heard}"
            ) from None
        if message["type"] == "websocket.close":
            self.close_code = message.get("code", 1000)
            raise AssertionError(f"The server closed the socket ({self.close_code}).")
        assert message["type"] == "websocket.send", message
        self.inbox.extend(self._events(message["text"]))
        return self.inbox.pop(0)

    def _events(self, text: str) -> list[dict]:
        # Events that arrive together share a frame: a JSON array of them, in order.
        data = json.loads(text)
        events = data if isinstance(data, list) else [data]
        self.heard.extend(events)
        return events

    async def expect(self, kind: str, timeout: float = WAIT, **fields) -> dict:
        """Return the first frame of this type (and these fields) not yet taken."""

        def matches(frame: dict) -> bool:
            return frame["type"] == kind and all(frame.get(k) == v for k, v in fields.items())

        for frame in self.unread:
            if matches(frame):
                self.unread.remove(frame)
                return frame
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                raise AssertionError(f"No {kind} {fields or ''} within {timeout} s: {self.heard}")
            frame = await self.next(left)
            if matches(frame):
                return frame
            self.unread.append(frame)

    async def answer(self, frame: dict | str | bytes, timeout: float = WAIT) -> dict:
        """Send a frame and return the server's answer to it (ok, error or pong)."""
        await self.send(frame)
        while True:
            reply = await self.next(timeout)
            if reply["type"] in {"ok", "error", "pong"}:
                return reply
            self.unread.append(reply)

    async def closed(self, timeout: float = WAIT) -> int:
        """Wait until the server closes the socket; return the close code."""
        deadline = asyncio.get_running_loop().time() + timeout
        while self.close_code is None:
            left = deadline - asyncio.get_running_loop().time()
            try:
                message = await self._output(max(left, 0.01))
            except TimeoutError:
                raise AssertionError(f"The socket stayed open; heard: {self.heard}") from None
            if message["type"] == "websocket.close":
                self.close_code = message.get("code", 1000)
            elif message["type"] == "websocket.send":
                self.inbox.extend(self._events(message["text"]))
        return self.close_code

    async def still_open(self) -> None:
        """Prove the socket still answers."""
        reply = await self.answer({"type": "ping", "ref": "still-there"})
        assert reply == {"type": "pong", "ref": "still-there"}, reply

    async def quiet(self, seconds: float = 0.3) -> list[dict]:
        """Collect what arrives during a short wait."""
        frames = []
        deadline = asyncio.get_running_loop().time() + seconds
        while (left := deadline - asyncio.get_running_loop().time()) > 0:
            try:
                frames.append(await self.next(left))
            except AssertionError:
                break
        return frames

    async def close(self) -> None:
        await self.communicator.send_input({"type": "websocket.disconnect", "code": 1000})
        await self.communicator.wait(WAIT)

    async def __aenter__(self) -> "Socket":
        await self.open()
        return self

    async def __aexit__(self, *exc) -> None:
        if self.close_code is None:
            await self.close()
