from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficialsConfig(AppConfig):
    name = "officials"
    verbose_name = _("Pejabat")

    def ready(self):
        from opd_pages.skeleton import Section, register_section

        register_section(Section("officials.OfficialsPage", "Pejabat", "pejabat", order=40))
