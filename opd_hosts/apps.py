from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpdHostsConfig(AppConfig):
    name = "opd_hosts"
    verbose_name = _("Alamat situs OPD")
