"""Print the demo region's current 2FA code (the demo accounts share one authenticator secret)."""

from django.core.management.base import BaseCommand

from demo.two_factor import current_code, demo_secret


class Command(BaseCommand):
    help = "Menampilkan kode verifikasi dua langkah demo yang berlaku sekarang (30 detik)."

    def handle(self, *args, **options):
        self.stdout.write(f"Kode verifikasi demo: {current_code()}  (kunci rahasia {demo_secret()})")
