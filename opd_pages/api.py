"""Fields of OPD pages for the public API (Wagtail API v2), declared next to the page types."""

from rest_framework.fields import Field
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField


class OpdSummaryField(Field):
    """The OPD a page belongs to: id, acronym, name and URL (``None`` for the region's own pages)."""

    def to_representation(self, opd):
        if opd is None:
            return None
        return {"id": opd.pk, "acronym": opd.acronym, "title": opd.title, "url": opd.url}

    def get_attribute(self, instance):
        return instance.opd


def opd_api_field():
    return APIField("opd", serializer=OpdSummaryField(read_only=True))


def image_api_fields(source="main_image"):
    return [
        APIField(source),
        APIField(f"{source}_card", serializer=ImageRenditionField("fill-480x270|format-webp", source=source)),
        APIField(f"{source}_large", serializer=ImageRenditionField("fill-960x540|format-webp", source=source)),
    ]
