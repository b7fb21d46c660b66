"""Load one live chat with N WebSocket clients; report delivery and send-to-receive latency.

    .venv/bin/python -m bench.chat_load --clients 3000 --posters 300 --rate 10

By default the run sets everything up itself: an empty database (SQLite, or PostgreSQL
with ``--db postgres``), members with sessions and a live chat (``bench.chat_setup``),
and ``staffroom serve`` in production configuration; ``--url`` and ``--manifest`` point
it at a server and chat that already exist instead. See bench/README.md.
"""

import argparse
import json
import math
import multiprocessing
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from bench import chat_report, report
from bench.chat_client import BUCKET_NS, Plan, process_main
from bench.dataset_db import recreate, resolve_target
from bench.run import CpuMeter, RssSampler, Server, free_port, server_env

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"
CONNECT_PHASE_TIMEOUT = 600.0
SETTINGS = (
    "clients", "posters", "rate", "burst", "duration", "drain", "ramp", "client_processes",
    "body_chars", "workers",
)  # fmt: skip


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench.chat_load", description=__doc__)
    p.add_argument("--clients", type=int, default=3000, help="WebSocket clients (readers)")
    p.add_argument("--posters", type=int, default=300, help="how many of the clients post")
    p.add_argument("--rate", type=float, default=10.0, help="messages per second, overall")
    p.add_argument("--burst", type=float, default=1.0, help="seconds between bursts of posts")
    p.add_argument("--duration", type=float, default=30.0, help="seconds of posting")
    p.add_argument("--drain", type=float, default=5.0, help="seconds to wait for late messages")
    p.add_argument("--ramp", type=float, default=50.0, help="new connections per second")
    p.add_argument("--client-processes", type=int, default=2)
    p.add_argument("--body-chars", type=int, default=200, help="length of each message")
    p.add_argument("--no-compression", action="store_true", help="do not offer permessage-deflate")
    p.add_argument(
        "--server-compression",
        action="store_true",
        help="start the server with STAFFROOM_WS_COMPRESSION=true (it declines deflate by default)",
    )
    p.add_argument("--no-batch", action="store_true", help="one event per frame (no ?batch=1)")
    p.add_argument("--workers", type=int, default=1, help="ASGI worker processes")
    p.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    p.add_argument("--redis", action="store_true", help="Redis channel layer and cache")
    p.add_argument("--postgres-url", default="postgres://postgres@127.0.0.1:5432/bench_chat")
    p.add_argument("--url", help="an already running server (with --manifest)")
    p.add_argument("--manifest", help="JSON from `python -m bench.chat_setup` for --url")
    p.add_argument("--label", default="", help="a name for this run in the table")
    p.add_argument("--note", default="", help="a sentence shown under the table")
    p.add_argument("--var-dir", default=str(BENCH_DIR / "var"))
    p.add_argument("--results-dir", default=str(BENCH_DIR / "results" / "chat"))
    p.add_argument("--results-file", default=str(BENCH_DIR / "RESULTS.md"))
    return p


