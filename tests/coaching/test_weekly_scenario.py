"""Two weeks of the weekly loop as a coach and three runners live it, with the clock moved
day by day: a runner in kg who trains early and late, a runner in lb (New York) who logs
partly and finishes late, and a self-coached runner (Sydney) who plans for themself.

Every expectation is checked and the failures are reported together at the end, so one
run says everything that is wrong on a given day, not only the first thing."""

import csv
import io
import re
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from athletes.models import AthleteProfile, User
from athletes.services import roster_add
from coaching import services
from coaching.models import ScheduledSession, SetLog
from tests.factories import TEST_PASSWORD, CoachFactory, ExerciseFactory

MON = date(2026, 12, 7)  # week 1: Mon 7 to Sun 13 December; week 2: 14 to 20


def at(day: int, hour: int = 12) -> datetime:
    """December `day`, 2026, at `hour` UTC."""
    return datetime(2026, 12, day, hour, tzinfo=UTC)


class Expectations:
    def __init__(self) -> None:
        self.failed: list[str] = []
        self.day = ""

    def check(self, condition: bool, what: str) -> None:
        if not condition:
            self.failed.append(f"{self.day}: {what}")

    def contains(self, body: str, text: str, what: str) -> None:
        self.check(text in body, f"{what} (expected {text!r})")

    def lacks(self, body: str, text: str, what: str) -> None:
        self.check(text not in body, f"{what} (did not expect {text!r})")


def text_of(response) -> str:
    """The page's text with tags dropped and spaces collapsed, as a person reads it."""
    body = response.content.decode()
    body = re.sub(r"<script.*?</script>", " ", body, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", body).split())


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _programme(coach: User, exercise, title: str):
    """Two weeks, Tuesday and Friday, 3 x 8 @ 20 kg of one exercise."""
    programme = services.programme_create(coach=coach, title=title, weeks=2)
    for week in (1, 2):
        for day, name in ((1, "Hamstrings A"), (4, "Hamstrings B")):
            workout = services.workout_add(
                programme=programme, week=week, day=day, title=name, kind="strength"
            )
            item = services.prescription_add(workout=workout, exercise=exercise)
            services.prescription_update(
                prescription=item,
                version=item.version,
                sets=3,
                reps_min=8,
                reps_max=8,
                load_kind="kg",
                load_value=Decimal("20"),
            )
    return programme


def log_sets(client: Client, session: ScheduledSession, loads: list[str]) -> None:
    """Tap "Done" on the first sets of the session's first exercise, with these loads as
    typed in the runner's own unit."""
    item = session.prescriptions.first()
    for number, load in enumerate(loads, start=1):
        response = client.post(
            reverse("coaching:set_log", args=[session.pk]),
            {
                "prescription": item.pk,
                "set_number": number,
                "side": "",
                "reps": 8,
                "load": load,
                "distance_m": "",
                "seconds": "",
                "note": "",
            },
            headers={"HX-Request": "true"},
        )
        assert response.status_code == 200


def finish(client: Client, session: ScheduledSession, *, rpe: int = 7, done_on: str = ""):
    return client.post(
        reverse("coaching:session_finish", args=[session.pk]),
        {"rpe": rpe, "duration_minutes": 40, "notes": "", "done_on": done_on},
    )


def dashboard_row(coach_client: Client, name: str) -> str:
    """The text of one athlete's row on the coach's dashboard."""
    body = coach_client.get(reverse("coaching:coach_dashboard")).content.decode()
    rows = re.findall(r"<tr\b.*?</tr>", body, flags=re.S)
    row = next((r for r in rows if name in r), "")
    return " ".join(re.sub(r"<[^>]+>", " ", row).split())


def csv_rows(coach_client: Client) -> list[dict]:
    response = coach_client.get(reverse("coaching:coach_export"), {"athlete": ""})
    body = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(body)))


