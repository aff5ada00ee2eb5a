"""Full-text structures the ORM cannot express, per database.

SQLite: an FTS5 table of stems (computed in Python, see search/text.py) whose rowid is the
page id, with a prefix index on the unstemmed title words for autocomplete.
PostgreSQL: stored generated tsvector columns (``indonesian`` configuration, weighted
title A / summary B / body C, and a ``simple`` one of the title for autocomplete), each
with a GIN index.
"""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE search_document_fts USING fts5("
    "title, summary, body, title_words, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS search_document_fts"]

POSTGRES_FORWARD = [
    "ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('indonesian'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('indonesian'::regconfig, coalesce(summary, '')), 'B') || "
    "setweight(to_tsvector('indonesian'::regconfig, coalesce(body, '')), 'C')) STORED",
    "ALTER TABLE search_searchdocument ADD COLUMN title_vector tsvector GENERATED ALWAYS AS ("
    "to_tsvector('simple'::regconfig, coalesce(title, ''))) STORED",
    "CREATE INDEX search_document_vector_gin ON search_searchdocument USING gin (search_vector)",
    "CREATE INDEX search_document_title_gin ON search_searchdocument USING gin (title_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_document_title_gin",
    "DROP INDEX IF EXISTS search_document_vector_gin",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS title_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS search_vector",
]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
