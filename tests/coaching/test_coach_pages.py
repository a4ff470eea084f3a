"""The coach's review pages (coaching/views/review.py): feedback sent from the review,
and what the calendar says about sessions done, partly done, early or late."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from athletes.models import Coaching
from coaching import services
from coaching.models import Comment, ScheduledPrescription, ScheduledSession
from tests.conftest import PERSONAS
from tests.factories import (
    AthleteFactory,
    AthleteProfileFactory,
    ExerciseFactory,
    PrescriptionFactory,
    ProgrammeFactory,
    WorkoutFactory,
)

# A Wednesday: the week runs Monday 9 to Sunday 15 March 2026.
WEDNESDAY = date(2026, 3, 11)


def _at(day: date, hour: int = 10):
    return time_machine.travel(datetime(day.year, day.month, day.day, hour, tzinfo=UTC))


@pytest.fixture
def clock(db):
    with _at(WEDNESDAY) as traveller:
        yield traveller


def _planned(athlete, coach, day: date, title: str, *, sets: int = 3) -> ScheduledSession:
    programme = ProgrammeFactory(owner=coach, weeks=1)
    workout = WorkoutFactory(programme=programme, week=1, day=day.weekday(), title=title)
    PrescriptionFactory(workout=workout, sets=sets)
    monday = day - timedelta(days=day.weekday())
    (assignment,) = services.programme_assign(
        coach=coach, programme=programme, athletes=[athlete], starts_on=monday
    )
    return assignment.sessions.get()


def _one_set(session: ScheduledSession) -> None:
    services.set_log_record(
        session=session,
        prescription=session.prescriptions.first(),
        set_number=1,
        side="",
        by=session.athlete,
        reps=8,
    )


@pytest.fixture
def logged(clock, coach, athlete):
    """Today's session, done, with the athlete's question on it."""
    AthleteProfileFactory(user=athlete, time_zone="UTC")
    session = _planned(athlete, coach, WEDNESDAY, "Hams A")
    _one_set(session)
    services.session_finish(session=session, by=athlete, rpe=7, duration_minutes=35)
    services.comment_add(log=session.log, author=athlete, body="Was the last set too heavy?")
    return session


def _comment_url(session) -> str:
    return reverse("coaching:coach_comment_add", args=[session.pk])


def _review_url(session) -> str:
    return reverse("coaching:coach_session", args=[session.pk])


# Feedback from the review page -------------------------------------------------------

ACCESS = {
    "anonymous": "login",
    "athlete": 403,
    "other_athlete": 403,
    "coach": 302,
    "other_coach": 404,
    "staff": 403,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_coach_comment_add_access(as_persona, persona, logged):
    client = as_persona(persona)
    response = client.post(_comment_url(logged), {"body": "Keep it at 20 kg"})
    expected = ACCESS[persona]
    if expected == "login":
        assert response.status_code == 302 and "/accounts/login/" in response.url
    else:
        assert response.status_code == expected
    sent = Comment.objects.filter(body="Keep it at 20 kg")
    assert sent.exists() == (persona == "coach")
    # The HTMX variant is refused the same way.
    if persona not in {"anonymous", "coach"}:
        response = client.post(
            _comment_url(logged), {"body": "Again"}, headers={"HX-Request": "true"}
        )
        assert response.status_code == expected
        assert b"Was the last set too heavy?" not in response.content


def test_coach_comment_add_plain_post_returns_to_the_review(client, coach, logged):
    client.force_login(coach)
    response = client.post(_comment_url(logged), {"body": "Keep it at 20 kg"})
    assert response.status_code == 302
    assert response.url == f"{_review_url(logged)}#comments"
    page = client.get(response.url).content.decode()
    assert "Keep it at 20 kg" in page and "Comment sent." in page
    assert "You are logging for" not in page


def test_coach_comment_add_only_posts(client, coach, logged):
    client.force_login(coach)
    assert client.get(_comment_url(logged)).status_code == 405


def test_coach_comment_add_with_htmx_returns_the_thread(client, coach, logged):
    client.force_login(coach)
    response = client.post(
        _comment_url(logged), {"body": "Keep it at 20 kg"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "<html" not in body
    assert body.lstrip().startswith('<section id="comments"')
    assert body.index("Was the last set too heavy?") < body.index("Keep it at 20 kg")
    assert f'hx-post="{_comment_url(logged)}"' in body
    # The form comes back empty, ready for the next comment.
    textarea = body.split("<textarea", 1)[1].split("</textarea>", 1)[0]
    assert textarea.split(">", 1)[1].strip() == ""
    assert "Comment sent." in body  # the toast, out of band


@pytest.mark.parametrize("htmx", [True, False])
def test_coach_comment_add_invalid_keeps_the_typing(client, coach, logged, htmx):
    client.force_login(coach)
    typed = "Slow the lowering down " * 100  # over 2000 characters
    headers = {"HX-Request": "true"} if htmx else {}
    response = client.post(_comment_url(logged), {"body": typed}, headers=headers)
    assert response.status_code == 200
    body = response.content.decode()
    assert ("<html" in body) is not htmx
    assert "Ensure this value has at most 2000 characters" in body
    assert "Slow the lowering down Slow the lowering down" in body
    assert 'aria-invalid="true"' in body
    response = client.post(_comment_url(logged), {"body": "   "}, headers=headers)
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert Comment.objects.count() == 1


def test_coach_feedback_reaches_the_athlete_as_unread(client, coach, athlete, logged):
    client.force_login(coach)
    client.get(_review_url(logged))
    client.post(_comment_url(logged), {"body": "Keep it at 20 kg"}, headers={"HX-Request": "true"})
    client.force_login(athlete)
    home = client.get(reverse("coaching:train_home")).content.decode()
    assert "1 new comment from your coach" in home and "Keep it at 20 kg" in home
    client.get(reverse("coaching:session_detail", args=[logged.pk]))
    home = client.get(reverse("coaching:train_home")).content.decode()
    assert "new comment from your coach" not in home


def test_coach_comment_add_needs_a_log(client, clock, coach, athlete):
    planned = _planned(athlete, coach, WEDNESDAY + timedelta(days=1), "Later")
    client.force_login(coach)
    response = client.post(_comment_url(planned), {"body": "Hello"})
    assert response.status_code == 302 and response.url == _review_url(planned)
    assert not Comment.objects.exists()


def test_coach_comment_add_on_their_own_session_goes_to_their_logger(client, clock):
    runner = AthleteFactory(is_coach=True, name="Sam Selfcoached")
    Coaching.objects.create(coach=runner, athlete=runner)
    own = _planned(runner, runner, WEDNESDAY, "Own session")
    client.force_login(runner)
    response = client.post(_comment_url(own), {"body": "Note to self"})
    assert response.status_code == 302
    assert response.url == reverse("coaching:session_detail", args=[own.pk])
    assert not Comment.objects.exists()


def test_coach_session_and_feedback_queries_do_not_grow(
    client, coach, athlete, logged, django_assert_num_queries
):
    client.force_login(coach)
    client.get(_review_url(logged))  # marks the athlete's question seen
    counts = []
    for send in (False, True):
        cache.clear()  # the uncached path, which runs every query
        with CaptureQueriesContext(connection) as ctx:
            if send:
                client.post(_comment_url(logged), {"body": "ok"}, headers={"HX-Request": "true"})
            else:
                client.get(_review_url(logged))
        counts.append(len(ctx))
    # Ten times the data: more exercises, sets and comments on the same session.
    for _ in range(10):
        prescription = ScheduledPrescription.objects.create(
            session=logged, exercise=ExerciseFactory(), sets=3, reps_min=8, reps_max=8
        )
        for number in (1, 2, 3):
            services.set_log_record(
                session=logged,
                prescription=prescription,
                set_number=number,
                side="",
                by=athlete,
                reps=8,
            )
        services.comment_add(log=logged.log, author=coach, body="more")
    services.comments_mark_seen(log=logged.log, reader=athlete)
    for send, count in zip((False, True), counts, strict=True):
        cache.clear()
        with django_assert_num_queries(count):
            if send:
                response = client.post(
                    _comment_url(logged), {"body": "ok"}, headers={"HX-Request": "true"}
                )
            else:
                response = client.get(_review_url(logged))
        assert response.content.decode().count("more") >= 10


# The coach's calendar ---------------------------------------------------------------


def _calendar_item(page: str, session) -> str:
    """The calendar entry of one session, its link and text."""
    href = f'href="{_review_url(session)}"'
    calendar = page.split('id="calendar-heading"', 1)[1].split("</table>", 1)[0]
    assert href in calendar
    start = calendar.rindex("<a ", 0, calendar.index(href))
    return calendar[start : calendar.index("</a>", start)]


def _logs_list(page: str) -> str:
    return page.split('id="logs-heading"', 1)[1].split("</ul>", 1)[0]


def test_calendar_tells_partial_from_done(client, clock, coach, athlete):
    AthleteProfileFactory(user=athlete, time_zone="UTC")
    # Monday: planned and finished. Tuesday: an unplanned session, 1 of 3 sets, no RPE.
    clock.move_to(datetime(2026, 3, 9, 18, tzinfo=UTC))
    done = _planned(athlete, coach, WEDNESDAY - timedelta(days=2), "Hams A")
    _one_set(done)
    services.session_finish(session=done, by=athlete, rpe=6, duration_minutes=30)
    clock.move_to(datetime(2026, 3, 10, 18, tzinfo=UTC))
    adhoc = services.adhoc_session_create(
        athlete=athlete, date=date(2026, 3, 10), title="Extra drills", kind="drills"
    )
    prescription = services.adhoc_exercise_add(session=adhoc, exercise=ExerciseFactory())
    ScheduledPrescription.objects.filter(pk=prescription.pk).update(sets=3)
    _one_set(adhoc)
    # Wednesday: Friday's session started early and left unfinished.
    clock.move_to(datetime(2026, 3, 11, 7, tzinfo=UTC))
    friday = _planned(athlete, coach, date(2026, 3, 13), "Hams B")
    _one_set(friday)
    missed = _planned(athlete, coach, date(2026, 3, 6), "Core")

    client.force_login(coach)
    page = client.get(reverse("coaching:coach_athlete", args=[athlete.pk])).content.decode()
    assert "cal-done" in _calendar_item(page, done) and ">done<" in _calendar_item(page, done)
    for session in (adhoc, friday):
        item = _calendar_item(page, session)
        assert "cal-partial" in item and ">partial<" in item and "cal-done" not in item
    assert ">missed<" in _calendar_item(page, missed)
    # Friday's session shows on Friday, done (so far) on Wednesday.
    assert "done 11 Mar" in _calendar_item(page, friday)
    assert "done " not in _calendar_item(page, done).replace(">done<", "")
    logs = _logs_list(page)
    rows = {title: logs.split(title, 1)[1].split("</li>", 1)[0] for title in ("Hams B", "Hams A")}
    assert "Partly logged" in rows["Hams B"] and "planned for Fri 13 Mar" in rows["Hams B"]
    assert "Partly logged" not in rows["Hams A"] and "planned for" not in rows["Hams A"]
    assert "Partly logged" in logs.split("Extra drills", 1)[1].split("</li>", 1)[0]


def test_calendar_shows_a_session_done_early_on_its_planned_day(client, clock, coach, athlete):
    AthleteProfileFactory(user=athlete, time_zone="UTC")
    friday = _planned(athlete, coach, date(2026, 3, 13), "Hams B")
    _one_set(friday)
    services.session_finish(session=friday, by=athlete, rpe=7, duration_minutes=40)
    client.force_login(coach)
    page = client.get(reverse("coaching:coach_athlete", args=[athlete.pk])).content.decode()
    item = _calendar_item(page, friday)
    assert "cal-done" in item and "done 11 Mar" in item
    # The item sits in Friday's cell.
    calendar = page.split('id="calendar-heading"', 1)[1]
    cell = calendar[calendar.rindex("<td", 0, calendar.index(_review_url(friday))) :]
    assert "13 Mar" in cell.split("<a ", 1)[0]
    review = client.get(_review_url(friday)).content.decode()
    assert "Done" in review and "done Wed 11 Mar" in review
