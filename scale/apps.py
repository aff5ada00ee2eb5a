from django.apps import AppConfig


class ScaleConfig(AppConfig):
    """Bulk loader (``fill_region``) and benchmark (``bench``) for measuring the portal at scale."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "scale"
    verbose_name = "Uji skala"
