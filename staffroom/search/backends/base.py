"""What every search backend returns, and the one safe way to turn its marks into HTML."""

import html
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import connection
from django.utils.safestring import SafeString, mark_safe

from staffroom.communities.models import Community
from staffroom.search.models import SearchDocument
from staffroom.search.query import Query

# Private-use characters mark matches inside the database; documents never contain them
# (services strip them), so after escaping they can only be the backend's own marks.
MARK_START = "\ue000"
MARK_STOP = "\ue001"
# Stand-ins the PostgreSQL backend uses to keep '<', '-' and '.' away from its parser.
LESS_THAN = "\ue002"
HYPHEN = "\ue003"
DOT = "\ue004"
_RESTORE = str.maketrans({LESS_THAN: "<", HYPHEN: "-", DOT: "."})
_MARKED = re.compile(f"{MARK_START}([^{MARK_START}{MARK_STOP}]*){MARK_STOP}")
_LEFTOVER = re.compile(f"[{MARK_START}{MARK_STOP}]")


def marked_to_html(text: str | None) -> SafeString:
    """Escape a backend's marked-up text and turn its marks into <mark> elements."""
    escaped = html.escape((text or "").translate(_RESTORE), quote=True)
    highlighted = _MARKED.sub(r"<mark>\1</mark>", escaped)
    # Safe: every character of the text was escaped; only <mark> pairs were added.
    return mark_safe(_LEFTOVER.sub("", highlighted))


@dataclass(frozen=True)
class SearchHit:
    """One result, with everything a result list shows and no further queries needed."""

    kind: str
    object_id: int
    title: str
    title_html: SafeString
    snippet: SafeString
    attrs: dict[str, Any]
    # None, and empty name and slug, for public content outside any community.
    community_id: int | None
    community_name: str
    community_slug: str
    space_id: int | None
    thread_id: int | None
    thread_kind: str
    solved: bool
    created_at: datetime
    rank: float

    @property
    def url(self) -> str:
        return self.attrs.get("url", "")


@dataclass(frozen=True)
class SearchResults:
    """A page of hits, best first, and whether another page follows."""

    results: list[SearchHit] = field(default_factory=list)
    has_more: bool = False

    def __iter__(self):
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)

    def __bool__(self) -> bool:
        return bool(self.results)


@dataclass(frozen=True)
class Where:
    """A filter on the documents table, aliased ``d``, with its parameters."""

    sql: str
    params: list[Any]
    # True when more than the access rule narrows the documents (a community, a tag, ...).
    filtered: bool = False


# How many of the newest matches are ranked for relevance: enough for the deepest page
# search() serves (MAX_OFFSET + MAX_LIMIT + 1), so every page comes from one ranking.
CANDIDATES = 1101
# The newest FIRST_RANKED matches come first, best first; the older candidates follow, best
# first, on every database. Pages up to the tenth of twenty then read only FIRST_RANKED + 1
# matches: on PostgreSQL, finding 1,101 matches of a word in 1% of a million posts read
# 110,000 rows (60 ms on the benchmark); 201 read a fifth of that. A deeper page ranks
# both groups, in the same order.
FIRST_RANKED = 200

# Columns every backend selects, so that hits are built the same way.
DOCUMENT_COLUMNS = (
    "d.id, d.kind, d.object_id, d.title, d.attrs, d.community_id, d.space_id, d.thread_id, "
    "d.thread_kind, d.solved, d.created_at, "
    "COALESCE(c.name, '') AS community_name, COALESCE(c.slug, '') AS community_slug"
)


class SearchBackend(ABC):
    """Ranked, highlighted full-text matching over ``SearchDocument`` rows."""

    vendor: str

    def search(self, query: Query, *, where: Where, limit: int, offset: int) -> list[SearchHit]:
        """Return up to ``limit`` hits for the query among documents passing ``where``."""
        if not query:
            return []
        sql, params = self.sql(query, where=where, limit=limit, offset=offset)
        return [self.hit(row) for row in SearchDocument.objects.raw(sql, params)]

    @abstractmethod
    def sql(self, query: Query, *, where: Where, limit: int, offset: int) -> tuple[str, list]:
        """Build one statement selecting DOCUMENT_COLUMNS, ``score``, ``title_marked`` and
        ``snippet_marked``, best first."""

    def hit(self, row: SearchDocument) -> SearchHit:
        return SearchHit(
            kind=row.kind,
            object_id=row.object_id,
            title=row.title,
            title_html=marked_to_html(row.title_marked or row.title),
            snippet=marked_to_html(row.snippet_marked),
            attrs=row.attrs if isinstance(row.attrs, dict) else {},
            community_id=row.community_id,
            community_name=row.community_name,
            community_slug=row.community_slug,
            space_id=row.space_id,
            thread_id=row.thread_id,
            thread_kind=row.thread_kind,
            solved=bool(row.solved),
            created_at=row.created_at,
            rank=float(row.score or 0.0),
        )


def tables() -> dict[str, str]:
    """Quoted table names for building statements."""
    quote = connection.ops.quote_name
    return {
        "documents": quote(SearchDocument._meta.db_table),
        "communities": quote(Community._meta.db_table),
    }
