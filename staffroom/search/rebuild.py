"""Rebuild the search index of threads, posts, library resources and chat transcripts.

Every thread goes through ``discussions.indexing.index_thread``, every resource through
``resources.indexing.index_resource`` and every archived chat through
``livechat.archive.index_chat``, the same code that indexes them after each write, so
a rebuilt index is exactly what live indexing would have produced. Documents the rebuild did
not touch belong to things that are gone (or were indexed under another community) and are
removed at the end.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

from staffroom.communities.models import Community
from staffroom.discussions import indexing as thread_indexing
from staffroom.discussions.models import Thread
from staffroom.livechat.archive import index_chat
from staffroom.livechat.models import Chat
from staffroom.resources import indexing as resource_indexing
from staffroom.resources.models import Resource
from staffroom.search.models import SearchDocument

# The document kinds rebuilt here; other kinds are left alone.
KINDS = ("thread", "post", "resource", "chat")
BATCH_SIZE = 500


@dataclass(frozen=True)
class RebuildSummary:
    threads: int
    resources: int
    documents: int
    removed: int
    chats: int = 0


def index_rebuild(
    *,
    community: Community | None = None,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[str, int, int], None] | None = None,
) -> RebuildSummary:
    """Index every thread, post, resource and archived chat again (of one community, or all) and drop
    stale documents.

    Rows are read in batches of ``batch_size`` ids, each batch in its own transaction, so
    memory stays flat and a failure loses at most one batch. ``progress(what, done, total)``
    is called after each batch, with ``what`` "threads", "resources" or "chats".
    """
    started = timezone.now()
    threads = Thread.objects.order_by("pk")
    # Deleted resources are left for the sweep below, like hidden threads' replies.
    resources = Resource.objects.filter(deleted_at__isnull=True).order_by("pk")
    # Cancelled and unfinished chats have no transcript; the sweep drops any old copy.
    chats = Chat.objects.filter(archived_at__isnull=False, cancelled_at__isnull=True).order_by("pk")
    documents = SearchDocument.objects.filter(kind__in=KINDS)
    if community is not None:
        threads = threads.filter(community=community)
        resources = resources.filter(community=community)
        chats = chats.filter(community=community)
        documents = documents.filter(community=community)
    thread_count = _in_batches(
        threads, thread_indexing.index_thread, batch_size, _report(progress, "threads")
    )
    resource_count = _in_batches(
        resources, resource_indexing.index_resource, batch_size, _report(progress, "resources")
    )
    chat_count = _in_batches(chats, index_chat, batch_size, _report(progress, "chats"))
    # Every live document was just written (``updated_at`` is set on each save); what is
    # older belongs to something deleted or hidden since it was indexed.
    removed, _by_model = documents.filter(updated_at__lt=started).delete()
    if community is None:
        full_text_rebuild()
    return RebuildSummary(
        threads=thread_count,
        resources=resource_count,
        documents=documents.count(),
        removed=removed,
        chats=chat_count,
    )


def _report(progress, what: str) -> Callable[[int, int], None] | None:
    if progress is None:
        return None
    return lambda done, total: progress(what, done, total)


def _in_batches(
    rows: QuerySet,
    index: Callable[[int], None],
    batch_size: int,
    progress: Callable[[int, int], None] | None,
) -> int:
    """Index every row of ``rows`` by id, a batch per transaction; return how many."""
    total = rows.count()
    done, last_id = 0, 0
    while True:
        ids = list(rows.filter(pk__gt=last_id).values_list("pk", flat=True)[:batch_size])
        if not ids:
            break
        with transaction.atomic():
            for row_id in ids:
                index(row_id)
        done, last_id = done + len(ids), ids[-1]
        if progress is not None:
            progress(done, total)
    return done


def full_text_rebuild() -> None:
    """Rebuild SQLite's FTS5 index from the documents table; PostgreSQL needs nothing."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
