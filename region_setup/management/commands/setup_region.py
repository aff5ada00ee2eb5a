"""manage.py setup_region: create a production region from nothing (idempotent)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from region_setup.setup import RegionSetupError, parse_opds_csv, setup_region


class Command(BaseCommand):
    help = (
        "Menyiapkan daerah baru: identitas daerah, beranda dan halaman bakunya, situs dan domain, grup platform, "
        "akun Diskominfo pertama, dan (opsional) OPD dari CSV. Aman dijalankan ulang."
    )

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="Nama resmi daerah, misalnya 'Kabupaten Contoh'")
        parser.add_argument("--kind", required=True, choices=["provinsi", "kabupaten", "kota"])
        parser.add_argument("--domain", required=True, help="Domain go.id portal, misalnya contohkab.go.id")
        parser.add_argument(
            "--time-zone", required=True, help="Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)"
        )
        parser.add_argument("--diskominfo-email", action="append", default=[], required=True,
                            help="Surel akun Diskominfo pertama (boleh diulang)")  # fmt: skip
        parser.add_argument("--government-name", default="", help="Misalnya 'Pemerintah Kabupaten Contoh'")
        parser.add_argument("--address", default="")
        parser.add_argument("--phone", default="")
        parser.add_argument("--email", default="", help="Surel resmi daerah (go.id)")
        parser.add_argument("--logo", help="Berkas gambar lambang daerah (PNG/JPEG)")
        parser.add_argument("--opds", help="CSV OPD: name,acronym,kind,admin_emails (surel dipisah spasi atau ;)")
        parser.add_argument("--no-invite", action="store_true", help="Buat akun tanpa mengirim undangan")

    def handle(self, *args, **options):
        opds = []
        if options.get("opds"):
            path = Path(options["opds"])
            if not path.is_file():
                raise CommandError(f"Berkas CSV {path} tidak ditemukan.")
            try:
                opds = parse_opds_csv(path.read_text(encoding="utf-8-sig"))
            except (RegionSetupError, UnicodeDecodeError) as error:
                raise CommandError(str(error)) from error
        logo = None
        if options.get("logo"):
            logo_path = Path(options["logo"])
            if not logo_path.is_file():
                raise CommandError(f"Berkas lambang {logo_path} tidak ditemukan.")
            logo = logo_path.open("rb")
        try:
            result = setup_region(
                name=options["name"], kind=options["kind"], domain=options["domain"],
                time_zone=options["time_zone"], diskominfo_emails=options["diskominfo_email"],
                government_name=options["government_name"], address=options["address"], phone=options["phone"],
                email=options["email"], logo=logo, opds=opds, invite=not options["no_invite"],
            )  # fmt: skip
        except RegionSetupError as error:
            raise CommandError(str(error)) from error
        finally:
            if logo is not None:
                logo.close()
        if result.created:
            self.stdout.write("Dibuat: " + ", ".join(str(item) for item in result.created))
        for member in result.invited:
            self.stdout.write(f"Akun Diskominfo {member.username} ({member.email}) dibuat dan diundang.")
        new_opds = [outcome.team.opd.acronym for outcome in result.opds if outcome.created]
        if new_opds:
            self.stdout.write("OPD baru: " + ", ".join(new_opds))
        if not (result.created or result.invited or new_opds):
            self.stdout.write(self.style.SUCCESS("Daerah sudah siap; tidak ada yang diubah."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Daerah {options['name']} siap di https://{result.site.hostname}/"))
