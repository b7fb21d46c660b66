"""The pieces each backend relies on: the database structures and safe highlighting."""

import pytest
from django.db import connection

from staffroom.search.backends import get_backend
from staffroom.search.backends.base import MARK_START, MARK_STOP, marked_to_html


def test_marks_become_mark_elements_and_everything_else_is_escaped():
    text = f"<i>a</i> {MARK_START}pizza{MARK_STOP} & \"b\" 'c'"

    assert marked_to_html(text) == (
        "&lt;i&gt;a&lt;/i&gt; <mark>pizza</mark> &amp; &quot;b&quot; &#x27;c&#x27;"
    )


def test_unpaired_marks_are_dropped():
    text = f"{MARK_STOP}a{MARK_START}b{MARK_START}c{MARK_STOP}{MARK_STOP}d{MARK_START}"

    assert marked_to_html(text) == "ab<mark>c</mark>d"


def test_nothing_to_mark_gives_an_empty_string():
    assert marked_to_html(None) == ""


def test_the_backend_follows_the_database():
    assert get_backend().vendor == connection.vendor


@pytest.mark.django_db
def test_the_full_text_structures_exist():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE name LIKE 'search_fts%' ORDER BY name"
            )
            names = {row[0] for row in cursor.fetchall()}
            assert {
                "search_fts",
                "search_fts_after_insert",
                "search_fts_after_update",
                "search_fts_after_delete",
            } <= names
        else:
            cursor.execute(
                "SELECT is_generated, data_type FROM information_schema.columns "
                "WHERE table_name = 'search_searchdocument' AND column_name = 'search_vector'"
            )
            assert cursor.fetchone() == ("ALWAYS", "tsvector")
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_doc_vector'")
            assert "gin (search_vector)" in cursor.fetchone()[0]
