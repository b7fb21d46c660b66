"""Configuration comes from the environment only; bad configuration is refused clearly."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECRET = "k3y-" + "x7Qp9vLm2RtY8wZc4NbHs6JdFg1KaEo5UiPyTr3WqXe0Vn" + "!@#$%^"
SCRIPT = Path(sys.executable).with_name("staffroom")


def clean_env(tmp_path, **overrides: str) -> dict[str, str]:
    """Return this process's environment minus every Staffroom and database setting."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("STAFFROOM_", "DJANGO_"))
        and key not in {"DATABASE_URL", "REDIS_URL", "PYTEST_CURRENT_TEST"}
    }
    env["STAFFROOM_VAR_DIR"] = str(tmp_path)
    env.update(overrides)
    return env


def staffroom(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    command = (
        [str(SCRIPT), *args]
        if SCRIPT.exists()
        else [sys.executable, "-c", "from staffroom.cli import main; main()", *args]
    )
    return subprocess.run(
        command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )


def python(code: str, env: dict[str, str]) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def assert_one_clear_sentence(result: subprocess.CompletedProcess, *, mentions: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert mentions in lines[0]
    assert lines[0].rstrip().endswith(".")


def test_production_without_a_secret_key_is_refused_in_one_sentence(tmp_path):
    env = clean_env(tmp_path, STAFFROOM_ENV="production", STAFFROOM_ALLOWED_HOSTS="example.org")

    result = staffroom("check", env=env)

    assert_one_clear_sentence(result, mentions="STAFFROOM_SECRET_KEY")


def test_production_without_allowed_hosts_is_refused_in_one_sentence(tmp_path):
    env = clean_env(tmp_path, STAFFROOM_ENV="production", STAFFROOM_SECRET_KEY=SECRET)

    result = staffroom("check", env=env)

    assert_one_clear_sentence(result, mentions="STAFFROOM_ALLOWED_HOSTS")


def test_an_unknown_environment_name_is_refused_in_one_sentence(tmp_path):
    env = clean_env(tmp_path, STAFFROOM_ENV="bogus")

    result = staffroom("check", env=env)

    assert_one_clear_sentence(result, mentions="STAFFROOM_ENV")
    assert "'bogus'" in result.stderr


def test_production_with_a_key_and_hosts_passes_the_deployment_checks(tmp_path):
    env = clean_env(
        tmp_path,
        STAFFROOM_ENV="production",
        STAFFROOM_SECRET_KEY=SECRET,
        STAFFROOM_ALLOWED_HOSTS="staffroom.example.org",
    )

    result = staffroom("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_development_needs_no_settings_at_all(tmp_path):
    result = staffroom("check", env=clean_env(tmp_path))

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


READ_SETTINGS = (
    "from staffroom import settings; "
    "print(settings.DATABASES['default']['ENGINE']); "
    "print(settings.CACHES['default']['BACKEND']); "
    "print(settings.DEBUG)"
)


def test_the_embedded_defaults_are_sqlite_local_memory_and_debug(tmp_path):
    engine, cache, debug = python(READ_SETTINGS, clean_env(tmp_path)).splitlines()

    assert engine == "django.db.backends.sqlite3"
    assert cache == "django.core.cache.backends.locmem.LocMemCache"
    assert debug == "True"


def test_a_postgres_database_url_selects_postgresql(tmp_path):
    env = clean_env(tmp_path, DATABASE_URL="postgres://staffroom:secret@db.internal:5432/staffroom")

    engine, _cache, _debug = python(READ_SETTINGS, env).splitlines()

    assert engine == "django.db.backends.postgresql"


def test_a_redis_url_selects_the_redis_cache(tmp_path):
    env = clean_env(tmp_path, REDIS_URL="redis://cache.internal:6379/1")

    _engine, cache, _debug = python(READ_SETTINGS, env).splitlines()

    assert cache == "staffroom.core.redis_cache.RedisCache"


def test_production_turns_debug_off(tmp_path):
    env = clean_env(
        tmp_path,
        STAFFROOM_ENV="production",
        STAFFROOM_SECRET_KEY=SECRET,
        STAFFROOM_ALLOWED_HOSTS="staffroom.example.org",
    )

    _engine, _cache, debug = python(READ_SETTINGS, env).splitlines()

    assert debug == "False"


def test_the_default_sqlite_database_runs_in_wal_mode(tmp_path):
    # The test database is in memory, where SQLite has no journal; use a real file instead.
    code = (
        "import django; django.setup(); "
        "from django.db import connection; "
        "cursor = connection.cursor(); "
        "cursor.execute('PRAGMA journal_mode'); print(cursor.fetchone()[0]); "
        "cursor.execute('PRAGMA foreign_keys'); print(cursor.fetchone()[0]); "
        "print(connection.settings_dict['NAME'])"
    )
    env = clean_env(tmp_path, DJANGO_SETTINGS_MODULE="staffroom.settings")

    journal, foreign_keys, name = python(code, env).splitlines()

    assert journal == "wal"
    assert foreign_keys == "1"
    assert Path(name) == tmp_path / "staffroom.sqlite3"


def test_the_test_database_uses_the_configured_sqlite_pragmas(db):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("the WAL setting only applies to SQLite")
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys")

    assert cursor.fetchone()[0] == 1
    assert "journal_mode=WAL" in connection.settings_dict["OPTIONS"]["init_command"]


def test_postgresql_connections_come_from_a_pool_unless_turned_off(tmp_path):
    code = (
        "from django.conf import settings; "
        "print(settings.DATABASES['default'].get('OPTIONS', {}).get('pool'))"
    )
    url = "postgres://staffroom@127.0.0.1:5432/staffroom"
    env = clean_env(tmp_path, DJANGO_SETTINGS_MODULE="staffroom.settings", DATABASE_URL=url)

    assert python(code, env) == "{'min_size': 1, 'max_size': 8, 'timeout': 10}"
    assert python(code, {**env, "STAFFROOM_DB_POOL_SIZE": "3"}).startswith(
        "{'min_size': 1, 'max_size': 3,"
    )
    assert python(code, {**env, "STAFFROOM_DB_POOL": "false"}) == "None"


def test_a_pooled_test_database_answers(db):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("only PostgreSQL connections are pooled")
    assert connection.settings_dict["OPTIONS"]["pool"]
    assert connection.pool is not None
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone()[0] == 1