def raise_file_limit() -> None:
    """Let this process and the server it starts hold thousands of sockets."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def schedule(options, processes: int) -> list[list[tuple[float, int, int]]]:
    """Share the posts out: message i goes in burst i // per_burst, from poster i % posters.

    Poster p lives in client process p % processes, as that process's connection
    p // processes (each process's first connections are its posters).
    """
    total = int(options.rate * options.duration)
    per_burst = max(1, round(options.rate * options.burst))
    shares: list[list[tuple[float, int, int]]] = [[] for _ in range(processes)]
    for i in range(total):
        poster = i % options.posters
        shares[poster % processes].append(
            ((i // per_burst) * options.burst, poster // processes, i)
        )
    return shares


def plans(options, manifest: dict, host: str, port: int) -> list[Plan]:
    processes = max(1, min(options.client_processes, options.clients))
    sessions = manifest["sessions"][: options.clients]
    if len(sessions) < options.clients:
        raise SystemExit(f"The manifest has {len(sessions)} sessions, not {options.clients}.")
    posters = sessions[: options.posters]
    readers = sessions[options.posters :]
    shares = schedule(options, processes)
    result = []
    for index in range(processes):
        mine = posters[index::processes] + readers[index::processes]
        result.append(
            Plan(
                index=index,
                host=host,
                port=port,
                chat_id=manifest["chat_id"],
                sessions=mine,
                posters=len(posters[index::processes]),
                schedule=shares[index],
                ramp_rate=options.ramp / processes,
                compression=not options.no_compression,
                batch=not options.no_batch,
                body_chars=options.body_chars,
            )
        )
    return result


def percentile_ms(histogram: dict[int, int], fraction: float) -> float | None:
    total = sum(histogram.values())
    if not total:
        return None
    rank, seen = max(1, math.ceil(fraction * total)), 0
    for bucket in sorted(histogram):
        seen += histogram[bucket]
        if seen >= rank:
            return (bucket + 1) * BUCKET_NS / 1e6  # the bucket's upper edge
    return None


def cpu_split(cores: dict, client: float) -> dict:
    """Server, client processes and everything else, in cores.

    The meter counts this process as the client and everything but the server as other;
    the client processes are part of that other.
    """
    if not cores:
        return {"client": round(client, 2)}
    other = cores["other"] + cores["client"] - client
    return {"server": cores["server"], "client": round(client, 2), "other": round(max(0, other), 2)}


def latency_summary(histogram: dict[int, int], slowest_ms: float) -> dict:
    """Percentiles from the histogram (a bucket's upper edge, but never past the slowest)."""
    figures = {"max": round(slowest_ms, 1) if histogram else None}
    for name, fraction in (("p50", 0.50), ("p95", 0.95), ("p99", 0.99)):
        value = percentile_ms(histogram, fraction)
        figures[name] = None if value is None else round(min(value, slowest_ms), 1)
    return figures | {"samples": sum(histogram.values())}


def _summary(values: list[float]) -> dict:
    values = sorted(values)
    if not values:
        return {"p50": 0.0, "p95": 0.0, "max": 0.0}
    pick = lambda f: values[min(len(values) - 1, max(0, math.ceil(f * len(values)) - 1))]  # noqa: E731
    return {"p50": round(pick(0.5), 1), "p95": round(pick(0.95), 1), "max": round(values[-1], 1)}


def drive(options, manifest: dict, host: str, port: int, server_pid: int | None) -> dict:
    """Run the client processes through connect, post and drain; return merged figures."""
    context = multiprocessing.get_context("spawn")
    workers = []
    for plan in plans(options, manifest, host, port):
        control_parent, control_child = context.Pipe()
        report_parent, report_child = context.Pipe()
        process = context.Process(target=process_main, args=(plan, control_child, report_child))
        process.start()
        workers.append((process, control_parent, report_parent))
    try:
        connect_started = time.monotonic()
        connected = failed = 0
        for process, _control, reports in workers:
            if not reports.poll(CONNECT_PHASE_TIMEOUT):
                raise SystemExit(f"Client process {process.pid} did not finish connecting.")
            _kind, ok, bad = reports.recv()
            connected, failed = connected + ok, failed + bad
        connect_seconds = time.monotonic() - connect_started
        print(f"  {connected} clients connected in {connect_seconds:.1f} s ({failed} failed)")
        time.sleep(2.0)  # let the presence updates of the last arrivals settle
        meter = CpuMeter(server_pid) if server_pid else None
        started = time.monotonic() + 0.5
        for _process, control, _reports in workers:
            control.send(("start", started))
        time.sleep(0.5 + options.duration + options.drain)
        window = time.monotonic() - started
        cores = meter.cores() if meter else {}
        for _process, control, _reports in workers:
            control.send(("stop",))
        parts = []
        for process, _control, reports in workers:
            if not reports.poll(120):
                raise SystemExit(f"Client process {process.pid} did not report.")
            parts.append(reports.recv()[1])
    finally:
        for process, _control, _reports in workers:
            process.join(timeout=30)
            if process.is_alive():
                process.kill()
    return merge(parts, cores=cores, window=window, connect_seconds=connect_seconds)


def merge(parts: list[dict], *, cores: dict, window: float, connect_seconds: float) -> dict:
    histogram: dict[int, int] = {}
    received: dict[str, int] = {}
    errors: dict[str, int] = {}
    for part in parts:
        for bucket, count in part["histogram"].items():
            histogram[int(bucket)] = histogram.get(int(bucket), 0) + count
        for ref, count in part["received"].items():
            received[ref] = received.get(ref, 0) + count
        for code, count in part["errors"].items():
            errors[code] = errors.get(code, 0) + count
    connected = sum(p["connected"] for p in parts)
    ok = sum(p["ok"] for p in parts)
    # A post counts as accepted when its poster got "ok" or anyone received it: an answer
    # still on its way when the run stops must not make deliveries look like more than 100 %.
    accepted = {ref for p in parts for ref in p["accepted"]} | set(received)
    expected = len(accepted) * connected
    delivered = sum(received.values())
    client_cpu = sum(p["cpu_seconds"] for p in parts)
    return {
        "clients": {
            "connected": connected,
            "failed": sum(p["failed"] for p in parts),
            "lost": sum(p["lost"] for p in parts),
            "connect_seconds": round(connect_seconds, 2),
            "connect_ms": _summary([v for p in parts for v in p["connect_ms"]]),
        },
        "messages": {
            "sent": sum(p["sent"] for p in parts),
            "accepted": len(accepted),
            "answered_ok": ok,
            # From sending a post to the server's answer: the write path alone.
            "answer_ms": _summary([v for p in parts for v in p["ack_ms"]]),
        },
        "errors": errors,
        "delivery": {
            "expected": expected,
            "delivered": delivered,
            "ratio": round(delivered / expected, 6) if expected else 0.0,
            "messages_reaching_everyone": sum(1 for n in received.values() if n >= connected),
        },
        "latency_ms": latency_summary(histogram, max(p["max_latency_ms"] for p in parts)),
        "frames_received": sum(p["frames"] for p in parts),
        # What the handshakes agreed, whatever the options said (a --url server decides).
        "compressed_connections": sum(p.get("compressed", 0) for p in parts),
        "bytes_received": sum(p["bytes"] for p in parts),
        "max_send_lag_ms": max((p["max_send_lag_ms"] for p in parts), default=0.0),
        "cpu_cores_used": cpu_split(cores, client_cpu / window),
        "window_seconds": round(window, 1),
    }


def _setup(options, env: dict[str, str], work_dir: Path) -> dict:
    out = work_dir / "manifest.json"
    command = [sys.executable, "-m", "bench.chat_setup", "--clients", str(options.clients)]
    subprocess.run([*command, "--out", str(out)], cwd=ROOT, env=env, check=True)
    return json.loads(out.read_text())


def run(options) -> dict:
    raise_file_limit()
    if options.posters > options.clients:
        raise SystemExit("--posters cannot exceed --clients.")
    if options.workers > 1 and not options.redis and not options.url:
        raise SystemExit(
            "Several workers share a chat only through Redis: add --redis, or use --workers 1."
        )
    server, sampler, max_rss = None, None, 0
    if options.url:
        if not options.manifest:
            raise SystemExit("--url needs --manifest (from python -m bench.chat_setup).")
        manifest = json.loads(Path(options.manifest).read_text())
        parts = urlsplit(options.url)
        host, port, database = parts.hostname, parts.port or 80, "unknown"
    else:
        postgres = options.postgres_url if options.db == "postgres" else None
        work_dir = Path(options.var_dir) / f"chat-{options.db}"
        target = resolve_target("chat", database_url=postgres, var_dir=work_dir)
        print(f"Creating the chat database ({target.name}) …", flush=True)
        recreate(target)
        described = {"database": target.vendor, "database_url": target.database_url}
        env = server_env(
            described | {"var_dir": str(work_dir)}, var_dir=work_dir, redis=options.redis
        )
        if options.server_compression:
            env["STAFFROOM_WS_COMPRESSION"] = "true"
        manifest = _setup(options, env, work_dir)
        host, port, database = "127.0.0.1", free_port(), target.vendor
        server = Server(env, port=port, workers=options.workers, log_path=work_dir / "server.log")
        server.start()
        print(f"Server up in {server.cold_start:.2f} s on port {port}", flush=True)
        sampler = RssSampler(server.process.pid)
        sampler.start()
    try:
        figures = drive(options, manifest, host, port, server.process.pid if server else None)
    finally:
        if sampler is not None:
            max_rss = sampler.stop()
        if server is not None:
            server.stop()
    result = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": report.commit(ROOT),
        "machine": report.machine(),
        "label": options.label,
        "note": options.note,
        "database": database,
        "redis": options.redis,
        "settings": {key: getattr(options, key) for key in SETTINGS}
        | {"compression": not options.no_compression, "batch": not options.no_batch},
        "server_max_rss_bytes": max_rss,
        **figures,
    }
    save(result, options)
    return result


