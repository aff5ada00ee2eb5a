"""Photo albums and videos of an OPD, or of the region itself.

Tree::

    HomePage (home)
    ├── GalleryIndexPage "Galeri"    the regional gallery: the region's albums and every OPD's
    └── OpdHomePage (opd_pages)
        └── GalleryIndexPage "Galeri"  a standard section of every OPD (opd_pages.skeleton)
            └── AlbumPage              photos (from the OPD's media collection) and YouTube videos

Photos and videos are inline rows of the album, edited, moderated and published with it.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.images import get_image_model
from wagtail.models import Orderable, PageManager
from wagtail.search import index

from core.models import BasePage
from opd_pages.models import OpdContentMixin, attach_opds
from opd_pages.models.listing import OpdContentQuerySet
from opd_teams.media import refuse_foreign_images

from . import videos

#: Renditions of an album's cover on listings, its thumbnails, and the photo opened large.
COVER_SPECS = ["fill-480x320|format-webp", "fill-960x640|format-webp"]
THUMBNAIL_SPECS = ["fill-320x240|format-webp", "fill-640x480|format-webp"]
LARGE_SPECS = ["max-800x800|format-webp", "max-1600x1600|format-webp"]


class AlbumPageQuerySet(OpdContentQuerySet):
    def for_listing(self):
        """Newest first, each with its photos (cover renditions prefetched): a fixed number of queries."""
        images = get_image_model().objects.prefetch_renditions(*COVER_SPECS)
        photos = AlbumPhoto.objects.prefetch_related(models.Prefetch("image", queryset=images))
        return self.order_by("-date", "-pk").prefetch_related(models.Prefetch("photos", queryset=photos))


class GalleryIndexPage(OpdContentMixin, BasePage):
    """The "Galeri" of an OPD (its albums) or of the region (every published album of the region)."""

    template = "pages/gallery_index_page.html"
    parent_page_types = ["opd_pages.OpdHomePage", "home.HomePage"]
    subpage_types = ["gallery.AlbumPage"]
    max_count_per_parent = 1
    albums_per_page = 12

    intro = models.TextField(_("pengantar"), blank=True, help_text=_("Kalimat pembuka opsional di atas daftar album."))

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    objects = PageManager.from_queryset(OpdContentQuerySet)()

    @property
    def is_regional(self):
        """The region's own gallery (no OPD above it) lists every published album of the region."""
        return self.opd is None

    def get_albums(self):
        albums = AlbumPage.objects.published()
        if not self.is_regional:
            albums = albums.descendant_of(self)
        return albums.for_listing()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        per_page = getattr(settings, "PORTAL_ITEMS_PER_PAGE", self.albums_per_page)
        page_obj = Paginator(self.get_albums(), per_page).get_page(request.GET.get("halaman"))
        albums = list(page_obj.object_list)
        if self.is_regional:
            attach_opds(albums)
        else:
            for album in albums:
                album.opd = self.opd
        context.update(page_obj=page_obj, albums=albums)
        return context

    class Meta:
        verbose_name = _("galeri")
        verbose_name_plural = _("galeri")


class AlbumPageForm(WagtailAdminPageForm):
    """Photos only from the editor's own collection."""

    def is_valid(self):
        valid = super().is_valid()
        return refuse_foreign_images(self, "photos", "image") and valid


class AlbumPage(OpdContentMixin, BasePage):
    """One album of the gallery: photos with captions and YouTube videos that load only when asked for."""

    template = "pages/album_page.html"
    parent_page_types = ["gallery.GalleryIndexPage"]
    subpage_types = []
    base_form_class = AlbumPageForm
    kind_label = _("Album foto")

    date = models.DateField(
        _("tanggal kegiatan"), default=timezone.localdate, help_text=_("Tanggal kegiatan yang difoto.")
    )
    intro = models.TextField(
        _("keterangan album"), blank=True, max_length=600, help_text=_("Satu-dua kalimat: kegiatan apa, di mana.")
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        InlinePanel("photos", heading=_("Foto"), label=_("foto")),
        InlinePanel("videos", heading=_("Video"), label=_("video")),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.FilterField("date"),
        index.RelatedFields("photos", [index.SearchField("caption")]),
    ]

    objects = PageManager.from_queryset(AlbumPageQuerySet)()

    @property
    def lead(self):
        return self.intro

    @property
    def listing_summary(self):
        return self.intro

    @cached_property
    def cover(self):
        """The first photo of the album (from the prefetched photos when listed), or None."""
        photos = list(self.photos.all())
        return photos[0] if photos else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        images = get_image_model().objects.prefetch_renditions(*THUMBNAIL_SPECS, *LARGE_SPECS)
        photos = list(self.photos.all().prefetch_related(models.Prefetch("image", queryset=images)))
        album_videos = list(self.videos.all())
        context.update(
            photos=photos,
            videos=album_videos,
            open_photo=pick(photos, request.GET.get("foto")),
            playing=pick(album_videos, request.GET.get("video")),
        )
        if context["open_photo"] is not None:
            position = photos.index(context["open_photo"])
            context["previous_photo"] = position if position > 0 else None
            context["next_photo"] = position + 2 if position + 1 < len(photos) else None
            context["photo_number"] = position + 1
        return context

    class Meta:
        verbose_name = _("album")
        verbose_name_plural = _("album")


def pick(items, number):
    """``items[number - 1]`` for a 1-based number from the query string; None for anything else."""
    if not number or not str(number).isdigit():
        return None
    position = int(number) - 1
    return items[position] if 0 <= position < len(items) else None


class AlbumPhoto(Orderable):
    """One photo of an album, with a caption."""

    page = ParentalKey(AlbumPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Foto dari koleksi media OPD. Isi teks alternatifnya: apa yang terlihat di foto."),
    )
    caption = models.CharField(
        _("keterangan"), max_length=255, blank=True, help_text=_("Siapa, apa, di mana. Tampil di bawah foto.")
    )

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("foto album")
        verbose_name_plural = _("foto album")


class AlbumVideo(Orderable):
    """One YouTube video of an album: played from youtube-nocookie.com, only after the visitor asks."""

    page = ParentalKey(AlbumPage, on_delete=models.CASCADE, related_name="videos")
    title = models.CharField(
        _("judul video"), max_length=200, help_text=_("Judul singkat, tampil sebelum video diputar.")
    )
    url = models.URLField(
        _("alamat video YouTube"),
        validators=[videos.validate_youtube_url],
        help_text=_("Alamat video di YouTube, misalnya https://www.youtube.com/watch?v=…"),
    )

    panels = [FieldPanel("title"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("video album")
        verbose_name_plural = _("video album")

    @property
    def video_id(self):
        return videos.youtube_id(self.url)

    @property
    def embed_url(self):
        return videos.embed_url(self.video_id) if self.video_id else ""

    @property
    def watch_url(self):
        return videos.watch_url(self.video_id) if self.video_id else ""
