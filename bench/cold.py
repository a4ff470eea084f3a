"""The cold path, for `make bench`: a cache that never finds a version (caching/versions.py),
as if every athlete had just logged a set and a curator had just edited the library
before each request. Everything else (sessions, Redis round trips, storing what was
computed) works as in production, so the cost measured is what a request pays right
after a change. Served with DJANGO_SETTINGS_MODULE=bench.cold_settings."""

from caching.redis import RedisCache
from caching.versions import version_key

_VERSION_PREFIX = version_key("")


def _is_version(key: str) -> bool:
    return key.startswith(_VERSION_PREFIX)


class ColdRedisCache(RedisCache):
    def get_many(self, keys, version=None):
        return super().get_many([k for k in keys if not _is_version(k)], version=version)

    def add(self, key, value, timeout=None, version=None):
        if _is_version(key):
            return True  # made anew, and forgotten at once: the next read makes another
        return super().add(key, value, timeout, version=version)
