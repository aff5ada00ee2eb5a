from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewCareConfig(AppConfig):
    name = "review_care"
    verbose_name = _("Pengingat tinjauan halaman")
    default_auto_field = "django.db.models.BigAutoField"
