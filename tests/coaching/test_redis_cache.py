from coaching.redis_cache import RedisCache


def test_the_redis_backend_makes_one_client_per_connection_pool():
    # No command is sent, so no Redis server is needed.
    cache = RedisCache("redis://127.0.0.1:6379/9", {})

    reader = cache._cache.get_client("a")
    assert cache._cache.get_client("b") is reader
    assert cache._cache.get_client("c", write=True) is reader  # one server: one pool

    replicas = RedisCache("redis://127.0.0.1:6379/9,redis://127.0.0.1:6380/9", {})
    assert replicas._cache.get_client(write=True) is not replicas._cache.get_client()
