"""The session page after any navigation shows what is stored; logging moves focus on and
says so; an unplanned session logs every kind of value, dated today or earlier."""

import json
import re
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coaching import services
from coaching.models import ScheduledSession, SetLog
from tests.conftest import PERSONAS
from tests.factories import (
    AthleteProfileFactory,
    ExerciseFactory,
    PrescriptionFactory,
    ProgrammeFactory,
    WorkoutFactory,
)

HTMX = {"HX-Request": "true"}


@pytest.fixture
def planned(coach, athlete):
    """Today's session of the athlete's programme: two sets of Nordic lowers."""
    AthleteProfileFactory(user=athlete, units="kg", time_zone="UTC")
    programme = ProgrammeFactory(owner=coach, weeks=1)
    today = timezone.localdate()
    workout = WorkoutFactory(programme=programme, day=today.weekday(), title="Hams A")
    PrescriptionFactory(
        workout=workout,
        exercise=ExerciseFactory(name="Nordic lower"),
        sets=2,
        reps_min=6,
        reps_max=6,
        load_kind="kg",
        load_value=Decimal("20"),
        rest_seconds=90,
    )
    services.programme_assign(coach=coach, programme=programme, athletes=[athlete], starts_on=today)
    return ScheduledSession.objects.get(athlete=athlete)


def _url(session) -> str:
    return reverse("coaching:session_detail", args=[session.pk])


def _log(session, athlete, number=1) -> SetLog:
    return services.set_log_record(
        session=session,
        prescription=session.prescriptions.get(),
        set_number=number,
        side="",
        by=athlete,
        reps=6,
        load_kg=Decimal("20"),
    )


def _never_stored(response) -> bool:
    directives = {d.strip() for d in response.headers.get("Cache-Control", "").split(",")}
    return {"no-store", "private", "no-cache"} <= directives


# Back, Forward and reload ask the server again -------------------------------------------


def test_the_session_page_is_never_stored_by_the_browser(client, athlete, planned):
    client.force_login(athlete)
    for headers in ({}, HTMX):
        response = client.get(_url(planned), headers=headers)
        assert response.status_code == 200
        assert _never_stored(response), response.headers.get("Cache-Control")
        assert "HX-Request" in response.headers["Vary"]


def test_a_refused_set_without_javascript_is_a_page_never_stored(client, athlete, planned):
    client.force_login(athlete)
    nordic = planned.prescriptions.get()
    response = client.post(
        reverse("coaching:set_log", args=[planned.pk]),
        {"prescription": nordic.pk, "set_number": 1, "reps": "many"},
    )
    assert response.status_code == 200 and "<html" in response.content.decode()
    assert _never_stored(response)


