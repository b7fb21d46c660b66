"""Search reads: ranked, highlighted, filtered, and never past what the viewer may read.

Each call is one SQL statement whatever the number of hits. The access rule is part of
that statement (a document with no community is public; any other needs
``community_id IN readable_communities(viewer)``), so a page is cut only after every
unreadable document is gone.
"""

import re
from collections.abc import Iterable
from typing import Any

from staffroom.communities.models import Community
from staffroom.permissions.communities import readable_communities
from staffroom.search.backends import get_backend
from staffroom.search.backends.base import SearchHit, SearchResults, Where
from staffroom.search.query import parse, parse_similar

__all__ = ["SearchHit", "SearchResults", "search", "similar"]

MAX_LIMIT = 100
# Ranked results past a few dozen pages help nobody; the cap keeps the work bounded.
MAX_OFFSET = 1000
MAX_SIMILAR = 5
_TAG = re.compile(r"[\w-]+")


def _community_id(community: Community | int | None) -> int | None:
    if community is None or isinstance(community, int):
        return community
    return community.pk


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _where(
    *,
    viewer,
    community_id: int | None = None,
    space_id: int | None = None,
    tag: str | None = None,
    kind: str | Iterable[str] | None = None,
    thread_kind: str | None = None,
    solved: bool | None = None,
    exclude_object_id: int | None = None,
) -> Where | None:
    """Build the filter on documents ``d``; None when the filters can match nothing."""
    readable_sql, readable_params = (
        readable_communities(viewer).order_by().values("pk").query.sql_with_params()
    )
    # No community: public content, such as a resource in a member's portfolio.
    clauses = [f"(d.community_id IS NULL OR d.community_id IN ({readable_sql}))"]
    params: list[Any] = list(readable_params)
    if community_id is not None:
        clauses.append("d.community_id = %s")
        params.append(community_id)
    if space_id is not None:
        clauses.append("d.space_id = %s")
        params.append(space_id)
    if tag is not None:
        tag = tag.strip().lower()
        if not _TAG.fullmatch(tag):
            return None
        clauses.append("(' ' || d.tags || ' ') LIKE %s ESCAPE '\\'")
        params.append(f"% {_like_escape(tag)} %")
    if kind is not None:
        kinds = [kind] if isinstance(kind, str) else list(kind)
        if not kinds:
            return None
        clauses.append(f"d.kind IN ({', '.join(['%s'] * len(kinds))})")
        params += kinds
    if thread_kind is not None:
        clauses.append("d.thread_kind = %s")
        params.append(thread_kind)
    if solved is not None:
        clauses.append("d.solved = %s")
        params.append(bool(solved))
    if exclude_object_id is not None:
        clauses.append("d.object_id <> %s")
        params.append(exclude_object_id)
    return Where(" AND ".join(clauses), params, filtered=len(clauses) > 1)


def search(
    *,
    viewer,
    q: str,
    community: Community | int | None = None,
    space_id: int | None = None,
    tag: str | None = None,
    kind: str | Iterable[str] | None = None,
    thread_kind: str | None = None,
    solved: bool | None = None,
    limit: int = 20,
    offset: int = 0,
) -> SearchResults:
    """Find documents the viewer may read that match ``q``, best first."""
    query = parse(q or "")
    where = _where(
        viewer=viewer,
        community_id=_community_id(community),
        space_id=space_id,
        tag=tag,
        kind=kind,
        thread_kind=thread_kind,
        solved=solved,
    )
    if not query or where is None:
        return SearchResults()
    limit = max(1, min(int(limit), MAX_LIMIT))
    offset = max(0, min(int(offset), MAX_OFFSET))
    hits = get_backend().search(query, where=where, limit=limit + 1, offset=offset)
    return SearchResults(results=hits[:limit], has_more=len(hits) > limit)


def similar(
    *,
    viewer,
    community: Community | int,
    title: str,
    kind: str = "thread",
    thread_kind: str | None = "question",
    exclude_object_id: int | None = None,
    limit: int = MAX_SIMILAR,
) -> list[SearchHit]:
    """Find up to five readable documents in the same community sharing a title's words."""
    query = parse_similar(title or "")
    where = _where(
        viewer=viewer,
        community_id=_community_id(community),
        kind=kind,
        thread_kind=thread_kind,
        exclude_object_id=exclude_object_id,
    )
    if not query or where is None:
        return []
    limit = max(1, min(int(limit), MAX_SIMILAR))
    return get_backend().search(query, where=where, limit=limit, offset=0)
