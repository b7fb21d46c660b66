"""Two real server processes share one chat through Redis.

What a member posts on one process reaches a client connected to the other, and presence
counts the sockets of both. Runs in .ci/run's PostgreSQL + Redis pass: the processes need
a database they can share with the test (an in-memory SQLite one lives inside the test
process) and a channel layer they can share (the in-memory layer is per process).
"""

import asyncio
import json
import uuid

import pytest
from django.conf import settings
from django.db import connections
from websockets.asyncio.client import connect

from tests.livechat.asgi_server import ServerProcess, server_process_env
from tests.livechat.sockets import session_cookie

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not settings.REDIS_URL,
        reason="needs REDIS_URL: two processes share a chat only through the Redis layer",
    ),
    pytest.mark.skipif(
        connections["default"].vendor != "postgresql",
        reason="needs PostgreSQL (DATABASE_URL): server processes cannot open the test "
        "process's in-memory SQLite database",
    ),
]

WAIT = 15.0


@pytest.fixture(scope="module")
def servers(django_db_setup, tmp_path_factory):
    env = server_process_env(
        REDIS_URL=settings.REDIS_URL, STAFFROOM_CACHE_PREFIX=f"sr-two-{uuid.uuid4().hex[:8]}"
    )
    log_dir = tmp_path_factory.mktemp("servers")
    started = []
    try:
        for name in ("a", "b"):
            started.append(ServerProcess(env, log_dir, name).start())
        yield started
    finally:
        for server in started:
            server.stop()


class Client:
    """A browser tab's socket on one of the servers."""

    def __init__(self, server: ServerProcess, chat, cookie: str):
        self.server, self.chat, self.cookie = server, chat, cookie
        self.heard: list[dict] = []
        self.unread: list[dict] = []
        self.inbox: list[dict] = []

    async def __aenter__(self) -> "Client":
        self.socket = await connect(
            f"ws://127.0.0.1:{self.server.port}/ws/chats/{self.chat.pk}/",
            origin=self.server.url,
            additional_headers={"Cookie": self.cookie} if self.cookie else None,
            open_timeout=WAIT,
        )
        hello = await self.next()
        assert hello["type"] == "hello", hello
        return self

    async def __aexit__(self, *exc) -> None:
        await self.socket.close()

    async def next(self) -> dict:
        if self.inbox:
            return self.inbox.pop(0)
        try:
            text = await asyncio.wait_for(self.socket.recv(), WAIT)
        except TimeoutError:
            raise AssertionError(
                f"Server {self.server.name} sent nothing for {WAIT} s; heard: {self.heard}"
            ) from None
        data = json.loads(text)
        # Events that arrive together share a frame: a JSON array of them.
        self.inbox.extend(data if isinstance(data, list) else [data])
        self.heard.extend(data if isinstance(data, list) else [data])
        return self.inbox.pop(0)

    async def expect(self, kind: str, **fields) -> dict:
        for frame in self.unread:
            if frame["type"] == kind and all(frame.get(k) == v for k, v in fields.items()):
                self.unread.remove(frame)
                return frame
        while True:
            frame = await self.next()
            if frame["type"] == kind and all(frame.get(k) == v for k, v in fields.items()):
                return frame
            self.unread.append(frame)

    async def answer(self, frame: dict) -> dict:
        await self.socket.send(json.dumps(frame))
        while True:
            reply = await self.next()
            if reply["type"] in {"ok", "error"}:
                assert reply["type"] == "ok", reply
                return reply
            self.unread.append(reply)


def run_on(servers, scenario) -> None:
    """Run the scenario; on failure, show what the servers logged."""
    try:
        asyncio.run(scenario())
    except (AssertionError, OSError, TimeoutError) as error:
        logs = "\n".join(f"--- server {s.name} log ---\n{s.log()}" for s in servers)
        raise AssertionError(f"{error}\n{logs}") from error


def test_a_message_posted_on_one_process_reaches_clients_of_the_other(
    servers, live_chat, member, other
):
    a, b = servers
    member_cookie, other_cookie = session_cookie(member), session_cookie(other)

    async def scenario():
        async with (
            Client(a, live_chat, member_cookie) as on_a,
            Client(b, live_chat, other_cookie) as on_b,
        ):
            posted = await on_a.answer({"type": "post", "body": "A1 sent through A"})
            event = await on_b.expect("message", id=posted["id"])
            assert "sent through A" in event["html"]
            assert event["question"] == 1

            posted = await on_b.answer({"type": "post", "body": "A1 and back from B"})
            event = await on_a.expect("message", id=posted["id"])
            assert "back from B" in event["html"]

    run_on(servers, scenario)


def test_presence_counts_the_sockets_of_both_processes(servers, live_chat, member, other):
    a, b = servers
    member_cookie, other_cookie = session_cookie(member), session_cookie(other)

    async def scenario():
        async with Client(a, live_chat, member_cookie) as on_a:
            async with Client(b, live_chat, other_cookie) as on_b, Client(b, live_chat, ""):
                await on_a.expect("presence", count=3)
                await on_b.expect("presence", count=3)
            await on_a.expect("presence", count=1)

    run_on(servers, scenario)


def test_a_question_released_on_one_process_is_heard_on_the_other(servers, live_chat, host, member):
    a, b = servers
    host_cookie, member_cookie = session_cookie(host), session_cookie(member)

    async def scenario():
        async with (
            Client(a, live_chat, member_cookie) as on_a,
            Client(b, live_chat, host_cookie) as hosting,
        ):
            released = await hosting.answer({"type": "release"})
            event = await on_a.expect("question", number=released["number"])
            assert "ratios are useful" in event["html"]

    run_on(servers, scenario)
