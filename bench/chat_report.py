"""The "Live chat load" section of bench/RESULTS.md, from the JSON of every chat run."""

import json
from pathlib import Path

BEGIN = "<!-- live chat load: written by python -m bench.chat_load -->"
END = "<!-- end of live chat load -->"
GOAL_P99_MS = 250.0

INTRO = """## Live chat load

Written by `python -m bench.chat_load` (see [README.md](README.md#live-chat-load)). N
WebSocket clients join one live chat; some of them post answers at a fixed rate, in bursts,
and every client times each message from the moment its poster sent it. *Delivered* counts
(message, reader) pairs: every accepted message should reach every connected client. The
goal on this two-core machine: 100 % delivery and p99 ≤ 250 ms at 3,000 clients.
"""


def _configuration(result: dict) -> str:
    settings = result["settings"]
    database = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(result["database"], "?")
    layer = "Redis" if result["redis"] else "in-memory layer"
    compressed = result.get("compressed_connections")
    if compressed is None:  # runs from before the handshakes were counted
        compressed = settings.get("compression", True)
    deflate = ", deflate" if compressed else ", no compression"
    batch = ", batched frames" if settings.get("batch", False) else ", one event per frame"
    return f"{settings['workers']} worker(s), {database}, {layer}{batch}{deflate}"


def _machine(machine: dict) -> str:
    cpu = machine.get("cpu", "?").replace("(R)", "").replace(" Processor", "")
    memory = machine.get("memory_bytes", 0) / 2**30
    return f"{cpu}, {machine.get('cores', '?')} cores, {memory:.0f} GiB"


def _row(result: dict) -> str:
    s, d, lat = result["settings"], result["delivery"], result["latency_ms"]
    cores = result.get("cpu_cores_used", {})
    goal = d["ratio"] >= 1.0 and lat["p99"] is not None and lat["p99"] <= GOAL_P99_MS
    cells = [
        result["date"][:10],
        f"`{result['commit']}`",
        _machine(result.get("machine") or {}),
        result.get("label") or "–",
        _configuration(result),
        f"{result['clients']['connected']:,}/{s['clients']:,}",
        f"{s['posters']} · {s['rate']:g}/s",
        f"{d['delivered']:,}/{d['expected']:,} ({100 * d['ratio']:.2f} %)",
        " / ".join("–" if lat[k] is None else f"{lat[k]:.0f}" for k in ("p50", "p95", "p99")),
        f"{lat['max']:.0f}" if lat["max"] is not None else "–",
        f"{result['clients']['connect_ms']['p95']:.0f}",
        str(sum(result["errors"].values())),
        f"{cores.get('server', 0):.2f} / {cores.get('client', 0):.2f}",
        f"{result['server_max_rss_bytes'] / 2**20:.0f}",
        "yes" if goal else "no",
    ]
    return "| " + " | ".join(cells) + " |"


def section(results_dir: Path) -> str:
    """Return the section's Markdown, between its markers."""
    results = [json.loads(p.read_text()) for p in sorted(Path(results_dir).glob("*.json"))]
    results.sort(key=lambda r: (r["date"], r["settings"]["clients"]))
    lines = [BEGIN, INTRO]
    if results:
        # Sessions run on different machines; compare rows of the same machine only.
        lines.append("Server and clients run on the same machine, named in each row.")
        lines.append("")
        lines.append(
            "| date | commit | machine | run | server | clients | posters · rate | delivered | "
            "p50 / p95 / p99 (ms) | max (ms) | connect p95 (ms) | errors | "
            "CPU cores server / client | server RSS (MiB) | goal met |"
        )
        lines.append("|---|---|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|")
        lines += [_row(r) for r in results]
        notes = [
            f"- {r['date'][:10]} {r.get('label') or ''}: {r['note']}"
            for r in results
            if r.get("note")
        ]
        if notes:
            lines += ["", *notes]
    else:
        lines.append("No chat runs yet: `python -m bench.chat_load --clients 3000`.")
    lines.append(END)
    return "\n".join(lines) + "\n"


def write(results_dir: Path, results_file: Path) -> str:
    """Put the section into the results file, replacing the previous one."""
    text = results_file.read_text() if results_file.exists() else "# Benchmark results\n"
    new = section(results_dir)
    if BEGIN in text and END in text:
        before, rest = text.split(BEGIN, 1)
        after = rest.split(END, 1)[1].lstrip("\n")
        text = before + new + ("\n" + after if after else "")
    else:
        text = text.rstrip("\n") + "\n\n" + new
    results_file.write_text(text)
    return new
