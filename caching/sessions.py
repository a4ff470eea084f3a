"""Sessions in the database, read through the cache when it answers.

Django's cached_db already survives a cache that fails to save, but not one that fails
while a session is loaded from the database, on sign-in (the old key is deleted) or on
sign-out: with Redis down, nobody could sign in. Here every cache call that fails is
logged and skipped, so the database alone serves sessions until the cache is back."""

import logging

from django.contrib.sessions.backends import cached_db

logger = logging.getLogger(__name__)


class _SkipOnError:
    """The few cache calls cached_db makes, each answering as a miss when the cache fails."""

    def __init__(self, cache):
        self._cache = cache

    def _call(self, name: str, *args, miss=None, **kwargs):
        try:
            return getattr(self._cache, name)(*args, **kwargs)
        except Exception:
            logger.warning("Session cache unavailable: %s skipped", name, exc_info=True)
            return miss

    def get(self, key, default=None):
        return self._call("get", key, default, miss=default)

    def set(self, key, value, timeout=None):
        self._call("set", key, value, timeout)

    def delete(self, key):
        self._call("delete", key, miss=False)

    def __contains__(self, key) -> bool:
        return self._call("has_key", key, miss=False)

    def __getattr__(self, name):
        return getattr(self._cache, name)


class SessionStore(cached_db.SessionStore):
    def __init__(self, session_key=None):
        super().__init__(session_key)
        self._cache = _SkipOnError(self._cache)
