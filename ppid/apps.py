from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PpidConfig(AppConfig):
    name = "ppid"
    verbose_name = _("PPID")

    def ready(self):
        from opd_pages.skeleton import Section, register_section

        register_section(Section("ppid.PpidIndexPage", "PPID", "ppid", order=60))
