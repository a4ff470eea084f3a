"""One unit, exact: every load a person reads is in the athlete's unit (kg or lb), with the
unit written, and a load typed in pounds reads back as typed everywhere."""

import json
import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coaching import services, units
from coaching.charts import MIDDLE, WIDTH, progress_chart
from coaching.models import ScheduledSession, SetLog
from tests.factories import (
    AthleteProfileFactory,
    ExerciseFactory,
    PrescriptionFactory,
    ProgrammeFactory,
    WorkoutFactory,
)

HTMX = {"HX-Request": "true"}
NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)  # a Wednesday morning


@pytest.fixture(autouse=True)
def _wednesday():
    # Every "today" below is this day, wherever the clock is when the tests run.
    with time_machine.travel(NOW, tick=False):
        yield


# What the old code showed for 26.5 lb and 30 lb: rounded kilograms, or pounds read back
# from two-decimal kilograms.
WRONG = ("26.46", "12.02", "13.61", "26.50", "30.00", "@ 12 kg", "12 kg")


def _schedule(coach, athlete, unit: str) -> dict:
    """A week-old session and today's, each with a Nordic lower of 2 × 6 at 12 kg."""
    AthleteProfileFactory(user=athlete, units=unit, time_zone="UTC")
    programme = ProgrammeFactory(owner=coach, weeks=2)
    today = timezone.localdate()
    nordic = ExerciseFactory(name="Nordic lower", slug="nordic-lower")
    for week, title in ((1, "Hams A"), (2, "Hams B")):
        workout = WorkoutFactory(programme=programme, week=week, day=today.weekday(), title=title)
        PrescriptionFactory(
            workout=workout,
            exercise=nordic,
            sets=2,
            reps_min=6,
            reps_max=6,
            load_kind="kg",
            load_value=Decimal("12"),
            rest_seconds=None,
            tempo="",
        )
    services.programme_assign(
        coach=coach, programme=programme, athletes=[athlete], starts_on=today - timedelta(days=7)
    )
    past, now = ScheduledSession.objects.filter(athlete=athlete).order_by("date")
    services.session_log_open(session=past, by=athlete, done_on=past.date)  # done on the day
    return {"past": past, "today": now}


def _log(client, session, number: int, load: str):
    """The athlete types a load into a set row and taps Done."""
    prescription = session.prescriptions.get()
    response = client.post(
        reverse("coaching:set_log", args=[session.pk]),
        {"prescription": prescription.pk, "set_number": number, "reps": 6, "load": load},
        headers=HTMX,
    )
    assert response.status_code == 200
    return response


def _load_input(body: str, session, number: int) -> str:
    prescription = session.prescriptions.get()
    row = body.split(f'<li id="set-{prescription.pk}-{number}"', 1)[1].split("</li>", 1)[0]
    return re.search(r'name="load" value="([^"]*)"', row)[1]


def _main(response) -> str:
    return response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]


def _assert_none_wrong(text: str, *, other_unit: str) -> None:
    for wrong in WRONG:
        assert wrong not in text, wrong
    assert not re.search(rf"\d {other_unit}\b", text), other_unit


@pytest.fixture
def pounds(client, coach, athlete):
    """A runner in pounds who logged 26.5 lb a week ago and 30 lb today."""
    schedule = _schedule(coach, athlete, "lb")
    client.force_login(athlete)
    _log(client, schedule["past"], 1, "26.5")
    _log(client, schedule["today"], 1, "30")
    return schedule


def test_pounds_are_stored_to_four_decimals_of_a_kilogram(pounds):
    stored = sorted(SetLog.objects.values_list("load_kg", flat=True))
    assert stored == [Decimal("12.0202"), Decimal("13.6078")]


def test_the_session_page_shows_pounds_as_typed_and_the_plan_in_half_pounds(
    client, athlete, pounds
):
    today = pounds["today"]
    response = client.get(reverse("coaching:session_detail", args=[today.pk]))
    body = _main(response)
    # The coach's 12 kg, to the nearest half pound, in the header and the untouched row.
    assert "2 × 6 reps @ 26.5 lb" in body
    assert "Last time: 26.5 lb" in body
    assert _load_input(body, today, 1) == "30" and _load_input(body, today, 2) == "26.5"
    assert "Load (lb)" in body
    _assert_none_wrong(body, other_unit="kg")
    past = _main(client.get(reverse("coaching:session_detail", args=[pounds["past"].pk])))
    assert _load_input(past, pounds["past"], 1) == "26.5"


def test_one_tap_done_records_the_half_pound_shown(client, athlete, pounds):
    today = pounds["today"]
    body = _main(client.get(reverse("coaching:session_detail", args=[today.pk])))
    shown = _load_input(body, today, 2)
    response = _log(client, today, 2, shown)  # the row's values, as the Done button sends them
    assert SetLog.objects.get(log__session=today, set_number=2).load_kg == Decimal("12.0202")
    assert 'name="load" value="26.5"' in response.content.decode()


