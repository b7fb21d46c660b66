"""SQLite FTS5: the external-content table ``search_fts``, ranked by bm25."""

from staffroom.search.backends.base import (
    DOCUMENT_COLUMNS,
    MARK_START,
    MARK_STOP,
    SearchBackend,
    Where,
    tables,
)
from staffroom.search.query import Query, Term

FTS_TABLE = "search_fts"
# bm25 weights in the FTS table's column order: title, body, tags.
WEIGHTS = "10.0, 1.0, 4.0"
SNIPPET_TOKENS = 32
ELLIPSIS = "…"


def _string(term: Term) -> str:
    # A double-quoted FTS5 string is data: only '"' is special, and it is doubled.
    quoted = '"' + term.text.replace('"', '""') + '"'
    return quoted + "*" if term.prefix else quoted


def _any_of(terms: tuple[Term, ...]) -> str:
    strings = [_string(term) for term in terms]
    return strings[0] if len(strings) == 1 else "(" + " OR ".join(strings) + ")"


def match_expression(query: Query) -> str:
    """Compile a parsed query to an FTS5 MATCH expression built only of quoted strings."""
    expression = " AND ".join(_any_of(group) for group in query.groups)
    if query.excluded:
        expression = f"({expression}) NOT {_any_of(query.excluded)}"
    return expression


class SQLiteBackend(SearchBackend):
    vendor = "sqlite"

    def sql(self, query: Query, *, where: Where, limit: int, offset: int) -> tuple[str, list]:
        sql = f"""
            SELECT {DOCUMENT_COLUMNS},
                   -bm25({FTS_TABLE}, {WEIGHTS}) AS score,
                   highlight({FTS_TABLE}, 0, %s, %s) AS title_marked,
                   snippet({FTS_TABLE}, 1, %s, %s, %s, %s) AS snippet_marked
            FROM {FTS_TABLE}
            JOIN {tables()["documents"]} AS d ON d.id = {FTS_TABLE}.rowid
            LEFT JOIN {tables()["communities"]} AS c ON c.id = d.community_id
            WHERE {FTS_TABLE} MATCH %s AND {where.sql}
            ORDER BY score DESC, d.id DESC
            LIMIT %s OFFSET %s
        """
        params = [
            MARK_START,
            MARK_STOP,
            MARK_START,
            MARK_STOP,
            ELLIPSIS,
            SNIPPET_TOKENS,
            match_expression(query),
            *where.params,
            limit,
            offset,
        ]
        return sql, params
