"""Build the demo region "Kabupaten Contoh" with the factories the tests use.

Idempotent: every object is looked up by a natural key (slug, acronym, title) before it
is created, so running it again changes nothing.
"""

import datetime

import wagtail_factories
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, PageLogEntry, Revision, Site

from home.models import HomePage, RegionSettings
from opd_pages.models import OpdHomePage
from opd_pages.skeleton import standard_sections
from tests.factories.home import HomePageFactory, RegionSettingsFactory
from tests.factories.opd_pages import (
    AnnouncementPageFactory,
    EventPageFactory,
    NewsPageFactory,
    OpdHomePageFactory,
    ProfilePageFactory,
)

from . import content, sites_content
from .images import draw_logo, draw_picture

NEWS_PER_OPD = 12
#: Quiet OPDs (``"quiet": True`` in content.OPDS) published nothing in this many days.
QUIET_DAYS = 120
DEMO_ADMIN_USERNAME = "admin"


def get_or_create_image(title, make_file, filename):
    image_model = get_image_model()
    image = image_model.objects.filter(title=title).first()
    if image is None:
        # In the root collection (the team step moves each OPD's pictures into its own): the
        # factory's default would make a new empty "Test collection" per image.
        image = wagtail_factories.ImageFactory(
            title=title, file=ImageFile(make_file(), name=filename), collection=Collection.get_first_root_node()
        )
    return image


