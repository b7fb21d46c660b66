"""Querysets compiled once per process, then run with new values on every call.

Building and compiling a queryset is Python work the ORM repeats on every request: for the
signed-in thread page, whose queries carry the viewer's membership, follow, reactions and
vote as subqueries, it was about 40% of the page's time — more than the database took to
answer. A prepared query builds its queryset once, with stand-in values, and keeps the SQL
and the columns' meaning; each call swaps the real values into the parameters, runs the SQL
and builds the model instances the way the ORM's own iterator does (``select_related``
objects and annotations included).

Only values that reach the SQL unchanged as parameters can be swapped: ``exact``, ``range``,
``gt``/``lt`` and the like, on integers and text. A value that changes the statement's
shape (a list for ``__in``, a slice, a flag) must pick a different prepared query instead.
"""

import threading
from collections.abc import Callable

from django.db import connections
from django.db.models import QuerySet
from django.db.models.query import ModelIterable, get_related_populators
from django.db.models.sql.compiler import SQLCompiler

# Stand-ins sit inside every integer column's range: Django 5 turns an out-of-range
# integer lookup into "no rows", which would leave the value out of the SQL altogether.
_INT_STAND_IN = 2_000_000_011
_TEXT_STAND_IN = "staffroom-prepared-stand-in-"


def _stand_in(kind: type, index: int):
    if kind is int:
        return _INT_STAND_IN + index
    if kind is str:
        return f"{_TEXT_STAND_IN}{index}"
    raise TypeError(f"a prepared query takes int or str values, not {kind.__name__}")


def _slot(param, stand_ins: list) -> tuple[int, type] | None:
    """Which value goes into this parameter, and the type it is sent as; None for a constant."""
    if isinstance(param, bool) or not isinstance(param, int | str):
        return None
    for index, stand_in in enumerate(stand_ins):
        # int and str stand-ins never compare equal to each other; bools are left out above,
        # since True == 1.
        if isinstance(param, type(stand_in)) and param == stand_in:
            return index, type(param)
    return None


class _Compiled:
    """One queryset's SQL with the slots its values go into, and how to read its rows."""

    def __init__(self, queryset: QuerySet, stand_ins: list):
        if queryset._iterable_class is not ModelIterable:
            raise TypeError("a prepared query returns model instances (no values())")
        if queryset._prefetch_related_lookups or queryset._known_related_objects:
            raise TypeError("a prepared query cannot prefetch or carry known related objects")
        if queryset.db != "default":
            raise TypeError("a prepared query reads the default database")
        compiler: SQLCompiler = queryset.query.get_compiler(using=queryset.db)
        self.alias = queryset.db
        self.sql, params = compiler.as_sql()
        self.params = list(params)
        # PostgreSQL's backend wraps some integers in psycopg's typed ints (Int4); a slot
        # keeps the wrapper, so each call's value goes to the database the same way.
        self.slots = [_slot(param, stand_ins) for param in self.params]
        missing = set(range(len(stand_ins))) - {slot[0] for slot in self.slots if slot}
        if missing:
            raise ValueError(
                f"values {sorted(missing)} do not reach the SQL as parameters; "
                "a prepared query can only swap plain lookups"
            )
        klass_info = compiler.klass_info
        self.model = klass_info["model"]
        fields = klass_info["select_fields"]
        self.start, self.end = fields[0], fields[-1] + 1
        self.init_list = [
            column[0].target.attname for column in compiler.select[self.start : self.end]
        ]
        self.related = get_related_populators(klass_info, compiler.select, self.alias)
        self.annotations = list(compiler.annotation_col_map.items())
        # The converters depend on the columns and the database vendor only (SQLite's
        # text dates, for one); each call passes them its own connection.
        selected = [column[0] for column in compiler.select[: compiler.col_count]]
        self.converters = list(compiler.get_converters(selected).items())

    def run(self, values: tuple) -> list:
        params = [
            value if slot is None else slot[1](values[slot[0]])
            for value, slot in zip(self.params, self.slots, strict=True)
        ]
        connection = connections[self.alias]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        found = []
        for row in rows:
            if self.converters:
                row = list(row)
                for position, (functions, expression) in self.converters:
                    value = row[position]
                    for convert in functions:
                        value = convert(value, expression, connection)
                    row[position] = value
            instance = self.model.from_db(self.alias, self.init_list, row[self.start : self.end])
            for populator in self.related:
                populator.populate(row, instance)
            for name, position in self.annotations:
                setattr(instance, name, row[position])
            found.append(instance)
        return found


class PreparedQuery:
    """``build(*values)`` returns a queryset; calling this runs it for new values.

    The queryset is built and compiled once per database, with stand-in values; each call
    reads a list of instances, as ``list(build(*values))`` would, with the same queries.
    """

    def __init__(self, build: Callable[..., QuerySet], kinds: tuple[type, ...]):
        self._build = build
        self._kinds = kinds
        self._compiled: dict[tuple[str, str], _Compiled] = {}
        self._lock = threading.Lock()

    def __call__(self, *values) -> list:
        if len(values) != len(self._kinds):
            raise TypeError(f"expected {len(self._kinds)} values, got {len(values)}")
        for value, kind in zip(values, self._kinds, strict=True):
            if type(value) is not kind:
                raise TypeError(f"expected {kind.__name__}, got {type(value).__name__}")
        return self._compiled_for_default().run(values)

    def _compiled_for_default(self) -> _Compiled:
        # Keyed by alias and vendor: a test run can point the same alias at a new database
        # of the same kind, and the SQL does not name the database.
        connection = connections["default"]
        key = ("default", connection.vendor)
        compiled = self._compiled.get(key)
        if compiled is None:
            stand_ins = [_stand_in(kind, i) for i, kind in enumerate(self._kinds)]
            with self._lock:
                compiled = self._compiled.get(key)
                if compiled is None:
                    compiled = _Compiled(self._build(*stand_ins), stand_ins)
                    self._compiled[key] = compiled
        return compiled

    def sql(self) -> str:
        """The SQL this query runs, with placeholders (for tests and EXPLAIN)."""
        return self._compiled_for_default().sql


def prepared(*kinds: type) -> Callable[[Callable[..., QuerySet]], PreparedQuery]:
    """Decorate a queryset builder taking values of ``kinds`` (int or str)."""

    def wrap(build: Callable[..., QuerySet]) -> PreparedQuery:
        return PreparedQuery(build, kinds)

    return wrap
