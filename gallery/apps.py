from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GalleryConfig(AppConfig):
    name = "gallery"
    verbose_name = _("Galeri")

    def ready(self):
        from opd_pages.skeleton import Section, register_section

        register_section(Section("gallery.GalleryIndexPage", "Galeri", "galeri", order=35))
