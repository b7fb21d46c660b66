"""The live chat load script, end to end, at a tiny size: it keeps working."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


# The server declines permessage-deflate unless STAFFROOM_WS_COMPRESSION says otherwise;
# with it, the client inflates every frame (as browsers do).
@pytest.mark.parametrize("server_compression", [False, True], ids=["plain", "deflate"])
def test_a_tiny_chat_load_delivers_every_message_and_writes_the_table(tmp_path, server_compression):
    results_dir, results_file = tmp_path / "results", tmp_path / "RESULTS.md"
    results_file.write_text("# Benchmark results\n\n## S · SQLite\n\nearlier tables stay\n")
    command = [
        sys.executable, "-m", "bench.chat_load", "--clients", "20", "--posters", "5",
        "--rate", "5", "--duration", "2", "--drain", "1.5", "--ramp", "200",
        "--client-processes", "2", "--label", "smoke", "--var-dir", str(tmp_path / "var"),
        "--results-dir", str(results_dir), "--results-file", str(results_file),
    ]  # fmt: skip
    if server_compression:
        command.append("--server-compression")

    finished = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)

    assert finished.returncode == 0, finished.stdout[-3000:] + finished.stderr[-3000:]
    (result_path,) = results_dir.glob("*.json")
    result = json.loads(result_path.read_text())
    assert result["clients"]["connected"] == 20
    assert result["compressed_connections"] == (20 if server_compression else 0)
    assert result["messages"]["sent"] == result["messages"]["accepted"] == 10
    assert result["errors"] == {}
    assert result["delivery"] == {
        "expected": 200,
        "delivered": 200,
        "ratio": 1.0,
        "messages_reaching_everyone": 10,
    }
    latency = result["latency_ms"]
    assert 0 < latency["p50"] <= latency["p95"] <= latency["p99"] <= latency["max"] + 0.1
    assert result["server_max_rss_bytes"] > 0
    assert result["cpu_cores_used"]["server"] > 0
    table = results_file.read_text()
    assert "earlier tables stay" in table
    assert "## Live chat load" in table
    assert "| 20/20 | 5 · 5/s | 200/200 (100.00 %) |" in table
    assert ("deflate" in table) is server_compression
