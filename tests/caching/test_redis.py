import shutil
import socket
import subprocess
import time

import pytest
from django.test import override_settings
from django.urls import reverse

from caching.redis import RedisCache
from tests.factories import TEST_PASSWORD


def _listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
    except OSError:
        return False
    return True


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_redis_backend_makes_one_client_per_connection_pool():
    # No command is sent, so no Redis server is needed.
    cache = RedisCache("redis://127.0.0.1:6379/9", {})

    reader = cache._cache.get_client("a")
    assert cache._cache.get_client("b") is reader
    assert cache._cache.get_client("c", write=True) is reader  # one server: one pool

    replicas = RedisCache("redis://127.0.0.1:6379/9,redis://127.0.0.1:6380/9", {})
    assert replicas._cache.get_client(write=True) is not replicas._cache.get_client()


NOBODY_LISTENS = "redis://127.0.0.1:1/0"  # port 1: refused at once


def test_every_call_is_a_miss_when_redis_does_not_answer():
    cache = RedisCache(NOBODY_LISTENS, {})
    assert cache.get("k", "default") == "default"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.add("k", 1) is False
    assert cache.set("k", 1) is None
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert cache.has_key("k") is False
    assert cache.delete("k") is False
    assert cache.get_or_set("k", lambda: "made") == "made"
    with pytest.raises(ValueError):
        cache.incr("k")


def test_the_site_works_and_people_stay_signed_in_without_redis(client, athlete, coach):
    """Sessions in the database (cached_db), cached reads from the database: Redis down
    costs speed, never a page or a sign-in."""
    dead = {"default": {"BACKEND": "caching.redis.RedisCache", "LOCATION": NOBODY_LISTENS}}
    with override_settings(
        CACHES=dead, SESSION_ENGINE="django.contrib.sessions.backends.cached_db"
    ):
        response = client.post(
            reverse("login"), {"username": athlete.email, "password": TEST_PASSWORD}
        )
        assert response.status_code == 302
        for name in ("coaching:train_home", "coaching:train_history", "library:exercise_list"):
            assert client.get(reverse(name)).status_code == 200, name
        client.force_login(coach)
        for name in ("coaching:coach_dashboard", "coaching:programme_list", "roster:athlete_list"):
            assert client.get(reverse(name)).status_code == 200, name


@pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs redis-server")
def test_caching_resumes_by_itself_when_redis_comes_back(tmp_path):
    port = _free_port()
    cache = RedisCache(f"redis://127.0.0.1:{port}/0", {})
    assert cache.set("k", "while down") is None and cache.get("k") is None
    server = subprocess.Popen(  # noqa: S603 - our own throwaway server on loopback
        [shutil.which("redis-server"), "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not _listening(port):
            time.sleep(0.05)
        cache.set("k", "back", 30)
        assert cache.get("k") == "back"  # the same backend object, no restart
    finally:
        server.terminate()
        server.wait(timeout=10)
