"""Rebuild the search index of threads and posts from the discussions tables.

Every thread goes through ``discussions.indexing.index_thread``, the same code that indexes
it after each write, so a rebuilt index is exactly what live indexing would have produced.
Documents the rebuild did not touch belong to threads or posts that are gone (or were
indexed under another community) and are removed at the end.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from staffroom.communities.models import Community
from staffroom.discussions import indexing
from staffroom.discussions.models import Thread
from staffroom.search.models import SearchDocument

# The document kinds that discussions index; other kinds (resources, …) are left alone.
KINDS = ("thread", "post")
BATCH_SIZE = 500


@dataclass(frozen=True)
class RebuildSummary:
    threads: int
    documents: int
    removed: int


def index_rebuild(
    *,
    community: Community | None = None,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int, int], None] | None = None,
) -> RebuildSummary:
    """Index every thread and post again (of one community, or all) and drop stale documents.

    Threads are read in batches of ``batch_size`` ids, each batch in its own transaction, so
    memory stays flat and a failure loses at most one batch. ``progress(done, total)`` is
    called after each batch.
    """
    started = timezone.now()
    threads = Thread.objects.order_by("pk")
    documents = SearchDocument.objects.filter(kind__in=KINDS)
    if community is not None:
        threads = threads.filter(community=community)
        documents = documents.filter(community=community)
    total = threads.count()
    done, last_id = 0, 0
    while True:
        ids = list(threads.filter(pk__gt=last_id).values_list("pk", flat=True)[:batch_size])
        if not ids:
            break
        with transaction.atomic():
            for thread_id in ids:
                indexing.index_thread(thread_id)
        done, last_id = done + len(ids), ids[-1]
        if progress is not None:
            progress(done, total)
    # Every live document was just written (``updated_at`` is set on each save); what is
    # older belongs to something deleted or hidden since it was indexed.
    removed, _by_model = documents.filter(updated_at__lt=started).delete()
    if community is None:
        full_text_rebuild()
    return RebuildSummary(threads=done, documents=documents.count(), removed=removed)


def full_text_rebuild() -> None:
    """Rebuild SQLite's FTS5 index from the documents table; PostgreSQL needs nothing."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
