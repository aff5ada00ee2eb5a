"""Officials on an OPD's Pejabat page, published the way the editor's Publish button does it."""

from wagtail.images.tests.utils import get_test_image_file
from wagtail_factories import ImageFactory

from officials.models import Official, OfficialsPage


def officials_page_of(opd):
    return OfficialsPage.objects.child_of(opd).get()


def publish_officials(opd, rows, user=None):
    """Replace the OPD's officials with ``rows`` (dicts of Official fields) and publish the page."""
    page = officials_page_of(opd)
    page.officials = [Official(**row) for row in rows]
    page.save_revision(user=user).publish(user=user)
    return page


def portrait(title="Foto pejabat", collection=None):
    fields = {"title": title, "file": get_test_image_file(filename="pejabat.png", size=(300, 400))}
    if collection is not None:
        fields["collection"] = collection
    return ImageFactory(**fields)
