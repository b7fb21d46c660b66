"""The results table, the targets it is held to, and the machine it came from."""

import json
import os
import subprocess
from pathlib import Path

from bench import chat_report

SIZES = ("tiny", "S", "M")
DATABASE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
THREAD_PAGES = ("thread", "thread_signed_in", "hot_first")
MAX_THREAD_QUERIES = 8
MAX_COLD_START = 3.0
MAX_RSS = 10**9
MAX_SEARCH_P95_MS = 50.0
MAX_SCALING = 1.3
MIN_SAMPLES = 100
NOISY_OTHER_CORES = 0.25
FLOOR_SPREAD = 4.0  # F1 p95 above this many times its p50 means the floor was disturbed
SHOWN_COUNTS = (
    "users",
    "communities",
    "memberships",
    "threads",
    "posts",
    "resources",
    "search_documents",
)

HEADER = """# Benchmark results

Written by `python -m bench run` (see [README.md](README.md) for what each number means and
how it is measured); do not edit by hand. Latency is measured at a fixed offered rate, half of
each scenario's own saturation throughput unless `--rate` says otherwise, and timed from the
moment each request was due, so a slow server cannot hide behind a slow client.
"""


def machine() -> dict:
    """Describe the CPU and memory of this machine from /proc."""
    cpu, cores, memory = "unknown CPU", os.cpu_count() or 0, 0
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = int(line.split()[1]) * 1024
    except OSError:
        pass
    return {"cpu": cpu, "cores": cores, "memory_bytes": memory}


RESULTS_PATHS = (":(exclude)bench/results", ":(exclude)bench/RESULTS.md")


