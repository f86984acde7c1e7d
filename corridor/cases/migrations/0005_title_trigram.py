"""On PostgreSQL, a trigram index on the upper-cased title serves `title__icontains` in case search
(Django compares UPPER(title) LIKE UPPER('%…%'))."""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS case_title_upper_trgm ON cases_case USING gin (upper(title) gin_trgm_ops)",
]
BACKWARD = ["DROP INDEX IF EXISTS case_title_upper_trgm"]


def _on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("cases", "0004_case_org_opened")]
    operations = [migrations.RunPython(_on_postgresql(FORWARD), _on_postgresql(BACKWARD))]
