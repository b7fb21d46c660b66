"""Migration 0002 lets documents go without a community and keeps full-text search working.

On SQLite the column change copies the table, which drops the FTS triggers; the migration
must put them back in both directions.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from staffroom.search.models import SearchDocument
from staffroom.search.selectors import search
from staffroom.search.services import document_delete
from tests.factories.communities import CommunityFactory
from tests.search.conftest import fts_integrity_check, index, titles

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("search", "0001_initial")]
TRIGGERS = {"search_fts_after_insert", "search_fts_after_update", "search_fts_after_delete"}


def migrate(targets=None) -> None:
    """Migrate to ``targets``, or to the latest migration of every app."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets or executor.loader.graph.leaf_nodes())


def sqlite_triggers() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        return {row[0] for row in cursor.fetchall()} & TRIGGERS


@pytest.fixture
def rolled_back():
    """Start from 0001 and always end on the latest schema."""
    migrate(BEFORE)
    yield
    migrate()


def find(q: str) -> list[str]:
    return titles(search(viewer=AnonymousUser(), q=q))


def test_documents_indexed_before_the_migration_are_found_after_it(rolled_back):
    community = CommunityFactory()
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO search_searchdocument (kind, object_id, community_id, title, body,"
            " tags, attrs, solved, thread_kind, created_at, updated_at)"
            " VALUES ('thread', 1, %s, 'Pizza fractions', 'CCSS.MATH.CONTENT.6.RP.A.1', '',"
            " '{}', %s, '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
            [community.pk, False],
        )

    migrate()

    assert find("pizza") == ["Pizza fractions"]
    assert find("6.RP.A.1") == ["Pizza fractions"]
    fts_integrity_check()


def test_after_the_migration_every_write_reaches_the_full_text_index(rolled_back):
    migrate()
    if connection.vendor == "sqlite":
        assert sqlite_triggers() == TRIGGERS

    document = index(None, kind="resource", object_id=1, title="Pizza portfolio")
    assert find("pizza") == ["Pizza portfolio"]
    SearchDocument.objects.filter(pk=document.pk).update(title="Paper strips portfolio")
    assert find("pizza") == []
    assert find("paper") == ["Paper strips portfolio"]
    document_delete(kind="resource", object_id=1)
    assert find("paper") == []
    fts_integrity_check()


def test_unapplying_drops_public_documents_and_keeps_the_triggers():
    community = CommunityFactory()
    index(None, kind="resource", object_id=1, title="Pizza portfolio")
    index(community, kind="resource", object_id=2, title="Pizza community")

    try:
        migrate(BEFORE)
        if connection.vendor == "sqlite":
            assert sqlite_triggers() == TRIGGERS
        with connection.cursor() as cursor:
            cursor.execute("SELECT title FROM search_searchdocument")
            assert [row[0] for row in cursor.fetchall()] == ["Pizza community"]
        fts_integrity_check()
    finally:
        migrate()

    assert find("pizza") == ["Pizza community"]
    fts_integrity_check()
