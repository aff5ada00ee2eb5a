"""Set up a production region from nothing, in one transaction: :func:`setup_region`.

A fresh installation has Wagtail's "Welcome" page as its site root and nothing else. This
creates (or, run again, completes) the region identity (``home.RegionSettings``), the
regional home with its standard pages (*Semua Berita* published, *Tentang …* as a draft for
humas to write), the default Site on the region's go.id host name, the platform groups
(``opd_teams.roles.ensure_platform_groups``), the first Diskominfo accounts (invited by
e-mail to set a password) and, optionally, the OPDs of a CSV through
``opd_teams.onboarding.onboard_opd``. Running it again with the same values changes nothing;
values that contradict the existing region raise :class:`RegionSetupError` (nothing written).
"""

import csv
import dataclasses
import io
import re

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from home.models import HomePage, NewsArchivePage, RegionalPage, RegionKind, RegionSettings
from opd_pages.models import OpdKind
from opd_teams.invitations import set_password_url
from opd_teams.models import DISKOMINFO_GROUP
from opd_teams.onboarding import OnboardingError, clean_emails, get_or_create_member, onboard_opd
from opd_teams.roles import ensure_platform_groups, regional_collection
from outbox.mail import queue_mail

#: The three Indonesian time zones (Asia/Pontianak is WIB too).
TIME_ZONES = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}
GO_ID_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+go\.id$")
PLACEHOLDER_HOSTS = {"", "localhost", "127.0.0.1", "*"}
CSV_COLUMNS = {
    "name": ("name", "nama"),
    "acronym": ("acronym", "singkatan"),
    "kind": ("kind", "jenis"),
    "admin_emails": ("admin_emails", "surel_admin", "admin"),
}
#: Optional columns: an OPD's own host name (served as its own Wagtail Site).
OPTIONAL_CSV_COLUMNS = {"hostname": ("hostname", "nama_host", "alamat_situs")}


class RegionSetupError(Exception):
    """The region cannot be set up as asked; the message is for Diskominfo (Bahasa Indonesia)."""


@dataclasses.dataclass
class RegionSetupResult:
    home: HomePage
    site: Site
    created: list = dataclasses.field(default_factory=list)
    invited: list = dataclasses.field(default_factory=list)
    opds: list = dataclasses.field(default_factory=list)


def parse_opds_csv(text):
    """Rows of an OPD CSV (``name,acronym,kind,admin_emails``; e-mails separated by spaces or ';')."""
    text = text.lstrip("\ufeff")
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    headers = {(header or "").strip().lower(): header for header in reader.fieldnames or []}
    columns = {}
    for key, names in CSV_COLUMNS.items():
        found = next((headers[name] for name in names if name in headers), None)
        if found is None:
            raise RegionSetupError(
                _("Kolom %(column)s tidak ada di CSV OPD (kolom: name, acronym, kind, admin_emails).") % {"column": key}
            )
        columns[key] = found
    for key, names in OPTIONAL_CSV_COLUMNS.items():
        found = next((headers[name] for name in names if name in headers), None)
        if found is not None:
            columns[key] = found
    rows = []
    for number, row in enumerate(reader, start=2):
        values = {key: (row.get(column) or "").strip() for key, column in columns.items()}
        if not any(values.values()):
            continue
        kind = values["kind"].lower()
        if kind not in OpdKind.values:
            raise RegionSetupError(
                _("Baris %(line)d: jenis OPD '%(kind)s' tidak dikenal (pilihan: %(choices)s).")
                % {"line": number, "kind": values["kind"], "choices": ", ".join(OpdKind.values)}
            )
        rows.append(
            {
                "line": number,
                "title": values["name"],
                "acronym": values["acronym"],
                "kind": kind,
                "admin_emails": [e for e in re.split(r"[\s;,]+", values["admin_emails"]) if e],
                "hostname": values.get("hostname", ""),
            }
        )
    return rows


