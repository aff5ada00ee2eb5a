"""Django's RedisCache that degrades to "no cache" when Redis is unreachable.

Every operation that fails with a connection problem answers like an empty cache (``get``
returns the default, ``set`` does nothing, ``incr`` raises ``ValueError`` as for a missing key),
logs once and then skips Redis for ``RETRY_SECONDS`` so requests do not each wait for a timeout.
Sessions are in the database (Django's default engine), so logins survive a Redis outage.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger("portal.resilience")

try:
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError

    CONNECTION_ERRORS = (RedisConnectionError, RedisTimeoutError, OSError)
except ImportError:  # pragma: no cover - redis is a pinned requirement
    CONNECTION_ERRORS = (OSError,)

RETRY_SECONDS = 15


class CacheUnavailable(Exception):
    pass


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = params.setdefault("OPTIONS", {})
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 1.0)
        super().__init__(server, params)
        self._down_until = 0.0

    def _guard(self, operation, fallback, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return fallback()
        try:
            return operation(*args, **kwargs)
        except CONNECTION_ERRORS as exc:
            self._down_until = time.monotonic() + RETRY_SECONDS
            logger.warning("Redis unreachable (%s); serving without cache for %ss", exc, RETRY_SECONDS)
            return fallback()

    def get(self, key, default=None, version=None):
        return self._guard(super().get, lambda: default, key, default, version)

    def get_many(self, keys, version=None):
        return self._guard(super().get_many, dict, keys, version)

    def has_key(self, key, version=None):
        return self._guard(super().has_key, lambda: False, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(super().set, lambda: None, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(super().add, lambda: False, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(super().set_many, lambda: list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(super().touch, lambda: False, key, timeout, version)

    def delete(self, key, version=None):
        return self._guard(super().delete, lambda: False, key, version)

    def delete_many(self, keys, version=None):
        return self._guard(super().delete_many, lambda: None, keys, version)

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key '{key}' not found (cache unavailable)")

        return self._guard(super().incr, missing, key, delta, version)

    def clear(self):
        return self._guard(super().clear, lambda: None)
