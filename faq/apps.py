from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FaqConfig(AppConfig):
    name = "faq"
    verbose_name = _("Tanya jawab")

    def ready(self):
        from opd_pages.skeleton import Section, register_section

        register_section(Section("faq.FaqPage", "Tanya Jawab", "tanya-jawab", order=50))
