from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpamGateConfig(AppConfig):
    name = "spam_gate"
    verbose_name = _("Penyaring spam judi online")

    def ready(self):
        from . import signals  # noqa: F401