def commit(root: Path) -> str:
    """Return the short commit hash, marked when the checkout has uncommitted changes."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True
        ).stdout.strip()
        # The results a run writes are not the code it measured: a second run on the same
        # commit is still that commit.
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no", "--", ".", *RESULTS_PATHS],
            cwd=root,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        return "unknown"
    return (head or "unknown") + ("-dirty" if dirty else "")


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _ratio(value: float | None, floor: float | None) -> str:
    return "–" if value is None or not floor else f"{value / floor:.1f}×"


def _mib(value: int) -> str:
    return f"{value / 2**20:.0f} MiB"


def p95(result: dict, name: str) -> float | None:
    scenario = next((s for s in result["scenarios"] if s["name"] == name), None)
    return scenario["latency"]["p95_ms"] if scenario else None


def floor_disturbed(result: dict) -> bool:
    """Whether F1's own p95 is far above its p50: something slowed the floor's phase, and
    every ratio divided by it would flatter the pages."""
    f1 = next((s for s in result["scenarios"] if s["name"] == "f1"), None)
    if f1 is None or not f1["latency"]["p50_ms"]:
        return False
    return f1["latency"]["p95_ms"] > FLOOR_SPREAD * f1["latency"]["p50_ms"]


def _noisy(measured: dict) -> bool:
    return measured.get("cpu_cores_used", {}).get("other", 0.0) > NOISY_OTHER_CORES


def _round_p95s(latency: dict) -> str:
    rounds = latency.get("rounds") or []
    return " / ".join(_ms(r["p95_ms"]) for r in rounds) if len(rounds) > 1 else "–"


def table(result: dict) -> list[str]:
    """Return the Markdown rows of one run's table."""
    floor = p95(result, "f1")
    rows = [
        "| scenario | req/s | p50 (ms) | p95 (ms) | p99 (ms) | p95 ÷ F1 p95 | p95 of each round (ms) "
        "| SQL queries | bytes |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for s in result["scenarios"]:
        latency = s["latency"]
        mark = " †" if _noisy(s) else ""
        rows.append(
            f"| {s['title']}{mark} | {s['saturation']['rps']:.0f} | {_ms(latency['p50_ms'])} "
            f"| {_ms(latency['p95_ms'])} | {_ms(latency['p99_ms'])} "
            f"| {_ratio(latency['p95_ms'], floor)} | {_round_p95s(latency)} "
            f"| {s['queries']} | {s['bytes']:,} |"
        )
    return rows


def _check(label: str, value: float | None, limit: float, shown: str, applies=True) -> tuple:
    if value is None:
        return (label, "not measured", None)
    return (label, shown, (value <= limit) if applies else None)


def targets(result: dict, smaller: dict | None = None) -> list[tuple[str, str, bool | None]]:
    """Return (target, measured, passed) triples; passed is None where a target does not apply."""
    floor = p95(result, "f1")
    checks = []
    for name in THREAD_PAGES:
        scenario = next((s for s in result["scenarios"] if s["name"] == name), None)
        if scenario is None:
            continue
        value = scenario["latency"]["p95_ms"]
        ratio = value / floor if value is not None and floor else None
        title = scenario["title"]
        disturbed = floor_disturbed(result)
        shown = f"{ratio or 0:.2f}× F1" + (" (F1 disturbed: not judged)" if disturbed else "")
        checks.append(_check(f"{title}: p95 ≤ 3× F1 p95", ratio, 3.0, shown, applies=not disturbed))
        checks.append(
            _check(
                f"{title}: ≤ {MAX_THREAD_QUERIES} SQL queries",
                scenario["queries"],
                MAX_THREAD_QUERIES,
                f"{scenario['queries']} queries",
            )
        )
    first, last = p95(result, "hot_first"), p95(result, "hot_last")
    if first and last is not None:
        checks.append(
            _check(
                "hot thread: last page p95 ≤ 1.5× first page p95",
                last / first,
                1.5,
                f"{last / first:.2f}×",
            )
        )
    search = p95(result, "search")
    at_scale = result["database"] == "postgresql" and result["size"] == "M"
    checks.append(
        _check(
            "search p95 ≤ 50 ms (PostgreSQL at M)",
            search,
            MAX_SEARCH_P95_MS,
            f"{_ms(search)} ms" + ("" if at_scale else " (applies to PostgreSQL at M)"),
            applies=at_scale,
        )
    )
    cold = result["cold_start_seconds"]
    checks.append(_check("cold start ≤ 3 s", cold, MAX_COLD_START, f"{cold:.2f} s"))
    stack = result.get("max_stack_bytes")
    if stack:
        label = "whole stack ≤ 1 GB (" + " + ".join(_stack_parts(result)) + ")"
        checks.append(_check(label, stack, MAX_RSS, _mib(stack)))
    else:  # runs from before the stack was measured
        rss = result["max_rss_bytes"]
        checks.append(_check("server RSS ≤ 1 GB", rss, MAX_RSS, _mib(rss)))
    if smaller is not None:
        for s in result["scenarios"]:
            before = p95(smaller, s["name"])
            now = s["latency"]["p95_ms"]
            if before and now is not None:
                checks.append(
                    _check(
                        f"{s['title']}: p95({result['size']}) ≤ 1.3× p95({smaller['size']})",
                        now / before,
                        MAX_SCALING,
                        f"{now / before:.2f}×",
                    )
                )
    return checks


SERVICE_NAMES = {"postgres": "PostgreSQL", "redis-server": "Redis"}


def _stack_parts(result: dict) -> list[str]:
    return ["server", *(SERVICE_NAMES.get(n, n) for n in result.get("services", []))]


def _cpu_line(result: dict) -> str:
    cores = result.get("cpu_cores_used")
    if not cores:
        return ""
    services = ""
    if "services" in cores:
        names = " and ".join(_stack_parts(result)[1:])
        services = f"{names} {cores['services']:.2f}, "
    return (
        f"CPU while loading, in cores: server {cores['server']:.2f}, {services}"
        f"client {cores['client']:.2f}, other processes {cores['other']:.2f} (load average "
        f"before: {result['load_average_before']:.2f})"
    )


def _latency_phases(settings: dict) -> str:
    rounds = settings.get("rounds", 1)
    if rounds == 1:
        return f"{settings['duration']:g} s"
    return (
        f"{rounds} rounds of {settings['duration']:g} s (every scenario in turn, each round; "
        "percentiles pool the rounds)"
    )


def _mark(passed: bool | None) -> str:
    return {True: "pass", False: "FAIL", None: "n/a"}[passed]


def section(result: dict, smaller: dict | None = None) -> list[str]:
    """Return the Markdown section for one run: context, table, start-up, memory and targets."""
    m = result["machine"]
    settings = result["settings"]
    database = DATABASE_NAMES.get(result["database"], result["database"])
    counts = ", ".join(
        f"{result['counts'][name]:,} {name.replace('_', ' ')}"
        for name in SHOWN_COUNTS
        if name in result.get("counts", {})
    )
    rate = (
        f"{settings['rate']:g} req/s for every scenario"
        if settings.get("rate")
        else "half of each scenario's saturation"
    )
    lines = [
        f"## {result['size']} · {database}{' + Redis' if result['redis'] else ''}",
        "",
        f"- date: {result['date']} · commit: `{result['commit']}`",
        f"- machine: {m['cpu']}, {m['cores']} cores, {m['memory_bytes'] / 2**30:.1f} GiB memory",
        f"- dataset: {counts or 'no counts'} (loaded in {result.get('load_seconds', 0):.0f} s)",
        f"- server: `staffroom serve --workers {settings['workers']}`, production settings; "
        f"client: {settings['connections']} keep-alive connections on the same machine, "
        f"{settings['duration']:g} s at saturation then {_latency_phases(settings)} at {rate}",
        "",
        *table(result),
        "",
        f"Cold start (spawn → first 200 on /healthz): {result['cold_start_seconds']:.2f} s  ",
        f"Max RSS of the server process tree: {_mib(result['max_rss_bytes'])}  ",
        *(
            [
                f"Whole stack at its largest ({', '.join(_stack_parts(result))}; proportional "
                f"set size, so shared memory counts once): {_mib(result['max_stack_bytes'])}  "
            ]
            if result.get("max_stack_bytes")
            else []
        ),
        _cpu_line(result),
        "",
    ]
    if _noisy(result):
        other = result["cpu_cores_used"]["other"]
        marked = any("cpu_cores_used" in s for s in result["scenarios"])
        where = (
            f"more than {NOISY_OTHER_CORES} during the scenarios marked †"
            if marked
            else "scenarios not told apart"
        )
        lines += [
            f"**Noisy run:** other processes used {other:.2f} of {m['cores']} cores on average "
            f"while it loaded ({where}); the figures are pessimistic. Repeat on a quiet "
            "machine.",
            "",
        ]
    if floor_disturbed(result):
        f1 = result["scenarios"][0]["latency"]
        lines += [
            f"**F1 disturbed:** its p95 ({_ms(f1['p95_ms'])} ms) is more than "
            f"{FLOOR_SPREAD:g}× its p50 ({_ms(f1['p50_ms'])} ms), so the ratios above flatter "
            "the pages and the ratio targets are not judged. Repeat the run.",
            "",
        ]
    few = [
        f"{s['title']} ({s['latency']['samples']})"
        for s in result["scenarios"]
        if s["latency"]["samples"] < MIN_SAMPLES
    ]
    if few:
        note = f"Fewer than {MIN_SAMPLES} latency samples, so p99 is near the maximum: "
        lines += [note + ", ".join(few), ""]
    failed = [
        f"{s['title']}: {s['saturation']['errors'] + s['latency']['errors']} errors"
        for s in result["scenarios"]
        if s["saturation"]["errors"] or s["latency"]["errors"]
    ]
    if failed:
        lines += ["Requests that did not answer 200: " + "; ".join(failed), ""]
    lines += ["| target | measured | result |", "|---|--:|---|"]
    lines += [f"| {t} | {v} | {_mark(p)} |" for t, v, p in targets(result, smaller)]
    return [*lines, ""]


def _order(result: dict) -> tuple:
    databases = list(DATABASE_NAMES)
    database = databases.index(result["database"]) if result["database"] in databases else 9
    size = SIZES.index(result["size"]) if result["size"] in SIZES else len(SIZES)
    return (database, result["redis"], size)


def load_results(results_dir: Path) -> list[dict]:
    results = [json.loads(path.read_text()) for path in sorted(results_dir.glob("*.json"))]
    return sorted(results, key=_order)


def _smaller(result: dict, results: list[dict]) -> dict | None:
    # Scaling is judged M against S on the same database and cache.
    if result["size"] != "M":
        return None
    return next(
        (
            r
            for r in results
            if r["size"] == "S"
            and r["database"] == result["database"]
            and r["redis"] == result["redis"]
        ),
        None,
    )


def _same_setup(a: dict, b: dict) -> bool:
    return (a["size"], a["database"], a["redis"]) == (b["size"], b["database"], b["redis"])


def before_and_after(before: dict, after: dict) -> list[str]:
    """Compare a kept earlier run with the newest run of the same size, database and cache.

    The two may come from different machines, so each time is shown beside its own run's F1
    floor: the ratios and the query counts compare, the milliseconds only within a run.
    """
    database = DATABASE_NAMES.get(after["database"], after["database"])
    floors = p95(before, "f1"), p95(after, "f1")
    lines = [
        f"### {after['size']} · {database}{' + Redis' if after['redis'] else ''}",
        "",
        f"- before: {before['date']} · `{before['commit']}` · {before['machine']['cpu']}, "
        f"F1 p95 {_ms(floors[0])} ms",
        f"- after: {after['date']} · `{after['commit']}` · {after['machine']['cpu']}, "
        f"F1 p95 {_ms(floors[1])} ms",
        "",
        "| scenario | p95 before (ms, ÷ F1) | p95 after (ms, ÷ F1) | SQL queries | bytes |",
        "|---|--:|--:|--:|--:|",
    ]
    earlier = {s["name"]: s for s in before["scenarios"]}
    for s in after["scenarios"]:
        was = earlier.get(s["name"])
        if was is None or s["name"] == "f1":
            continue
        old, new = was["latency"]["p95_ms"], s["latency"]["p95_ms"]
        lines.append(
            f"| {s['title']} | {_ms(old)} ({_ratio(old, floors[0])}) "
            f"| {_ms(new)} ({_ratio(new, floors[1])}) "
            f"| {was['queries']} → {s['queries']} | {was['bytes']:,} → {s['bytes']:,} |"
        )
    cold = before["cold_start_seconds"], after["cold_start_seconds"]
    lines += ["", f"Cold start {cold[0]:.2f} s → {cold[1]:.2f} s.", ""]
    return lines


def _history(results_dir: Path, results: list[dict]) -> list[str]:
    """The "before and after" section: runs kept in results/before/ against the newest."""
    kept = load_results(results_dir / "before") if (results_dir / "before").is_dir() else []
    pairs = [
        (before, after)
        for before in kept
        for after in results
        if _same_setup(before, after) and after["commit"] != before["commit"]
    ]
    if not pairs:
        return []
    lines = [
        "## Before and after",
        "",
        "Earlier runs kept in `results/before/` (copy a run's JSON there before a change), "
        "beside the newest run of the same size, database and cache.",
        "",
    ]
    for before, after in pairs:
        lines += before_and_after(before, after)
    return lines


def write_results(results_dir: Path, results_file: Path) -> str:
    """Rewrite the results file from every JSON result in results_dir; return its text.

    The live chat section (bench.chat_load) is kept: it has results of its own.
    """
    results = load_results(results_dir)
    lines = [HEADER]
    for result in results:
        lines += section(result, _smaller(result, results))
    if not results:
        lines.append("No results yet: run `python -m bench run --size S --db sqlite`.\n")
    lines += _history(results_dir, results)
    text = "\n".join(lines).rstrip() + "\n"
    results_file.parent.mkdir(parents=True, exist_ok=True)
    results_file.write_text(text)
    if (results_dir / "chat").is_dir():
        chat_report.write(results_dir / "chat", results_file)
        text = results_file.read_text()
    return text
