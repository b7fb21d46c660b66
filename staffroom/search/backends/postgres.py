"""PostgreSQL full-text search: the generated ``search_vector`` column and its GIN index."""

from staffroom.search.backends.base import (
    DOCUMENT_COLUMNS,
    DOT,
    HYPHEN,
    LESS_THAN,
    MARK_START,
    MARK_STOP,
    SearchBackend,
    Where,
    tables,
)
from staffroom.search.query import Query, Term

# 'simple': no stemming and no stop words, because communities write in many languages.
CONFIG = "simple"
# ts_rank_cd weights for D, C (body), B (tags), A (title); 1 divides by the log of the length.
WEIGHTS = "{0.1, 0.1, 0.4, 1.0}"
NORMALIZATION = 1
# How many of the newest matches are ranked for relevance: enough for the deepest page
# search() serves (MAX_OFFSET + MAX_LIMIT + 1), so every page comes from one ranking.
CANDIDATES = 1101
# The newest FIRST_RANKED matches come first, best first; the older candidates follow, best
# first. Pages up to the tenth of twenty then read only FIRST_RANKED + 1 matches: finding
# 1,101 matches of a word in 1% of a million posts read 110,000 rows (60 ms on the
# benchmark); 201 read a fifth of that. A deeper page ranks both groups, in the same order.
FIRST_RANKED = 200
# The index sees these characters as spaces (see migrations 0001 and 0002); terms get the same.
_AS_SPACE = str.maketrans({"<": " ", "&": " ", "-": " ", ".": " "})
HEADLINE = (
    f'StartSel="{MARK_START}", StopSel="{MARK_STOP}", '
    'MaxWords=32, MinWords=12, MaxFragments=1, FragmentDelimiter=" … "'
)
TITLE_HEADLINE = f'HighlightAll=true, StartSel="{MARK_START}", StopSel="{MARK_STOP}"'


def _term(term: Term) -> tuple[str, list]:
    text = term.text.translate(_AS_SPACE)
    if term.prefix:
        # A prefix term is a single run of letters and digits, so it holds no tsquery syntax.
        return f"to_tsquery('{CONFIG}', %s)", [f"{text}:*"]
    return f"phraseto_tsquery('{CONFIG}', %s)", [text]


def _any_of(terms: tuple[Term, ...]) -> tuple[str, list]:
    parts, params = [], []
    for term in terms:
        sql, term_params = _term(term)
        parts.append(sql)
        params += term_params
    return "(" + " || ".join(parts) + ")", params


def tsquery(query: Query) -> tuple[str, list]:
    """Compile a parsed query to a tsquery expression whose terms are all parameters."""
    parts, params = [], []
    for group in query.groups:
        sql, group_params = _any_of(group)
        parts.append(sql)
        params += group_params
    if query.excluded:
        sql, excluded_params = _any_of(query.excluded)
        parts.append(f"!!{sql}")
        params += excluded_params
    return "(" + " && ".join(parts) + ")", params


class PostgresBackend(SearchBackend):
    vendor = "postgresql"

    def sql(self, query: Query, *, where: Where, limit: int, offset: int) -> tuple[str, list]:
        documents = tables()["documents"]
        tsquery_sql, tsquery_params = tsquery(query)
        # The tsquery is written out wherever it is used, not read from a CTE: as a
        # constant expression it becomes a condition the GIN index can answer.
        # Ranking reads each match's whole vector, so only the newest CANDIDATES matches
        # are ranked (a common word matches tens of thousands of posts: ranking them all
        # took a second). The GIN index finds the matches without reading the vectors.
        # Then rank and cut the page; headlines are costly, so only the page gets them.
        # current_schema() is selected only because PostgreSQL marks it parallel unsafe, which
        # keeps the whole statement in one process: on a small server a parallel plan took
        # the cores other requests were waiting for (search p95 at the M benchmark size went
        # from 293 to 84 ms without one), and a SET would outlive the statement on a pooled
        # connection.
        sql = f"""
            WITH candidates AS MATERIALIZED (
                SELECT d.id, current_schema() AS in_one_process
                FROM {documents} AS d
                WHERE d.search_vector @@ {tsquery_sql} AND {where.sql}
                ORDER BY d.id DESC
                LIMIT %s
            ),
            page AS (
                SELECT d.id, row_number() OVER (ORDER BY d.id DESC) > %s AS older,
                       ts_rank_cd('{WEIGHTS}', d.search_vector, {tsquery_sql}, {NORMALIZATION})
                       AS score
                FROM candidates
                JOIN {documents} AS d ON d.id = candidates.id
                ORDER BY older, score DESC, d.id DESC
                LIMIT %s OFFSET %s
            )
            SELECT {DOCUMENT_COLUMNS}, page.score,
                   ts_headline('{CONFIG}', translate(d.title, %s, %s), {tsquery_sql}, %s)
                       AS title_marked,
                   ts_headline('{CONFIG}', translate(d.body, %s, %s), {tsquery_sql}, %s)
                       AS snippet_marked
            FROM page
            JOIN {documents} AS d ON d.id = page.id
            LEFT JOIN {tables()["communities"]} AS c ON c.id = d.community_id
            ORDER BY page.older, page.score DESC, d.id DESC
        """
        stand_ins = ["<-.", LESS_THAN + HYPHEN + DOT]
        # The first group alone, and one more match to tell whether a later page exists.
        shallow = offset + limit <= FIRST_RANKED + 1
        params = [
            *tsquery_params,
            *where.params,
            FIRST_RANKED + 1 if shallow else CANDIDATES,
            FIRST_RANKED,
            *tsquery_params,
            limit,
            offset,
            *stand_ins,
            *tsquery_params,
            TITLE_HEADLINE,
            *stand_ins,
            *tsquery_params,
            HEADLINE,
        ]
        return sql, params
