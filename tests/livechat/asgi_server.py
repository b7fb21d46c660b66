"""Run the real ASGI application (HTTP and WebSockets on one origin) for tests.

``AsgiServer`` serves ``staffroom.asgi.application`` with uvicorn in a background thread of
the test process, in the test's database; browser tests point Playwright at its ``url``.
``ServerProcess`` starts a separate uvicorn process on the test database, for tests that
need several processes sharing a Redis channel layer.

Both need the data a test creates to be committed first: use ``transactional_db``.
"""

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import quote

import django.core.handlers.asgi
import uvicorn
from asgiref.sync import SyncToAsync
from django.conf import settings
from django.db import connections

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
START_TIMEOUT = 30.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def wait_until_healthy(port: int, *, timeout: float, alive=lambda: True) -> bool:
    """Poll /healthz until it answers 200; False if time runs out or ``alive()`` fails."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not alive():
            return False
        connection = HTTPConnection(HOST, port, timeout=2)
        try:
            connection.request("GET", "/healthz", headers={"Host": HOST})
            if connection.getresponse().status == 200:
                return True
        except OSError:
            pass
        finally:
            connection.close()
        time.sleep(0.05)
    return False


class _EveryThread:
    """Connection storage that hands every thread the same connections."""

    def __init__(self, **aliases):
        self.__dict__.update(aliases)


class _OneContext:
    """Stands in for asgiref's ThreadSensitiveContext, which gives each request a thread."""

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False


@contextlib.contextmanager
def sharing_the_test_database():
    """Let server threads use the test's in-memory SQLite database.

    The database lives only as long as, and inside, the test's connection; like Django's
    LiveServerThread, every thread is handed that one connection. Unlike a threaded WSGI
    server, all the ASGI application's synchronous work then runs in asgiref's single
    sync thread (no per-request thread), so two requests never interleave transactions
    on the shared connection. PostgreSQL needs none of this: each thread connects to the
    test database itself.
    """
    connection = connections["default"]
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    connection.ensure_connection()
    connection.inc_thread_sharing()
    storage = connections._connections
    connections._connections = _EveryThread(default=connection)
    handler_context = django.core.handlers.asgi.ThreadSensitiveContext
    django.core.handlers.asgi.ThreadSensitiveContext = _OneContext
    try:
        yield
    finally:
        django.core.handlers.asgi.ThreadSensitiveContext = handler_context
        connections._connections = storage
        connection.dec_thread_sharing()


class AsgiServer:
    """uvicorn serving the ASGI application in a thread of this process."""

    def __init__(self, application=None, *, compression: bool | None = None):
        if application is None:
            from staffroom.asgi import application
        self.application = application
        # permessage-deflate offered to clients; by default as `staffroom serve` does.
        self.compression = settings.WS_COMPRESSION if compression is None else compression
        self.port = 0
        self.server: uvicorn.Server | None = None
        self.thread: threading.Thread | None = None
        self._sharing = sharing_the_test_database()

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self) -> "AsgiServer":
        if HOST not in settings.ALLOWED_HOSTS and "*" not in settings.ALLOWED_HOSTS:
            raise RuntimeError(
                f"ALLOWED_HOSTS must include {HOST} for the Host and Origin checks; "
                "add it with pytest-django's settings fixture."
            )
        listener = socket.socket()
        listener.bind((HOST, 0))
        self.port = listener.getsockname()[1]
        config = uvicorn.Config(
            self.application,
            lifespan="off",  # no schedule ticker: tests drive the clock themselves
            log_level="warning",
            timeout_graceful_shutdown=2,
            ws_per_message_deflate=self.compression,
        )
        self.server = uvicorn.Server(config)
        self._sharing.__enter__()
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [listener]}, daemon=True
        )
        self.thread.start()
        if not wait_until_healthy(self.port, timeout=START_TIMEOUT, alive=self.thread.is_alive):
            self.stop()
            raise RuntimeError(f"The test ASGI server did not start on port {self.port}.")
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.should_exit = True
        if self.thread is not None:
            self.thread.join(timeout=15)
            self.thread = None
        # Sockets keep a connection open in asgiref's sync thread, which outlives the
        # server; left open, it would stop the test database from being dropped.
        with contextlib.suppress(Exception):
            SyncToAsync.single_thread_executor.submit(connections.close_all).result(10)
        with contextlib.suppress(Exception):
            self._sharing.__exit__(None, None, None)

    def __enter__(self) -> "AsgiServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def database_url() -> str:
    """The URL of the database this test process uses (the pytest test database)."""
    config = connections["default"].settings_dict
    if config["ENGINE"] != "django.db.backends.postgresql":
        raise RuntimeError("A server process can only share a PostgreSQL test database.")
    credentials = quote(config["USER"] or "", safe="")
    if config["PASSWORD"]:
        credentials += ":" + quote(config["PASSWORD"], safe="")
    host = config["HOST"] or "127.0.0.1"
    port = config["PORT"] or 5432
    return f"postgres://{credentials}@{host}:{port}/{quote(config['NAME'], safe='')}"


class ServerProcess:
    """``python -m uvicorn staffroom.asgi:application`` in a process of its own."""

    def __init__(self, env: dict[str, str], log_dir: Path, name: str):
        self.env, self.name = env, name
        self.port = free_port()
        self.log_path = log_dir / f"{name}.log"
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self) -> "ServerProcess":
        command = [
            sys.executable, "-m", "uvicorn", "staffroom.asgi:application",
            "--host", HOST, "--port", str(self.port), "--lifespan", "on",
            "--log-level", "warning",
            # As `staffroom serve` runs it (see staffroom/cli.py).
            "--ws-per-message-deflate", str(settings.WS_COMPRESSION).lower(),
        ]  # fmt: skip
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        alive = lambda: self.process.poll() is None  # noqa: E731
        if not wait_until_healthy(self.port, timeout=START_TIMEOUT, alive=alive):
            self.stop()
            raise RuntimeError(f"Server {self.name} did not start:\n{self.log()}")
        return self

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-4000:]
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def server_process_env(**extra: str) -> dict[str, str]:
    """The environment for a server process on this test's database and settings."""
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="staffroom.settings",
        DATABASE_URL=database_url(),
        # The same key as the test process, so the sessions it creates are valid there.
        STAFFROOM_SECRET_KEY=settings.SECRET_KEY,
        STAFFROOM_ALLOWED_HOSTS=f"{HOST},localhost",
        STAFFROOM_LIVECHAT_TICK_SECONDS="0",
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    )
    env.update(extra)
    return env
