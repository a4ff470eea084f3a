"""The days of a session: planned against done, partial against done, and what Next,
history and compliance make of them, with the clock moved through a week."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from athletes.services import roster_add
from coaching import selectors, services
from coaching.models import ScheduledSession
from tests.factories import (
    AthleteProfileFactory,
    ExerciseFactory,
    PrescriptionFactory,
    ProgrammeFactory,
    WorkoutFactory,
)

MONDAY = date(2026, 12, 7)


def noon(day: int) -> datetime:
    return datetime(2026, 12, day, 12, tzinfo=UTC)


@pytest.fixture
def week(coach, athlete):
    """Tuesday, Thursday and Saturday sessions of one exercise, from Monday 7 December."""
    AthleteProfileFactory(user=athlete, units="kg", time_zone="UTC")
    programme = ProgrammeFactory(owner=coach, weeks=1)
    exercise = ExerciseFactory(name="Nordic lower")
    for day, title in ((1, "Tuesday hams"), (3, "Thursday hams"), (5, "Saturday hams")):
        workout = WorkoutFactory(programme=programme, week=1, day=day, title=title)
        PrescriptionFactory(workout=workout, exercise=exercise, sets=2, reps_min=6, reps_max=6)
    with time_machine.travel(noon(6), tick=False):
        services.programme_assign(
            coach=coach, programme=programme, athletes=[athlete], starts_on=MONDAY
        )
    return list(ScheduledSession.objects.filter(athlete=athlete).order_by("date"))


def _log_set(session, athlete):
    return services.set_log_record(
        session=session,
        prescription=session.prescriptions.first(),
        set_number=1,
        side="",
        by=athlete,
        reps=6,
        load_kg=Decimal("20"),
    )


def _overview(athlete):
    return selectors._train_overview(athlete, services.athlete_today(athlete))


def test_next_is_the_earliest_unfinished_session_from_today(athlete, week):
    tuesday, thursday, saturday = week
    with time_machine.travel(noon(7), tick=False):
        assert _overview(athlete)["next_session"] == tuesday
    with time_machine.travel(noon(8), tick=False):
        # Today's session is next until it is finished, and partial is not finished.
        assert _overview(athlete)["next_session"] == tuesday
        _log_set(tuesday, athlete)
        assert _overview(athlete)["next_session"] == tuesday
        services.session_finish(session=tuesday, by=athlete, rpe=6, duration_minutes=30)
        assert _overview(athlete)["next_session"] == thursday
        # Thursday done early: Saturday is next, not a session of next week.
        services.session_finish(session=thursday, by=athlete, rpe=6, duration_minutes=30)
        assert _overview(athlete)["next_session"] == saturday


def test_next_follows_the_athletes_time_zone(athlete, week):
    athlete.athlete_profile.time_zone = "Pacific/Auckland"
    athlete.athlete_profile.save()
    # 11:00 UTC on Monday is already Tuesday in Auckland: Tuesday's session is today's.
    with time_machine.travel(datetime(2026, 12, 7, 11, tzinfo=UTC), tick=False):
        overview = _overview(athlete)
    assert overview["today"] == date(2026, 12, 8)
    assert [s.title for s in overview["today_sessions"]] == ["Tuesday hams"]


def test_a_log_is_dated_the_day_it_was_done(athlete, week):
    tuesday, *_ = week
    with time_machine.travel(noon(7), tick=False):
        _log_set(tuesday, athlete)
    tuesday.refresh_from_db()
    assert (tuesday.date, tuesday.log.done_on) == (date(2026, 12, 8), MONDAY)


def test_status_of_a_session_through_the_week(athlete, week):
    tuesday, thursday, _saturday = week
    with time_machine.travel(noon(8), tick=False):
        _log_set(tuesday, athlete)
    tuesday = ScheduledSession.objects.select_related("log").get(pk=tuesday.pk)
    thursday = ScheduledSession.objects.select_related("log").get(pk=thursday.pk)
    assert tuesday.status_on(date(2026, 12, 8)) == "partial"
    assert tuesday.status_on(date(2026, 12, 9)) == "partial"
    assert thursday.status_on(date(2026, 12, 9)) == "planned"
    assert thursday.status_on(date(2026, 12, 11)) == "missed"
    with time_machine.travel(noon(9), tick=False):
        services.session_finish(session=tuesday, by=athlete, rpe=7, duration_minutes=30)
    tuesday = ScheduledSession.objects.select_related("log").get(pk=tuesday.pk)
    assert tuesday.status_on(date(2026, 12, 9)) == "done"
    assert tuesday.log.done_on == date(2026, 12, 8), "the day of the first set stays"


def test_compliance_counts_early_partial_and_late_on_the_day_done(coach, athlete, week):
    tuesday, thursday, saturday = week

    def row(day):
        (athlete_row,) = selectors.dashboard_athletes(coach, day)
        return athlete_row

    with time_machine.travel(noon(7), tick=False):
        # Tuesday's session done on Monday: done, and due from the day it was done.
        services.session_finish(session=tuesday, by=athlete, rpe=6, duration_minutes=30)
        monday = row(MONDAY)
    assert (monday.done_7, monday.due_7, monday.last_logged) == (1, 1, MONDAY)
    with time_machine.travel(noon(9), tick=False):
        wednesday = row(date(2026, 12, 9))
    assert (wednesday.done_7, wednesday.due_7) == (1, 1)
    assert "missed" not in selectors.athlete_flags(wednesday, date(2026, 12, 9), None)
    with time_machine.travel(noon(10), tick=False):
        _log_set(thursday, athlete)  # partial: not done
    with time_machine.travel(noon(11), tick=False):
        friday = row(date(2026, 12, 11))
    assert (friday.done_7, friday.due_7, friday.partial_7) == (1, 2, 1)
    assert "missed" in selectors.athlete_flags(friday, date(2026, 12, 11), None)
    with time_machine.travel(noon(13), tick=False):
        # Thursday finished on Sunday, Saturday still open.
        services.session_finish(session=thursday, by=athlete, rpe=6, duration_minutes=30)
        sunday = row(date(2026, 12, 13))
    thursday.refresh_from_db()
    assert thursday.log.done_on == date(2026, 12, 10)
    assert (sunday.done_7, sunday.due_7, sunday.partial_7) == (2, 3, 0)
    assert sunday.last_logged == date(2026, 12, 10)
    del saturday


def test_finishing_late_can_correct_the_day_done(client, athlete, week):
    tuesday, *_ = week
    client.force_login(athlete)
    url = reverse("coaching:session_finish", args=[tuesday.pk])
    with time_machine.travel(noon(10), tick=False):
        _log_set(tuesday, athlete)
        response = client.post(url, {"rpe": "7", "duration_minutes": "35", "done_on": "2026-12-08"})
    assert response.status_code == 302
    tuesday.refresh_from_db()
    assert tuesday.log.done_on == date(2026, 12, 8)
    assert tuesday.log.completed_at is not None


@pytest.mark.parametrize(
    ("done_on", "message"),
    [
        ("2026-12-11", "A session cannot be done in the future."),
        ("2024-01-01", "Give a date within the last year."),
        ("not a date", "Enter a valid date."),
    ],
)
def test_a_wrong_day_done_is_refused_with_the_typing_kept(client, athlete, week, done_on, message):
    tuesday, *_ = week
    client.force_login(athlete)
    with time_machine.travel(noon(10), tick=False):
        _log_set(tuesday, athlete)
        response = client.post(
            reverse("coaching:session_finish", args=[tuesday.pk]),
            {"rpe": "7", "duration_minutes": "35", "notes": "Felt strong", "done_on": done_on},
        )
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body
    assert "Felt strong" in body and f'value="{done_on}"' in body
    tuesday.refresh_from_db()
    assert tuesday.log.completed_at is None and tuesday.log.done_on == date(2026, 12, 10)


def test_history_dates_a_session_by_the_day_done_and_offers_to_finish(client, athlete, week):
    tuesday, thursday, _saturday = week
    client.force_login(athlete)
    with time_machine.travel(noon(7), tick=False):
        services.session_finish(session=tuesday, by=athlete, rpe=6, duration_minutes=30)
    with time_machine.travel(noon(10), tick=False):
        _log_set(thursday, athlete)
    with time_machine.travel(noon(12), tick=False):
        body = client.get(reverse("coaching:train_history")).content.decode()
        home = client.get(reverse("coaching:train_home")).content.decode()
    assert "Mon 7 Dec 2026 · Tuesday hams" in body and "planned Tue 8 Dec" in body
    assert "Thu 10 Dec 2026 · Thursday hams" in body and "Partial: not finished" in body
    assert f'href="/train/sessions/{thursday.pk}/#finish"' in body
    assert f'href="/train/sessions/{thursday.pk}/#finish"' in home
    assert "Next: Saturday hams" not in home  # Saturday is today: the today card shows it


def test_dashboard_counts_partial_sessions_apart(client, coach, athlete, week):
    _tuesday, thursday, _saturday = week
    roster_add(coach=coach, athlete=athlete)
    with time_machine.travel(noon(10), tick=False):
        _log_set(thursday, athlete)
        (row,) = selectors.dashboard_athletes(coach, date(2026, 12, 10))
    assert row.partial_7 == 1


@pytest.mark.parametrize("name", ["train_home", "train_history", "train_progress"])
def test_training_pages_are_never_stored_for_back(client, athlete, week, name):
    # Back after logging must show what is stored, not the browser's old copy.
    client.force_login(athlete)
    response = client.get(reverse(f"coaching:{name}"))
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("name", "args"),
    [("coach_dashboard", []), ("coach_athlete", ["athlete"]), ("coach_session", ["session"])],
)
def test_coach_pages_are_never_stored_for_back(client, coach, athlete, week, name, args):
    client.force_login(coach)
    values = {"athlete": athlete.pk, "session": week[0].pk}
    response = client.get(reverse(f"coaching:{name}", args=[values[a] for a in args]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
