"""Django's database sessions, read through a prepared query.

Every signed-in request reads its session row first. Django's store builds and compiles the
same ORM query each time; here its SQL is prepared once (``core.prepared``) and the expiry
is checked on the row read, which is what the query's ``expire_date > now`` did.
"""

from django.contrib.sessions.models import Session
from django.utils import timezone

from staffroom.core.prepared import prepared


@prepared(str)
def _session(session_key: str):
    return Session.objects.filter(session_key=session_key)[:1]


class PreparedRead:
    """Mixed into a database session store ahead of it."""

    def _get_session_from_db(self):
        key = self.session_key
        found = _session(key) if isinstance(key, str) else []
        if found and found[0].expire_date > timezone.now():
            return found[0]
        self._session_key = None
        return None
