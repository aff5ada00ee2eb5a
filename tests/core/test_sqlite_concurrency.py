"""SQLite as the portal configures it: WAL and a busy timeout, so a long read never fails a write."""

import threading

import dj_database_url
from django.db.backends.sqlite3.base import DatabaseWrapper

from portal.settings.base import SQLITE_OPTIONS


def portal_sqlite_connection(path, alias):
    """A connection to the file ``path`` with the OPTIONS the portal's settings give SQLite."""
    settings = dj_database_url.parse(f"sqlite:///{path}")
    settings.update(
        OPTIONS=dict(SQLITE_OPTIONS),
        TEST={},
        TIME_ZONE=None,
        CONN_HEALTH_CHECKS=False,
        CONN_MAX_AGE=0,
        ATOMIC_REQUESTS=False,
        AUTOCOMMIT=True,
    )
    return DatabaseWrapper(settings, alias=alias)


def test_a_long_read_does_not_fail_a_concurrent_write(tmp_path, django_db_blocker):
    path = tmp_path / "portal.sqlite3"
    with django_db_blocker.unblock():
        reader = portal_sqlite_connection(path, "reader")
        writer = portal_sqlite_connection(path, "writer")
        with writer.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
            cursor.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)")
            cursor.executemany("INSERT INTO item (name) VALUES (%s)", [(f"berita {n}",) for n in range(2000)])
        # The reader holds a read transaction open (a long search) while the writer publishes.
        reader.connect()
        raw = reader.connection
        raw.execute("BEGIN DEFERRED")
        rows = raw.execute("SELECT name FROM item ORDER BY id")
        rows.fetchmany(10)
        errors = []

        def write():
            try:
                with writer.cursor() as cursor:
                    cursor.execute("INSERT INTO item (name) VALUES (%s)", ["terbit saat dibaca"])
            except Exception as exc:  # noqa: BLE001 - the assertion below reports it
                errors.append(exc)

        writer.inc_thread_sharing()  # the publish runs in another thread, as in another worker
        thread = threading.Thread(target=write)
        thread.start()
        thread.join(timeout=10)
        assert not thread.is_alive(), "the write waited for the reader"
        assert errors == []
        assert len(rows.fetchall()) == 1990  # the reader's snapshot is unchanged
        raw.execute("COMMIT")
        assert raw.execute("SELECT COUNT(*) FROM item").fetchone()[0] == 2001
        reader.close()
        writer.dec_thread_sharing()
        writer.close()
