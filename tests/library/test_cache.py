import pickle
import re
from contextlib import ExitStack
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from caching.versions import LIBRARY, version_key, versions
from library.models import Exercise, KeyFigure, Status
from library.services import library_load
from tests.factories import (
    AthleteFactory,
    CoachFactory,
    ExerciseFactory,
    GuideFactory,
    MuscleFactory,
    MuscleGroupFactory,
)

LIST = "/library/"


@pytest.fixture
def library(db):
    hamstrings = MuscleGroupFactory(slug="hamstrings", name="Hamstrings")
    biceps = MuscleFactory(slug="biceps-femoris", name="Biceps femoris", group=hamstrings)
    nordic = ExerciseFactory(name="Nordic curl", slug="nordic-curl", primary_muscles=[biceps])
    guide = GuideFactory(title="Hamstrings and speed", slug="hamstrings-speed", exercises=[nordic])
    guide.muscle_groups.set([hamstrings])
    return {"group": hamstrings, "muscle": biceps, "nordic": nordic, "guide": guide}


PAGES = [
    LIST,
    "/library/?q=curl",
    "/library/exercises/nordic-curl/",
    "/library/guides/hamstrings-speed/",
    "/library/muscles/hamstrings/",
]


def _get(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("url", PAGES)
def test_warm_page_is_the_same_page_without_library_queries(client, athlete, library, url):
    client.force_login(athlete)
    cold = _get(client, url)
    with CaptureQueriesContext(connection) as warm_queries:
        warm = _get(client, url)
    assert _without_tokens(warm) == _without_tokens(cold)
    assert not [q for q in warm_queries.captured_queries if "library_" in q["sql"]]


def _without_tokens(body: str) -> str:
    body = re.sub(r'"x-csrftoken": "[^"]+"', "", body)
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)
    return re.sub(r'nonce="[^"]+"', "", body)


@pytest.mark.parametrize("url", PAGES)
def test_cached_page_keeps_the_signed_in_users_own_parts(client, library, url):
    # The first visitor, a coach, fills the cache; an athlete then sees their own navbar
    # around the same library content, never the coach's links or address.
    coach = CoachFactory(email="cora@test.example")
    runner = AthleteFactory(email="riley@test.example")
    client.force_login(coach)
    coach_body = _get(client, url)
    client.force_login(runner)
    body = _get(client, url)
    assert "Nordic curl" in coach_body and "Nordic curl" in body
    dashboard = reverse("coaching:coach_dashboard")
    assert "cora@test.example" in coach_body and f'href="{dashboard}"' in coach_body
    assert "riley@test.example" in body and reverse("coaching:train_home") in body
    assert "cora@test.example" not in body and f'href="{dashboard}"' not in body


def test_nothing_per_user_is_stored(client, athlete, library):
    client.force_login(athlete)
    for url in PAGES:
        _get(client, url)
        _get(client, url, **{"HX-Request": "true", "HX-Target": "exercise-results"})
    stored = repr([value for key, value in _library_entries().items()])
    assert "Nordic curl" in stored
    assert "csrf" not in stored.lower()
    assert athlete.email not in stored


def _library_entries() -> dict:
    # The test settings use the local-memory cache; read what it holds under library keys
    # (library/views.py names them library-...).
    return {
        key: pickle.loads(value)  # noqa: S301 - our own test cache
        for key, value in cache._cache.items()
        if ":library-" in key
    }


def test_full_page_and_fragment_share_a_cache_entry_but_not_a_response(client, athlete, library):
    client.force_login(athlete)
    htmx = {"HX-Request": "true", "HX-Target": "exercise-results"}
    fragment = _get(client, "/library/?q=nordic", **htmx)
    page = _get(client, "/library/?q=nordic")
    again = _get(client, "/library/?q=nordic", **htmx)
    assert (
        fragment.lstrip().startswith('<section id="exercise-results"') and "<html" not in fragment
    )
    assert "<html" in page and 'role="search"' in page and fragment in page
    assert again == fragment


