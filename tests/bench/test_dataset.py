"""The benchmark dataset generator, on the tiny size in a SQLite file of its own.

The generator and its checker run in subprocesses with their own ``STAFFROOM_VAR_DIR``
and no ``DATABASE_URL``, so the test database of this run is never touched.
"""

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qsl

import pytest

from bench.dataset_db import DEMO_DATABASE, resolve_target

REPO = Path(__file__).resolve().parents[2]
ANCHOR = "2026-01-15"
TIMINGS = {"load_seconds", "timings"}
PRODUCT_TABLES = ("accounts_", "account_", "communities_", "discussions_", "notifications_")
PRODUCT_TABLES += ("resources_", "search_searchdocument")


def _run(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "STAFFROOM_VAR_DIR"}}
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _fingerprint(path: Path) -> str:
    """Hash every row of the product's own tables, in id order."""
    digest = hashlib.sha256()
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    tables = [
        name
        for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if name.startswith(PRODUCT_TABLES)
    ]
    for table in sorted(tables):
        for row in connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
            digest.update(repr(row).encode())
    connection.close()
    return digest.hexdigest()


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Generate the tiny dataset twice into the same var dir; fingerprint each, check the last."""
    var_dir = tmp_path_factory.mktemp("bench-var")
    manifests, fingerprints = [], []
    for name in ("first", "second"):
        out_dir = var_dir / name
        generated = _run(
            "bench.dataset", "--size", "tiny", "--var-dir", str(var_dir),
            "--out-dir", str(out_dir), "--anchor", ANCHOR,
        )  # fmt: skip
        assert generated.returncode == 0, generated.stdout + generated.stderr
        manifests.append(json.loads((out_dir / "manifest.json").read_text()))
        fingerprints.append(_fingerprint(var_dir / "staffroom.sqlite3"))
    checked = _run("bench.dataset_check", str(var_dir / "second" / "manifest.json"))
    assert checked.stdout, checked.stderr
    return {
        "manifests": manifests,
        "fingerprints": fingerprints,
        "report": json.loads(checked.stdout),
    }


@pytest.fixture(scope="module")
def manifest(runs):
    return runs["manifests"][-1]


@pytest.fixture
def database(manifest):
    path = Path(manifest["var_dir"]) / "staffroom.sqlite3"
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    yield connection
    connection.close()


def test_tiny_dataset_has_the_promised_number_of_rows(manifest):
    counts = manifest["counts"]

    assert (counts["users"], counts["communities"], counts["threads"]) == (200, 10, 200)
    assert counts["posts"] == 2_000 + 1_000
    assert counts["resources"] == 200
    # One document per thread's opening post, per reply and per resource.
    assert counts["search_documents"] == counts["posts"] + counts["resources"]
    assert counts["tried_reports"] > 0


def test_tiny_dataset_goes_into_its_own_sqlite_file(manifest, tmp_path_factory):
    assert manifest["database"] == "sqlite"
    assert Path(manifest["var_dir"]).is_relative_to(tmp_path_factory.getbasetemp())


def test_every_thread_has_contiguous_positions_matching_its_counters(database):
    rows = database.execute(
        """
        SELECT t.id FROM discussions_thread t
        JOIN (SELECT thread_id, COUNT(*) AS n, MIN(position) AS lo, MAX(position) AS hi
              FROM discussions_post GROUP BY thread_id) p ON p.thread_id = t.id
        WHERE p.lo <> 1 OR p.hi <> p.n OR t.post_count <> p.n OR t.last_position <> p.n
        """
    ).fetchall()
    threads = database.execute("SELECT COUNT(DISTINCT thread_id) FROM discussions_post").fetchone()

    assert rows == []
    assert threads == (200,)


def test_dataset_keeps_every_rule_the_services_keep(runs):
    assert runs["report"]["problems"] == []


def test_hot_thread_has_its_posts_on_the_promised_pages(manifest, database):
    hot = manifest["hot_thread"]
    row = database.execute(
        "SELECT post_count, last_position, kind FROM discussions_thread WHERE id = ?", [hot["id"]]
    ).fetchone()

    assert row == (1_000, 1_000, "discussion")
    assert (hot["posts"], hot["pages"], hot["middle_page"]) == (1_000, 40, 20)


def test_two_runs_give_the_same_manifest_apart_from_timings(runs):
    first, second = ({k: v for k, v in m.items() if k not in TIMINGS} for m in runs["manifests"])

    assert first == second


def test_two_runs_give_the_same_rows(runs):
    first, second = runs["fingerprints"]

    assert first == second


def test_search_finds_the_manifest_search_terms(runs):
    hits = runs["report"]["search"]

    assert hits
    assert all(count > 0 for count in hits.values()), hits


def test_manifest_names_signed_in_users_who_are_active_members_of_the_big_community(
    manifest, database
):
    ids = [user["id"] for user in manifest["users"]]
    active = database.execute(
        f"""
        SELECT COUNT(*) FROM communities_membership m
        JOIN communities_community c ON c.id = m.community_id
        JOIN account_emailaddress e ON e.user_id = m.user_id AND e.verified
        WHERE c.slug = ? AND m.state = 'active' AND m.user_id IN ({",".join("?" * len(ids))})
        """,
        [manifest["big_community"], *ids],
    ).fetchone()

    assert len(ids) == 50
    assert active == (50,)
    assert manifest["password"] == "bench-password"


def test_manifest_scenario_targets_are_public(manifest, database):
    slugs = {thread["community"] for thread in manifest["threads"]} | set(manifest["communities"])
    slugs |= {manifest["big_community"], manifest["question_community"]}
    visibilities = dict(
        database.execute(
            f"SELECT slug, visibility FROM communities_community WHERE slug IN "
            f"({','.join('?' * len(slugs))})",
            sorted(slugs),
        ).fetchall()
    )

    assert set(visibilities.values()) == {"public"}
    assert len(visibilities) == len(slugs)
    assert len(manifest["search_terms"]) == 40


def test_manifest_resources_and_library_filters_are_public_and_find_resources(manifest, database):
    ids = manifest["resources"]
    private = database.execute(
        f"""
        SELECT r.id FROM resources_resource r
        LEFT JOIN communities_community c ON c.id = r.community_id
        WHERE r.id IN ({",".join("?" * len(ids))}) AND c.visibility IS NOT NULL
          AND c.visibility <> 'public'
        """,
        ids,
    ).fetchall()

    assert len(ids) > 100
    assert private == []
    filters = manifest["library_filters"]
    assert len(filters) == 20
    facets = {key for query in filters for key, _value in parse_qsl(query)}
    assert facets == {"subject", "grade", "kind", "sort"}
    for query in filters:
        assert _public_matches(database, dict(parse_qsl(query))) > 0, query


def _public_matches(database, params: dict) -> int:
    """Count the public resources a library filter keeps (an anonymous visitor's view)."""
    sql = """
        SELECT COUNT(*) FROM resources_resource r
        LEFT JOIN communities_community c ON c.id = r.community_id
        WHERE (c.id IS NULL OR c.visibility = 'public')
    """
    args = []
    if "kind" in params:
        sql += " AND r.kind = ?"
        args.append(params["kind"])
    for key, table, vocabulary, column in (
        ("subject", "resources_resource_subjects", "core_subject", "subject_id"),
        ("grade", "resources_resource_grade_bands", "core_gradeband", "gradeband_id"),
    ):
        if key in params:
            sql += (
                f" AND EXISTS (SELECT 1 FROM {table} t JOIN {vocabulary} v ON v.id = t.{column}"
                " WHERE t.resource_id = r.id AND v.slug = ?)"
            )
            args.append(params[key])
    return database.execute(sql, args).fetchone()[0]


def test_generator_refuses_to_drop_a_postgres_database_not_named_bench(tmp_path):
    with pytest.raises(ValueError, match="must start with 'bench'"):
        resolve_target("S", database_url="postgres://u@localhost/staffroom", var_dir=tmp_path)


def test_generator_names_an_unnamed_postgres_database_after_the_size(tmp_path):
    target = resolve_target("S", database_url="postgres://u@localhost:5432/", var_dir=tmp_path)

    assert (target.vendor, target.name) == ("postgresql", "bench_s")
    assert target.database_url == "postgres://u@localhost:5432/bench_s"


def test_generator_refuses_to_replace_the_demo_database(tmp_path):
    from bench.dataset_db import recreate

    target = resolve_target("tiny", database_url=None, var_dir=DEMO_DATABASE.parent)

    with pytest.raises(ValueError, match="demo database"):
        recreate(target)
