"""The ``staffroom`` command: Django's management commands plus ``demo`` and ``serve``."""

import os
import sys

DEMO_HOST = "127.0.0.1"
DEMO_PORT = 8000


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "staffroom.settings")
    from django.core.exceptions import ImproperlyConfigured

    try:
        import django
        from django.conf import settings

        django.setup()
        # SQLite cannot create the folder its database lives in.
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
    except ImproperlyConfigured as error:
        # One clear sentence instead of a traceback: the admin only has to fix the setting.
        print(f"staffroom: {error}", file=sys.stderr)
        raise SystemExit(2) from None


def _run_uvicorn(host: str, port: int, workers: int) -> None:
    import uvicorn
    from django.conf import settings

    uvicorn.run(
        "staffroom.asgi:application",
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,
        lifespan="on",
        ws_per_message_deflate=settings.WS_COMPRESSION,
        log_level="info",
    )


def demo(argv: list[str]) -> None:
    """Create the SQLite database, load the demo data and serve on port 8000."""
    from django.conf import settings
    from django.core.management import call_command
    from django.core.management.base import CommandError

    if settings.PRODUCTION:
        print(
            "staffroom: the demo runs in development only; use `staffroom serve`.", file=sys.stderr
        )
        raise SystemExit(2)
    call_command("migrate", interactive=False, verbosity=0)
    try:
        call_command("load_demo")
    except CommandError as error:
        print(f"staffroom: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    no_serve = "--no-serve" in argv
    print()
    print(f"  Staffroom is running at http://{DEMO_HOST}:{DEMO_PORT}/")
    print("  Sign in as demo@staffroom.test with the password: staffroom")
    print("  (every demo account uses that password; mail is printed here)")
    print()
    if not no_serve:
        _run_uvicorn(DEMO_HOST, DEMO_PORT, workers=1)


def serve(argv: list[str]) -> None:
    """Serve Staffroom with the settings from the environment."""
    import argparse

    from django.conf import settings
    from django.core.management import call_command

    parser = argparse.ArgumentParser(prog="staffroom serve")
    parser.add_argument("--host", default=os.environ.get("STAFFROOM_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("STAFFROOM_PORT", "8000")))
    parser.add_argument(
        "--workers", type=int, default=int(os.environ.get("STAFFROOM_WORKERS", "1"))
    )
    args = parser.parse_args(argv)
    if args.workers > 1 and not settings.REDIS_URL:
        # Each process would hold its own chat rooms: a message posted through one worker
        # would never reach the browsers connected to another.
        print(
            "staffroom: warning: live chats and live thread updates need REDIS_URL when "
            "serving with more than one worker.",
            file=sys.stderr,
        )
    call_command("check", deploy=settings.PRODUCTION, fail_level="ERROR")
    if settings.PRODUCTION:
        call_command("collectstatic", interactive=False, verbosity=0)
    _run_uvicorn(args.host, args.port, args.workers)


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    _setup()
    command = argv[1] if len(argv) > 1 else "help"
    if command == "demo":
        demo(argv[2:])
    elif command == "serve":
        serve(argv[2:])
    else:
        from django.core.management import execute_from_command_line

        execute_from_command_line(["staffroom", *argv[1:]])


if __name__ == "__main__":
    main()
