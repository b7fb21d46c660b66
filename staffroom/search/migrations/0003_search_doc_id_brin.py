"""A BRIN index on the documents' ids, on PostgreSQL only.

Ids grow with time and rows are mostly appended, so a block range summary of a few
kilobytes tells which pages hold a stretch of ids. A search reading the matches of its
newest stretch combines it with the GIN index; the primary key's B-tree, read for the
same stretch, took 9 ms for 190,000 ids at the M benchmark size, the BRIN index 1 ms.
"""

from django.db import migrations

# 16 pages a range: about 130 documents of the benchmark's size, so a stretch is cut finely.
CREATE = (
    "CREATE INDEX IF NOT EXISTS search_doc_id_brin ON search_searchdocument "
    "USING brin (id) WITH (pages_per_range = 16)"
)
DROP = "DROP INDEX IF EXISTS search_doc_id_brin"


def _on_postgres(statement):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0002_searchdocument_community_optional")]

    operations = [migrations.RunPython(_on_postgres(CREATE), _on_postgres(DROP))]
