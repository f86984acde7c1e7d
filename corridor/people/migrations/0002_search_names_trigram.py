"""On PostgreSQL, a trigram index makes name-fragment search (LIKE '%…%') use an index at
corridor scale. pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
SQLite has no such index; there the search reads the organisation's people through its index."""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS person_search_names_trgm ON people_person USING gin (search_names gin_trgm_ops)",
]
BACKWARD = ["DROP INDEX IF EXISTS person_search_names_trgm"]


def _on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial")]
    operations = [migrations.RunPython(_on_postgresql(FORWARD), _on_postgresql(BACKWARD))]
