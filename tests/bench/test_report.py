"""The results file: a kept earlier run beside the newest, and the chat section left alone."""

import json
import shutil
from pathlib import Path

from bench import chat_report, report

ROOT = Path(__file__).resolve().parents[2]
KEPT = ROOT / "bench" / "results" / "before" / "S-sqlite-1d40b50.json"


def test_a_kept_run_is_compared_with_the_newest_and_the_chat_section_survives(tmp_path):
    results = tmp_path / "results"
    (results / "before").mkdir(parents=True)
    shutil.copy(KEPT, results / "before" / KEPT.name)
    after = json.loads(KEPT.read_text())
    after["commit"], after["date"] = "abc1234", "2026-12-01 10:00 UTC"
    thread = next(s for s in after["scenarios"] if s["name"] == "thread_signed_in")
    thread["queries"], thread["latency"]["p95_ms"] = 6, 12.5
    (results / "S-sqlite.json").write_text(json.dumps(after))
    (results / "chat").mkdir()
    shutil.copy(
        ROOT / "bench/results/chat/sqlite-1w-3000c-after-1w.json",
        results / "chat" / "sqlite-1w-3000c-after-1w.json",
    )
    results_file = tmp_path / "RESULTS.md"
    chat_report.write(results / "chat", results_file)

    text = report.write_results(results, results_file)

    assert text == results_file.read_text()
    assert "## Before and after" in text
    assert "- before: 2026-11-23 23:49 UTC · `1d40b50`" in text
    assert "- after: 2026-12-01 10:00 UTC · `abc1234`" in text
    assert "| thread page, signed in | 25.2 (9.4×) | 12.5 (4.6×) | 16 → 6 |" in text
    # Rewriting the page results keeps the live chat results that bench.chat_load wrote.
    assert text.count(chat_report.BEGIN) == 1
    assert "| 3,000/3,000 | 300 · 10/s |" in text


def test_a_kept_run_from_the_same_commit_is_not_compared(tmp_path):
    results = tmp_path / "results"
    (results / "before").mkdir(parents=True)
    shutil.copy(KEPT, results / "before" / KEPT.name)
    shutil.copy(KEPT, results / "S-sqlite.json")

    text = report.write_results(results, tmp_path / "RESULTS.md")

    assert "## Before and after" not in text


def test_ratio_targets_are_not_judged_when_the_floor_itself_was_disturbed(tmp_path):
    results = tmp_path / "results"
    results.mkdir()
    run = json.loads(KEPT.read_text())
    f1 = run["scenarios"][0]["latency"]
    f1["p50_ms"], f1["p95_ms"] = 7.7, 58.5  # a floor slowed by something else
    (results / "S-sqlite.json").write_text(json.dumps(run))

    text = report.write_results(results, tmp_path / "RESULTS.md")

    assert "**F1 disturbed:**" in text
    assert "| thread page: p95 ≤ 3× F1 p95 | 0.29× F1 (F1 disturbed: not judged) | n/a |" in text


def test_the_commit_is_marked_dirty_by_changed_code_but_not_by_written_results(tmp_path):
    import subprocess

    from bench.report import commit

    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    (tmp_path / "bench" / "results").mkdir(parents=True)
    for name in ("bench/RESULTS.md", "bench/results/S-sqlite.json", "bench/run.py"):
        (tmp_path / name).write_text("first\n")
    git("init", "-q")
    git("add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "first")
    clean = commit(tmp_path)

    (tmp_path / "bench" / "RESULTS.md").write_text("a new table\n")
    (tmp_path / "bench" / "results" / "S-sqlite.json").write_text("{}\n")
    assert commit(tmp_path) == clean and not clean.endswith("-dirty")
    (tmp_path / "bench" / "run.py").write_text("changed\n")
    assert commit(tmp_path) == clean + "-dirty"
