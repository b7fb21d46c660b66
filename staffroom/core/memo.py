"""Small per-process memories for facts that cannot go stale under their key.

A live chat's socket runs a dozen queries for every message; several of them ask things
whose answer is fixed once known (a chat's co-hosts once it is live, whether a member has
posted before). A Memo keeps such answers in the process, under a key that changes
whenever the answer could (for a chat: its id and ``updated_at``, which every edit bumps).
It is not a cache of anything that may change under the same key: bans, mutes and
deactivations are always read fresh.
"""

import threading

_memos: list["Memo"] = []


class Memo:
    def __init__(self, name: str, limit: int = 20_000):
        self.name = name
        self.limit = limit
        self._data: dict = {}
        self._lock = threading.Lock()
        _memos.append(self)

    def get(self, key, default=None):
        return self._data.get(key, default)

    def __contains__(self, key) -> bool:
        return key in self._data

    def put(self, key, value) -> None:
        with self._lock:
            # Forgetting everything now and then bounds memory without bookkeeping; the
            # next frame asks the database again.
            if len(self._data) >= self.limit:
                self._data.clear()
            self._data[key] = value

    def clear(self) -> None:
        with self._lock:
            self._data.clear()


def forget_all() -> None:
    """Clear every memo (tests, whose rolled-back rows may come back under the same ids)."""
    for memo in _memos:
        memo.clear()