def _validate(name, kind, domain, time_zone, diskominfo_emails):
    if not name.strip():
        raise RegionSetupError(_("Nama daerah wajib diisi."))
    if kind not in RegionKind.values:
        raise RegionSetupError(_("Jenis daerah harus provinsi, kabupaten atau kota."))
    if not GO_ID_HOST.match(domain):
        raise RegionSetupError(
            _("Domain harus nama host go.id, misalnya contohkab.go.id (tanpa https:// dan garis miring).")
        )
    if time_zone not in TIME_ZONES:
        raise RegionSetupError(_("Zona waktu harus Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT)."))
    if time_zone != settings.TIME_ZONE:
        raise RegionSetupError(
            _(
                "Portal berjalan dengan zona waktu %(current)s. Setel variabel lingkungan "
                "TIME_ZONE=%(wanted)s, mulai ulang, lalu jalankan lagi."
            )
            % {"current": settings.TIME_ZONE, "wanted": time_zone}
        )
    try:
        emails = clean_emails(diskominfo_emails)
    except OnboardingError as error:
        raise RegionSetupError(str(error)) from error
    if not emails:
        raise RegionSetupError(_("Isi sedikitnya satu alamat surel akun Diskominfo."))
    return emails


def _publish(page, user):
    page.save_revision(user=user, log_action=True).publish(user=user)


def _ensure_home(name, user, result):
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        if root.get_children().filter(slug="beranda").exists():
            raise RegionSetupError(
                _("Sudah ada halaman beralamat 'beranda' di akar pohon halaman; pindahkan atau hapus dulu.")
            )
        home = HomePage(
            title=_("Beranda"), slug="beranda", intro=_("Selamat datang di portal resmi %(name)s.") % {"name": name}
        )
        root.add_child(instance=home)
        _publish(home, user)
        result.created.append(_("beranda daerah"))
    return home


