"""Keyset pagination: pages cost the same however deep they are."""

import base64
import contextlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet


@dataclass
class Page:
    items: list
    next_cursor: str | None

    @property
    def has_next(self) -> bool:
        return self.next_cursor is not None


def _encode(values: list[Any]) -> str:
    plain = [v.isoformat() if isinstance(v, datetime) else v for v in values]
    return base64.urlsafe_b64encode(json.dumps(plain).encode()).decode().rstrip("=")


def _decode(cursor: str, size: int) -> list[Any] | None:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(
            base64.urlsafe_b64decode(padded.encode()), parse_constant=_refuse_constant
        )
    except (ValueError, TypeError):
        return None
    if not isinstance(values, list) or len(values) != size:
        return None
    if not all(isinstance(value, str | int | float) for value in values):
        return None
    if any(isinstance(value, int) and abs(value) >= 2**63 for value in values):
        return None
    # PostgreSQL refuses NUL characters outright.
    if any(isinstance(value, str) and "\x00" in value for value in values):
        return None
    return values


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a cursor value")


def _after(order: tuple[str, ...], values: list[Any]) -> Q:
    """Build “strictly after this row” for a multi-column ordering."""
    condition = Q()
    for index in reversed(range(len(order))):
        field = order[index].lstrip("-")
        lookup = "lt" if order[index].startswith("-") else "gt"
        step = Q(**{f"{field}__{lookup}": values[index]})
        equal = Q(**{order[j].lstrip("-"): values[j] for j in range(index)})
        condition = (equal & step) | condition if condition else equal & step
    return condition


def keyset_page(
    queryset: QuerySet, *, order: tuple[str, ...], cursor: str | None, size: int
) -> Page:
    """Return one page after ``cursor``; the last field of ``order`` must be unique."""
    queryset = queryset.order_by(*order)
    if cursor:
        values = _decode(cursor, len(order))
        if values is not None:
            # A cursor is user input: one that does not fit the columns means “start over”.
            with contextlib.suppress(ValueError, TypeError, OverflowError, ValidationError):
                queryset = queryset.filter(_after(order, values))
    return page_of_rows(list(queryset[: size + 1]), order=order, size=size)


def page_of_rows(rows: list, *, order: tuple[str, ...], size: int) -> Page:
    """Make a page of up to ``size + 1`` rows read in ``order``: the extra row says more follow."""
    next_cursor = None
    if len(rows) > size:
        rows = rows[:size]
        last = rows[-1]
        next_cursor = _encode([_value(last, field.lstrip("-")) for field in order])
    return Page(items=rows, next_cursor=next_cursor)


def _value(row: Any, path: str) -> Any:
    for part in path.split("__"):
        row = getattr(row, part)
    return row


def page_links(current: int, count: int, *, around: int = 2) -> list[int | None]:
    """The page numbers a pager shows: the first, the last and a few either side of the
    current one, with ``None`` where a run of pages is left out.

    A thread of 50,000 posts has 2,000 pages; listing every one made each page of it
    80 KB of links that nobody scrolls through, and most of its rendering time.
    """
    if count <= 1:
        return []
    shown = {1, count, *range(max(1, current - around), min(count, current + around) + 1)}
    links: list[int | None] = []
    previous = 0
    for number in sorted(shown):
        if number == previous + 2:
            links.append(previous + 1)  # a gap of one page: the number is as short as "…"
        elif number > previous + 2:
            links.append(None)
        links.append(number)
        previous = number
    return links
