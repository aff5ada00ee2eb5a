from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ListingStatsConfig(AppConfig):
    name = "listing_stats"
    verbose_name = _("Statistik daftar publik")

    def ready(self):
        from . import signals

        signals.connect()
