from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpdTeamsConfig(AppConfig):
    name = "opd_teams"
    verbose_name = _("Tim OPD dan hak akses")

    def ready(self):
        from . import wagtail_patches

        wagtail_patches.install()
