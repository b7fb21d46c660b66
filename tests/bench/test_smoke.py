"""The whole benchmark harness, end to end, on the tiny dataset with half-second phases."""

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_tiny_run_measures_every_scenario_and_writes_the_table(tmp_path):
    results_file = tmp_path / "RESULTS.md"
    command = [
        sys.executable, "-m", "bench", "run", "--size", "tiny", "--db", "sqlite",
        "--duration", "0.3", "--rounds", "2", "--warmup", "0", "--rate", "10", "--connections", "2",
        "--workers", "2", "--var-dir", str(tmp_path / "var"),
        "--results-dir", str(tmp_path / "results"), "--results-file", str(results_file),
    ]  # fmt: skip

    finished = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)

    assert finished.returncode == 0, finished.stdout[-3000:] + finished.stderr[-3000:]
    result = json.loads((tmp_path / "results" / "tiny-sqlite.json").read_text())
    assert result["cold_start_seconds"] > 0
    assert result["max_rss_bytes"] > 0
    names = [scenario["name"] for scenario in result["scenarios"]]
    assert names[0] == "f1"
    assert {"thread", "search", "hot_last", "thread_signed_in", "library", "resource"} <= set(names)
    for scenario in result["scenarios"]:
        assert scenario["saturation"]["rps"] > 0, scenario["name"]
        assert scenario["saturation"]["errors"] == 0, scenario["name"]
        assert scenario["latency"]["errors"] == 0, scenario["name"]
        for key in ("p50_ms", "p95_ms", "p99_ms"):
            assert scenario["latency"][key] > 0, (scenario["name"], key)
        # Two fixed-rate rounds, pooled: every sample of each round is in the percentiles.
        rounds = scenario["latency"]["rounds"]
        assert len(rounds) == 2, scenario["name"]
        assert all(r["samples"] > 0 for r in rounds), scenario["name"]
        assert scenario["latency"]["samples"] == sum(r["samples"] for r in rounds)
        assert scenario["queries"] >= (0 if scenario["name"] == "f1" else 1), scenario["name"]
        assert scenario["bytes"] > 0, scenario["name"]
    table = results_file.read_text()
    assert "| scenario | req/s | p50 (ms) | p95 (ms) | p99 (ms) | p95 ÷ F1 p95 |" in table
    assert "2 rounds of 0.3 s" in table
    f1_rounds = " / ".join(
        f"{r['p95_ms']:.1f}" for r in result["scenarios"][0]["latency"]["rounds"]
    )
    assert f"| {f1_rounds} |" in table
    for scenario in result["scenarios"]:
        # A scenario run while other processes were busy is marked with a dagger.
        assert re.search(rf"\| {re.escape(scenario['title'])}( †)? \|", table), scenario["name"]
    assert "Cold start" in table
    assert "Max RSS" in table
