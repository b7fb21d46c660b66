"""Documents without a community (public content, such as a member's portfolio resources),
and '.' as a word break on PostgreSQL too.

On SQLite, Django alters the column by copying the table into a new one, which drops the
triggers that keep ``search_fts`` in step. They are written out again here (as in
``0001_initial``, not imported, so this migration keeps doing what it did) after the change
in both directions.

FTS5 splits "CCSS.MATH.CONTENT.6.RP.A.1" into words, so "6.RP.A.1" finds it; PostgreSQL's
parser reads it as a host name followed by a file name, so it did not. The generated column
now turns '.' into a space as well, as the backend does with query terms.
"""

import django.db.models.deletion
from django.db import migrations, models

SQLITE_TRIGGERS = [
    "DROP TRIGGER IF EXISTS search_fts_after_insert",
    "DROP TRIGGER IF EXISTS search_fts_after_delete",
    "DROP TRIGGER IF EXISTS search_fts_after_update",
    """
    CREATE TRIGGER search_fts_after_insert AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, title, body, tags)
        VALUES (new.id, new.title, new.body, new.tags);
    END
    """,
    """
    CREATE TRIGGER search_fts_after_delete AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, body, tags)
        VALUES ('delete', old.id, old.title, old.body, old.tags);
    END
    """,
    """
    CREATE TRIGGER search_fts_after_update AFTER UPDATE OF title, body, tags
    ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, body, tags)
        VALUES ('delete', old.id, old.title, old.body, old.tags);
        INSERT INTO search_fts(rowid, title, body, tags)
        VALUES (new.id, new.title, new.body, new.tags);
    END
    """,
    # The copied rows keep their ids, so the index should still agree; rebuilding makes sure.
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]

POSTGRES_DROP_VECTOR = [
    "DROP INDEX IF EXISTS search_doc_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS search_vector",
]
POSTGRES_INDEX_VECTOR = (
    "CREATE INDEX search_doc_vector ON search_searchdocument USING gin (search_vector)"
)
POSTGRES_DOTS_BREAK_WORDS = [
    *POSTGRES_DROP_VECTOR,
    """
    ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', translate(coalesce(title, ''), '<&-.', '    ')), 'A')
        || setweight(to_tsvector('simple', translate(coalesce(tags, ''), '<&-.', '    ')), 'B')
        || setweight(to_tsvector('simple', translate(coalesce(body, ''), '<&-.', '    ')), 'C')
    ) STORED
    """,
    POSTGRES_INDEX_VECTOR,
]
# What 0001_initial created.
POSTGRES_DOTS_JOIN_WORDS = [
    *POSTGRES_DROP_VECTOR,
    """
    ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', translate(coalesce(title, ''), '<&-', '   ')), 'A')
        || setweight(to_tsvector('simple', translate(coalesce(tags, ''), '<&-', '   ')), 'B')
        || setweight(to_tsvector('simple', translate(coalesce(body, ''), '<&-', '   ')), 'C')
    ) STORED
    """,
    POSTGRES_INDEX_VECTOR,
]


def _run(schema_editor, vendor, statements):
    if schema_editor.connection.vendor == vendor:
        for statement in statements:
            schema_editor.execute(statement)


def recreate_sqlite_triggers(apps, schema_editor):
    _run(schema_editor, "sqlite", SQLITE_TRIGGERS)


def delete_public_documents(apps, schema_editor):
    # The column becomes required again: documents without a community cannot stay.
    SearchDocument = apps.get_model("search", "SearchDocument")
    SearchDocument.objects.using(schema_editor.connection.alias).filter(
        community__isnull=True
    ).delete()


def dots_break_words(apps, schema_editor):
    _run(schema_editor, "postgresql", POSTGRES_DOTS_BREAK_WORDS)


def dots_join_words(apps, schema_editor):
    _run(schema_editor, "postgresql", POSTGRES_DOTS_JOIN_WORDS)


class Migration(migrations.Migration):
    dependencies = [
        ("communities", "0001_initial"),
        ("search", "0001_initial"),
    ]

    operations = [
        # Unapplying ends here, after the column became NOT NULL again (another table copy).
        migrations.RunPython(migrations.RunPython.noop, recreate_sqlite_triggers),
        migrations.AlterField(
            model_name="searchdocument",
            name="community",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="communities.community",
            ),
        ),
        migrations.RunPython(recreate_sqlite_triggers, delete_public_documents),
        migrations.RunPython(dots_break_words, dots_join_words),
    ]
