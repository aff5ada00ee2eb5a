"""Peak memory of reading and converting a WordPress export: a 5 MB and a 50 MB one (flat = streaming works)."""

import tempfile
import time
import tracemalloc
from pathlib import Path

from django.core.management.base import BaseCommand

from benchmarks.wordpress_export import write_export
from wordpress_import.content import convert_body
from wordpress_import.gates import spam_reasons
from wordpress_import.wxr import read_export


def measure(path):
    """Read every item and convert and spam-check every post and page, as the import does; no database."""
    tracemalloc.start()
    started = time.perf_counter()
    items = 0
    with open(path, "rb") as export:
        for item in read_export(export):
            items += 1
            if item.post_type in {"post", "page"}:
                convert_body(item.content, shortcodes={})
                spam_reasons(item.title, item.content)
    elapsed = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return items, peak, elapsed


class Command(BaseCommand):
    help = "Mengukur memori puncak membaca ekspor WordPress 5 MB dan 50 MB (harus hampir sama: streaming)."

    def add_arguments(self, parser):
        parser.add_argument("--megabytes", type=int, nargs="+", default=[5, 50])
        parser.add_argument("--posts", type=int, default=2000)

    def handle(self, *args, **options):
        with tempfile.TemporaryDirectory() as folder:
            for megabytes in options["megabytes"]:
                path = Path(folder) / f"ekspor-{megabytes}mb.xml"
                posts = options["posts"]
                write_export(path, posts=posts, pages=40, images=40, filler_bytes=megabytes * 1024 * 1024 // posts)
                size = path.stat().st_size / 1024 / 1024
                items, peak, elapsed = measure(path)
                self.stdout.write(
                    f"{size:6.1f} MB, {items} butir: memori puncak {peak / 1024 / 1024:5.1f} MB, {elapsed:5.1f} s"
                )
                path.unlink()
