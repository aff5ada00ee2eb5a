from django.conf import settings
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from opd_teams.media_views import serve_media
from operations import health, metrics
from search import views as search_views
from seo import views as seo_views

urlpatterns = [
    # Scoped tag suggestions (opd_teams.tags) answer before Wagtail's unscoped ones.
    path("admin/tag-autocomplete/", include("opd_teams.tags")),
    # Throttled password reset and the single-name account page, in front of Wagtail's (accounts app).
    path("", include("accounts.admin_overrides")),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("metrics", metrics.metrics_view, name="prometheus-django-metrics"),
    path("admin/", include(wagtailadmin_urls)),
    # A short address editors can remember ("lupa link admin" must not happen).
    path("masuk/", RedirectView.as_view(pattern_name="wagtailadmin_home", permanent=False), name="editor_login"),
    path("dokumen/", include(wagtaildocs_urls)),
    path("cari/", search_views.search, name="search"),
    path("sitemap.xml", seo_views.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", seo_views.sitemap_section, name="sitemap_section"),
    path("robots.txt", seo_views.robots_txt, name="robots_txt"),
    path("favicon.ico", seo_views.favicon, name="favicon"),
    path("", include("feeds.urls")),
    path("", include("public_api.urls")),
    path("cari/saran/", search_views.autocomplete, name="search_autocomplete"),
    path("pengaduan/", include("complaints.urls")),
    path("ppid/", include("ppid.urls")),
    path("membantu/", include("page_feedback.urls")),
    path("pejabat/", include("officials.urls")),
]

# Images under MEDIA_URL pass the media gate (opd_teams.media_views): unreleased uploads and
# private collections are never served; behind nginx it answers with X-Accel-Redirect.
urlpatterns += [path(settings.MEDIA_URL.lstrip("/") + "<path:path>", serve_media, name="media")]

urlpatterns += [path("", include(wagtail_urls))]
