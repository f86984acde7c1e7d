"""On SQLite, an FTS5 trigram index over people's names makes name-fragment search use an index,
like the trigram index does on PostgreSQL. It is an external-content table keyed by the person's
rowid and kept in step by triggers; after a VACUUM (which may renumber rowids) rebuild it with
`INSERT INTO people_person_search(people_person_search) VALUES('rebuild')`."""

from django.db import migrations

FORWARD = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS people_person_search USING fts5(
           search_names, content='people_person', content_rowid='rowid', tokenize='trigram')""",
    """CREATE TRIGGER IF NOT EXISTS people_person_search_insert AFTER INSERT ON people_person BEGIN
           INSERT INTO people_person_search(rowid, search_names) VALUES (new.rowid, new.search_names);
       END""",
    """CREATE TRIGGER IF NOT EXISTS people_person_search_delete AFTER DELETE ON people_person BEGIN
           INSERT INTO people_person_search(people_person_search, rowid, search_names)
           VALUES ('delete', old.rowid, old.search_names);
       END""",
    """CREATE TRIGGER IF NOT EXISTS people_person_search_update AFTER UPDATE OF search_names ON people_person BEGIN
           INSERT INTO people_person_search(people_person_search, rowid, search_names)
           VALUES ('delete', old.rowid, old.search_names);
           INSERT INTO people_person_search(rowid, search_names) VALUES (new.rowid, new.search_names);
       END""",
    "INSERT INTO people_person_search(people_person_search) VALUES ('rebuild')",
]
BACKWARD = [
    "DROP TRIGGER IF EXISTS people_person_search_insert",
    "DROP TRIGGER IF EXISTS people_person_search_delete",
    "DROP TRIGGER IF EXISTS people_person_search_update",
    "DROP TABLE IF EXISTS people_person_search",
]


def _on_sqlite(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("people", "0002_search_names_trigram")]
    operations = [migrations.RunPython(_on_sqlite(FORWARD), _on_sqlite(BACKWARD))]
