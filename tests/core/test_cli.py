"""The ``staffroom`` command: Django's commands plus ``demo`` and ``serve``."""

import importlib.util
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(sys.executable).with_name("staffroom")


def load_demo_exists() -> bool:
    try:
        return importlib.util.find_spec("staffroom.core.management.commands.load_demo") is not None
    except ModuleNotFoundError:
        return False


needs_load_demo = pytest.mark.skipif(
    not load_demo_exists(),
    reason="staffroom.core.management.commands.load_demo is not written yet",
)


def clean_env(tmp_path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("STAFFROOM_", "DJANGO_"))
        and key not in {"DATABASE_URL", "REDIS_URL", "PYTEST_CURRENT_TEST"}
    }
    env["STAFFROOM_VAR_DIR"] = str(tmp_path)
    return env


def staffroom(*args: str, env: dict[str, str], timeout: int = 120) -> subprocess.CompletedProcess:
    command = (
        [str(SCRIPT), *args]
        if SCRIPT.exists()
        else [sys.executable, "-c", "from staffroom.cli import main; main()", *args]
    )
    return subprocess.run(
        command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )


def test_help_lists_djangos_commands(tmp_path):
    result = staffroom("help", env=clean_env(tmp_path))

    assert result.returncode == 0, result.stderr
    for command in ("migrate", "check", "createsuperuser", "collectstatic"):
        assert command in result.stdout


def test_no_arguments_prints_the_help(tmp_path):
    result = staffroom(env=clean_env(tmp_path))

    assert result.returncode == 0, result.stderr
    assert "migrate" in result.stdout


def test_the_command_creates_the_var_folder_sqlite_needs(tmp_path):
    var = tmp_path / "nested" / "var"
    env = clean_env(tmp_path)
    env["STAFFROOM_VAR_DIR"] = str(var)

    result = staffroom("check", env=env)

    assert result.returncode == 0, result.stderr
    assert var.is_dir()


@needs_load_demo
def test_help_lists_the_demo_loader(tmp_path):
    result = staffroom("help", env=clean_env(tmp_path))

    assert "load_demo" in result.stdout


@needs_load_demo
def test_demo_without_serving_creates_the_database_and_prints_how_to_sign_in(tmp_path):
    result = staffroom("demo", "--no-serve", env=clean_env(tmp_path), timeout=600)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "http://127.0.0.1:8000/" in result.stdout
    assert "demo@staffroom.test" in result.stdout
    database = tmp_path / "staffroom.sqlite3"
    assert database.exists()
    with sqlite3.connect(database) as connection:
        users = connection.execute("SELECT email FROM accounts_user").fetchall()
        communities = connection.execute("SELECT COUNT(*) FROM communities_community").fetchone()
    assert ("demo@staffroom.test",) in users
    assert communities[0] > 0


@needs_load_demo
def test_running_the_demo_twice_is_harmless(tmp_path):
    env = clean_env(tmp_path)
    staffroom("demo", "--no-serve", env=env, timeout=600)

    again = staffroom("demo", "--no-serve", env=env, timeout=600)

    assert again.returncode == 0, again.stdout + again.stderr
    assert "demo@staffroom.test" in again.stdout
