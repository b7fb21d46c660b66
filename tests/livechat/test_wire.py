"""Frames built once and written straight to the transport, against a real uvicorn server.

A small ASGI application stands in for the chat consumer so each test controls exactly
what is written and how; the client is the ``websockets`` library, which checks every
frame it reads against RFC 6455.
"""

import asyncio
import json

import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from staffroom.livechat.outbox import Outbox
from staffroom.livechat.wire import Batch, DirectWriter, text_frame
from tests.livechat.asgi_server import AsgiServer

pytestmark = pytest.mark.django_db

LARGE = "x" * 70_000  # needs the 8-byte length
MEDIUM = "é" * 200  # 400 bytes of UTF-8: the 2-byte length


def app_for(scenario):
    """An ASGI application answering /healthz and running ``scenario`` on each socket."""

    async def app(scope, receive, send):
        if scope["type"] == "http":
            await send({"type": "http.response.start", "status": 200, "headers": []})
            await send({"type": "http.response.body", "body": b"ok"})
            return
        if scope["type"] != "websocket":
            return
        await receive()  # websocket.connect
        await send({"type": "websocket.accept"})
        await scenario(send)
        while (await receive())["type"] != "websocket.disconnect":
            pass

    return app


def received(server: AsgiServer, *, compression: str | None = None) -> list[str]:
    url = server.url.replace("http://", "ws://") + "/ws/"
    texts = []
    with connect(url, compression=compression, open_timeout=5) as socket:
        try:
            while True:
                texts.append(socket.recv(timeout=2))
                if texts[-1] == "end":
                    break
        except (TimeoutError, ConnectionClosed):
            pass
    return texts


@pytest.mark.parametrize("text", ["", "short", MEDIUM, LARGE])
def test_a_prebuilt_frame_reads_as_the_same_text(text):
    async def scenario(send):
        writer = DirectWriter.for_send(send)
        assert writer is not None
        assert writer.write(text_frame(text))
        await send({"type": "websocket.send", "text": "end"})

    with AsgiServer(app_for(scenario)) as server:
        assert received(server) == [text, "end"]


def test_direct_frames_and_asgi_frames_interleave_in_order():
    async def scenario(send):
        writer = DirectWriter.for_send(send)
        writer.write(text_frame("one"))
        await send({"type": "websocket.send", "text": "two"})
        writer.write(text_frame(MEDIUM))
        writer.write(text_frame(LARGE))
        await send({"type": "websocket.send", "text": "end"})

    with AsgiServer(app_for(scenario)) as server:
        assert received(server) == ["one", "two", MEDIUM, LARGE, "end"]


def test_a_compressed_connection_gets_no_direct_writer():
    # Each frame of a deflate connection is compressed with that connection's own context.
    async def scenario(send):
        text = "direct" if DirectWriter.for_send(send) else "asgi"
        await send({"type": "websocket.send", "text": text})
        await send({"type": "websocket.send", "text": "end"})

    with AsgiServer(app_for(scenario), compression=True) as server:
        assert received(server, compression="deflate") == ["asgi", "end"]
        assert received(server) == ["direct", "end"]


def test_a_send_that_is_not_uvicorns_gets_no_direct_writer():
    async def send(message):
        pass

    assert DirectWriter.for_send(send) is None
    assert DirectWriter.for_send(None) is None


def test_a_closed_or_paused_socket_takes_no_direct_write():
    async def scenario(send):
        writer = DirectWriter.for_send(send)
        writer.protocol.writable.clear()  # what uvicorn does when the reader stops reading
        refused_paused = not writer.write(text_frame("lost"))
        writer.protocol.writable.set()
        await send({"type": "websocket.send", "text": json.dumps(refused_paused)})
        await send({"type": "websocket.close", "code": 1000})
        refused_closed = not writer.write(text_frame("after close"))
        assert refused_closed

    with AsgiServer(app_for(scenario)) as server:
        assert received(server) == ["true"]


def outbox_scenario(*, batched: bool):
    """Events queued before the writer starts, then batches pushed while it is busy and
    while it is idle: every frame arrives once, in order, whichever path it took."""

    async def scenario(send):
        async def send_text(text):
            await send({"type": "websocket.send", "text": text})

        async def close(code):
            await send({"type": "websocket.close", "code": code})

        outbox = Outbox(send_text, close, batched=batched)
        outbox.direct = DirectWriter.for_send(send)
        outbox.push('{"n":1}')  # before start: queued, as the greeting is
        outbox.push_batch(Batch(['{"n":2}', '{"n":3}'], '[{"n":2},{"n":3}]'))
        outbox.start()
        await asyncio.sleep(0.05)  # the writer has drained the queue and waits
        assert outbox.waiter is not None and not outbox.frames
        outbox.push_batch(Batch(['{"n":4}', '{"n":5}'], '[{"n":4},{"n":5}]'))
        assert not outbox.frames  # written directly, nothing queued
        outbox.push('{"n":6}')  # a reply: queued for the writer task
        outbox.push_batch(Batch(['{"n":7}'], '{"n":7}'))  # must wait behind it
        assert len(outbox.frames) == 2
        await asyncio.sleep(0.05)
        await send_text("end")
        await outbox.stop()

    return scenario


@pytest.mark.parametrize("batched", [False, True])
def test_an_outbox_keeps_order_across_direct_and_queued_writes(batched):
    with AsgiServer(app_for(outbox_scenario(batched=batched))) as server:
        texts = received(server)

    assert texts[-1] == "end"
    events = []
    for text in texts[:-1]:
        frame = json.loads(text)
        events.extend(frame if isinstance(frame, list) else [frame])
    assert [event["n"] for event in events] == [1, 2, 3, 4, 5, 6, 7]
    if batched:
        # What queued went out joined; the batch written directly went as its one frame.
        assert texts[:-1] == ['[{"n":1},{"n":2},{"n":3}]', '[{"n":4},{"n":5}]', '[{"n":6},{"n":7}]']
    else:
        assert len(texts) == 8
