from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "operations"
    verbose_name = _("Operasional server")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from search.service import engine_fell_back

        from . import metrics

        metrics.register()
        engine_fell_back.connect(metrics.count_search_fallback, dispatch_uid="operations.search_fallback")
