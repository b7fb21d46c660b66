"""The target database of a benchmark dataset: choose it, empty it, migrate it, fill it fast.

Rows go in through the driver, not the ORM: ``executemany`` on SQLite and ``COPY`` on
PostgreSQL, with ids assigned by the generator. Column lists come from the models, so a
column the generator does not name gets its model default, and a new required column
without a default stops the load instead of being silently left out.
"""

import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import dj_database_url

# The checkout's own database (the demo) is never emptied by the generator.
REPO_DIR = Path(__file__).resolve().parent.parent
DEMO_DATABASE = REPO_DIR / "var" / "staffroom.sqlite3"
SQLITE_FILE = "staffroom.sqlite3"


@dataclass(frozen=True)
class Target:
    """Where a dataset goes, and the settings the product needs to use it."""

    vendor: str
    database_url: str
    var_dir: Path
    name: str

    def environ(self) -> dict[str, str]:
        """Return the environment that points the product at this database."""
        return {"DATABASE_URL": self.database_url, "STAFFROOM_VAR_DIR": str(self.var_dir)}


def resolve_target(size: str, *, database_url: str | None, var_dir: Path) -> Target:
    """Pick the database: a SQLite file in ``var_dir``, or a PostgreSQL database ``bench_<size>``.

    A PostgreSQL URL without a database name gets ``bench_<size>``; a named one must start
    with ``bench`` so that a real database is never dropped by mistake.
    """
    var_dir = Path(var_dir).resolve()
    if not database_url:
        path = var_dir / SQLITE_FILE
        return Target("sqlite", f"sqlite:///{path}", var_dir, str(path))
    parts = urlsplit(database_url)
    if parts.scheme.startswith("sqlite"):
        path = Path(dj_database_url.parse(database_url)["NAME"]).resolve()
        return Target("sqlite", f"sqlite:///{path}", var_dir, str(path))
    if not parts.scheme.startswith("postgres"):
        raise ValueError(f"Only SQLite and PostgreSQL are supported, not {parts.scheme!r}.")
    name = parts.path.lstrip("/") or f"bench_{size.lower()}"
    if not name.startswith("bench"):
        raise ValueError(f"Refusing to drop database {name!r}: its name must start with 'bench'.")
    url = urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))
    return Target("postgresql", url, var_dir, name)


def recreate(target: Target) -> None:
    """Drop the target database if it exists and create it empty."""
    target.var_dir.mkdir(parents=True, exist_ok=True)
    if target.vendor == "sqlite":
        path = Path(target.name)
        if path.resolve() == DEMO_DATABASE.resolve():
            raise ValueError(f"Refusing to replace the checkout's demo database {path}.")
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    import psycopg
    from psycopg import sql

    config = dj_database_url.parse(target.database_url)
    params = {
        "dbname": "postgres",
        "user": config.get("USER") or None,
        "password": config.get("PASSWORD") or None,
        "host": config.get("HOST") or None,
        "port": config.get("PORT") or None,
    }
    with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as conn:
        name = sql.Identifier(target.name)
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(name))


def setup_django(target: Target) -> None:
    """Point this process's Django at the target, or check it already points there."""
    import django
    from django.conf import settings

    if settings.configured:
        configured = settings.DATABASES["default"]
        expected = dj_database_url.parse(target.database_url)
        if str(configured["NAME"]) != str(expected["NAME"]):
            raise RuntimeError(
                f"Django already uses {configured['NAME']}, not {expected['NAME']}; "
                "generate the dataset in its own process (python -m bench.dataset)."
            )
        return
    os.environ.update(target.environ())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "staffroom.settings")
    django.setup()


