import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from django.test import SimpleTestCase

REPO = Path(__file__).resolve().parents[2]


class SqliteModeTests(SimpleTestCase):
    def test_file_database_runs_in_wal_mode_with_a_busy_timeout(self):
        with tempfile.TemporaryDirectory() as folder:
            database = Path(folder) / "portal.sqlite3"
            script = (
                "import django; django.setup(); from django.db import connection;"
                "c = connection.cursor(); c.execute('PRAGMA journal_mode'); print(c.fetchone()[0]);"
                "print(connection.settings_dict['OPTIONS']['timeout'])"
            )
            run = subprocess.run(
                [sys.executable, "-c", script],
                cwd=REPO,
                env={
                    "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
                    "DATABASE_URL": f"sqlite:///{database}",
                    "PATH": "/usr/bin:/bin",
                },
                capture_output=True,
                text=True,
            )
            self.assertEqual(run.returncode, 0, run.stderr)
            self.assertEqual(run.stdout.split(), ["wal", "20"])
            self.assertEqual(sqlite3.connect(database).execute("PRAGMA journal_mode").fetchone()[0], "wal")
