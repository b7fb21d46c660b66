"""How common a search's words are, from the statistics PostgreSQL keeps for its planner.

``ANALYZE`` (autovacuum runs it) samples the documents and records the most common
lexemes of ``search_vector`` with the share of documents holding each. The backend uses
that share to guess how far back the newest matches of a query reach. A guess only ever
changes how fast a search is, never what it finds.
"""

import time
from dataclasses import dataclass

from django.db import connection

from staffroom.search.backends.base import tables
from staffroom.search.models import SearchDocument
from staffroom.search.query import WORD, Query, Term

# Statistics change only when ANALYZE runs; reading them costs a query.
TTL_SECONDS = 600.0


@dataclass(frozen=True)
class IndexStats:
    """The sampled share of documents holding each common lexeme, and the newest id."""

    shares: dict[str, float]
    # The least common listed lexeme's share: an unlisted one is rarer than that.
    floor: float
    top_id: int

    def share(self, query: Query) -> float:
        """Estimate the share of documents matching the query, as the planner would."""
        share = 1.0
        for group in query.groups:
            # Any term of a group matches; excluded terms only ever narrow the result.
            share *= min(1.0, sum(self._term_share(term) for term in group))
        return share

    def _term_share(self, term: Term) -> float:
        words = WORD.findall(term.text.lower())
        if not words:
            return 1.0
        if term.prefix:
            # A prefix is one word: every listed lexeme it starts, and any unlisted ones.
            listed = sum(share for word, share in self.shares.items() if word.startswith(words[0]))
            return min(1.0, listed + self.floor / 2)
        # A phrase needs every word: it is no commoner than its rarest one.
        return min(self.shares.get(word, self.floor / 2) for word in words)


_cache: dict[str, tuple[float, IndexStats | None]] = {}


def index_stats() -> IndexStats | None:
    """The current statistics of the search index, or None before ANALYZE has run."""
    now = time.monotonic()
    cached = _cache.get(connection.alias)
    if cached is not None and cached[0] > now:
        return cached[1]
    stats = _read()
    _cache[connection.alias] = (now + TTL_SECONDS, stats)
    return stats


def forget() -> None:
    """Read the statistics again on the next search (after an ANALYZE, say)."""
    _cache.clear()


def _read() -> IndexStats | None:
    table = SearchDocument._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs,
                   (SELECT max(id) FROM {tables()["documents"]})
            FROM pg_stats AS s
            WHERE s.schemaname = current_schema() AND s.tablename = %s
                AND s.attname = 'search_vector'
            """,
            [table],
        )
        row = cursor.fetchone()
    if row is None or not row[0] or not row[1] or row[2] is None:
        return None
    lexemes, shares, top_id = row
    # The share list ends with three summary numbers: minimum, maximum, empty vectors.
    listed = dict(zip(lexemes, shares[: len(lexemes)], strict=True))
    return IndexStats(shares=listed, floor=min(listed.values()), top_id=top_id)
