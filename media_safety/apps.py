from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaSafetyConfig(AppConfig):
    name = "media_safety"
    verbose_name = _("Keamanan unggahan")
