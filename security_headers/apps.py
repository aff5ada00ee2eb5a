from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityHeadersConfig(AppConfig):
    name = "security_headers"
    verbose_name = _("Header keamanan")
