"""Every change to the search index.

Callers pass plain text (never HTML) and call these from ``transaction.on_commit`` or in
the same transaction as their own write. The full-text index follows in the same
transaction: SQLite triggers update ``search_fts``, PostgreSQL recomputes ``search_vector``.
"""

import unicodedata
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.db import transaction

from staffroom.core.errors import ServiceError
from staffroom.search.models import SearchDocument

MAX_TITLE_CHARS = SearchDocument._meta.get_field("title").max_length
MAX_BODY_CHARS = 100_000
MAX_KIND_CHARS = SearchDocument._meta.get_field("kind").max_length
_UNSET: Any = object()
_BATCH = 500


def _plain(text: str) -> str:
    """Drop characters the databases refuse (NUL, lone surrogates) or that search uses as
    highlight marks (private use)."""
    text = text.encode("utf-8", "ignore").decode("utf-8")
    if text.isprintable():
        return text
    return "".join(
        char
        for char in text
        if char in "\n\t" or unicodedata.category(char) not in {"Cc", "Co", "Cs"}
    )


def _tags(tags: Iterable[str] | str) -> str:
    if isinstance(tags, str):
        tags = tags.split()
    seen: list[str] = []
    for tag in tags:
        for slug in _plain(str(tag)).lower().split():
            if slug not in seen:
                seen.append(slug)
    return " ".join(seen)


@transaction.atomic
def document_upsert(
    *,
    kind: str,
    object_id: int,
    community_id: int | None,
    title: str,
    body: str,
    space_id: int | None = None,
    thread_id: int | None = None,
    tags: Iterable[str] | str = (),
    thread_kind: str = "",
    solved: bool = False,
    attrs: dict[str, Any] | None = None,
    created_at: datetime | None = None,
) -> SearchDocument:
    """Add a document to the index, or replace the indexed copy of it.

    A thread's document and its posts' documents all carry the thread's id in
    ``thread_id``, so that ``documents_delete_for`` and ``documents_update_for`` reach them.
    A document with no ``community_id`` is public: everyone, signed in or not, finds it.
    """
    if not kind or len(kind) > MAX_KIND_CHARS:
        raise ServiceError(f"A document kind is 1 to {MAX_KIND_CHARS} characters.", field="kind")
    values = {
        "community_id": community_id,
        "space_id": space_id,
        "thread_id": thread_id,
        "title": _plain(title or "")[:MAX_TITLE_CHARS],
        "body": _plain(body or "")[:MAX_BODY_CHARS],
        "tags": _tags(tags),
        "thread_kind": thread_kind or "",
        "solved": bool(solved),
        "attrs": dict(attrs or {}),
    }
    if created_at is not None:
        values["created_at"] = created_at
    document, _created = SearchDocument.objects.update_or_create(
        kind=kind, object_id=object_id, defaults=values
    )
    return document


@transaction.atomic
def document_delete(*, kind: str, object_id: int) -> int:
    """Remove one document from the index; return how many were removed (0 or 1)."""
    deleted, _ = SearchDocument.objects.filter(kind=kind, object_id=object_id).delete()
    return deleted


@transaction.atomic
def documents_delete_for(*, thread_id: int) -> int:
    """Remove a thread's document and all its posts' documents; return how many."""
    deleted, _ = SearchDocument.objects.filter(thread_id=thread_id).delete()
    return deleted


@transaction.atomic
def documents_update_for(
    *,
    thread_id: int,
    space_id: int | None = _UNSET,
    thread_kind: str = _UNSET,
    solved: bool = _UNSET,
    tags: Iterable[str] | str = _UNSET,
    attrs: dict[str, Any] | None = None,
) -> int:
    """Change the filters of a thread's documents (moved, solved, retagged, …) and merge
    ``attrs`` into each; return how many documents were changed."""
    documents = SearchDocument.objects.filter(thread_id=thread_id)
    changes: dict[str, Any] = {}
    if space_id is not _UNSET:
        changes["space_id"] = space_id
    if tags is not _UNSET:
        changes["tags"] = _tags(tags)
    if thread_kind is not _UNSET:
        changes["thread_kind"] = thread_kind or ""
    if solved is not _UNSET:
        changes["solved"] = bool(solved)
    changed = documents.update(**changes) if changes else 0
    if attrs:
        rows = list(documents.only("id", "attrs"))
        for row in rows:
            row.attrs = {**row.attrs, **attrs}
        SearchDocument.objects.bulk_update(rows, ["attrs"], batch_size=_BATCH)
        changed = max(changed, len(rows))
    return changed
