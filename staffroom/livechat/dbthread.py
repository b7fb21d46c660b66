"""Database work for sockets: in the process's one sync thread, on one kept connection.

channels' ``database_sync_to_async`` closes "old" connections around every call, which
with CONN_MAX_AGE=0 means a new database connection for every frame a socket sends and
two for every socket that opens. Socket work has no per-request thread (unlike HTTP, where
Django gives each request its own): it all runs in asgiref's single sync thread, so one
connection can serve it all. It is dropped only when broken or left inside a transaction,
the checks Django makes between requests.
"""

from asgiref.sync import SyncToAsync
from django.db import connections


class database_sync_to_async(SyncToAsync):
    def thread_handler(self, loop, *args, **kwargs):
        try:
            return super().thread_handler(loop, *args, **kwargs)
        finally:
            drop_broken_connections()


def drop_broken_connections() -> None:
    for connection in connections.all(initialized_only=True):
        if connection.connection is None:
            continue
        if connection.get_autocommit() != connection.settings_dict["AUTOCOMMIT"]:
            connection.close()
        elif connection.errors_occurred:
            if connection.is_usable():
                connection.errors_occurred = False
            else:
                connection.close()
