"""Keyset pagination returns every row exactly once, in order, however the pages fall."""

import base64
import json
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from staffroom.communities.models import Community
from staffroom.core.pagination import keyset_page, page_links
from tests.factories.communities import CommunityFactory

pytestmark = pytest.mark.django_db

ORDERS = [
    ("member_count", "pk"),
    ("-member_count", "pk"),
    ("member_count", "-pk"),
    ("-member_count", "-pk"),
    ("name", "pk"),
    ("-name", "-pk"),
    ("-created_at", "pk"),
    ("visibility", "-member_count", "pk"),
]


def walk(queryset, order, size: int) -> list[int]:
    """Follow the cursors from the first page to the last and return the pks seen."""
    seen: list[int] = []
    cursor = None
    for _page in range(1000):
        page = keyset_page(queryset, order=order, cursor=cursor, size=size)
        assert len(page.items) <= size
        seen.extend(row.pk for row in page.items)
        if not page.has_next:
            assert page.next_cursor is None
            return seen
        assert len(page.items) == size
        cursor = page.next_cursor
    raise AssertionError("the cursors never reached the last page")


def make_rows(counts: list[int]) -> None:
    """Create communities whose member counts, names and times tie often."""
    moment = datetime(2026, 1, 1, 9, 30, 15, 123456, tzinfo=UTC)
    for n, count in enumerate(counts):
        CommunityFactory(
            name=["Algebra", "algebra", "Biology", "Algebra "][n % 4],
            member_count=count,
            visibility=["public", "members"][n % 2],
        )
    # Ties on a timestamp, with microseconds, are the case cursors most often get wrong.
    every_other = list(Community.objects.order_by("pk").values_list("pk", flat=True))[::2]
    Community.objects.filter(pk__in=every_other).update(created_at=moment)


@pytest.mark.parametrize("order", ORDERS, ids=[",".join(o) for o in ORDERS])
@pytest.mark.parametrize("size", [1, 2, 3, 7, 50])
def test_every_row_appears_exactly_once_in_order(order, size):
    make_rows([3, 1, 3, 3, 0, 2, 1, 3, 2, 2, 0])
    queryset = Community.objects.all()

    seen = walk(queryset, order, size)

    assert seen == list(queryset.order_by(*order).values_list("pk", flat=True))


@given(
    counts=st.lists(st.integers(min_value=0, max_value=3), max_size=15),
    size=st.integers(min_value=1, max_value=6),
    order=st.sampled_from(ORDERS),
)
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_data_and_page_size_walks_every_row_once(counts, size, order):
    Community.objects.all().delete()
    make_rows(counts)
    queryset = Community.objects.all()

    seen = walk(queryset, order, size)

    assert seen == list(queryset.order_by(*order).values_list("pk", flat=True))
    assert len(seen) == len(set(seen)) == len(counts)


def test_a_filtered_queryset_pages_within_the_filter():
    make_rows([5, 4, 3, 2, 1, 0])
    queryset = Community.objects.filter(member_count__gte=2)

    seen = walk(queryset, ("-member_count", "pk"), 2)

    assert [Community.objects.get(pk=pk).member_count for pk in seen] == [5, 4, 3, 2]


def test_an_empty_queryset_is_one_empty_page():
    page = keyset_page(Community.objects.all(), order=("pk",), cursor=None, size=5)

    assert page.items == []
    assert not page.has_next


def test_an_exactly_full_page_has_no_next_page():
    make_rows([1, 2, 3])

    page = keyset_page(Community.objects.all(), order=("pk",), cursor=None, size=3)

    assert len(page.items) == 3
    assert page.next_cursor is None


def test_a_later_page_is_found_by_key_not_by_offset():
    make_rows(list(range(10)))
    first = keyset_page(Community.objects.all(), order=("-member_count", "pk"), cursor=None, size=3)

    with CaptureQueriesContext(connection) as context:
        keyset_page(
            Community.objects.all(), order=("-member_count", "pk"), cursor=first.next_cursor, size=3
        )

    (query,) = context.captured_queries
    assert "OFFSET" not in query["sql"].upper()


def _cursor(values) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "cursor",
    ["!!!garbage", "", "=", "bm90IGpzb24", _cursor([3]), _cursor([1, 2, 3]), _cursor({"a": 1})],
    ids=["symbols", "empty", "padding", "not json", "too short", "too long", "not a list"],
)
def test_a_garbage_cursor_is_ignored(cursor):
    make_rows([3, 2, 1])

    page = keyset_page(
        Community.objects.all(), order=("-member_count", "pk"), cursor=cursor, size=2
    )

    assert [row.member_count for row in page.items] == [3, 2]


@pytest.mark.parametrize(
    "values", [["many", "of"], [None, None], [[1], {"a": 1}]], ids=["strings", "nulls", "lists"]
)
def test_a_cursor_with_values_of_the_wrong_type_is_ignored(values):
    make_rows([3, 2, 1])

    page = keyset_page(
        Community.objects.all(), order=("-member_count", "pk"), cursor=_cursor(values), size=2
    )

    assert [row.member_count for row in page.items] == [3, 2]


# --- the numbers a pager shows --------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "count", "links"),
    [
        (1, 1, []),
        (1, 2, [1, 2]),
        (1, 5, [1, 2, 3, 4, 5]),  # 4 stands in for a gap of one page
        (1, 6, [1, 2, 3, None, 6]),
        (6, 6, [1, None, 4, 5, 6]),
        (4, 7, [1, 2, 3, 4, 5, 6, 7]),
        (1000, 2000, [1, None, 998, 999, 1000, 1001, 1002, None, 2000]),
        (2000, 2000, [1, None, 1998, 1999, 2000]),
    ],
)
def test_page_links_show_the_ends_and_the_pages_around_the_current_one(current, count, links):
    assert page_links(current, count) == links


@given(st.integers(min_value=1, max_value=10_000), st.data())
def test_page_links_stay_short_ordered_and_include_the_current_page(count, data):
    current = data.draw(st.integers(min_value=1, max_value=count))

    links = page_links(current, count)

    numbers = [n for n in links if n is not None]
    if count == 1:
        assert links == []
        return
    assert len(links) <= 9
    assert numbers == sorted(set(numbers))
    assert {1, current, count} <= set(numbers)
    # A gap stands only between numbers more than one page apart, never at either end.
    assert links[0] == 1 and links[-1] == count
    for index, item in enumerate(links):
        if item is None:
            assert links[index + 1] - links[index - 1] > 2
        elif index and links[index - 1] is not None:
            assert item == links[index - 1] + 1
