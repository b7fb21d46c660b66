"""``SESSION_ENGINE`` with Redis: read from the cache, written through to the database."""

from django.contrib.sessions.backends import cached_db

from staffroom.accounts.sessions import PreparedRead


class SessionStore(PreparedRead, cached_db.SessionStore):
    pass