class Writer:
    """Bulk inserts of plain tuples; datetimes are adapted, JSON columns take serialised text."""

    def __init__(self, connection) -> None:
        self.connection = connection
        self.vendor = connection.vendor
        self.rows: dict[str, int] = {}
        self.seconds: dict[str, float] = {}
        if self.vendor == "sqlite":
            sample = datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=UTC)
            for value in (sample, sample.replace(microsecond=0)):
                if self.datetime(value) != connection.ops.adapt_datetimefield_value(value):
                    raise RuntimeError("Django stores SQLite datetimes differently now.")

    def insert(self, model, columns: list[str], rows: Iterable[tuple]) -> int:
        """Insert rows of ``columns`` (attnames) into the model's table; return how many."""
        from django.db import models

        started = time.perf_counter()
        fields = {field.attname: field for field in model._meta.concrete_fields}
        unknown = [name for name in columns if name not in fields]
        if unknown:
            raise ValueError(f"{model.__name__} has no columns {unknown}.")
        extra_names, extra_values = [], []
        for name, field in fields.items():
            if name in columns or (field.primary_key and isinstance(field, models.AutoField)):
                continue
            value = field.get_default()
            if value is None and not field.null:
                raise ValueError(
                    f"{model.__name__}.{name} needs a value; the generator gives none."
                )
            extra_names.append(name)
            extra_values.append(self._adapt_constant(field, value))
        adapt = [
            index
            for index, name in enumerate(columns)
            if isinstance(fields[name], models.DateTimeField)
        ]
        names = [fields[name].column for name in [*columns, *extra_names]]
        rows = self._adapted(rows, adapt, tuple(extra_values))
        count = self._write(model._meta.db_table, names, rows)
        table = model._meta.db_table
        self.rows[table] = self.rows.get(table, 0) + count
        self.seconds[table] = self.seconds.get(table, 0.0) + time.perf_counter() - started
        return count

    def _adapt_constant(self, field, value):
        from django.db import models

        if isinstance(field, models.JSONField):
            import json

            return json.dumps(value)
        if value is not None and isinstance(field, models.DateTimeField):
            return self.datetime(value)
        return value

    def datetime(self, value):
        if self.vendor != "sqlite":
            return value
        if value.tzinfo is UTC:
            # What adapt_datetimefield_value returns for UTC, without its per-call lookups.
            return value.replace(tzinfo=None).isoformat(" ")
        return self.connection.ops.adapt_datetimefield_value(value)

    def _adapted(self, rows: Iterable[tuple], adapt: list[int], extra: tuple) -> Iterator[tuple]:
        if not adapt:
            for row in rows:
                yield row + extra
            return
        convert: Callable = self.datetime
        for row in rows:
            values = list(row)
            for index in adapt:
                if values[index] is not None:
                    values[index] = convert(values[index])
            yield (*values, *extra)

    def _write(self, table: str, columns: list[str], rows: Iterable[tuple]) -> int:
        quote = self.connection.ops.quote_name
        column_sql = ", ".join(quote(name) for name in columns)
        self.connection.ensure_connection()
        raw = self.connection.connection
        count = 0
        if self.vendor == "sqlite":
            marks = ", ".join("?" for _ in columns)
            cursor = raw.cursor()
            batch: list[tuple] = []
            statement = f"INSERT INTO {quote(table)} ({column_sql}) VALUES ({marks})"
            for row in rows:
                batch.append(row)
                if len(batch) >= 20_000:
                    cursor.executemany(statement, batch)
                    count += len(batch)
                    batch.clear()
            if batch:
                cursor.executemany(statement, batch)
                count += len(batch)
            cursor.close()
            return count
        statement = f"COPY {quote(table)} ({column_sql}) FROM STDIN"
        with raw.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
        return count

    def execute(self, statement: str, params: tuple = ()) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute(statement, params)

    def reset_sequences(self, models: Iterable) -> None:
        """Move PostgreSQL id sequences past the ids the generator assigned."""
        from django.core.management.color import no_style

        if self.vendor != "postgresql":
            return  # SQLite's AUTOINCREMENT follows explicit ids by itself.
        for statement in self.connection.ops.sequence_reset_sql(no_style(), list(models)):
            self.execute(statement)


@contextmanager
def deferred_indexes(writer: Writer, models: list) -> Iterator[None]:
    """Drop the plain secondary indexes of the given tables and build them again afterwards.

    Building an index once over loaded rows is far cheaper than keeping it up to date row by
    row. Indexes that back a constraint (primary keys, unique constraints) stay in place.
    """
    tables = [model._meta.db_table for model in models]
    with writer.connection.cursor() as cursor:
        if writer.vendor == "postgresql":
            # Foreign keys are checked as each COPY ends, not queued to commit: PostgreSQL
            # refuses CREATE INDEX on a table with checks still pending.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        if writer.vendor == "sqlite":
            marks = ", ".join("%s" for _ in tables)
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                f"AND tbl_name IN ({marks}) AND sql NOT LIKE 'CREATE UNIQUE%%'",
                tables,
            )
        else:
            cursor.execute(
                "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) "
                "FROM pg_index i WHERE i.indrelid::regclass::text = ANY(%s) "
                "AND NOT i.indisunique AND NOT i.indisprimary",
                [tables],
            )
        indexes = cursor.fetchall()
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {writer.connection.ops.quote_name(name)}")
    yield
    with writer.connection.cursor() as cursor:
        for _name, definition in indexes:
            cursor.execute(definition.replace("%", "%%"))


@contextmanager
def deferred_full_text(writer: Writer) -> Iterator[None]:
    """On SQLite, fill the FTS5 index in one rebuild instead of a trigger call per document."""
    if writer.vendor != "sqlite":
        yield
        return
    trigger = "search_fts_after_insert"
    with writer.connection.cursor() as cursor:
        cursor.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = %s", [trigger]
        )
        (definition,) = cursor.fetchone()
        cursor.execute(f"DROP TRIGGER {trigger}")
    yield
    with writer.connection.cursor() as cursor:
        cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
        cursor.execute(definition)


def tune_for_load(connection) -> None:
    """Trade durability for speed while the dataset loads; a failed load is simply rerun."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA synchronous = OFF")
            cursor.execute("PRAGMA cache_size = -1000000")
            cursor.execute("PRAGMA temp_store = MEMORY")
        else:
            cursor.execute("SET synchronous_commit = off")
            cursor.execute("SET maintenance_work_mem = '1GB'")


def finish(connection) -> None:
    """Leave the database as a running instance would have it: SQLite's log checkpointed,
    PostgreSQL's tables vacuumed and analysed (SQLite gets no statistics, as in production)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        else:
            # Autovacuum would get there on its own; the benchmark should not wait for it.
            cursor.execute("VACUUM (ANALYZE)")
