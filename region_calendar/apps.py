from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionCalendarConfig(AppConfig):
    name = "region_calendar"
    verbose_name = _("Kalender kerja daerah")
    default_auto_field = "django.db.models.BigAutoField"
