"""Spam defences without third parties: a honeypot field, a per-client quota, duplicate detection."""

import datetime
import hashlib
import logging
import re

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.log import client_address

logger = logging.getLogger("portal.casework")

#: Name of the field people never see (hidden by CSS, labelled "leave empty"); bots fill it.
HONEYPOT_FIELD = "situs_web"


class HoneypotFormMixin(forms.Form):
    """Adds the honeypot field; ``honeypot_tripped`` is True when something filled it in."""

    situs_web = forms.CharField(
        label=_("Jangan isi kolom ini"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    @property
    def honeypot_tripped(self):
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())


def client_key(request):
    """A stable, non-reversible key for the client address (the address itself is not stored)."""
    address = client_address(request) or "unknown"
    return hashlib.sha256(f"{settings.SECRET_KEY}:client:{address}".encode()).hexdigest()


def content_hash(*parts):
    """Hash of the normalised text of a submission, for duplicate detection."""
    text = " ".join(re.sub(r"\s+", " ", str(part or "")).strip().lower() for part in parts)
    return hashlib.sha256(text.encode()).hexdigest()


def find_duplicate(queryset, digest, *, hours=24):
    """A case with the same content received in the last ``hours``, or None."""
    since = timezone.now() - datetime.timedelta(hours=hours)
    return queryset.filter(content_hash=digest, received_at__gte=since).order_by("received_at").first()


class Quota:
    """At most ``limit`` stored submissions per client key per ``window`` seconds.

    The cache counts (shared with REDIS_URL); when the cache fails, the database counts the
    stored rows of ``queryset`` with the client key, so a broken cache never opens the gate.
    """

    def __init__(self, scope, queryset, *, limit, window):
        self.scope, self.queryset, self.limit, self.window = scope, queryset, limit, window

    def _cache_key(self, key):
        return f"casework:quota:{self.scope}:{key}"

    def _stored(self, key):
        since = timezone.now() - datetime.timedelta(seconds=self.window)
        return self.queryset.filter(client_key=key, received_at__gte=since).count()

    def exceeded(self, key):
        try:
            used = cache.get(self._cache_key(key))
        except Exception:  # noqa: BLE001 - cache down: fall back to the database
            logger.warning("Quota cache unavailable; counting in the database")
            used = None
        if used is None:
            used = self._stored(key)
        return used >= self.limit

    def consume(self, key):
        """Count one stored submission (call after saving)."""
        cache_key = self._cache_key(key)
        try:
            if cache.add(cache_key, self._stored(key), self.window):
                return
            cache.incr(cache_key)
        except Exception:  # noqa: BLE001 - the database count still holds
            logger.warning("Quota cache unavailable; the database count applies")
