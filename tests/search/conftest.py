import itertools

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from staffroom.search.services import document_upsert
from tests.factories.communities import CommunityFactory

_object_ids = itertools.count(1)


def index(community, *, kind: str = "thread", object_id: int | None = None, **fields):
    """Index one document with sensible defaults; tests name only what they check.

    ``community`` None indexes a public document, as for a portfolio resource.
    """
    fields.setdefault("title", "")
    fields.setdefault("body", "")
    return document_upsert(
        kind=kind,
        object_id=object_id if object_id is not None else next(_object_ids),
        community_id=community.pk if community is not None else None,
        **fields,
    )


def titles(results) -> list[str]:
    return [hit.title for hit in results]


def fts_integrity_check() -> None:
    """Raise if SQLite's FTS index and the documents table disagree (no-op elsewhere)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")


@pytest.fixture
def anonymous():
    return AnonymousUser()


@pytest.fixture
def community():
    return CommunityFactory(name="Ratio club", slug="ratio-club")
