"""Per-client rate limiting of the search page, in the shared cache.

A fixed one-minute window per client address: generous enough for a person paging through
results and typing with autocomplete, tight enough to stop a scraper hammering the database.
"""

import time

from django.conf import settings
from django.core.cache import cache

DEFAULT_LIMITS = {"search": 60, "autocomplete": 240}


def client_key(request):
    # Behind a reverse proxy, operations.client_address.TrustedProxyMiddleware has already put
    # the real client address (from a trusted proxy's X-Forwarded-For) in REMOTE_ADDR.
    return request.META.get("REMOTE_ADDR", "").strip() or "unknown"


def allow(request, bucket):
    """Count this request; False once the client is over its per-minute limit."""
    limits = {**DEFAULT_LIMITS, **getattr(settings, "PORTAL_SEARCH_RATE_LIMITS", {})}
    window = int(time.time() // 60)
    key = f"search:rate:{bucket}:{client_key(request)}:{window}"
    if cache.add(key, 1, timeout=70):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=70)
            count = 1
    return count <= limits[bucket]
