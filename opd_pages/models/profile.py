"""Profile pages of an OPD: Sejarah, Visi & Misi, Struktur Organisasi, Tupoksi, Kontak, and others.

A *Lainnya* profile page may have profile pages under it (a sub-page tree, e.g. Layanan →
Layanan Kesehatan, as an imported WordPress site had); the mandatory types stay directly
under the OPD home, where onboarding and the monitoring scorecard look for them.
"""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.models import BasePage, PortalPageQuerySet, ReviewInterval, ReviewScheduleMixin

from ..api import opd_api_field
from .opd import OpdContentMixin


class ProfileType(models.TextChoices):
    SEJARAH = "sejarah", _("Sejarah")
    VISI_MISI = "visi-misi", _("Visi & Misi")
    STRUKTUR = "struktur-organisasi", _("Struktur Organisasi")
    TUPOKSI = "tugas-pokok-dan-fungsi", _("Tugas Pokok dan Fungsi")
    KONTAK = "kontak", _("Kontak")
    LAINNYA = "lainnya", _("Lainnya")


#: Profile pages every OPD section must carry.
MANDATORY_PROFILE_TYPES = [
    ProfileType.SEJARAH,
    ProfileType.VISI_MISI,
    ProfileType.STRUKTUR,
    ProfileType.TUPOKSI,
    ProfileType.KONTAK,
]


class ProfilePageForm(WagtailAdminPageForm):
    """Refuses a second mandatory profile page of the same type in one OPD, or one nested in a sub-page."""

    def clean(self):
        cleaned_data = super().clean()
        profile_type = cleaned_data.get("profile_type")
        if profile_type and profile_type != ProfileType.LAINNYA:
            parent = self.parent_page if self.instance._state.adding else self.instance.get_parent()
            if isinstance(parent.specific, ProfilePage):
                self.add_error(
                    "profile_type", _("Halaman profil wajib harus langsung di bawah beranda OPD; pilih 'Lainnya'.")
                )
                return cleaned_data
            siblings = ProfilePage.objects.child_of(parent).filter(profile_type=profile_type)
            if self.instance.pk:
                siblings = siblings.exclude(pk=self.instance.pk)
            if siblings.exists():
                self.add_error("profile_type", _("OPD ini sudah punya halaman profil jenis ini."))
        return cleaned_data


class ProfilePage(OpdContentMixin, ReviewScheduleMixin, BasePage):
    """A profile page of an OPD (history, vision, structure, duties, contact), under its OPD home.

    Profile pages nest: the live sub-pages of a page are listed under its body (*Subhalaman*).
    """

    template = "pages/profile_page.html"
    parent_page_types = ["opd_pages.OpdHomePage", "opd_pages.ProfilePage"]
    subpage_types = ["opd_pages.ProfilePage"]
    base_form_class = ProfilePageForm

    profile_type = models.CharField(
        _("jenis halaman profil"),
        max_length=30,
        choices=ProfileType.choices,
        default=ProfileType.LAINNYA,
        help_text=_("Halaman wajib (Sejarah, Visi & Misi, Struktur, Tupoksi, Kontak) hanya boleh satu per OPD."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("isi"), blank=True)
    # Profile pages describe the OPD itself: checked once a year unless the OPD chooses otherwise.
    review_interval_months = models.PositiveSmallIntegerField(
        _("jadwal tinjauan"),
        choices=ReviewInterval.choices,
        default=ReviewInterval.YEARLY,
        help_text=ReviewScheduleMixin._meta.get_field("review_interval_months").help_text,
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("profile_type"),
        FieldPanel("body"),
        *ReviewScheduleMixin.review_panels,
    ]

    search_fields = BasePage.search_fields + [index.SearchField("body"), index.FilterField("profile_type")]

    api_fields = [opd_api_field(), APIField("profile_type"), APIField("last_reviewed"), APIField("body")]

    @cached_property
    def subpages(self):
        """The live, public profile pages directly under this one, in tree order (one query)."""
        return list(PortalPageQuerySet(ProfilePage).child_of(self).published())

    class Meta:
        verbose_name = _("halaman profil")
        verbose_name_plural = _("halaman profil")
