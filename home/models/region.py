"""The regional home page, regional (non-OPD) pages, and the region's identity setting.

Region identity (name, kind, logo, contact, social links) is a site setting
(:class:`RegionSettings`) rather than fields of the home page, so every template of the
site reads it the same way and humas/Diskominfo edit it under *Pengaturan → Identitas daerah*.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.models import BasePage, ReviewedContentMixin
from core.queries import not_restricted
from opd_hosts.settings_models import RegionWideSettingMixin
from opd_pages.models import AnnouncementPage, EventPage, NewsPage, attach_opds

from ..menu import directory_groups
from .archive import NewsArchivePage
from .curation import Highlight, PinnedAnnouncement, QuickLink


class RegionKind(models.TextChoices):
    PROVINSI = "provinsi", _("Provinsi")
    KABUPATEN = "kabupaten", _("Kabupaten")
    KOTA = "kota", _("Kota")


def validate_government_email(value):
    if value and not value.lower().endswith(".go.id"):
        raise ValidationError(_("Gunakan alamat surel resmi berdomain go.id."))


@register_setting(icon="site")
class RegionSettings(RegionWideSettingMixin, BaseSiteSetting):
    """Who the region is: shown in the header and footer of every page, on OPD host names too."""

    select_related = ["logo"]

    name = models.CharField(_("nama daerah"), max_length=120, help_text=_("Nama resmi, misalnya 'Kabupaten Contoh'."))
    kind = models.CharField(_("jenis daerah"), max_length=20, choices=RegionKind.choices, default=RegionKind.KABUPATEN)
    government_name = models.CharField(
        _("nama pemerintah daerah"),
        max_length=150,
        blank=True,
        help_text=_("Misalnya 'Pemerintah Kabupaten Contoh'. Tampil di kepala dan kaki halaman."),
    )
    tagline = models.CharField(
        _("semboyan"), max_length=150, blank=True, help_text=_("Semboyan daerah, tampil di bawah nama (opsional).")
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lambang daerah"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Lambang resmi daerah, sebaiknya persegi dengan latar transparan."),
    )
    address = models.TextField(_("alamat"), blank=True, help_text=_("Alamat kantor pemerintah daerah."))
    phone = models.CharField(_("telepon"), max_length=50, blank=True)
    email = models.EmailField(
        _("surel resmi"),
        blank=True,
        validators=[validate_government_email],
        help_text=_("Alamat surel berdomain go.id."),
    )
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]),
                FieldPanel("government_name"),
                FieldPanel("tagline"),
                FieldPanel("logo"),
            ],
            heading=_("Identitas"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldRowPanel([FieldPanel("phone"), FieldPanel("email")])], heading=_("Kontak")
        ),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("instagram_url"), FieldPanel("x_url"), FieldPanel("youtube_url")],
            heading=_("Media sosial"),
        ),
    ]

    class Meta:
        verbose_name = _("identitas daerah")

    def __str__(self):
        return self.name

    @property
    def social_links(self):
        links = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("X", self.x_url),
            ("YouTube", self.youtube_url),
        ]
        return [(label, url) for label, url in links if url]


class HomePage(BasePage):
    """The regional home page at the top of the tree: OPD directory and newest news of every OPD."""

    template = "pages/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "opd_pages.OpdHomePage",
        "home.RegionalPage",
        "home.NewsArchivePage",
        "services.ServiceCatalogPage",
        "gallery.GalleryIndexPage",
    ]
    max_count = 1
    latest_news_count = 6
    announcement_count = 4
    event_count = 4

    intro = models.TextField(
        _("sambutan singkat"),
        blank=True,
        max_length=600,
        help_text=_("Satu-dua kalimat sambutan di bagian atas beranda."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        latest_news = list(NewsPage.objects.latest_across_opds()[: self.latest_news_count])
        announcements = list(AnnouncementPage.objects.current()[: self.announcement_count])
        events = list(EventPage.objects.upcoming()[: self.event_count])
        highlights = list(Highlight.objects.showing())
        # One query tells every listed item (news, announcements, events, highlights) its OPD.
        attach_opds([*latest_news, *announcements, *events, *(highlight.page for highlight in highlights)])
        pinned = PinnedAnnouncement.for_request(request)
        context.update(
            opd_directory=directory_groups(self, request),
            latest_news=latest_news,
            current_announcements=announcements,
            upcoming_events=events,
            highlights=highlights,
            pinned_announcement=pinned.showing(),
            quick_links=list(QuickLink.objects.select_related("page")),
            # order_by("pk"): the one-row table drives the query (by "path" SQLite walks every page).
            news_archive=NewsArchivePage.objects.live().filter(not_restricted()).order_by("pk").first(),
        )
        return context

    def page_cache_expires_at(self, request):
        """Asked by the page cache: when this page's rendering changes by itself.

        A Sorotan's end, the pinned announcement's window, and the next local midnight (current
        announcements are those valid until today).
        """
        now = timezone.now()
        ends = Highlight.objects.showing(now).filter(ends_at__isnull=False).order_by("ends_at")
        moments = [
            ends.values_list("ends_at", flat=True).first(),
            PinnedAnnouncement.for_request(request).next_change_at(now),
            timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0) + datetime.timedelta(days=1),
        ]
        return min((moment for moment in moments if moment), default=None)

    class Meta:
        verbose_name = _("beranda daerah")
        verbose_name_plural = _("beranda daerah")


class RegionalPage(ReviewedContentMixin, BasePage):
    """A page of the region itself (not of an OPD), e.g. "Tentang Kabupaten"; edited by humas."""

    template = "pages/regional_page.html"
    parent_page_types = ["home.HomePage", "home.RegionalPage"]
    subpage_types = ["home.RegionalPage"]

    body = StreamField(BodyStreamBlock(), verbose_name=_("isi"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("body"), FieldPanel("last_reviewed")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    class Meta:
        verbose_name = _("halaman daerah")
        verbose_name_plural = _("halaman daerah")