def save(result: dict, options) -> None:
    results_dir = Path(options.results_dir)
    results_dir.mkdir(parents=True, exist_ok=True)
    name = f"{result['database']}{'-redis' if result['redis'] else ''}"
    name += f"-{result['settings']['workers']}w-{result['settings']['clients']}c"
    if options.label:
        name += "-" + "".join(c if c.isalnum() else "-" for c in options.label.lower())
    (results_dir / f"{name}.json").write_text(json.dumps(result, indent=2) + "\n")
    chat_report.write(results_dir, Path(options.results_file))


def describe(result: dict) -> str:
    d, lat, c = result["delivery"], result["latency_ms"], result["clients"]
    fmt = lambda v: "–" if v is None else f"{v:.1f}"  # noqa: E731
    return (
        f"clients {c['connected']}/{result['settings']['clients']} "
        f"(connect p95 {c['connect_ms']['p95']} ms, lost {c['lost']}); "
        f"messages sent {result['messages']['sent']}, accepted {result['messages']['accepted']} "
        f"(answered in p50 {result['messages']['answer_ms']['p50']} "
        f"p95 {result['messages']['answer_ms']['p95']} ms); "
        f"delivered {d['delivered']}/{d['expected']} ({100 * d['ratio']:.2f} %); "
        f"latency p50 {fmt(lat['p50'])} p95 {fmt(lat['p95'])} p99 {fmt(lat['p99'])} "
        f"max {fmt(lat['max'])} ms; errors {result['errors'] or 0}; "
        f"CPU cores {result['cpu_cores_used']}; server RSS "
        f"{result['server_max_rss_bytes'] / 2**20:.0f} MiB"
    )


def main(argv: list[str] | None = None) -> int:
    options = parser().parse_args(argv)
    result = run(options)
    print(describe(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
