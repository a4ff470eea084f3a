"""Redis is an optimisation, never a dependency: with a cache that raises on every call,
or a Redis address where nothing listens, people sign in, stay signed in and every URL of
the access matrix answers as it does with the cache up (no 500); with the cache back,
caching resumes without a restart."""

import pytest
from django.core.cache import cache
from django.core.cache.backends.base import BaseCache
from django.test import Client, override_settings
from django.urls import reverse

from tests.factories import TEST_PASSWORD
from tests.security.matrix import MATRIX, PERSONAS
from tests.security.test_access_matrix import _request_as, athlete  # noqa: F401
from tests.security.test_cache_access import world  # noqa: F401

NOBODY_LISTENS = "redis://127.0.0.1:1/0"


class RaisingCache(BaseCache):
    """A cache backend that fails every call, the way a broken cache server would."""

    def __init__(self, location, params):
        super().__init__(params)

    def _fail(self, *args, **kwargs):
        raise ConnectionError("cache down")

    add = get = set = touch = delete = has_key = clear = incr = decr = _fail
    get_many = set_many = delete_many = _fail


RAISING = {"default": {"BACKEND": "tests.security.test_cache_down.RaisingCache"}}
DEAD_REDIS = {"default": {"BACKEND": "caching.redis.RedisCache", "LOCATION": NOBODY_LISTENS}}
SESSIONS = "caching.sessions"


@pytest.fixture(params=["raising", "redis-not-listening"])
def cache_down(request):
    caches = RAISING if request.param == "raising" else DEAD_REDIS
    with override_settings(CACHES=caches, SESSION_ENGINE=SESSIONS, CACHE_READS=True):
        yield request.param


def test_the_raising_cache_really_raises(cache_down):
    if cache_down == "raising":
        with pytest.raises(ConnectionError):
            cache.get("anything")


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_every_url_answers_with_the_cache_down(request, world, cache_down, name):  # noqa: F811
    route = MATRIX[name]
    for persona in PERSONAS:
        for method, expectations in (("get", route.get), ("post", route.post)):
            if expectations is not None:
                _request_as(request, world, name, persona, method, expectations[persona])


def test_sign_in_and_stay_signed_in_with_the_cache_down(coach, cache_down):
    client = Client()
    response = client.post(
        reverse("login"), {"username": coach.email, "password": TEST_PASSWORD}, follow=True
    )
    assert response.status_code == 200
    assert response.context["user"] == coach
    # Signed in from the database alone: the next pages know who it is.
    for name in ("coaching:coach_dashboard", "roster:athlete_list", "library:exercise_list"):
        assert client.get(reverse(name)).status_code == 200, name
    client.post(reverse("logout"))
    assert client.get(reverse("coaching:coach_dashboard")).status_code == 302


def test_caching_resumes_when_the_cache_is_back(coach):
    client = Client()
    with override_settings(CACHES=RAISING, SESSION_ENGINE=SESSIONS, CACHE_READS=True):
        client.post(reverse("login"), {"username": coach.email, "password": TEST_PASSWORD})
        assert client.get(reverse("library:exercise_list")).status_code == 200
    with override_settings(SESSION_ENGINE=SESSIONS, CACHE_READS=True):
        # The session saved while the cache was down is read from the database.
        assert client.get(reverse("library:exercise_list")).status_code == 200
        assert any(key.startswith(":1:version:") for key in cache._cache), (
            "no version was cached once the cache answered again"
        )
