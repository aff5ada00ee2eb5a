"""What the OPD listing pages (Berita, Pengumuman, Agenda) share: pagination and named queries."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model

from core.models import BasePage, PortalPageQuerySet

from .opd import OpdContentMixin

LISTING_IMAGE_SPECS = ["fill-480x270|format-webp", "fill-160x160|format-webp"]


class OpdContentQuerySet(PortalPageQuerySet):
    """Queries shared by every kind of OPD content page."""

    def of_opd(self, opd):
        """Published items inside one OPD's section."""
        return self.published().descendant_of(opd)


class ListingIndexPage(OpdContentMixin, BasePage):
    """Abstract index of an OPD section (Berita, Pengumuman, Agenda): lists its children, paginated."""

    parent_page_types = ["opd_pages.OpdHomePage"]
    max_count_per_parent = 1
    items_per_page = 10

    intro = models.TextField(_("pengantar"), blank=True, help_text=_("Kalimat pembuka opsional di atas daftar."))

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    class Meta:
        abstract = True

    def get_listing(self):
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.get_listing(), getattr(settings, "PORTAL_ITEMS_PER_PAGE", self.items_per_page))
        page_obj = paginator.get_page(request.GET.get("halaman"))
        items = list(page_obj.object_list)
        for item in items:
            item.opd = self.opd
        context.update(page_obj=page_obj, items=items, paginator=paginator)
        return context


def image_prefetch():
    """A Prefetch for ``main_image`` with the renditions listing cards use."""
    return models.Prefetch("main_image", queryset=get_image_model().objects.prefetch_renditions(*LISTING_IMAGE_SPECS))