def ensure_home():
    """The regional home page as the default site's root (replacing Wagtail's welcome page)."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePageFactory(parent=root, title="Beranda", slug="beranda", intro=content.HOME_INTRO)
        site = Site.objects.filter(is_default_site=True).first()
        old_root = site.root_page if site else None
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": content.REGION["name"]},
        )
        if old_root and old_root.specific_class is Page and old_root.depth == 2:
            old_root.delete()
    return home


def ensure_region_settings(home):
    site = Site.objects.get(root_page=home)
    if not RegionSettings.objects.filter(site=site).exists():
        logo = get_or_create_image(
            "Lambang Kabupaten Contoh", lambda: draw_logo("region", "KC"), "lambang-kabupaten-contoh.png"
        )
        RegionSettingsFactory(site=site, logo=logo, **content.REGION)


def publish_at(page, when, user):
    """Publish ``page`` with a revision and audit-log entry dated ``when`` (publication history)."""
    revision = page.save_revision(user=user, log_action=True)
    revision.publish(user=user, log_action=True)
    Page.objects.filter(pk=page.pk).update(
        first_published_at=when, last_published_at=when, latest_revision_created_at=when
    )
    Revision.objects.filter(pk=revision.pk).update(created_at=when)
    PageLogEntry.objects.filter(page=page).update(timestamp=when)


def news_dates(count, quiet, today, stagger=0):
    """Dates spread over the last months; quiet OPDs stopped posting four months ago."""
    offset = QUIET_DAYS if quiet else stagger % 5
    step = 14 if quiet else 9
    return [today - datetime.timedelta(days=offset + 1 + i * step + (i % 3)) for i in range(count)]


def local_datetime(date, hour=9):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(hour, 0)))


def build_opd(home, spec, user, today):
    acronym = spec["acronym"]
    logo = get_or_create_image(
        f"Logo {acronym}", lambda: draw_logo(acronym, acronym[:6]), f"logo-{acronym.lower()}.png"
    )
    opd = OpdHomePageFactory(
        parent=home,
        title=spec["title"],
        acronym=acronym,
        slug=slugify(acronym),
        kind=spec["kind"],
        intro=spec["intro"],
        head_name=spec["head_name"],
        head_title=spec["head_title"],
        address=f"Jl. Pahlawan No. {len(acronym) * 3}, Kota Contoh",
        phone=f"(0265) 33{len(acronym):02d}{ord(acronym[0]) % 100:02d}",
        email=f"{acronym.lower()}@contohkab.go.id",
        service_hours="Senin–Kamis: 08.00–15.30 WIB\nJumat: 08.00–11.30 WIB",
        latitude="-7.325000",
        longitude="108.220000",
        logo=logo,
    )
    publish_at(opd, local_datetime(today - datetime.timedelta(days=400)), user)

    values = {
        "title": opd.title,
        "acronym": acronym,
        "head_title": opd.head_title,
        "intro": opd.intro,
        "address": opd.address,
        "phone": opd.phone,
        "email": opd.email,
    }
    for profile_type, title, text in content.PROFILE_PAGES:
        page = ProfilePageFactory(
            parent=opd,
            title=title,
            slug=profile_type,
            profile_type=profile_type,
            body=[("paragraph", f"<p>{text.format(**values)}</p>")],
            last_reviewed=today - datetime.timedelta(days=60),
        )
        publish_at(page, local_datetime(today - datetime.timedelta(days=390)), user)

    founded = local_datetime(today - datetime.timedelta(days=395))
    for section in standard_sections():
        fields = SECTION_FIELDS.get(section.model, lambda opd: {})(opd)
        page = opd.add_child(instance=section.new_page(**fields))
        if section.publish:
            publish_at(page, founded, user)
        else:
            page.save_revision(user=user, log_action=True)
        fill = SECTION_CONTENT.get(section.model)
        if fill is not None:
            fill(page, opd, spec, user, today)
    return opd


def build_news(index, opd, spec, user, today):
    """The OPD's news items, dated over the last months (the quiet OPDs' stop months ago)."""
    acronym = opd.acronym
    dates = news_dates(NEWS_PER_OPD, spec.get("quiet", False), today, stagger=len(acronym))
    for number, date in enumerate(dates):
        title, lead, paragraph = spec["topics"][number % len(spec["topics"])]
        village = content.VILLAGES[(number + len(acronym)) % len(content.VILLAGES)]
        round_no = number // len(spec["topics"])
        title = title.format(desa=village)
        if round_no and "{desa}" not in spec["topics"][number % len(spec["topics"])][0]:
            title = f"{title} (Tahap {round_no + 1})"
        picture = get_or_create_image(
            f"Foto {acronym} {number + 1}",
            lambda t=title: draw_picture(t, acronym),
            f"foto-{acronym.lower()}-{number + 1}.jpg",
        )
        news = NewsPageFactory(
            parent=index,
            title=title,
            slug=f"{slugify(title)[:70]}-{number + 1}",
            date=date,
            lead=lead.format(desa=village),
            main_image=picture,
            image_caption=f"Suasana kegiatan {acronym} di Desa {village}.",
            image_credit=f"Humas {acronym}",
            body=[
                ("paragraph", f"<p>{paragraph.format(desa=village)}</p>"),
                ("paragraph", f"<p>Informasi lebih lanjut dapat diperoleh di kantor {opd.title} pada jam layanan.</p>"),
            ],
        )
        news.tags.add(acronym.lower(), slugify(village))
        publish_at(news, local_datetime(date, 10), user)


def build_announcements(index, opd, spec, user, today):
    """Announcements: the newest still valid (not for quiet OPDs), the others expired."""
    acronym = opd.acronym
    quiet = spec.get("quiet", False)
    for number, (title, lead) in enumerate(content.ANNOUNCEMENTS):
        date = today - datetime.timedelta(days=(QUIET_DAYS + 5 if quiet else 5) + number * 40)
        still_valid = number == 0 and not quiet
        page = AnnouncementPageFactory(
            parent=index,
            title=f"{title} — {acronym}",
            slug=slugify(title)[:60],
            date=date,
            valid_until=today + datetime.timedelta(days=20) if still_valid else date + datetime.timedelta(days=30),
            lead=lead,
            body=[("paragraph", f"<p>{lead}</p>")],
        )
        publish_at(page, local_datetime(date), user)


def build_events(index, opd, spec, user, today):
    """Events: one upcoming (not for quiet OPDs), one past."""
    acronym = opd.acronym
    quiet = spec.get("quiet", False)
    for number, (title, place) in enumerate(content.EVENTS):
        days_from_today = -(QUIET_DAYS + 10 + number * 14) if quiet else (7 if number == 0 else -20)
        start = local_datetime(today + datetime.timedelta(days=days_from_today), 9)
        page = EventPageFactory(
            parent=index,
            title=f"{title} {acronym}",
            slug=slugify(title)[:60],
            start=start,
            end=start + datetime.timedelta(hours=3),
            location=place.format(acronym=acronym),
            lead=f"{title} yang diselenggarakan oleh {opd.title}.",
        )
        publish_at(page, start - datetime.timedelta(days=10), user)


#: Extra fields of a standard section's page (:mod:`opd_pages.skeleton`), by section model.
SECTION_FIELDS = {
    "opd_pages.NewsIndexPage": lambda opd: {"intro": f"Kabar terbaru kegiatan dan layanan {opd.acronym}."},
}
#: What the demo puts into a standard section, by section model; other sections stay empty.
SECTION_CONTENT = {
    "opd_pages.NewsIndexPage": build_news,
    "opd_pages.AnnouncementIndexPage": build_announcements,
    "opd_pages.EventIndexPage": build_events,
    "officials.OfficialsPage": lambda *args: sites_content.fill_officials(*args),
    "gallery.GalleryIndexPage": lambda *args: sites_content.fill_gallery(*args),
    "faq.FaqPage": lambda *args: sites_content.fill_faq(*args),
}


def ensure_demo_admin(password):
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=DEMO_ADMIN_USERNAME,
        defaults={
            "email": "diskominfo@contohkab.go.id",
            "first_name": "Admin",
            "last_name": "Diskominfo",
            "is_staff": True,
            "is_superuser": True,
        },
    )
    if created:
        user.set_password(password)
        user.save()
    return user, created


def build_region(stdout=None, admin_password="demo-admin-2026", progress=None):
    """Create whatever part of the demo region is missing; return a summary dict."""
    today = timezone.localdate()
    with transaction.atomic():
        user, user_created = ensure_demo_admin(admin_password)
        home = ensure_home()
        ensure_region_settings(home)
    existing = set(OpdHomePage.objects.values_list("acronym", flat=True))
    created = []
    for index, spec in enumerate(content.OPDS, start=1):
        if spec["acronym"] not in existing:
            with transaction.atomic():
                build_opd(home, spec, user, today)
            created.append(spec["acronym"])
        if progress:
            progress(index, len(content.OPDS), spec["acronym"])
    return {"home": home, "created_opds": created, "admin": user, "admin_created": user_created}
