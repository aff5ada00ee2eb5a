from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = _("Layanan")

    def ready(self):
        from opd_pages.skeleton import Section, register_section

        register_section(Section("services.ServiceIndexPage", "Layanan", "layanan", order=15))