def test_history_progress_and_calendar_speak_pounds(client, athlete, pounds):
    history = _main(client.get(reverse("coaching:train_history")))
    _assert_none_wrong(history, other_unit="kg")
    progress = _main(client.get(reverse("coaching:train_progress")))
    assert "Nordic lower: heaviest set (lb)" in progress
    assert "<td>26.5 lb ★</td>" in progress and "<td>30 lb ★</td>" in progress
    assert "between 26.5 lb and 30 lb" in progress
    _assert_none_wrong(progress, other_unit="kg")
    feed = services.calendar_feed_for(athlete=athlete)
    client.logout()
    ics = client.get(feed.get_absolute_url()).content.decode()
    unfolded = ics.replace("\r\n ", "")
    assert unfolded.count("Nordic lower: 2 × 6 reps @ 26.5 lb") == 2
    _assert_none_wrong(unfolded, other_unit="kg")


def test_the_coach_reads_the_athletes_pounds_with_the_unit(client, coach, athlete, pounds):
    client.force_login(coach)
    review = _main(client.get(reverse("coaching:coach_session", args=[pounds["today"].pk])))
    assert "Planned: 2 × 6 reps @ 26.5 lb" in review and "<td>30 lb</td>" in review
    _assert_none_wrong(review, other_unit="kg")
    past = _main(client.get(reverse("coaching:coach_session", args=[pounds["past"].pk])))
    assert "<td>26.5 lb</td>" in past
    page = _main(client.get(reverse("coaching:coach_athlete", args=[athlete.pk])))
    assert "heaviest set (lb)" in page
    assert "<td>26.5 lb ★</td>" in page and "<td>30 lb ★</td>" in page
    _assert_none_wrong(page, other_unit="kg")


def test_exports_keep_kilograms_exact_and_add_the_athletes_unit(client, coach, athlete, pounds):
    client.force_login(coach)
    response = client.get(
        reverse("coaching:coach_export"), {"athlete": athlete.pk, "download": "1"}
    )
    lines = b"".join(response.streaming_content).decode().splitlines()
    header = lines[0].split(",")
    assert header[8:12] == ["reps", "load", "unit", "load_kg"]
    assert [line.split(",")[8:12] for line in lines[1:]] == [
        ["6", "26.5", "lb", "12.0202"],
        ["6", "30", "lb", "13.6078"],
    ]
    for url in (
        reverse("coaching:coach_athlete_export", args=[athlete.pk]),
        reverse("coaching:athlete_export"),
    ):
        if url == reverse("coaching:athlete_export"):
            client.force_login(athlete)
        data = json.loads(client.get(url).content)
        sets = sorted(
            ((s["load"], s["unit"], s["load_kg"]) for log in data["logs"] for s in log["sets"]),
            key=lambda s: Decimal(s[0]),
        )
        assert sets == [("26.5", "lb", "12.0202"), ("30", "lb", "13.6078")]
        planned = data["schedule"][0]["planned"][0]
        assert (planned["load_value"], planned["load"], planned["unit"]) == ("12.00", "26.5", "lb")


def test_a_runner_in_kilograms_reads_kilograms_everywhere(client, coach, athlete):
    schedule = _schedule(coach, athlete, "kg")
    client.force_login(athlete)
    _log(client, schedule["past"], 1, "12.5")
    _log(client, schedule["today"], 1, "13.75")
    today = schedule["today"]
    body = _main(client.get(reverse("coaching:session_detail", args=[today.pk])))
    assert "2 × 6 reps @ 12 kg" in body and "Last time: 12.5 kg" in body
    assert _load_input(body, today, 1) == "13.75" and _load_input(body, today, 2) == "12"
    progress = _main(client.get(reverse("coaching:train_progress")))
    assert "<td>12.5 kg ★</td>" in progress and "<td>13.75 kg ★</td>" in progress
    feed = services.calendar_feed_for(athlete=athlete)
    ics = client.get(feed.get_absolute_url()).content.decode().replace("\r\n ", "")
    assert "Nordic lower: 2 × 6 reps @ 12 kg" in ics
    client.force_login(coach)
    review = _main(client.get(reverse("coaching:coach_session", args=[today.pk])))
    assert "@ 12 kg" in review and "<td>13.75 kg</td>" in review
    page = _main(client.get(reverse("coaching:coach_athlete", args=[athlete.pk])))
    for text in (body, progress, ics, review, page):
        assert not re.search(r"\d lb\b", text)