SESSION_ACCESS = {
    "anonymous": "login",
    "athlete": 200,
    "other_athlete": 404,
    "coach": 200,
    "other_coach": 404,
    "staff": 404,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_session_page_access_as_page_fragment_and_history_restore(as_persona, persona, planned):
    client = as_persona(persona)
    kinds = {
        "page": {},
        "fragment": HTMX,
        # htmx asks again for a page it has no snapshot of: it needs the whole page.
        "restore": {**HTMX, "HX-History-Restore-Request": "true"},
    }
    for kind, headers in kinds.items():
        response = client.get(_url(planned), headers=headers)
        expected = SESSION_ACCESS[persona]
        if expected == "login":
            assert response.status_code == 302 and "/accounts/login/" in response.url
            continue
        assert response.status_code == expected, (kind, response.status_code)
        body = response.content.decode()
        if expected != 200:
            assert "Nordic lower" not in body
            continue
        assert "Nordic lower" in body and 'name="csrfmiddlewaretoken"' in body
        assert ("<html" in body) is (kind != "fragment"), kind


@pytest.mark.parametrize("persona", PERSONAS)
def test_undo_access(as_persona, persona, athlete, planned):
    logged = _log(planned, athlete)
    client = as_persona(persona)
    response = client.post(reverse("coaching:set_undo", args=[planned.pk, logged.pk]), headers=HTMX)
    expected = SESSION_ACCESS[persona]
    if expected == "login":
        assert response.status_code == 302 and "/accounts/login/" in response.url
        assert SetLog.objects.filter(pk=logged.pk).exists()
    elif expected == 404:
        assert response.status_code == 404
        assert SetLog.objects.filter(pk=logged.pk).exists()
    else:
        assert response.status_code == 200 and "<html" not in response.content.decode()
        assert not SetLog.objects.filter(pk=logged.pk).exists()


def _tags(body: str, pattern: str) -> list[str]:
    return re.findall(pattern, body)


def test_the_browser_puts_back_no_values_of_its_own(client, athlete, planned):
    """Form values the browser restores on Back are matched by position and could show
    numbers never stored: the page's forms turn that off, and set rows and the unfinished
    session's form name a key under which train.js keeps what was typed instead."""
    client.force_login(athlete)
    nordic = planned.prescriptions.get()
    _log(planned, athlete)
    body = client.get(_url(planned)).content.decode()
    set_forms = _tags(body, r'<form method="post" action="[^"]*/sets/"[^>]*>')
    assert len(set_forms) == 2
    for number, form in enumerate(set_forms, start=1):
        assert 'autocomplete="off"' in form
        assert f'data-draft="set-{nordic.pk}-{number}"' in form
    pain = _tags(body, r"<form[^>]*pain-form[^>]*>")
    assert pain and all('autocomplete="off"' in form for form in pain)
    finish = _tags(body, r'<form[^>]*action="[^"]*/finish/"[^>]*>')[0]
    assert 'autocomplete="off"' in finish and f'data-draft="finish-{planned.pk}"' in finish
    # No htmx snapshot of the page: Back asks the server.
    assert 'hx-history="false"' in body

    services.session_finish(session=planned, by=athlete, rpe=7, duration_minutes=30)
    body = client.get(_url(planned)).content.decode()
    finish = _tags(body, r'<form[^>]*action="[^"]*/finish/"[^>]*>')[0]
    assert "data-draft" not in finish  # a finished session's form shows what is stored


def test_the_page_shows_each_change_at_once(client, athlete, planned):
    client.force_login(athlete)
    nordic = planned.prescriptions.get()
    url = reverse("coaching:set_log", args=[planned.pk])
    client.get(_url(planned))  # cached now
    data = {"prescription": nordic.pk, "set_number": 1, "reps": 6, "load": "20"}
    client.post(url, data, headers=HTMX)
    assert "Update" in _row(client.get(_url(planned)).content.decode(), f"set-{nordic.pk}-1")
    logged = SetLog.objects.get()
    client.post(reverse("coaching:set_undo", args=[planned.pk, logged.pk]), headers=HTMX)
    row = _row(client.get(_url(planned)).content.decode(), f"set-{nordic.pk}-1")
    assert "is-done" not in row and "Undo" not in row


def test_the_cached_exercise_header_shows_each_change_at_once(client, athlete, planned):
    # The header (name, notes, cue) is cached HTML: a coach's edit of the session's
    # exercise and the library's renaming of it both show on the next request.
    client.force_login(athlete)
    nordic = planned.prescriptions.select_related("exercise").get()
    body = client.get(_url(planned)).content.decode()  # cached now
    assert "Nordic lower" in body and "Slow on the way down" not in body
    nordic.notes = "Slow on the way down"
    nordic.save()
    body = client.get(_url(planned)).content.decode()
    assert "Slow on the way down" in body
    exercise = nordic.exercise
    exercise.name = "Nordic hamstring curl"
    exercise.cues = "Hips stay extended"
    exercise.save()
    body = client.get(_url(planned)).content.decode()
    header = body.split(f'id="exercise-{nordic.pk}-name"', 1)[1].split("<ol", 1)[0]
    assert "Nordic hamstring curl" in header and "Nordic lower" not in header
    assert "Hips stay extended" in header and "Slow on the way down" in header
    # Nothing of a form or the request in what is cached.
    assert "csrfmiddlewaretoken" not in header and "<input" not in header


def test_the_exercise_header_follows_the_athletes_units(client, athlete, planned):
    client.force_login(athlete)
    nordic = planned.prescriptions.get()
    body = client.get(_url(planned)).content.decode()
    header = body.split(f'id="exercise-{nordic.pk}-name"', 1)[1].split("<ol", 1)[0]
    assert "20 kg" in header
    athlete.athlete_profile.units = "lb"
    athlete.athlete_profile.save()
    body = client.get(_url(planned)).content.decode()
    header = body.split(f'id="exercise-{nordic.pk}-name"', 1)[1].split("<ol", 1)[0]
    assert "lb" in header and "20 kg" not in header


def _row(body: str, dom_id: str) -> str:
    return body.split(f'<li id="{dom_id}"', 1)[1].split("</li>", 1)[0]


# Focus and a word after each set -----------------------------------------------------------


def test_logging_and_undoing_a_set_say_so(client, athlete, planned):
    client.force_login(athlete)
    nordic = planned.prescriptions.get()
    body = client.get(_url(planned)).content.decode()
    # The live region the words go to, and where focus goes after the last set.
    assert re.search(r'<div id="set-status"[^>]*role="status"[^>]*aria-live="polite"', body)
    assert '<h2 id="finish-heading" class="h5" tabindex="-1">' in body
    response = client.post(
        reverse("coaching:set_log", args=[planned.pk]),
        {"prescription": nordic.pk, "set_number": 2, "reps": 6, "load": "20"},
        headers=HTMX,
    )
    said = json.loads(response.headers["HX-Trigger"])["set-logged"]["said"]
    assert said == "Nordic lower, Set 2: saved."
    logged = SetLog.objects.get()
    response = client.post(reverse("coaching:set_undo", args=[planned.pk, logged.pk]), headers=HTMX)
    said = json.loads(response.headers["HX-Trigger"])["set-undone"]["said"]
    assert said == "Nordic lower, Set 2: no longer logged."


def test_a_refused_set_says_nothing_was_saved(client, athlete, planned):
    client.force_login(athlete)
    nordic = planned.prescriptions.get()
    response = client.post(
        reverse("coaching:set_log", args=[planned.pk]),
        {"prescription": nordic.pk, "set_number": 1, "reps": "-3"},
        headers=HTMX,
    )
    assert "HX-Trigger" not in response.headers
    assert 'role="alert"' in response.content.decode() and not SetLog.objects.exists()


# Unplanned sessions --------------------------------------------------------------------------


@pytest.fixture
def unplanned(athlete):
    AthleteProfileFactory(user=athlete, units="kg", time_zone="UTC")
    yesterday = timezone.localdate() - timedelta(days=1)
    return services.adhoc_session_create(
        athlete=athlete, date=yesterday, title="Gym on my own", kind="strength"
    )


FIELDS = ("reps", "load", "distance_m", "seconds")


def test_an_unplanned_sessions_exercise_logs_every_kind_of_value(client, athlete, unplanned):
    client.force_login(athlete)
    # Reps only, by default: an unplanned session still takes a load, a time and a distance.
    step_up = ExerciseFactory(name="Step-up", tempo="")
    client.post(
        reverse("coaching:adhoc_exercise_add", args=[unplanned.pk]), {"exercise": step_up.pk}
    )
    prescription = unplanned.prescriptions.get()
    body = client.get(_url(unplanned)).content.decode()
    row = _row(body, f"set-{prescription.pk}-1")
    for name in FIELDS:
        assert f'name="{name}"' in row, name

    response = client.post(
        reverse("coaching:set_log", args=[unplanned.pk]),
        {
            "prescription": prescription.pk,
            "set_number": 1,
            "side": "",
            "reps": "8",
            "load": "22.5",
            "distance_m": "30",
            "seconds": "45",
            "note": "Knee a little sore on the last reps",
        },
        headers=HTMX,
    )
    logged = SetLog.objects.get()
    assert (logged.reps, logged.load_kg, logged.distance_m, logged.seconds) == (
        8,
        Decimal("22.5"),
        30,
        45,
    )
    assert logged.log.session == unplanned
    row = response.content.decode()
    for name, value in zip(FIELDS, ("8", "22.5", "30", "45"), strict=True):
        assert re.search(rf'name="{name}" value="{re.escape(value)}', row), name

    # The largest row there is (every field, a note, the undo form) stays a small answer.
    assert len(response.content) < 3 * 1024

    response = client.post(
        reverse("coaching:set_undo", args=[unplanned.pk, logged.pk]), headers=HTMX
    )
    row = response.content.decode()
    assert all(f'name="{name}"' in row for name in FIELDS)


def test_a_planned_exercise_shows_only_what_it_prescribes(client, athlete, planned):
    client.force_login(athlete)
    nordic = planned.prescriptions.get()
    row = _row(client.get(_url(planned)).content.decode(), f"set-{nordic.pk}-1")
    assert 'name="reps"' in row and 'name="load"' in row
    assert 'name="distance_m"' not in row and 'name="seconds"' not in row


def test_an_unplanned_session_takes_only_published_exercises(client, athlete, unplanned):
    client.force_login(athlete)
    draft = ExerciseFactory(name="Secret drill", status="draft")
    client.post(reverse("coaching:adhoc_exercise_add", args=[unplanned.pk]), {"exercise": draft.pk})
    assert not unplanned.prescriptions.exists()
    found = client.get(
        reverse("coaching:adhoc_exercise_search", args=[unplanned.pk]),
        {"q": "Secret"},
        headers=HTMX,
    ).content.decode()
    assert "Secret drill" not in found


def test_the_unplanned_session_page_costs_the_same_queries_however_much_it_holds(
    client, athlete, unplanned, django_assert_num_queries
):
    client.force_login(athlete)

    def add(count):
        for _ in range(count):
            prescription = services.adhoc_exercise_add(
                session=unplanned, exercise=ExerciseFactory()
            )
            for number in (1, 2):
                services.set_log_record(
                    session=unplanned,
                    prescription=prescription,
                    set_number=number,
                    side="",
                    by=athlete,
                    reps=8,
                    load_kg=Decimal("10"),
                    seconds=30,
                )

    add(1)
    with CaptureQueriesContext(connection) as ctx:
        client.get(_url(unplanned))
    add(6)
    with django_assert_num_queries(len(ctx)):
        client.get(_url(unplanned))


# An athlete in Auckland, on a Tuesday evening in London: already Wednesday for them.
EVENING_UTC = datetime(2026, 3, 10, 20, 0, tzinfo=ZoneInfo("UTC"))


@pytest.fixture
def in_auckland(athlete):
    AthleteProfileFactory(user=athlete, time_zone="Pacific/Auckland")
    return athlete


def _create(client, day: date, title: str = "Hotel gym"):
    return client.post(
        reverse("coaching:adhoc_session_create"),
        {"date": day.isoformat(), "title": title, "kind": "strength"},
    )


@pytest.mark.parametrize("day", [date(2026, 3, 11), date(2026, 3, 10), date(2026, 2, 1)], ids=str)
def test_an_unplanned_session_is_dated_today_or_earlier_where_the_athlete_is(
    client, in_auckland, day
):
    client.force_login(in_auckland)
    with time_machine.travel(EVENING_UTC, tick=False):
        response = _create(client, day)
    session = ScheduledSession.objects.get(title="Hotel gym")
    assert response.status_code == 302 and response.url == _url(session)
    assert session.date == day and session.assignment is None


def test_a_future_unplanned_session_is_refused_with_the_typing_kept(client, in_auckland):
    client.force_login(in_auckland)
    with time_machine.travel(EVENING_UTC, tick=False):
        page = client.get(reverse("coaching:adhoc_session_create")).content.decode()
        response = _create(client, date(2026, 3, 12), title="Tomorrow's plan")
    # The date picker stops at the athlete's today.
    assert 'max="2026-03-11"' in page and 'value="2026-03-11"' in page
    body = response.content.decode()
    assert response.status_code == 200 and not ScheduledSession.objects.exists()
    assert "12 March 2026 is in the future. Log sessions for today or the past." in body
    assert 'value="Tomorrow&#x27;s plan"' in body and 'value="2026-03-12"' in body
    assert 'aria-invalid="true"' in body


def test_the_service_refuses_an_unplanned_session_in_the_future(in_auckland):
    with time_machine.travel(EVENING_UTC, tick=False):
        services.adhoc_session_create(
            athlete=in_auckland, date=date(2026, 3, 11), title="Today there", kind=""
        )
        with pytest.raises(ValidationError) as refused:
            services.adhoc_session_create(
                athlete=in_auckland, date=date(2026, 3, 12), title="Tomorrow", kind=""
            )
    assert "date" in refused.value.message_dict
    assert list(ScheduledSession.objects.values_list("title", flat=True)) == ["Today there"]
