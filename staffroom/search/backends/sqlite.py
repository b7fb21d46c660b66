"""SQLite FTS5: the external-content table ``search_fts``, ranked by bm25."""

from staffroom.search.backends.base import (
    CANDIDATES,
    DOCUMENT_COLUMNS,
    FIRST_RANKED,
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
        documents, communities = tables()["documents"], tables()["communities"]
        match = match_expression(query)
        # The same candidates and order as on PostgreSQL (see postgres.py): the newest
        # matches the viewer may read, the newest FIRST_RANKED of them first, best first.
        # FTS5 lists a word's matches newest first without sorting; ranking and snippets
        # for every match of a common word took 788 ms at the M benchmark size.
        shallow = offset + limit <= FIRST_RANKED + 1
        sql = f"""
            WITH newest AS MATERIALIZED (
                SELECT {FTS_TABLE}.rowid AS id
                FROM {FTS_TABLE}
                JOIN {documents} AS d ON d.id = {FTS_TABLE}.rowid
                LEFT JOIN {communities} AS c ON c.id = d.community_id
                WHERE {FTS_TABLE} MATCH %s AND {where.sql}
                ORDER BY {FTS_TABLE}.rowid DESC
                LIMIT %s
            ),
            ranked AS MATERIALIZED (
                -- bm25() is only known to the statement that matches, so the matches are
                -- read again, only as far back as the oldest candidate.
                SELECT {FTS_TABLE}.rowid AS id, -bm25({FTS_TABLE}, {WEIGHTS}) AS score
                FROM {FTS_TABLE}
                WHERE {FTS_TABLE} MATCH %s AND {FTS_TABLE}.rowid >= (SELECT min(id) FROM newest)
            ),
            page AS MATERIALIZED (
                SELECT ranked.id, ranked.score,
                       row_number() OVER (ORDER BY ranked.id DESC) > %s AS older
                FROM ranked
                JOIN newest ON newest.id = ranked.id
                ORDER BY older, ranked.score DESC, ranked.id DESC
                LIMIT %s OFFSET %s
            )
            SELECT {DOCUMENT_COLUMNS}, page.score,
                   highlight({FTS_TABLE}, 0, %s, %s) AS title_marked,
                   snippet({FTS_TABLE}, 1, %s, %s, %s, %s) AS snippet_marked
            FROM {FTS_TABLE}
            -- One more pass over the matches, only across the page's ids, for the marks:
            -- looking each page row up by id evaluated the whole MATCH again for each one,
            -- and a prefix term's many words made that 12 ms a row.
            CROSS JOIN page ON page.id = {FTS_TABLE}.rowid
            JOIN {documents} AS d ON d.id = page.id
            LEFT JOIN {communities} AS c ON c.id = d.community_id
            WHERE {FTS_TABLE} MATCH %s
              AND {FTS_TABLE}.rowid BETWEEN (SELECT min(id) FROM page) AND (SELECT max(id) FROM page)
            ORDER BY page.older, page.score DESC, d.id DESC
        """
        params = [
            match,
            *where.params,
            FIRST_RANKED + 1 if shallow else CANDIDATES,
            match,
            FIRST_RANKED,
            limit,
            offset,
            MARK_START,
            MARK_STOP,
            MARK_START,
            MARK_STOP,
            ELLIPSIS,
            SNIPPET_TOKENS,
            match,
        ]
        return sql, params