def test_the_athletes_unit_costs_no_query_of_its_own(client, coach, athlete, pounds):
    profile_reads = []
    feed = services.calendar_feed_for(athlete=athlete)
    client.force_login(coach)
    for url in (
        reverse("coaching:coach_session", args=[pounds["today"].pk]),
        reverse("coaching:coach_athlete", args=[athlete.pk]),
        reverse("coaching:coach_export") + f"?athlete={athlete.pk}&download=1",
        feed.get_absolute_url(),
    ):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)
        profile_reads += [
            q["sql"]
            for q in queries
            if re.match(r'SELECT .* FROM "athletes_athleteprofile"', q["sql"])
        ]
    assert profile_reads == []


# The conversions themselves ------------------------------------------------------------


@given(st.decimals(min_value=0, max_value=2000, places=2, allow_nan=False, allow_infinity=False))
@settings(max_examples=500)
def test_any_pound_load_to_two_decimals_reads_back_exactly(pounds_typed):
    kg = units.to_kg(pounds_typed, "lb")
    assert kg == kg.quantize(Decimal("0.0001")) and kg <= 1000
    assert units.from_kg(kg, "lb") == pounds_typed
    assert units.format_load(kg, "lb") == f"{units.plain(pounds_typed):f} lb"


@pytest.mark.django_db
@given(st.decimals(min_value=0, max_value=2000, places=2, allow_nan=False, allow_infinity=False))
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_pound_load_survives_the_database(stored_set, pounds_typed):
    SetLog.objects.filter(pk=stored_set.pk).update(load_kg=units.to_kg(pounds_typed, "lb"))
    kg = SetLog.objects.values_list("load_kg", flat=True).get(pk=stored_set.pk)
    assert units.from_kg(kg, "lb") == pounds_typed


@pytest.fixture
def stored_set(coach, athlete):
    session = _schedule(coach, athlete, "lb")["today"]
    return services.set_log_record(
        session=session,
        prescription=session.prescriptions.get(),
        set_number=1,
        side="",
        by=athlete,
        reps=6,
    )


@pytest.mark.parametrize(
    ("kg", "unit", "shown"),
    [
        ("12", "lb", "26.5 lb"),  # 26.455 lb, to the nearest half pound
        ("20", "lb", "44 lb"),  # 44.09 lb
        ("100", "lb", "220.5 lb"),  # 220.46 lb
        ("12", "kg", "12 kg"),
        ("12.50", "kg", "12.5 kg"),
        ("100.00", "kg", "100 kg"),
    ],
)
def test_a_prescription_in_kilograms_is_shown_in_the_athletes_unit(kg, unit, shown):
    assert units.format_prescribed(Decimal(kg), unit) == shown


def test_loads_follow_the_readers_locale_and_drop_trailing_zeros():
    assert units.format_load(Decimal("12.0202"), "lb") == "26.5 lb"
    assert units.format_load(Decimal("13.6078"), "lb") == "30 lb"
    assert units.format_load(Decimal("100.0000"), "kg") == "100 kg"
    assert units.format_load(None, "kg") == ""
    with translation.override("de"):
        assert units.format_load(Decimal("12.0202"), "lb") == "26,5 lb"


# A chart of one day ----------------------------------------------------------------------


def _point(day, kg, side=""):
    return {
        "log__done_on": day,
        "side": side,
        "top_load": Decimal(kg),
        "total_reps": 6,
        "seconds": None,
        "distance": None,
    }


def test_a_chart_of_one_day_is_a_labelled_dot_in_the_middle():
    chart = progress_chart([_point(date(2026, 3, 2), "12.0202")], units="lb")
    (series,) = chart.series
    (point,) = series.points
    assert chart.one_day and series.polyline == ""
    assert (point.x, point.y) == (WIDTH / 2, MIDDLE)
    assert point.text == "26.5 lb" and point.title.startswith("2 Mar: 26.5 lb")
    assert chart.x_labels == [(f"{WIDTH / 2:.0f}", "middle", "2 Mar")]
    assert [text for _y, text in chart.y_labels] == ["26.5"]
    assert chart.description == "One day logged, 2 Mar: 26.5 lb."


def test_a_level_series_is_drawn_halfway_up_with_one_value_label():
    days = [date(2026, 3, 2), date(2026, 3, 9)]
    chart = progress_chart([_point(day, "20") for day in days], units="kg")
    assert not chart.one_day and {p.y for p in chart.series[0].points} == {MIDDLE}
    assert [text for _y, text in chart.y_labels] == ["20"]
    assert [text for _x, _anchor, text in chart.x_labels] == ["2 Mar", "9 Mar"]


def test_the_progress_page_draws_one_logged_day_with_its_value_and_date(client, pounds):
    SetLog.objects.filter(log__session=pounds["past"]).delete()
    body = _main(client.get(reverse("coaching:train_progress")))
    svg = body.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert "<polyline" not in svg
    assert re.search(r'class="point-label"[^>]*>30 lb</text>', svg)
    assert 'text-anchor="middle">4 Mar</text>' in svg
    assert "One day logged" in svg
