"""Django's Redis cache backend, reusing its clients and never taking the site down.

Redis is an optimisation here, never a dependency: when it does not answer, every call
behaves as a miss (reads find nothing, writes are dropped, logged once a call), so pages
come from the database, sessions from their table (cached_db), and caching resumes by
itself when Redis is back, since the client reconnects on the next call. The connect and
read timeouts keep a hung Redis from holding a request for long.

The stock backend also makes a new redis.Redis object for every call, which costs about
0.1 ms of CPU, and a page makes two to five calls. A client is only a handle on the
connection pool and is safe to share between threads, so one per pool serves them all."""

import functools
import logging

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Seconds: a Redis on the same network answers in well under a millisecond.
TIMEOUTS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}


class _ReusingClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


def _missing_on_error(miss):
    """Run the cache call; on a Redis error log it and return what a miss returns."""

    def decorate(method):
        @functools.wraps(method)
        def call(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except RedisError:
                logger.warning("Redis unavailable: cache.%s served as a miss", method.__name__)
                return miss(*args, **kwargs)

        return call

    return decorate


def _incr_miss(key, *args, **kwargs):
    # What incr() does for a key it cannot find.
    raise ValueError(f"Key {key!r} not found (Redis unavailable).")


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**TIMEOUTS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self._class = _ReusingClient

    get = _missing_on_error(lambda key, default=None, **kw: default)(DjangoRedisCache.get)
    get_many = _missing_on_error(lambda keys, **kw: {})(DjangoRedisCache.get_many)
    has_key = _missing_on_error(lambda *a, **kw: False)(DjangoRedisCache.has_key)
    add = _missing_on_error(lambda *a, **kw: False)(DjangoRedisCache.add)
    set = _missing_on_error(lambda *a, **kw: None)(DjangoRedisCache.set)
    set_many = _missing_on_error(lambda data, *a, **kw: list(data))(DjangoRedisCache.set_many)
    touch = _missing_on_error(lambda *a, **kw: False)(DjangoRedisCache.touch)
    delete = _missing_on_error(lambda *a, **kw: False)(DjangoRedisCache.delete)
    delete_many = _missing_on_error(lambda *a, **kw: None)(DjangoRedisCache.delete_many)
    incr = _missing_on_error(_incr_miss)(DjangoRedisCache.incr)
    clear = _missing_on_error(lambda *a, **kw: False)(DjangoRedisCache.clear)
