from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionSetupConfig(AppConfig):
    name = "region_setup"
    verbose_name = _("Penyiapan daerah")
    default_auto_field = "django.db.models.BigAutoField"