@pytest.mark.django_db(transaction=False)
def test_two_weeks_of_the_weekly_loop():
    expect = Expectations()
    with time_machine.travel(at(6, 18), tick=False) as clock:
        # Sunday 6 December: the coach plans; the self-coached runner signs up.
        coach = CoachFactory(email="cora@test.example", name="Cora Coach")
        kim = User.objects.create_user("kim@test.example", TEST_PASSWORD, name="Kim Kilo")
        kim.is_athlete = True
        kim.save()
        AthleteProfile.objects.create(user=kim, units="kg", time_zone="Europe/London")
        lee = User.objects.create_user("lee@test.example", TEST_PASSWORD, name="Lee Pound")
        lee.is_athlete = True
        lee.save()
        AthleteProfile.objects.create(user=lee, units="lb", time_zone="America/New_York")
        for runner in (kim, lee):
            roster_add(coach=coach, athlete=runner)
        exercise = ExerciseFactory(name="Nordic curl", slug="nordic-curl")
        plan = _programme(coach, exercise, "Hamstring block")
        services.programme_assign(coach=coach, programme=plan, athletes=[kim, lee], starts_on=MON)

        sol_client = Client()
        response = sol_client.post(
            reverse("signup"),
            {
                "name": "Sol Solo",
                "email": "sol@test.example",
                "password1": TEST_PASSWORD,
                "password2": TEST_PASSWORD,
                "role": "both",
                "time_zone": "Australia/Sydney",
            },
        )
        expect.day = "Sun 6"
        expect.check(response.status_code == 302, "the self-coached sign-up goes through")
        sol = User.objects.get(email="sol@test.example")
        AthleteProfile.objects.filter(user=sol).update(time_zone="Australia/Sydney")
        sol_plan = _programme(sol, exercise, "My own block")
        assign_page = sol_client.get(
            reverse("coaching:programme_assign", args=[sol_plan.pk])
        ).content.decode()
        expect.contains(
            assign_page, f'value="{sol.pk}"', "a self-coached runner can choose themself"
        )
        try:
            services.programme_assign(coach=sol, programme=sol_plan, athletes=[sol], starts_on=MON)
        except Exception as error:  # noqa: BLE001 - reported with the other expectations
            expect.check(False, f"a self-coached runner assigns to themself ({error})")

        coach_client, kim_client, lee_client = signed_in(coach), signed_in(kim), signed_in(lee)
        kim_sessions = list(ScheduledSession.objects.filter(athlete=kim).order_by("date"))
        lee_sessions = list(ScheduledSession.objects.filter(athlete=lee).order_by("date"))
        kim_tue, kim_fri = kim_sessions[0], kim_sessions[1]
        lee_tue = lee_sessions[0]

        # Monday 7: Kim sees Tuesday as next, and does it a day early.
        clock.move_to(at(7, 9))
        expect.day = "Mon 7"
        train = text_of(kim_client.get(reverse("coaching:train_home")))
        expect.contains(train, "Next: Hamstrings A on Tuesday 8 December", "Kim's next")
        log_sets(kim_client, kim_tue, ["20", "20", "22.5"])
        finish(kim_client, kim_tue)
        log = kim_tue.log if hasattr(kim_tue, "log") else None
        kim_tue.refresh_from_db()
        expect.check(kim_tue.date == date(2026, 12, 8), "the early session keeps its planned date")
        done_on = getattr(kim_tue.log, "done_on", getattr(kim_tue.log, "date", None))
        expect.check(done_on == MON, f"the early session is done on Mon 7 (got {done_on})")
        train = text_of(kim_client.get(reverse("coaching:train_home")))
        expect.contains(train, "Next: Hamstrings B on Friday 11 December", "Kim's next after")
        expect.contains(train, "Done Mon 7 Dec", "the week list says when it was done")
        history = text_of(kim_client.get(reverse("coaching:train_history")))
        expect.contains(history, "Mon 7 Dec 2026 · Hamstrings A", "history dated by day done")
        expect.contains(history, "planned Tue 8 Dec", "history names the planned day")
        row = dashboard_row(coach_client, "Kim Kilo")
        expect.contains(row, "7 Dec", "the coach sees Kim's last log on the 7th")
        expect.contains(row, "100%", "done early counts as done in the 7 days")
        expect.lacks(row, "Missed", "Kim has missed nothing")
        del log

        # Tuesday 8, 03:00 UTC is still Monday evening in New York.
        clock.move_to(at(8, 3))
        expect.day = "Tue 8 (03:00 UTC)"
        train = text_of(lee_client.get(reverse("coaching:train_home")))
        expect.contains(train, "Monday 7 December", "Lee's today is his own local date")
        expect.contains(train, "Next: Hamstrings A on Tuesday 8 December", "Lee's next")

        # Tuesday 8, afternoon: Lee logs two of three sets and stops.
        clock.move_to(at(8, 15))
        expect.day = "Tue 8"
        log_sets(lee_client, lee_tue, ["26.5", "30"])
        train = text_of(lee_client.get(reverse("coaching:train_home")))
        expect.contains(train, "Partial: not finished", "Lee's today shows partial")
        expect.contains(train, "Continue logging", "Lee can carry on")
        row = dashboard_row(coach_client, "Lee Pound")
        expect.lacks(row, "Missed", "today's session is not yet due")
        expect.contains(row, "1 partly logged, not finished", "the coach sees Lee's partial")

        # Wednesday 9: Lee's Tuesday is past and partial.
        clock.move_to(at(9, 12))
        expect.day = "Wed 9"
        train = text_of(lee_client.get(reverse("coaching:train_home")))
        expect.contains(train, "Finish it", "a past partial session offers to finish it")
        history = text_of(lee_client.get(reverse("coaching:train_history")))
        expect.contains(history, "Partial: not finished", "history marks partial")
        row = dashboard_row(coach_client, "Lee Pound")
        expect.contains(row, "Missed", "partial is not done: Lee's Tuesday is missed")
        expect.contains(row, "0%", "Lee's 7 days: 0 of 1")
        expect.contains(row, "8 Dec", "Lee's last log is Tuesday's")
        calendar = text_of(
            coach_client.get(reverse("coaching:coach_athlete", args=[lee.pk]))
        ).lower()
        expect.contains(calendar, "partial", "the coach's calendar shows Lee's partial day")

        # Thursday 10: Lee finishes Tuesday's session, saying it was done on Tuesday.
        clock.move_to(at(10, 12))
        expect.day = "Thu 10"
        finish(lee_client, lee_tue, done_on="2026-12-08")
        lee_tue.refresh_from_db()
        expect.check(lee_tue.log.completed_at is not None, "Lee's Tuesday is finished")
        done_on = getattr(lee_tue.log, "done_on", None)
        expect.check(done_on == date(2026, 12, 8), f"Lee's log is dated Tue 8 (got {done_on})")
        history = text_of(lee_client.get(reverse("coaching:train_history")))
        expect.contains(history, "Tue 8 Dec 2026 · Hamstrings A", "Lee's history, day done")
        expect.contains(history, "Done", "Lee's session is done")
        row = dashboard_row(coach_client, "Lee Pound")
        expect.lacks(row, "Missed", "finished late: no longer missed")
        expect.contains(row, "100%", "Lee's 7 days: 1 of 1")
        review = text_of(coach_client.get(reverse("coaching:coach_session", args=[lee_tue.pk])))
        expect.contains(review, "26.5 lb", "the coach sees Lee's load as typed, in lb")
        expect.lacks(review, "12.02", "no kg conversion shown to the coach")
        session_page = text_of(
            lee_client.get(reverse("coaching:session_detail", args=[lee_tue.pk]))
        )
        expect.lacks(session_page, "@ 20 kg", "Lee sees no kg in his session header")

        # Friday 11: Kim skips Friday. Sol logs an unplanned session.
        clock.move_to(at(11, 8))
        expect.day = "Fri 11"
        sol_client = signed_in(sol)
        response = sol_client.post(
            reverse("coaching:adhoc_session_create"),
            {"date": "2026-12-11", "title": "Hotel gym", "kind": "strength"},
        )
        adhoc = ScheduledSession.objects.filter(athlete=sol, assignment__isnull=True).first()
        expect.check(adhoc is not None, "Sol's unplanned session is made")
        if adhoc is not None:
            sol_client.post(
                reverse("coaching:adhoc_exercise_add", args=[adhoc.pk]),
                {"exercise": exercise.pk},
            )
            log_sets(sol_client, adhoc, ["15"])
            finish(sol_client, adhoc, rpe=6)

        # Saturday 12: Kim's Friday is missed.
        clock.move_to(at(12, 12))
        expect.day = "Sat 12"
        train = text_of(kim_client.get(reverse("coaching:train_home")))
        expect.contains(train, "Missed in the last two weeks", "Kim's missed list")
        expect.contains(train, "Log it late", "Kim can log Friday late")
        row = dashboard_row(coach_client, "Kim Kilo")
        expect.contains(row, "Missed", "Kim's Friday is missed")
        expect.contains(row, "50%", "Kim's 7 days: 1 of 2")

        # Monday 14: Kim logs Friday's session today, three days late.
        clock.move_to(at(14, 12))
        expect.day = "Mon 14"
        log_sets(kim_client, kim_fri, ["22.5", "22.5", "22.5"])
        finish(kim_client, kim_fri)
        kim_fri.refresh_from_db()
        done_on = getattr(kim_fri.log, "done_on", None)
        expect.check(done_on == date(2026, 12, 14), f"done late on Mon 14 (got {done_on})")
        history = text_of(kim_client.get(reverse("coaching:train_history")))
        expect.contains(history, "Mon 14 Dec 2026 · Hamstrings B", "late session, day done")
        expect.contains(history, "planned Fri 11 Dec", "late session names its planned day")
        row = dashboard_row(coach_client, "Kim Kilo")
        expect.lacks(row, "Missed", "Kim's late Friday is done")
        expect.contains(row, "14 Dec", "Kim's last log is the 14th")
        train = text_of(kim_client.get(reverse("coaching:train_home")))
        expect.contains(train, "Next: Hamstrings A on Tuesday 15 December", "week 2's next")
        progress = kim_client.get(reverse("coaching:train_progress"), {"exercise": "nordic-curl"})
        progress_text = progress.content.decode()
        expect.contains(progress_text, "14 Dec", "progress marks the day done")
        expect.lacks(progress_text, "11 Dec", "progress never shows the planned day")

        feed = services.calendar_feed_for(athlete=kim)
        ics = kim_client.get(reverse("coaching:calendar_feed", args=[feed.token])).content
        ics = ics.decode().replace("\r\n ", "")
        expect.contains(ics, "DTSTART;VALUE=DATE:20261208", "the feed keeps the planned day")
        expect.contains(ics, "SUMMARY:Done: Hamstrings A", "the feed says Tuesday's is done")
        expect.contains(ics, "Done on Mon 7 Dec.", "the feed says when it was done")
        expect.contains(ics, "SUMMARY:Done: Hamstrings B", "the feed says Friday's is done")
        expect.contains(
            ics, "Nordic curl: 3 × 8 reps · 1 min 30 s rest @ 20 kg", "Kim's feed in kg"
        )
        lee_feed = services.calendar_feed_for(athlete=lee)
        lee_ics = lee_client.get(reverse("coaching:calendar_feed", args=[lee_feed.token]))
        lee_ics = lee_ics.content.decode().replace("\r\n ", "")
        expect.contains(lee_ics, "@ 44 lb", "Lee's feed in lb")
        expect.lacks(lee_ics, " kg", "no kg in Lee's feed")

        # Sunday 20: the end of week 2. Sol planned Tuesday and Friday and did neither.
        clock.move_to(at(20, 1))  # Sunday 12:00 in Sydney
        expect.day = "Sun 20"
        sol_train = text_of(sol_client.get(reverse("coaching:train_home")))
        expect.contains(sol_train, "Sunday 20 December", "Sol's today in Sydney")
        sol_row = dashboard_row(sol_client, "Sol Solo")
        expect.contains(sol_row, "Missed", "Sol sees their own missed sessions")
        expect.contains(sol_row, "Quiet", "Sol sees they have been quiet for a week")
        kim_row = dashboard_row(coach_client, "Kim Kilo")
        expect.contains(kim_row, "Missed", "Kim missed week 2")

        rows = csv_rows(coach_client)
        kim_days = {r["date"] for r in rows if r["athlete"] == "Kim Kilo"}
        expect.check(
            kim_days == {"2026-12-07", "2026-12-14"},
            f"the CSV dates Kim's sets by day done {kim_days}",
        )
        lee_rows = [r for r in rows if r["athlete"] == "Lee Pound"]
        expect.check(
            {r["date"] for r in lee_rows} == {"2026-12-08"}, "the CSV dates Lee's sets Tue 8"
        )
        kim_planned = {(r["date"], r.get("planned_on")) for r in rows if r["athlete"] == "Kim Kilo"}
        expect.check(
            kim_planned == {("2026-12-07", "2026-12-08"), ("2026-12-14", "2026-12-11")},
            f"the CSV gives the planned day beside the day done {kim_planned}",
        )
        lee_loads = sorted(r.get("load", "") for r in lee_rows)
        expect.check(lee_loads == ["26.5", "30"], f"the CSV shows Lee's loads as typed {lee_loads}")
        stored = sorted(SetLog.objects.filter(log__athlete=lee).values_list("load_kg", flat=True))
        expect.check(len(stored) == 2, "Lee's two sets are stored once each")

    assert not expect.failed, "\n".join(expect.failed)
