"""``SESSION_ENGINE`` without a shared cache: sessions in the database."""

from django.contrib.sessions.backends import db

from staffroom.accounts.sessions import PreparedRead


class SessionStore(PreparedRead, db.SessionStore):
    pass
