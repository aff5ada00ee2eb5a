"""The portal's URLs plus media files, for the live server of the browser tests (DEBUG is off there)."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from portal.urls import urlpatterns as portal_urlpatterns


def media(request, path):
    # MEDIA_ROOT is read per request: each test class uses its own temporary folder.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [re_path(r"^media/(?P<path>.*)$", media), *portal_urlpatterns]
