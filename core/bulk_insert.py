"""One prepared ``INSERT`` for many rows, in as few round trips as the database allows.

``cursor.executemany`` is one round trip per row with psycopg2 (SQLite runs it in-process, so
there it is already the cheapest way); on PostgreSQL ``execute_values`` sends the rows in pages
of ``PAGE_SIZE`` per statement instead.
"""

PAGE_SIZE = 1_000


def insert_many(connection, table, columns, rows):
    """Insert ``rows`` (sequences of values already prepared for ``connection``) into ``table``."""
    if not rows:
        return
    quote = connection.ops.quote_name
    head = f"INSERT INTO {quote(table)} ({', '.join(quote(column) for column in columns)}) VALUES "
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            from psycopg2.extras import execute_values

            execute_values(cursor.cursor, head + "%s", rows, page_size=PAGE_SIZE)
        else:
            cursor.executemany(head + f"({', '.join(['%s'] * len(columns))})", rows)
