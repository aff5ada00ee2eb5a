"""API serializers whose links use the host the request came in on.

Wagtail builds ``detail_url`` from the root URL of the Site matching the request and
``html_url`` from the page's Site without the request; when the request's host matches no
Site record (the default site is "localhost") both say ``http://localhost/…``. These fields
ask the request instead; a page of another Site keeps that Site's own address.
"""

from rest_framework.fields import SkipField
from wagtail.api.v2.serializers import DetailUrlField, PageHtmlUrlField, PageSerializer
from wagtail.documents.api.v2.serializers import DocumentDownloadUrlField, DocumentSerializer
from wagtail.images.api.v2.serializers import ImageSerializer


class RequestHostDetailUrlField(DetailUrlField):
    def get_attribute(self, instance):
        path = self.context["router"].get_object_detail_urlpath(type(instance), instance.pk)
        if not path:
            raise SkipField
        return self.context["request"].build_absolute_uri(path)


class RequestHostHtmlUrlField(PageHtmlUrlField):
    def to_representation(self, page):
        request = self.context["request"]
        url = page.get_url(request=request)
        return request.build_absolute_uri(url) if url else None


class RequestHostDownloadUrlField(DocumentDownloadUrlField):
    def to_representation(self, document):
        return self.context["request"].build_absolute_uri(document.url)


class PublicPageSerializer(PageSerializer):
    detail_url = RequestHostDetailUrlField(read_only=True)
    html_url = RequestHostHtmlUrlField(read_only=True)


class PublicImageSerializer(ImageSerializer):
    detail_url = RequestHostDetailUrlField(read_only=True)


class PublicDocumentSerializer(DocumentSerializer):
    detail_url = RequestHostDetailUrlField(read_only=True)
    download_url = RequestHostDownloadUrlField(read_only=True)
