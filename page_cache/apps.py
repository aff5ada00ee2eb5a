from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "page_cache"
    verbose_name = _("Cache halaman publik")

    def ready(self):
        from . import signals

        signals.connect()