def _ensure_site(home, domain, name, result):
    clash = Site.objects.filter(hostname=domain).exclude(root_page=home).first()
    if clash is not None:
        raise RegionSetupError(
            _("Host %(domain)s sudah dipakai situs lain (akar: %(root)s).")
            % {"domain": domain, "root": clash.root_page}
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.filter(root_page=home).first()
    if site is not None and site.hostname not in PLACEHOLDER_HOSTS and site.hostname != domain:
        raise RegionSetupError(
            _(
                "Situs utama sudah memakai host %(current)s, bukan %(domain)s. "
                "Ubah lewat Pengaturan → Situs bila memang pindah domain."
            )
            % {"current": site.hostname, "domain": domain}
        )
    old_root = site.root_page if site is not None else None
    wanted = {"hostname": domain, "port": 443, "root_page_id": home.pk, "is_default_site": True}
    if site is None:
        site = Site.objects.create(site_name=name, **wanted)
        result.created.append(_("situs %(domain)s") % {"domain": domain})
    elif any(getattr(site, key) != value for key, value in wanted.items()):
        for key, value in wanted.items():
            setattr(site, key, value)
        site.site_name = site.site_name or name
        site.save()
        result.created.append(_("situs %(domain)s") % {"domain": domain})
    # Wagtail's "Welcome to your new Wagtail site!" page is replaced by the regional home.
    welcome = old_root is not None and old_root.pk != home.pk and old_root.specific_class is Page
    if welcome and old_root.depth == 2 and old_root.get_children_count() == 0:
        old_root.delete()
    return site


def _ensure_settings(site, name, kind, values, logo, result):
    existing = RegionSettings.objects.filter(site=site).first()
    if existing is not None:
        if existing.name and existing.name != name:
            raise RegionSetupError(
                _("Identitas daerah sudah diisi sebagai %(current)s. Ubah lewat Pengaturan → Identitas daerah.")
                % {"current": existing.name}
            )
        if existing.kind != kind:
            raise RegionSetupError(
                _("Jenis daerah sudah %(current)s; ubah lewat Pengaturan → Identitas daerah.")
                % {"current": existing.kind}
            )
        return existing
    region = RegionSettings(site=site, name=name, kind=kind, **values)
    region.government_name = region.government_name or _("Pemerintah %(name)s") % {"name": name}
    region.full_clean(exclude=["logo", "site"])
    if logo is not None:
        image = get_image_model()(title=_("Lambang %(name)s") % {"name": name}, collection=regional_collection())
        image.file = ImageFile(logo, name=getattr(logo, "name", "lambang.png").rsplit("/", 1)[-1])
        image.save()
        region.logo = image
    region.save()
    result.created.append(_("identitas daerah"))
    return region


def _ensure_standard_pages(home, name, user, result):
    if not NewsArchivePage.objects.child_of(home).exists():
        if home.get_children().filter(slug="berita").exists():
            raise RegionSetupError(_("Alamat /berita/ sudah dipakai halaman lain di bawah beranda."))
        archive = NewsArchivePage(
            title=_("Semua Berita"),
            slug="berita",
            intro=_("Berita seluruh perangkat daerah %(name)s, dapat disaring menurut OPD, bulan dan label.")
            % {"name": name},
            show_in_menus=True,
        )
        home.add_child(instance=archive)
        _publish(archive, user)
        result.created.append(_("halaman Semua Berita"))
    if not RegionalPage.objects.child_of(home).filter(slug="tentang").exists():
        if home.get_children().filter(slug="tentang").exists():
            raise RegionSetupError(_("Alamat /tentang/ sudah dipakai halaman lain di bawah beranda."))
        about = RegionalPage(title=_("Tentang %(name)s") % {"name": name}, slug="tentang", live=False)
        home.add_child(instance=about)
        about.save_revision(user=user, log_action=True)  # a draft: humas writes the region's own text
        result.created.append(_("halaman Tentang (draf)"))


def invite_platform_member(member):
    """Queue the invitation of a new Diskominfo account (set-password link, stored in the outbox)."""
    context = {
        "user": member,
        "set_password_url": set_password_url(member),
        "login_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("editor_login"),
    }
    body = render_to_string("region_setup/email/diskominfo_invitation.txt", context)
    queue_mail(_("Undangan pengelola platform portal daerah"), body, [member.email], kind="invitation")


def setup_region(
    *,
    name,
    kind,
    domain,
    time_zone,
    diskominfo_emails,
    government_name="",
    address="",
    phone="",
    email="",
    logo=None,
    opds=(),
    user=None,
    invite=True,
):
    """Create or complete the region; returns a :class:`RegionSetupResult`. See the module docstring."""
    name = (name or "").strip()
    domain = (domain or "").strip().lower()
    kind = (kind or "").strip().lower()
    emails = _validate(name, kind, domain, time_zone, diskominfo_emails)
    values = {"government_name": government_name.strip(), "address": address.strip(), "phone": phone.strip(),
              "email": email.strip()}  # fmt: skip
    try:
        with transaction.atomic():
            result = RegionSetupResult(home=None, site=None)
            result.home = _ensure_home(name, user, result)
            result.site = _ensure_site(result.home, domain, name, result)
            _ensure_settings(result.site, name, kind, values, logo, result)
            _ensure_standard_pages(result.home, name, user, result)
            ensure_platform_groups()
            diskominfo = Group.objects.get(name=DISKOMINFO_GROUP)
            for address_ in emails:
                member, created = get_or_create_member(address_, diskominfo)
                if created:
                    member.is_staff = False
                    result.invited.append(member)
                    if invite:
                        invite_platform_member(member)
            for row in opds:
                try:
                    outcome = onboard_opd(
                        title=row["title"], acronym=row["acronym"], kind=row["kind"],
                        admin_emails=row["admin_emails"], user=user, invite=invite,
                        hostname=row.get("hostname", ""),
                    )  # fmt: skip
                except OnboardingError as error:
                    line = row.get("line")
                    prefix = (
                        _("Baris %(line)s (%(acronym)s): ") % {"line": line, "acronym": row["acronym"]} if line else ""
                    )
                    raise RegionSetupError(prefix + str(error)) from error
                result.opds.append(outcome)
    except Exception as error:
        from django.core.exceptions import ValidationError

        if isinstance(error, ValidationError):
            raise RegionSetupError("; ".join(error.messages)) from error
        raise
    return result


def region_exists():
    return HomePage.objects.exists()
