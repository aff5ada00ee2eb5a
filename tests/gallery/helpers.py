"""Albums in a gallery, published the way the editor's Publish button does it."""

import datetime

from wagtail.images.tests.utils import get_test_image_file
from wagtail_factories import ImageFactory

from gallery.models import AlbumPage, AlbumPhoto, AlbumVideo, GalleryIndexPage


def gallery_of(parent):
    return GalleryIndexPage.objects.child_of(parent).get()


def photo(title="Foto kegiatan", collection=None):
    fields = {"title": title, "file": get_test_image_file(filename="kegiatan.png", size=(800, 600))}
    if collection is not None:
        fields["collection"] = collection
    return ImageFactory(**fields)


def publish_album(index, title, images=(), videos=(), slug=None, date=None, live=True, user=None):
    slug = slug or title.lower().replace(" ", "-")
    album = AlbumPage(title=title, slug=slug, date=date or datetime.date(2026, 11, 1))
    album.photos = [AlbumPhoto(image=image, caption=f"Keterangan {n}") for n, image in enumerate(images, start=1)]
    album.videos = [AlbumVideo(title=video_title, url=url) for video_title, url in videos]
    album.live = False
    index.add_child(instance=album)
    revision = album.save_revision(user=user)
    if live:
        revision.publish(user=user)
    album.refresh_from_db()
    return album
