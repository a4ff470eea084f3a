import pytest
from django.core.cache import cache
from django.db import connections
from django.test import Client, override_settings

from athletes.services import roster_add
from tests.factories import AthleteFactory, CoachFactory, StaffFactory


@pytest.fixture(autouse=True, scope="session")
def _test_settings():
    # Plain static storage: tests run without collectstatic. MD5 keeps hashing quick.
    # The live server speaks plain HTTP, so the production HTTPS redirect is off.
    with override_settings(
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        SECURE_SSL_REDIRECT=False,
        SESSION_COOKIE_SECURE=False,
        CSRF_COOKIE_SECURE=False,
        CRISPY_FAIL_SILENTLY=False,
        # One process serves the tests, so its memory cache is shared by all requests.
        CACHE_READS=True,
    ):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    # Rolled-back tests reuse primary keys on SQLite: what one test cached must not
    # answer for the next one's rows. Throttle counts start from zero too.
    cache.clear()
    yield


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    yield
    # psycopg's pool keeps connections open; close it so the test database can be dropped.
    with django_db_blocker.unblock():
        for connection in connections.all(initialized_only=True):
            connection.close()
            if hasattr(connection, "close_pool"):
                connection.close_pool()


# The personas every access test is written against.
@pytest.fixture
def coach(db):
    return CoachFactory(email="coach@test.example", name="Cora Coach")


@pytest.fixture
def other_coach(db):
    return CoachFactory(email="other.coach@test.example", name="Otto Othercoach")


@pytest.fixture
def athlete(db, coach):
    athlete = AthleteFactory(email="athlete@test.example", name="Ada Athlete")
    roster_add(coach=coach, athlete=athlete)
    return athlete


@pytest.fixture
def other_athlete(db, other_coach):
    athlete = AthleteFactory(email="other.athlete@test.example", name="Olga Otherathlete")
    roster_add(coach=other_coach, athlete=athlete)
    return athlete


@pytest.fixture
def staff(db):
    return StaffFactory(email="staff@test.example", name="Stef Staff")


@pytest.fixture
def anonymous(db):
    return None


PERSONAS = ["anonymous", "athlete", "other_athlete", "coach", "other_coach", "staff"]


@pytest.fixture
def as_persona(request, client: Client):
    """A client signed in as the named persona (or anonymous)."""

    def sign_in(name: str) -> Client:
        user = request.getfixturevalue(name)
        if user is not None:
            client.force_login(user)
        return client

    return sign_in
