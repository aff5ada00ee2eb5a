"""Per-client rate limiting of the search page, in the shared cache.

A fixed one-minute window per client address: generous enough for a person paging through
results and typing with autocomplete, tight enough to stop a scraper hammering the database.
"""

import time

from django.conf import settings
from django.core.cache import cache

DEFAULT_LIMITS = {"search": 60, "autocomplete": 240}


def client_key(request):
    # REMOTE_ADDR is the reverse proxy's view of the client; deployments behind a proxy set
    # PORTAL_CLIENT_IP_HEADER (e.g. "HTTP_X_REAL_IP") to the header their proxy overwrites.
    header = getattr(settings, "PORTAL_CLIENT_IP_HEADER", "")
    address = (request.META.get(header) if header else None) or request.META.get("REMOTE_ADDR", "")
    return address.split(",")[0].strip() or "unknown"


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
