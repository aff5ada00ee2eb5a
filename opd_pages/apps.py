from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpdPagesConfig(AppConfig):
    name = "opd_pages"
    verbose_name = _("Halaman OPD")

    def ready(self):
        from .skeleton import Section, register_section

        register_section(Section("opd_pages.NewsIndexPage", "Berita", "berita", order=10))
        register_section(Section("opd_pages.AnnouncementIndexPage", "Pengumuman", "pengumuman", order=20))
        register_section(Section("opd_pages.EventIndexPage", "Agenda", "agenda", order=30))
