"""Time the password-reset answer for a known and an unknown address (issue 10: 51 ms vs 5 ms).

Not a test: prints one JSON line per address kind, never fails on timing. Throttling is lifted
for the run (it would answer 429 after a few requests); the minimum answer time stays as set.
"""

import json
import statistics
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.test import Client, override_settings


class Command(BaseCommand):
    help = "Mengukur waktu jawaban atur ulang kata sandi untuk alamat yang dikenal dan tidak dikenal."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=30, help="Permintaan terukur per jenis alamat.")
        parser.add_argument("--email", help="Alamat akun yang dikenal (bawaan: akun aktif pertama bersurel).")

    def handle(self, *args, **options):
        user = get_user_model().objects.filter(is_active=True).exclude(email="").order_by("pk")
        if options["email"]:
            user = user.filter(email__iexact=options["email"])
        user = user.first()
        if user is None:
            raise CommandError("Tidak ada akun aktif dengan alamat surel; jalankan load_demo dulu.")
        targets = {"known": user.email, "unknown": "tidak.terdaftar@contoh.invalid"}
        with override_settings(
            PORTAL_PASSWORD_RESET_LIMIT_PER_ADDRESS=10**9,
            PORTAL_PASSWORD_RESET_LIMIT_PER_CLIENT=10**9,
            ALLOWED_HOSTS=["testserver", *settings.ALLOWED_HOSTS],
        ):
            client = Client()
            for kind, email in targets.items():
                timings = []
                for _ in range(options["requests"]):
                    started = time.perf_counter()
                    response = client.post("/admin/password_reset/", {"email": email})
                    timings.append((time.perf_counter() - started) * 1000)
                self.stdout.write(
                    json.dumps(
                        {
                            "name": f"password_reset_{kind}",
                            "status": response.status_code,
                            "requests": len(timings),
                            "median_ms": round(statistics.median(timings), 1),
                            "p95_ms": round(sorted(timings)[int(len(timings) * 0.95) - 1], 1),
                            "min_seconds_setting": settings.PORTAL_PASSWORD_RESET_MIN_SECONDS,
                        }
                    )
                )
