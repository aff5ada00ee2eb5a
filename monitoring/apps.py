from django.apps import AppConfig
from django.db.models.signals import post_migrate


class MonitoringConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "monitoring"
    verbose_name = "Pemantauan OPD"

    def ready(self):
        from .access import grant_diskominfo_permissions

        post_migrate.connect(grant_diskominfo_permissions, sender=self)
