from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "monitoring"
    verbose_name = _("Pemantauan OPD")

    def ready(self):
        from .access import grant_diskominfo_permissions

        post_migrate.connect(grant_diskominfo_permissions, sender=self)
