from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    """Dev-only: the region generator (``fill_region``) and the benchmarks (``bench``, ``search_benchmark``,
    ``monitoring_bench``); installed by dev/test/benchmark settings, never in production."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "benchmarks"
    verbose_name = "Uji kinerja"