def test_each_search_is_cached_apart(client, athlete, library):
    ExerciseFactory(name="Glute bridge", slug="glute-bridge")
    client.force_login(athlete)
    nordic = _get(client, "/library/?q=nordic")
    bridge = _get(client, "/library/?q=bridge")
    assert "Nordic curl" in nordic and "Glute bridge" not in nordic
    assert "Glute bridge" in bridge and "Nordic curl" not in bridge
    assert 'value="bridge"' in bridge


def test_long_query_strings_are_served_but_not_stored(client, athlete, library):
    client.force_login(athlete)
    cache.clear()
    body = _get(client, "/library/?q=" + "x" * 400)
    assert "were not understood" in body
    assert _library_entries()  # the filter's choices are kept
    assert not [key for key in _library_entries() if ":library-results:" in key]


def test_title_stays_escaped(client, athlete, db):
    ExerciseFactory(name="Curl <b>hard</b>", slug="curl-hard")
    client.force_login(athlete)
    for _ in range(2):
        body = _get(client, "/library/exercises/curl-hard/")
        assert "<title>Curl &lt;b&gt;hard&lt;/b&gt; · Drivephase</title>" in body


# A change shows on the very next request, whichever way it is made.


def test_saving_an_exercise_shows_at_once(client, athlete, library):
    client.force_login(athlete)
    for url in PAGES:
        assert "Nordic curl" in _get(client, url)
    nordic = library["nordic"]
    nordic.name = "Nordic hamstring curl"
    nordic.sets, nordic.reps_min, nordic.reps_max = 4, 5, 5
    nordic.save()
    for url in [LIST, "/library/exercises/nordic-curl/", "/library/muscles/hamstrings/"]:
        body = _get(client, url)
        assert "Nordic hamstring curl" in body, url
        assert "4 × 5 reps" in body, url


def test_unpublishing_or_deleting_removes_it_at_once(client, athlete, library):
    client.force_login(athlete)
    _get(client, "/library/exercises/nordic-curl/")
    _get(client, "/library/muscles/hamstrings/")
    nordic = library["nordic"]
    nordic.status = Status.DRAFT
    nordic.save()
    assert client.get("/library/exercises/nordic-curl/").status_code == 404
    assert "Nordic curl" not in _get(client, "/library/muscles/hamstrings/")
    other = ExerciseFactory(name="Glute bridge", slug="glute-bridge")
    assert "Glute bridge" in _get(client, LIST)
    other.delete()
    assert "Glute bridge" not in _get(client, LIST)


def test_changing_muscles_moves_the_exercise_between_groups(client, athlete, library):
    quads = MuscleGroupFactory(slug="quadriceps", name="Quadriceps")
    rectus = MuscleFactory(slug="rectus-femoris", name="Rectus femoris", group=quads)
    client.force_login(athlete)
    assert "Nordic curl" not in _get(client, "/library/muscles/quadriceps/")
    library["nordic"].primary_muscles.add(rectus)
    body = _get(client, "/library/muscles/quadriceps/")
    assert "Nordic curl" in body
    library["nordic"].primary_muscles.remove(rectus)
    library["nordic"].secondary_muscles.add(rectus)
    body = _get(client, "/library/muscles/quadriceps/")
    assert "Exercises that also work them" in body and "Nordic curl" in body


def test_editing_a_guide_its_figures_or_a_group_shows_at_once(client, athlete, library):
    client.force_login(athlete)
    url = "/library/guides/hamstrings-speed/"
    _get(client, url)
    guide = library["guide"]
    guide.body = "## Why it changed\n\nNew text."
    guide.save()
    assert "<h2>Why it changed</h2>" in _get(client, url)
    KeyFigure.objects.create(guide=guide, statement="Ten per cent faster.")
    assert "Ten per cent faster." in _get(client, url)
    group = library["group"]
    group.name = "Hamstring group"
    group.save()
    assert "Hamstring group" in _get(client, url)
    assert "Hamstring group" in _get(client, LIST)  # the filter's options


