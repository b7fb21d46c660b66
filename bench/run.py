"""One benchmark run: dataset, production server, scenarios, results."""

import asyncio
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from http.client import HTTPConnection
from pathlib import Path

from bench import dataset, load, report
from bench.scenarios import Scenario, scenarios_for

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"
DATABASES = {"sqlite": "sqlite", "postgres": "postgresql"}
HOST = "127.0.0.1"
START_TIMEOUT = 120.0
TICKS = os.sysconf("SC_CLK_TCK")
# Settings inherited from the shell would point the server somewhere else.
CLEARED_ENV = ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")


def dataset_dir(var_dir: Path, size: str, db: str) -> Path:
    return var_dir / f"{size}-{db}"


def ensure_dataset(size: str, db: str, var_dir: Path, *, postgres_url: str) -> dict:
    """Return the manifest of the dataset for size and db, generating it when missing or made
    by an older generator (another ``FORMAT``)."""
    out_dir = dataset_dir(var_dir, size, db)
    manifest_path = out_dir / "manifest.json"
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text())
        if (
            manifest.get("size") == size
            and manifest.get("database") == DATABASES[db]
            and manifest.get("format") == dataset.FORMAT
        ):
            print(f"Using the dataset in {out_dir}")
            return manifest
    print(f"Generating the {size} dataset on {db} in {out_dir} …", flush=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    # A child process, so the generator configures Django for its own database.
    command = [sys.executable, "-m", "bench", "generate", size, "--out", str(out_dir)]
    if db == "postgres":
        command += ["--database-url", postgres_url]
    subprocess.run(command, cwd=ROOT, env=base_env(), check=True)
    return json.loads(manifest_path.read_text())


def base_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STAFFROOM_")}
    for name in CLEARED_ENV:
        env.pop(name, None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def server_env(manifest: dict, *, var_dir: Path, redis: bool) -> dict[str, str]:
    """Return the production environment that points Staffroom at the dataset."""
    env = base_env()
    env.update(
        STAFFROOM_ENV="production",
        STAFFROOM_SECRET_KEY=secrets.token_urlsafe(50),
        STAFFROOM_ALLOWED_HOSTS=f"{HOST},localhost,testserver",
        # Plain HTTP on the loopback: nothing in front of the server terminates TLS.
        STAFFROOM_SSL_REDIRECT="0",
        STAFFROOM_VAR_DIR=str(manifest.get("var_dir") or var_dir),
        STAFFROOM_LOG_LEVEL="WARNING",
    )
    if manifest["database"] == "postgresql" or manifest.get("database_url"):
        env["DATABASE_URL"] = manifest["database_url"]
    if redis:
        env["REDIS_URL"] = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
        env["STAFFROOM_CACHE_PREFIX"] = f"bench-{secrets.token_hex(4)}"
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def process_tree(pid: int) -> list[int]:
    """Return pid and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo += children.get(current, [])
    return tree


def process_tree_rss(pid: int) -> int:
    """Return the summed VmRSS in bytes of pid and all its descendants."""
    total = 0
    for member in process_tree(pid):
        try:
            for line in Path(f"/proc/{member}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total


def _process_cpu(pid: int, *, children: bool = False) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    used = int(fields[11]) + int(fields[12])  # utime + stime
    if children:  # cutime + cstime: children that exited, such as finished database backends
        used += int(fields[13]) + int(fields[14])
    return used / TICKS


def service_names(database: str, redis: bool) -> tuple[str, ...]:
    """The process names of the services this run's stack uses (from /proc/<pid>/comm)."""
    return (("postgres",) if database == "postgresql" else ()) + (
        ("redis-server",) if redis else ()
    )


def service_pids(names: tuple[str, ...]) -> list[int]:
    """The processes of the local PostgreSQL and Redis servers (every backend included)."""
    if not names:
        return []
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if (entry / "comm").read_text().strip() in names:
                pids.append(int(entry.name))
        except OSError:
            continue
    return pids


def _pss(pid: int) -> int:
    """Proportional set size in bytes: shared pages (PostgreSQL's buffers) counted once overall."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def stack_pss(server_pid: int, services: tuple[str, ...]) -> int:
    """The whole stack's memory: the server tree and the database and cache servers."""
    return sum(_pss(pid) for pid in process_tree(server_pid) + service_pids(services))


def _machine_busy() -> float:
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    # user, nice, system, then irq, softirq, steal; idle and iowait are not busy.
    return (sum(values[0:3]) + sum(values[5:8])) / TICKS


class CpuMeter:
    """Split the machine's CPU time over the stretches it ran between server, the database and
    cache servers it uses (``services``), this client, and the rest.

    It runs from creation; ``pause`` and ``resume`` leave out the time between, so one meter can
    add up the phases of a scenario that are spread over several rounds.
    """

    def __init__(self, server_pid: int, services: tuple[str, ...] = ()) -> None:
        self.server_pid, self.services = server_pid, services
        self.spent = (0.0,) * 5
        self.started: tuple[float, ...] | None = self._read()

    def _read(self) -> tuple[float, float, float, float, float]:
        server = sum(_process_cpu(pid) for pid in process_tree(self.server_pid))
        services = sum(_process_cpu(pid, children=True) for pid in service_pids(self.services))
        client = sum(os.times()[:2])
        return time.perf_counter(), _machine_busy(), server, services, client

    def _total(self) -> tuple[float, ...]:
        if self.started is None:
            return self.spent
        now = self._read()
        return tuple(t + b - a for t, a, b in zip(self.spent, self.started, now, strict=True))

    def pause(self) -> None:
        self.spent, self.started = self._total(), None

    def resume(self) -> None:
        if self.started is None:
            self.started = self._read()

    def cores(self) -> dict[str, float]:
        """Return the average number of cores each used while the meter ran."""
        wall, busy, server, services, client = self._total()
        # A backend that exits between two readings moves its time to its parent's children
        # total; clamp the rare case where that makes the difference negative.
        services = max(0.0, services)
        other = max(0.0, busy - server - services - client)
        used = {"server": server, "client": client, "other": other}
        if self.services:
            used["services"] = services
        return {name: round(seconds / wall, 2) for name, seconds in used.items()}


class RssSampler(threading.Thread):
    """Sample the server's RSS, and the whole stack's PSS, twice a second; keep the highest."""

    def __init__(self, pid: int, services: tuple[str, ...] = ()) -> None:
        super().__init__(daemon=True)
        self.pid, self.services = pid, services
        self.max_bytes = self.max_stack_bytes = 0
        self._stop_event = threading.Event()

    def _sample(self) -> None:
        self.max_bytes = max(self.max_bytes, process_tree_rss(self.pid))
        self.max_stack_bytes = max(self.max_stack_bytes, stack_pss(self.pid, self.services))

    def run(self) -> None:
        while not self._stop_event.wait(0.5):
            self._sample()

    def stop(self) -> int:
        self._stop_event.set()
        self.join()
        self._sample()
        return self.max_bytes


class Server:
    """`staffroom serve` in a process group of its own, timed from spawn to first 200."""

    def __init__(self, env: dict[str, str], *, port: int, workers: int, log_path: Path) -> None:
        self.env, self.port, self.workers, self.log_path = env, port, workers, log_path
        self.process: subprocess.Popen | None = None
        self.cold_start = 0.0

    def start(self) -> None:
        command = [sys.executable, "-m", "staffroom.cli", "serve", "--host", HOST]
        command += ["--port", str(self.port), "--workers", str(self.workers)]
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("wb")
        started = time.perf_counter()
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        while not self._healthy():
            if self.process.poll() is not None:
                tail = self.log_path.read_text(errors="replace")[-2000:]
                raise SystemExit(f"The server exited early ({self.log_path}):\n{tail}")
            if time.perf_counter() - started > START_TIMEOUT:
                self.stop()
                raise SystemExit(f"The server did not answer in time; see {self.log_path}")
            time.sleep(0.01)
        self.cold_start = time.perf_counter() - started

    def _healthy(self) -> bool:
        connection = HTTPConnection(HOST, self.port, timeout=2)
        try:
            connection.request("GET", "/healthz")
            return connection.getresponse().status == 200
        except OSError:
            return False
        finally:
            connection.close()

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def migrate(env: dict[str, str]) -> None:
    """Bring a dataset made at an older commit to this commit's schema, as a deployment does:
    a reused dataset would otherwise be measured without the newest indexes."""
    command = [sys.executable, "-m", "staffroom.cli", "migrate", "--no-input", "--verbosity", "0"]
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def cost(env: dict[str, str], work_dir: Path) -> dict[str, dict]:
    """Count queries and bytes per scenario in a child process with the server's settings."""
    manifest_path, out_path = work_dir / "manifest.json", work_dir / "costs.json"
    command = [sys.executable, "-m", "bench", "cost", str(manifest_path), str(out_path)]
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    return json.loads(out_path.read_text())


def _summary(phase: load.Phase) -> dict:
    return {
        "p50_ms": _ms(load.percentile(phase.latencies, 0.50)),
        "p95_ms": _ms(load.percentile(phase.latencies, 0.95)),
        "p99_ms": _ms(load.percentile(phase.latencies, 0.99)),
        "max_ms": _ms(max(phase.latencies, default=None)),
        "samples": phase.completed,
        "errors": phase.errors,
        "statuses": {str(k): v for k, v in sorted(phase.statuses.items())},
        "client_cpu": round(phase.client_cpu, 3),
    }


def _round(phase: load.Phase) -> dict:
    summary = _summary(phase)
    return {key: summary[key] for key in ("p50_ms", "p95_ms", "p99_ms", "samples")}


def _ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 2)


async def measure(
    scenarios: list[Scenario],
    manifest: dict,
    *,
    server: Server,
    options,
    services: tuple[str, ...] = (),
) -> list[dict]:
    """Run every scenario: saturation with a closed loop, then latency at a fixed rate."""
    port = server.port
    anonymous = [load.VirtualUser(HOST, port) for _ in range(options.connections)]
    members = [load.VirtualUser(HOST, port) for _ in range(options.connections)]

    async def spread(users: list[load.VirtualUser]) -> list[int]:
        counts = await load.balance(users, port=port, pids=process_tree(server.process.pid))
        if not counts or counts[-1] - counts[0] > 1:
            print(f"  (connections unevenly spread over workers: {counts})", flush=True)
        return counts

    if any(s.signed_in for s in scenarios):
        users = manifest["users"]
        for index, member in enumerate(members):
            await member.sign_in(users[index % len(users)]["email"], manifest["password"])
    # One request per connection and scenario first, so no phase pays for a worker's first
    # template compilation or database connection.
    for scenario in scenarios:
        users = members if scenario.signed_in else anonymous
        await asyncio.gather(*(user.get(scenario.paths[0]) for user in users))
    # Round one measures each scenario's saturation and then its latency at half of it; every
    # further round measures each latency phase again, at the same rate, in the same order.
    # Pooling the rounds spreads every scenario, F1 included, over the whole run, so a
    # disturbance of a few seconds (a collection, another process) cannot decide a ratio alone.
    saturations: dict[str, load.Phase] = {}
    spreads: dict[str, list[int]] = {}
    rates: dict[str, float] = {}
    latencies: dict[str, list[load.Phase]] = {s.name: [] for s in scenarios}
    meters: dict[str, CpuMeter] = {}
    for round_number in range(1, options.rounds + 1):
        for scenario in scenarios:
            users = members if scenario.signed_in else anonymous
            if round_number == 1:
                spreads[scenario.name] = await spread(users)
                meters[scenario.name] = CpuMeter(server.process.pid, services)
                saturation = saturations[scenario.name] = await load.closed_loop(
                    users,
                    load.rotation(scenario.paths),
                    seconds=options.duration,
                    warmup=options.warmup,
                )
                rates[scenario.name] = options.rate or max(1.0, 0.5 * saturation.throughput)
            await spread(users)
            meter = meters[scenario.name]
            meter.resume()
            phase = await load.open_loop(
                users,
                load.rotation(scenario.paths),
                rate=rates[scenario.name],
                seconds=options.duration,
            )
            meter.pause()
            latencies[scenario.name].append(phase)
            p95 = load.percentile(phase.latencies, 0.95)
            print(
                f"  round {round_number}/{options.rounds} {scenario.title:<28} "
                + (
                    f"{saturations[scenario.name].throughput:7.0f} req/s   "
                    if round_number == 1
                    else ""
                )
                + f"p95 {_ms(p95)} ms at {rates[scenario.name]:.0f} req/s",
                flush=True,
            )
    results = []
    for scenario in scenarios:
        rounds = latencies[scenario.name]
        latency = load.merge(rounds)
        summary = _summary(latency) | {
            "rate": round(rates[scenario.name], 2),
            "max_send_lag_ms": _ms(max(latency.send_lag, default=0.0)),
            "rounds": [_round(phase) for phase in rounds],
        }
        saturation = saturations[scenario.name]
        results.append(
            {
                "name": scenario.name,
                "title": scenario.title,
                "signed_in": scenario.signed_in,
                "urls": len(scenario.paths),
                "saturation": _summary(saturation)
                | {
                    "rps": round(saturation.throughput, 1),
                    "connections_per_worker": spreads[scenario.name],
                },
                "latency": summary,
                "cpu_cores_used": meters[scenario.name].cores(),
            }
        )
        print(
            f"  {scenario.title:<28} {saturation.throughput:7.0f} req/s   "
            f"p50 {summary['p50_ms']} p95 {summary['p95_ms']} p99 {summary['p99_ms']} ms "
            f"over {len(rounds)} rounds; other processes "
            f"{results[-1]['cpu_cores_used']['other']} cores",
            flush=True,
        )
    for user in anonymous + members:
        user.close()
    return results


def _event_loop():
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


def run(options) -> dict:
    """Run the benchmark described by the command-line options and write its results."""
    var_dir = Path(options.var_dir)
    manifest = ensure_dataset(options.size, options.db, var_dir, postgres_url=options.postgres_url)
    work_dir = dataset_dir(var_dir, options.size, options.db)
    env = server_env(manifest, var_dir=work_dir, redis=options.redis)
    scenarios = scenarios_for(manifest)
    if options.scenarios:
        wanted = set(options.scenarios.split(","))
        unknown = wanted - {s.name for s in scenarios}
        if unknown:
            raise SystemExit(f"Unknown scenarios: {', '.join(sorted(unknown))}")
        scenarios = [s for s in scenarios if s.name in wanted or s.name == "f1"]

    migrate(env)
    server = Server(
        env,
        port=options.port or free_port(),
        workers=options.workers,
        log_path=work_dir / "server.log",
    )
    server.start()
    print(f"Server up in {server.cold_start:.2f} s on port {server.port}", flush=True)
    services = service_names(manifest["database"], options.redis)
    sampler = RssSampler(server.process.pid, services)
    sampler.start()
    try:
        costs = cost(env, work_dir)
        broken = {n: c["statuses"] for n, c in costs.items() if c["statuses"] != [200]}
        if broken:
            raise SystemExit(f"Some scenario URLs do not answer 200: {broken}")
        load_average = float(Path("/proc/loadavg").read_text().split()[0])
        meter = CpuMeter(server.process.pid, services)
        with asyncio.Runner(loop_factory=_event_loop()) as runner:
            measured = runner.run(
                measure(scenarios, manifest, server=server, options=options, services=services)
            )
        cores = meter.cores()
    finally:
        max_rss = sampler.stop()
        server.stop()
    for scenario in measured:
        scenario |= {k: costs[scenario["name"]][k] for k in ("queries", "bytes")}
    result = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": report.commit(ROOT),
        "machine": report.machine(),
        "size": options.size,
        "database": manifest["database"],
        "redis": options.redis,
        "counts": manifest.get("counts", {}),
        "load_seconds": manifest.get("load_seconds", 0),
        "settings": {
            "workers": options.workers,
            "connections": options.connections,
            "duration": options.duration,
            "rounds": options.rounds,
            "warmup": options.warmup,
            "rate": options.rate,
        },
        "cold_start_seconds": round(server.cold_start, 3),
        "max_rss_bytes": max_rss,
        "max_stack_bytes": sampler.max_stack_bytes,
        "services": list(services),
        "load_average_before": load_average,
        "cpu_cores_used": cores,
        "scenarios": measured,
        "costs": costs,
    }
    results_dir = Path(options.results_dir)
    results_dir.mkdir(parents=True, exist_ok=True)
    name = f"{options.size}-{options.db}{'-redis' if options.redis else ''}.json"
    (results_dir / name).write_text(json.dumps(result, indent=2) + "\n")
    text = report.write_results(results_dir, Path(options.results_file))
    print()
    print(text)
    return result
