"""Pick the search backend that matches the database in use."""

from django.db import connection

from staffroom.search.backends.base import SearchBackend
from staffroom.search.backends.postgres import PostgresBackend
from staffroom.search.backends.sqlite import SQLiteBackend

_BACKENDS: dict[str, SearchBackend] = {
    backend.vendor: backend for backend in (SQLiteBackend(), PostgresBackend())
}


def get_backend() -> SearchBackend:
    """Return the backend for the default database; other databases are not supported."""
    try:
        return _BACKENDS[connection.vendor]
    except KeyError:
        raise NotImplementedError(f"Search has no backend for {connection.vendor}.") from None
