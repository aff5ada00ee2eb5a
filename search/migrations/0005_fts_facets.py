"""SQLite: the FTS5 table gets a ``facets`` column (``o<OPD id> k<kind, hex> y<year>``).

The search filters by OPD, kind and year (and scopes to an OPD) inside the full-text match, so
FTS5 intersects the filter with the words in its own index; a filter on the document row made
SQLite walk every match of a common word (see docs/performance.md, "Search"). FTS5 tables
cannot gain a column: the table is rebuilt from its own stored stems and the document rows
(about 10 s per 100,000 pages), with the terms :func:`search.indexing.facet_terms` writes.
Nothing to do on PostgreSQL, which filters on the document columns.
"""

from django.db import migrations

FACETS_SQL = (
    "trim(coalesce('o' || d.opd_id, '') || ' ' || 'k' || lower(hex(d.kind)) || ' ' || coalesce('y' || d.year, ''))"
)
COLUMNS = "title, summary, body, title_words"
OPTIONS = "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'"

FORWARD = [
    f"CREATE VIRTUAL TABLE search_document_fts_new USING fts5({COLUMNS}, facets, {OPTIONS})",
    f"INSERT INTO search_document_fts_new (rowid, {COLUMNS}, facets) "
    f"SELECT f.rowid, f.title, f.summary, f.body, f.title_words, {FACETS_SQL} "
    "FROM search_document_fts f JOIN search_searchdocument d ON d.page_id = f.rowid",
    "DROP TABLE search_document_fts",
    "ALTER TABLE search_document_fts_new RENAME TO search_document_fts",
]
BACKWARD = [
    f"CREATE VIRTUAL TABLE search_document_fts_old USING fts5({COLUMNS}, {OPTIONS})",
    f"INSERT INTO search_document_fts_old (rowid, {COLUMNS}) SELECT rowid, {COLUMNS} FROM search_document_fts",
    "DROP TABLE search_document_fts",
    "ALTER TABLE search_document_fts_old RENAME TO search_document_fts",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("search", "0004_queryvisitor")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
