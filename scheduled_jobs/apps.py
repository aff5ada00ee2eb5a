from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScheduledJobsConfig(AppConfig):
    name = "scheduled_jobs"
    verbose_name = _("Tugas terjadwal")
    default_auto_field = "django.db.models.BigAutoField"
