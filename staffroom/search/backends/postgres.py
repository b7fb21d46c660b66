"""PostgreSQL full-text search: the generated ``search_vector`` column and its GIN index."""

from staffroom.search.backends.base import (
    CANDIDATES,
    DOCUMENT_COLUMNS,
    DOT,
    FIRST_RANKED,
    HYPHEN,
    LESS_THAN,
    MARK_START,
    MARK_STOP,
    SearchBackend,
    Where,
    tables,
)
from staffroom.search.backends.postgres_stats import index_stats
from staffroom.search.query import Query, Term

# 'simple': no stemming and no stop words, because communities write in many languages.
CONFIG = "simple"
# ts_rank_cd weights for D, C (body), B (tags), A (title); 1 divides by the log of the length.
WEIGHTS = "{0.1, 0.1, 0.4, 1.0}"
NORMALIZATION = 1
# A query whose matches are expected within the newest MIN_SPAN documents walks back from
# the newest; a rarer one reads SPAN_FACTOR times the stretch they are expected in first.
# Below about 55,000 ids the planner reads a stretch through the primary key, row by row,
# which costs what walking back does; above it, the GIN and BRIN indexes together.
MIN_SPAN = 60_000
SPAN_FACTOR = 3
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


def _candidates(query: Query, where: Where, needed: int) -> tuple[str, list]:
    """The ``candidates`` statement: the newest ``needed`` matches, with their ids.

    Walking the newest documents back finds a common word's newest matches in a few pages,
    but a word in 0.3% of them took 75,000 rows (40 ms at the M benchmark size), and
    reading every match from the GIN index costs a page per match. When the statistics
    say how far back ``needed`` matches reach, the GIN index reads only that stretch (the
    BRIN index on ids keeps it cheap); the older documents are read only if it fell short.
    """
    documents = tables()["documents"]
    tsquery_sql, tsquery_params = tsquery(query)
    # The tsquery is written out wherever it is used, not read from a CTE: as a constant
    # expression it becomes a condition the GIN index can answer.
    matches = f"FROM {documents} AS d WHERE d.search_vector @@ {tsquery_sql} AND {where.sql}"
    match_params = [*tsquery_params, *where.params]
    bound = None if where.filtered else _bound(query, needed)
    if bound is None:
        # current_schema() is selected only because PostgreSQL marks it parallel unsafe,
        # which keeps the whole statement in one process: on a small server a parallel plan
        # took the cores other requests were waiting for (search p95 at the M benchmark
        # size went from 293 to 84 ms without one), and a SET would outlive the statement
        # on a pooled connection.
        sql = f"""
            candidates AS MATERIALIZED (
                SELECT d.id, current_schema() AS in_one_process
                {matches}
                ORDER BY d.id DESC
                LIMIT %s
            )"""
        return sql, [*match_params, needed]
    sql = f"""
        recent AS MATERIALIZED (
            SELECT d.id {matches} AND d.id > %s
        ),
        candidates AS MATERIALIZED (
            (SELECT id, current_schema() AS in_one_process FROM recent ORDER BY id DESC LIMIT %s)
            UNION ALL
            (SELECT d.id, current_schema()
             {matches} AND d.id <= %s
             ORDER BY d.id + 0 DESC
             LIMIT GREATEST(0, %s - (SELECT count(*) FROM recent)))
        )"""
    return sql, [*match_params, bound, needed, *match_params, bound, needed]


def _bound(query: Query, needed: int) -> int | None:
    """The id above which ``needed`` matches are expected, or None to walk back from the top."""
    stats = index_stats()
    if stats is None:
        return None
    share = stats.share(query)
    if share <= stats.floor:
        # Rarer than every listed word: reading all its matches costs fewer pages than
        # reading a stretch of ids and then the older matches.
        return None
    # More than the expected stretch: the sample behind the statistics is small.
    span = int(SPAN_FACTOR * needed / share)
    if span < MIN_SPAN or span >= stats.top_id:
        return None
    return stats.top_id - span


class PostgresBackend(SearchBackend):
    vendor = "postgresql"

    def sql(self, query: Query, *, where: Where, limit: int, offset: int) -> tuple[str, list]:
        documents = tables()["documents"]
        tsquery_sql, tsquery_params = tsquery(query)
        # The first group alone, and one more match to tell whether a later page exists.
        shallow = offset + limit <= FIRST_RANKED + 1
        candidates_sql, candidates_params = _candidates(
            query, where, FIRST_RANKED + 1 if shallow else CANDIDATES
        )
        # Ranking reads each match's whole vector, so only the newest candidates are ranked
        # (a common word matches tens of thousands of posts: ranking them all took a
        # second). Then rank and cut the page; headlines are costly, so only the page gets
        # them.
        sql = f"""
            WITH {candidates_sql},
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
        params = [
            *candidates_params,
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
