"""The page cache's generation counter, kept in the database so every process sees it at once."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CacheGeneration(models.Model):
    """One row: the number every cached page's key carries; bumping it makes them all stale.

    In the database (not in the cache) because the embedded default cache is process memory:
    a change made by a cron command (``publish_scheduled``) or another worker must reach the
    running server on its next request.
    """

    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("generasi cache halaman")

    def __str__(self):
        return str(self.value)
