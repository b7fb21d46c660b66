"""PostgreSQL search: how far back the newest matches are looked for, and that it never
changes what is found."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from staffroom.search.backends import postgres, postgres_stats
from staffroom.search.backends.postgres_stats import IndexStats
from staffroom.search.query import parse
from tests.search.conftest import index, titles
from tests.search.test_selectors import find

pytestmark = pytest.mark.django_db
POSTGRES = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL statistics")

STATS = IndexStats(
    shares={"fractions": 0.2, "fraction": 0.05, "pizza": 0.1, "ratio": 0.01},
    floor=0.01,
    top_id=1000,
)


@pytest.mark.parametrize(
    ("q", "share"),
    [
        # The last bare word of a query matches as a prefix: every listed word it starts,
        # and unlisted ones, each rarer than the floor (counted as half of it).
        ("pizza", 0.1 + 0.005),
        ("fraction", 0.2 + 0.05 + 0.005),
        ("unheard", 0.005),
        # A phrase is no commoner than its rarest word.
        ('"pizza ratio"', 0.01),
        ('"pizza unheard"', 0.005),
        # Words must all match (shares multiply); alternatives add up.
        ("pizza ratio", 0.1 * 0.015),
        ("pizza OR ratio", 0.1 + 0.015),
        # An excluded word only narrows what matches: it is left out of the estimate.
        ('"pizza" -fractions', 0.1),
        ('"fractions" OR "fraction" OR "pizza" OR "ratio"', 0.36),
    ],
)
def test_a_query_share_is_estimated_from_the_listed_words(q, share):
    assert STATS.share(parse(q)) == pytest.approx(share)


def test_alternatives_never_add_up_to_more_than_every_document():
    stats = IndexStats(shares={"pizza": 0.7, "pasta": 0.6}, floor=0.6, top_id=10)

    assert stats.share(parse('"pizza" OR "pasta"')) == 1.0


def fill():
    """300 documents: 'fractions' in every tenth, 'ratio' in all, a unique word in each."""
    for n in range(300):
        body = f"ratio word{n}" + (" fractions" if n % 10 == 0 else "")
        index(None, kind="resource", title=f"Note {n}", body=body)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_searchdocument")
    postgres_stats.forget()


def pages(q: str, size: int = 2) -> list[list[str]]:
    found, offset = [], 0
    while True:
        page = find(q, limit=size, offset=offset)
        found.append(titles(page))
        if not page.has_more:
            return found
        offset += size


def statements(q: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        find(q, limit=2)
    return [query["sql"] for query in captured.captured_queries]


@pytest.fixture
def small_windows(monkeypatch):
    """Windows small enough for 300 documents to need a bound."""
    monkeypatch.setattr(postgres, "FIRST_RANKED", 5)
    monkeypatch.setattr(postgres, "CANDIDATES", 12)
    monkeypatch.setattr(postgres, "MIN_SPAN", 0)
    yield
    postgres_stats.forget()


@POSTGRES
def test_the_statistics_are_read_from_analyze(small_windows):
    fill()

    stats = postgres_stats.index_stats()

    assert stats.shares["ratio"] == pytest.approx(1.0)
    assert stats.shares["fractions"] == pytest.approx(0.1)
    with connection.cursor() as cursor:
        cursor.execute("SELECT max(id) FROM search_searchdocument")
        assert stats.top_id == cursor.fetchone()[0]
    # Read once, then kept: a second search asks nothing more.
    with CaptureQueriesContext(connection) as captured:
        postgres_stats.index_stats()
    assert captured.captured_queries == []


@POSTGRES
@pytest.mark.parametrize("span_factor", [3, 0.05])
def test_a_bounded_search_finds_exactly_what_walking_back_finds(
    small_windows, monkeypatch, span_factor
):
    fill()
    monkeypatch.setattr(postgres, "SPAN_FACTOR", span_factor)

    # 'fractions' is listed and common enough to start from a stretch of the newest ids;
    # with a tiny factor the stretch holds too few and the older documents make up the rest.
    assert any("recent AS MATERIALIZED" in sql for sql in statements("fractions"))
    bounded = pages("fractions")

    monkeypatch.setattr(postgres, "MIN_SPAN", 10**9)
    assert not any("recent AS MATERIALIZED" in sql for sql in statements("fractions"))
    walked = pages("fractions")

    assert bounded == walked
    # The five newest first, then the older candidates, up to twelve in all.
    assert sum(len(page) for page in bounded) == 12
    assert bounded[0] == ["Note 290", "Note 280"]


@POSTGRES
def test_words_rarer_than_any_listed_and_filtered_searches_walk_back(small_windows, community):
    fill()
    index(community, title="Fractions in a community")

    # Quoted, so not a prefix of word170 and the rest: one document of 300.
    assert not any("recent AS MATERIALIZED" in sql for sql in statements('"word17"'))
    with CaptureQueriesContext(connection) as captured:
        hits = find("fractions", community=community)
    assert titles(hits) == ["Fractions in a community"]
    assert not any("recent AS MATERIALIZED" in q["sql"] for q in captured.captured_queries)
