from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LinkCareConfig(AppConfig):
    name = "link_care"
    verbose_name = _("Pemeriksaan tautan")
    default_auto_field = "django.db.models.BigAutoField"