def test_admin_publish_action_shows_at_once(client, athlete, staff, library):
    draft = ExerciseFactory(name="Secret draft", slug="secret-draft", status=Status.DRAFT)
    client.force_login(athlete)
    assert "Secret draft" not in _get(client, LIST)
    client.force_login(staff)
    response = client.post(
        reverse("admin:library_exercise_changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    assert response.status_code == 302
    client.force_login(athlete)
    assert "Secret draft" in _get(client, LIST)
    client.force_login(staff)
    client.post(
        reverse("admin:library_exercise_changelist"),
        {"action": "unpublish", "_selected_action": [draft.pk]},
    )
    client.force_login(athlete)
    assert "Secret draft" not in _get(client, LIST)


def test_admin_edit_shows_at_once(client, athlete, staff, library):
    client.force_login(athlete)
    assert "Hamstrings and speed" in _get(client, "/library/muscles/hamstrings/")
    client.force_login(staff)
    guide = library["guide"]
    response = client.post(
        reverse("admin:library_techniqueguide_change", args=[guide.pk]),
        {
            "title": "Speed from the hamstrings",
            "slug": guide.slug,
            "status": "published",
            "summary": guide.summary,
            "body": guide.body,
            "exercises": [library["nordic"].pk],
            "muscle_groups": [library["group"].pk],
            "figures-TOTAL_FORMS": "0",
            "figures-INITIAL_FORMS": "0",
            "figures-MIN_NUM_FORMS": "0",
            "figures-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    client.force_login(athlete)
    assert "Speed from the hamstrings" in _get(client, "/library/muscles/hamstrings/")


def test_loading_the_library_shows_at_once(client, athlete, library):
    client.force_login(athlete)
    _get(client, LIST)
    version = versions([LIBRARY])
    library_load(
        articles=[],
        groups=[{"slug": "hamstrings", "name": "Hamstrings", "description": ""}],
        muscles=[{"slug": "biceps-femoris", "name": "Biceps femoris", "group": "hamstrings"}],
        equipment=[],
        exercises=[
            {
                "slug": "single-leg-bridge",
                "name": "Single-leg bridge",
                "kind": "strength",
                "summary": "Hips up on one leg.",
                "primary_muscles": ["biceps-femoris"],
            }
        ],
        guides=[],
    )
    assert versions([LIBRARY]) != version
    assert "Single-leg bridge" in _get(client, LIST)


def test_a_lost_version_renders_afresh(client, athlete, library):
    client.force_login(athlete)
    _get(client, LIST)
    Exercise.objects.filter(pk=library["nordic"].pk).update(name="Renamed quietly")
    assert "Renamed quietly" not in _get(client, LIST)  # update() sends no signal
    cache.delete(version_key(LIBRARY))  # evicted, or Redis restarted
    assert "Renamed quietly" in _get(client, LIST)


@pytest.mark.parametrize("url", PAGES)
def test_without_a_shared_cache_every_request_reads_the_library(
    client, athlete, library, url, settings
):
    # With per-process memory caches a curator's edit would reach one process only.
    settings.CACHE_READS = False
    client.force_login(athlete)
    _get(client, url)
    with CaptureQueriesContext(connection) as again:
        _get(client, url)
    assert [q for q in again.captured_queries if "library_" in q["sql"]]


@pytest.mark.parametrize("url", PAGES)
def test_a_cache_that_raises_still_serves_the_pages(client, athlete, library, url):
    # Redis gone: every cache call fails, and the pages are read from the database.
    client.force_login(athlete)
    warm = _get(client, url)
    down = ConnectionError("cache down")
    with ExitStack() as stack:
        for method in ("get", "get_many", "set", "set_many", "add"):
            stack.enter_context(mock.patch.object(cache, method, side_effect=down))
        assert _without_tokens(_get(client, url)) == _without_tokens(warm)
        fragment = _get(client, url, **{"HX-Request": "true", "HX-Target": "exercise-results"})
        assert "Nordic curl" in fragment
