from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpdPagesConfig(AppConfig):
    name = "opd_pages"
    verbose_name = _("Halaman OPD")
