import json
import re
import threading
from datetime import timedelta
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from athletes import services as people
from coaching import selectors, services
from coaching.forms import SetLogForm
from coaching.models import Comment, ExerciseFeedback, ScheduledSession, SessionLog, SetLog
from tests.conftest import PERSONAS
from tests.factories import (
    AthleteProfileFactory,
    ExerciseFactory,
    PrescriptionFactory,
    ProgrammeFactory,
    WorkoutFactory,
)


@pytest.fixture
def schedule(coach, athlete):
    """The athlete's programme: a session today and one a week ago."""
    AthleteProfileFactory(user=athlete, units="kg", time_zone="UTC")
    programme = ProgrammeFactory(owner=coach, weeks=2)
    today = timezone.localdate()
    nordic = ExerciseFactory(name="Nordic lower", cues="Hips straight")
    bridge = ExerciseFactory(name="Single-leg bridge", is_unilateral=True)
    for week, title in ((1, "Hams A"), (2, "Hams B")):
        workout = WorkoutFactory(programme=programme, week=week, day=today.weekday(), title=title)
        PrescriptionFactory(
            workout=workout,
            exercise=nordic,
            sets=3,
            reps_min=6,
            reps_max=6,
            load_kind="kg",
            load_value=Decimal("20"),
            rest_seconds=90,
        )
        PrescriptionFactory(
            workout=workout,
            exercise=bridge,
            sets=2,
            reps_min=10,
            reps_max=10,
            per_side=True,
            tempo="2-1-1-0",
            position=1,
        )
    services.programme_assign(
        coach=coach, programme=programme, athletes=[athlete], starts_on=today - timedelta(days=7)
    )
    sessions = ScheduledSession.objects.filter(athlete=athlete).order_by("date")
    return {"past": sessions[0], "today": sessions[1]}


def _session_urls(s):
    pk = s["past"].pk
    return [
        ("get", reverse("coaching:session_detail", args=[pk]), {}),
        ("post", reverse("coaching:set_log", args=[pk]), {"prescription": "0"}),
        ("post", reverse("coaching:exercise_pain", args=[pk]), {"pain": "2"}),
        ("post", reverse("coaching:session_finish", args=[pk]), {"rpe": "7"}),
        ("post", reverse("coaching:comment_add", args=[pk]), {"body": ""}),
    ]


# The athlete logs their sessions; their coach may log on their behalf; nobody else sees them.
SESSION_ACCESS = {
    "anonymous": "login",
    "athlete": "ok",
    "other_athlete": 404,
    "coach": "ok",
    "other_coach": 404,
    "staff": 404,
}
ATHLETE_ONLY = {
    "anonymous": "login",
    "athlete": "ok",
    "other_athlete": 404,
    "coach": 403,
    "other_coach": 403,
    "staff": 403,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_session_pages_access(as_persona, persona, schedule):
    client = as_persona(persona)
    for method, url, data in _session_urls(schedule):
        response = getattr(client, method)(url, data)
        expected = SESSION_ACCESS[persona]
        if expected == "login":
            assert response.status_code == 302 and "/accounts/login/" in response.url
        elif expected == "ok":
            assert response.status_code in {200, 302}, url
        else:
            assert response.status_code == expected, (url, response.status_code)
        assert b"Nordic lower" not in response.content or persona in {"athlete", "coach"}


@pytest.mark.parametrize("persona", PERSONAS)
def test_training_pages_access(as_persona, persona, schedule):
    client = as_persona(persona)
    for name in ("train_home", "train_history", "train_progress", "adhoc_session_create"):
        response = client.get(reverse(f"coaching:{name}"))
        expected = ATHLETE_ONLY[persona]
        if expected == "login":
            assert response.status_code == 302
        elif persona == "other_athlete":
            assert response.status_code == 200
            assert b"Hams A" not in response.content
        elif expected == "ok":
            assert response.status_code == 200
        else:
            assert response.status_code == expected


def test_train_home_shows_today_first(client, athlete, schedule):
    client.force_login(athlete)
    body = client.get(reverse("coaching:train_home")).content.decode()
    assert body.index("Hams B") < body.index("The rest of this week")
    assert "Start session" in body


def test_one_tap_records_the_target(client, athlete, schedule):
    client.force_login(athlete)
    session = schedule["today"]
    nordic = session.prescriptions.get(exercise__name="Nordic lower")
    response = client.post(
        reverse("coaching:set_log", args=[session.pk]),
        {"prescription": nordic.pk, "set_number": 1, "side": "", "reps": 6, "load": "20"},
        headers={"HX-Request": "true"},
    )
    body = response.content.decode()
    assert body.lstrip().startswith(f'<li id="set-{nordic.pk}-1"')
    assert "is-done" in body and "Undo" in body
    assert json.loads(response.headers["HX-Trigger"]) == {
        "set-logged": {"rest": 90, "said": "Nordic lower, Set 1: saved."}
    }
    logged = SetLog.objects.get()
    assert (logged.reps, logged.load_kg, logged.side) == (6, Decimal("20.00"), "")


def test_the_same_set_twice_stores_one_row(client, athlete, schedule):
    client.force_login(athlete)
    session = schedule["today"]
    nordic = session.prescriptions.get(exercise__name="Nordic lower")
    data = {"prescription": nordic.pk, "set_number": 2, "side": "", "reps": 6, "load": "20"}
    client.post(reverse("coaching:set_log", args=[session.pk]), data)
    client.post(reverse("coaching:set_log", args=[session.pk]), {**data, "reps": 5})
    assert SetLog.objects.count() == 1
    assert SetLog.objects.get().reps == 5
    assert SessionLog.objects.count() == 1


def test_bad_set_input_keeps_typing_and_saves_nothing(client, athlete, schedule):
    client.force_login(athlete)
    session = schedule["today"]
    nordic = session.prescriptions.get(exercise__name="Nordic lower")
    response = client.post(
        reverse("coaching:set_log", args=[session.pk]),
        {"prescription": nordic.pk, "set_number": 1, "reps": "-3", "load": "heavy", "note": "knee"},
        headers={"HX-Request": "true"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Not saved" in body and "Enter a number" in body
    assert 'value="heavy"' in body and 'value="knee"' in body
    assert SetLog.objects.count() == 0


def test_a_set_for_another_session_is_refused(client, athlete, schedule):
    client.force_login(athlete)
    other = schedule["past"].prescriptions.first()
    response = client.post(
        reverse("coaching:set_log", args=[schedule["today"].pk]),
        {"prescription": other.pk, "set_number": 1, "reps": 6},
    )
    assert response.status_code == 302
    assert SetLog.objects.count() == 0


def test_pounds_are_stored_as_kilograms_and_shown_back_in_pounds(client, athlete, schedule):
    athlete.athlete_profile.units = "lb"
    athlete.athlete_profile.save()
    client.force_login(athlete)
    session = schedule["today"]
    nordic = session.prescriptions.get(exercise__name="Nordic lower")
    response = client.post(
        reverse("coaching:set_log", args=[session.pk]),
        {"prescription": nordic.pk, "set_number": 1, "reps": 6, "load": "100"},
        headers={"HX-Request": "true"},
    )
    assert SetLog.objects.get().load_kg == Decimal("45.3592")
    assert 'value="100"' in response.content.decode()
    assert "Load (lb)" in response.content.decode()


def test_undo_removes_the_set(client, athlete, schedule):
    client.force_login(athlete)
    session = schedule["today"]
    nordic = session.prescriptions.get(exercise__name="Nordic lower")
    logged = services.set_log_record(
        session=session, prescription=nordic, set_number=1, side="", by=athlete, reps=6
    )
    response = client.post(
        reverse("coaching:set_undo", args=[session.pk, logged.pk]), headers={"HX-Request": "true"}
    )
    assert "is-done" not in response.content.decode()
    assert not SetLog.objects.exists()


def test_pain_and_finish_then_history(client, athlete, schedule):
    client.force_login(athlete)
    session = schedule["today"]
    bridge = session.prescriptions.get(exercise__name="Single-leg bridge")
    client.post(
        reverse("coaching:exercise_pain", args=[session.pk]), {"prescription": bridge.pk, "pain": 2}
    )
    assert ExerciseFeedback.objects.get().pain == 2
    response = client.post(reverse("coaching:session_finish", args=[session.pk]), {"rpe": "11"})
    assert "less than or equal to 10" in response.content.decode()
    response = client.post(
        reverse("coaching:session_finish", args=[session.pk]),
        {"rpe": "7", "duration_minutes": "35", "notes": "Felt strong"},
    )
    assert response.url == reverse("coaching:train_history")
    body = client.get(response.url).content.decode()
    assert "RPE 7" in body and "pain 2/10" in body and "0 of 7 planned sets" in body


def test_adhoc_session_with_library_exercises(client, athlete, schedule):
    client.force_login(athlete)
    bound = ExerciseFactory(
        name="Straight-leg bounds", sets=3, distance_m=50, reps_min=None, reps_max=None
    )
    response = client.post(
        reverse("coaching:adhoc_session_create"),
        {"date": timezone.localdate().isoformat(), "title": "Track drills", "kind": "drills"},
    )
    session = ScheduledSession.objects.get(title="Track drills")
    assert session.assignment is None and response.url == session_url(session)
    results = client.get(
        reverse("coaching:adhoc_exercise_search", args=[session.pk]),
        {"q": "bound"},
        headers={"HX-Request": "true"},
    ).content.decode()
    assert "Straight-leg bounds" in results and "<html" not in results
    client.post(reverse("coaching:adhoc_exercise_add", args=[session.pk]), {"exercise": bound.pk})
    assert session.prescriptions.get().distance_m == 50
    response = client.post(
        reverse("coaching:adhoc_session_create"),
        {"date": (timezone.localdate() + timedelta(days=9)).isoformat(), "title": "Later"},
    )
    assert "Log sessions for today or the past" in response.content.decode()


def session_url(session):
    return reverse("coaching:session_detail", args=[session.pk])


def test_progress_chart_marks_records_and_side_gap(client, athlete, schedule):
    client.force_login(athlete)
    session = schedule["past"]
    bridge = session.prescriptions.get(exercise__name="Single-leg bridge")
    for side, load in (("L", "20"), ("R", "30")):
        services.set_log_record(
            session=session,
            prescription=bridge,
            set_number=1,
            side=side,
            by=athlete,
            reps=10,
            load_kg=Decimal(load),
        )
    body = client.get(reverse("coaching:train_progress")).content.decode()
    assert "<svg" in body and "series-L" in body and "series-R" in body
    assert "33% behind the stronger side" in body and "worth raising with your coach" in body


def test_calendar_feed_answers_only_to_its_token(client, athlete, other_athlete, schedule):
    feed = services.calendar_feed_for(athlete=athlete)
    response = client.get(feed.get_absolute_url())
    body = response.content.decode()
    assert response["Content-Type"] == "text/calendar"
    assert "BEGIN:VCALENDAR" in body and "SUMMARY:Hams B" in body and "Nordic lower" in body
    assert "Olga" not in body and other_athlete.email not in body
    assert client.get("/train/calendar/not-the-token.ics").status_code == 404
    client.force_login(athlete)
    client.post(reverse("coaching:calendar_feed_reset"))
    assert client.get(feed.get_absolute_url()).status_code == 404


def _at_once(log, *values) -> list[Exception]:
    """log(value, barrier) in one thread per value, released together; what they raised."""
    barrier = threading.Barrier(len(values))
    errors = []

    def run(value):
        try:
            log(value, barrier)
        except Exception as error:  # noqa: BLE001 - returned to the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(value,)) for value in values]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_concurrent_logging_of_the_same_set_stores_one(transactional_db, coach, athlete, schedule):
    session = schedule["today"]
    nordic = session.prescriptions.get(exercise__name="Nordic lower")

    def log(reps, barrier):
        # Each its own copy, as each request reads it: a shared instance would carry the
        # other thread's log, unsaved, in its cache.
        own = ScheduledSession.objects.get(pk=session.pk)
        barrier.wait()
        services.set_log_record(
            session=own, prescription=nordic, set_number=1, side="", by=athlete, reps=reps
        )

    assert _at_once(log, 5, 6) == []
    assert SetLog.objects.count() == 1 and SessionLog.objects.count() == 1


def _grow_training(athlete, coach, weeks):
    programme = ProgrammeFactory(owner=coach, weeks=weeks)
    exercises = [ExerciseFactory() for _ in range(3)]
    for week in range(1, weeks + 1):
        workout = WorkoutFactory(programme=programme, week=week, day=1)
        for exercise in exercises:
            PrescriptionFactory(
                workout=workout, exercise=exercise, sets=3, load_kind="kg", load_value=Decimal("10")
            )
    start = timezone.localdate() - timedelta(weeks=weeks)
    services.programme_assign(coach=coach, programme=programme, athletes=[athlete], starts_on=start)
    for session in ScheduledSession.objects.filter(athlete=athlete, date__lt=timezone.localdate()):
        for prescription in session.prescriptions.all():
            for number in (1, 2, 3):
                services.set_log_record(
                    session=session,
                    prescription=prescription,
                    set_number=number,
                    side="",
                    by=athlete,
                    reps=8,
                    load_kg=Decimal(10 + number),
                )
        services.session_finish(session=session, by=athlete, rpe=7, duration_minutes=30)
    return exercises[0]


def test_training_pages_query_counts_do_not_grow(
    client, coach, athlete, schedule, django_assert_num_queries
):
    client.force_login(athlete)
    exercise = _grow_training(athlete, coach, 2)
    session = schedule["today"]
    urls = [
        reverse("coaching:train_home"),
        reverse("coaching:session_detail", args=[session.pk]),
        reverse("coaching:train_history"),
        reverse("coaching:train_progress") + f"?exercise={exercise.slug}",
        services.calendar_feed_for(athlete=athlete).get_absolute_url(),
    ]
    counts = []
    for url in urls:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        counts.append(len(ctx))
    _grow_training(athlete, coach, 20)
    for _ in range(5):
        PrescriptionFactory(workout=session.source_workout)
    for url, count in zip(urls, counts, strict=True):
        with django_assert_num_queries(count):
            client.get(url)


def test_the_set_form_starts_from_last_times_load(client, athlete, schedule):
    past, today = schedule["past"], schedule["today"]
    bridge_then = past.prescriptions.get(exercise__name="Single-leg bridge")
    services.set_log_record(
        session=past,
        prescription=bridge_then,
        set_number=1,
        side="L",
        by=athlete,
        reps=10,
        load_kg=Decimal("12.5"),
    )
    client.force_login(athlete)
    body = client.get(reverse("coaching:session_detail", args=[today.pk])).content.decode()
    assert "Last time: 12.5 kg" in body
    bridge_now = today.prescriptions.get(exercise__name="Single-leg bridge")
    row = body.split(f'id="set-{bridge_now.pk}-1L"', 1)[1].split("</li>", 1)[0]
    assert 'value="12.5"' in row


# Each set row prints its own SetLogForm's fields: the inputs say what the form field says
# (limits, step, keyboard), stay tied to their labels and errors, and every id is unique.


class _Inputs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inputs, self.labels, self.ids = {}, {}, set()
        self._label = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "input" and attrs.get("type") != "hidden":
            self.inputs[attrs["name"]] = attrs
        if tag == "label":
            self._label = attrs.get("for")

    def handle_data(self, data):
        if self._label and data.strip():
            self.labels[self._label] = data.strip()
            self._label = None


def _row_of(body, dom_id):
    row = body.split(f'<li id="{dom_id}"', 1)[1].split("</li>", 1)[0]
    parser = _Inputs()
    parser.feed(f"<li{row}")
    return parser


def test_the_set_inputs_carry_the_form_fields_attributes(client, athlete, schedule):
    client.force_login(athlete)
    session = schedule["today"]
    nordic = session.prescriptions.get(exercise__name="Nordic lower")
    body = client.get(reverse("coaching:session_detail", args=[session.pk])).content.decode()
    row = _row_of(body, f"set-{nordic.pk}-1")
    form = SetLogForm(units="kg")
    for name in ("reps", "load"):
        field = form.fields[name]
        shown = row.inputs[name]
        assert shown["type"] == "number", name
        assert (shown["min"], shown["max"]) == (str(field.min_value), str(field.max_value))
        assert shown["inputmode"] == field.widget.attrs["inputmode"]
        assert row.labels[shown["id"]] == str(field.label)
    assert row.inputs["load"]["step"] == form.fields["load"].widget.attrs["step"]
    assert row.inputs["note"]["maxlength"] == str(form.fields["note"].max_length)
    assert row.labels[row.inputs["note"]["id"]] == str(form.fields["note"].label)
    assert row.inputs["reps"]["value"] == "6" and row.inputs["load"]["value"] == "20"
    assert "distance_m" not in row.inputs and "seconds" not in row.inputs
    # One form per row: every id on the page is its own.
    page = _Inputs()
    page.feed(body)
    ids = re.findall(r'\sid="([^"]+)"', body)
    assert len(ids) == len(set(ids)) == len(page.ids)


def test_a_refused_set_marks_its_fields_and_points_them_at_the_reason(client, athlete, schedule):
    client.force_login(athlete)
    session = schedule["today"]
    nordic = session.prescriptions.get(exercise__name="Nordic lower")
    response = client.post(
        reverse("coaching:set_log", args=[session.pk]),
        {"prescription": nordic.pk, "set_number": 2, "reps": "6", "load": "<b>heavy</b>"},
        headers={"HX-Request": "true"},
    )
    body = response.content.decode()
    row = _row_of(body, f"set-{nordic.pk}-2")
    load = row.inputs["load"]
    assert load["aria-invalid"] == "true" and load["aria-describedby"] in row.ids
    assert load["value"] == "<b>heavy</b>" and "<b>heavy" not in body
    assert "aria-invalid" not in row.inputs["reps"]
    assert "Load (kg): Enter a number." in body


def test_undo_links_and_the_pain_choice_follow_the_log(client, athlete, schedule):
    client.force_login(athlete)
    session = schedule["today"]
    bridge = session.prescriptions.get(exercise__name="Single-leg bridge")
    logged = services.set_log_record(
        session=session, prescription=bridge, set_number=1, side="R", by=athlete, reps=9
    )
    services.exercise_pain_record(session=session, prescription=bridge, pain=3, by=athlete)
    body = client.get(reverse("coaching:session_detail", args=[session.pk])).content.decode()
    row = body.split(f'<li id="set-{bridge.pk}-1R"', 1)[1].split("</li>", 1)[0]
    assert f'action="{reverse("coaching:set_undo", args=[session.pk, logged.pk])}"' in row
    assert "Set 1 right" in row and 'value="9"' in row
    pain = body.split(f'id="id_pain_{bridge.pk}_pain"', 1)[1].split("</select>", 1)[0]
    assert '<option value="3" selected>' in pain and pain.count("selected") == 1


def test_logging_a_set_costs_the_same_queries_however_much_is_logged(
    client, coach, athlete, schedule, django_assert_num_queries
):
    client.force_login(athlete)
    session = schedule["today"]
    nordic = session.prescriptions.get(exercise__name="Nordic lower")
    url = reverse("coaching:set_log", args=[session.pk])
    data = {"prescription": nordic.pk, "set_number": 1, "reps": 6, "load": "20"}
    client.post(url, data, headers={"HX-Request": "true"})
    with CaptureQueriesContext(connection) as ctx:
        client.post(url, data, headers={"HX-Request": "true"})
    # The session and user, the scoped exercise with its session, log and units, the set.
    assert len(ctx) <= 6, [query["sql"] for query in ctx.captured_queries]
    _grow_training(athlete, coach, 4)
    with django_assert_num_queries(len(ctx)):
        client.post(url, data, headers={"HX-Request": "true"})


def test_history_shows_a_finished_session_at_once(client, athlete, schedule):
    client.force_login(athlete)
    session = schedule["today"]
    before = client.get(reverse("coaching:train_history")).content.decode()
    assert "Partial: not finished" not in before
    nordic = session.prescriptions.get(exercise__name="Nordic lower")
    client.post(
        reverse("coaching:set_log", args=[session.pk]),
        {"prescription": nordic.pk, "set_number": 1, "reps": 6},
    )
    assert "Partial: not finished" in client.get(reverse("coaching:train_history")).content.decode()
    client.post(reverse("coaching:session_finish", args=[session.pk]), {"rpe": "8"})
    after = client.get(reverse("coaching:train_history")).content.decode()
    assert "RPE 8" in after and "1 of 7 planned sets" in after


def test_history_pages_through_older_sessions(client, coach, athlete, schedule):
    client.force_login(athlete)
    _grow_training(athlete, coach, 25)
    first = client.get(reverse("coaching:train_history")).content.decode()
    assert "Older" in first and "Newer" not in first and "1 / 2" in first
    second = client.get(reverse("coaching:train_history") + "?page=2").content.decode()
    assert "Newer" in second and "2 / 2" in second
    assert client.get(reverse("coaching:train_history") + "?page=x").status_code == 200


def test_opening_a_session_marks_the_coachs_comments_seen(client, coach, athlete, schedule):
    session = schedule["today"]
    nordic = session.prescriptions.get(exercise__name="Nordic lower")
    services.set_log_record(
        session=session, prescription=nordic, set_number=1, side="", by=athlete, reps=6
    )
    log = SessionLog.objects.get()
    client.force_login(athlete)
    assert "new comment" not in client.get(reverse("coaching:train_home")).content.decode()
    services.comment_add(log=log, author=coach, body="Lovely depth")
    assert "Lovely depth" in client.get(reverse("coaching:train_home")).content.decode()
    body = client.get(reverse("coaching:session_detail", args=[session.pk])).content.decode()
    assert "Lovely depth" in body
    assert Comment.objects.get().seen_by_recipient
    assert "Lovely depth" not in client.get(reverse("coaching:train_home")).content.decode()


def test_the_cached_exercises_show_every_change_at_once(client, athlete, schedule):
    # The exercises part of the page is cached (caching/versions.py): each of these
    # changes must show on the next request.
    client.force_login(athlete)
    session = schedule["today"]
    url = reverse("coaching:session_detail", args=[session.pk])
    nordic = session.prescriptions.get(exercise__name="Nordic lower")
    body = client.get(url).content.decode()
    assert f'<li id="set-{nordic.pk}-1" class="set-row">' in body

    client.post(
        reverse("coaching:set_log", args=[session.pk]),
        {"prescription": nordic.pk, "set_number": 1, "reps": 4, "load": "22.5"},
    )
    row = client.get(url).content.decode().split(f'<li id="set-{nordic.pk}-1"', 1)[1]
    row = row.split("</li>", 1)[0]
    assert "is-done" in row and 'value="4"' in row and 'value="22.5"' in row

    nordic.reps_min = nordic.reps_max = 5
    nordic.save()
    assert "3 × 5 reps" in client.get(url).content.decode()

    nordic.exercise.name = "Nordic hamstring lower"
    nordic.exercise.save()
    assert "Nordic hamstring lower" in client.get(url).content.decode()

    athlete.athlete_profile.units = "lb"
    athlete.athlete_profile.save()
    assert "Load (lb)" in client.get(url).content.decode()


def test_the_cached_exercises_carry_this_requests_csrf_token(client, athlete, schedule):
    client.force_login(athlete)
    url = reverse("coaching:session_detail", args=[schedule["today"].pk])
    client.get(url)
    body = client.get(url).content.decode()
    assert "<!--csrf-->" not in body
    tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    # Seven set rows, a pain form per exercise, the finish form and signing out.
    assert len(tokens) == 11 and all(len(token) == 64 for token in tokens)


def test_a_refused_set_without_javascript_shows_the_whole_page(client, athlete, schedule):
    client.force_login(athlete)
    session = schedule["today"]
    nordic = session.prescriptions.get(exercise__name="Nordic lower")
    response = client.post(
        reverse("coaching:set_log", args=[session.pk]),
        {"prescription": nordic.pk, "set_number": 3, "reps": "lots", "load": "20"},
    )
    body = response.content.decode()
    assert response.status_code == 200 and "<html" in body and "Finish session" in body
    row = _row_of(body, f"set-{nordic.pk}-3")
    assert row.inputs["reps"]["value"] == "lots" and row.inputs["reps"]["aria-invalid"] == "true"
    assert body.count("Reps: Enter a whole number.") == 1
    assert "<!--csrf-->" not in body and not SetLog.objects.exists()


def test_a_new_calendar_address_shows_at_once(client, athlete, schedule):
    client.force_login(athlete)

    def address():
        body = client.get(reverse("coaching:train_home")).content.decode()
        return re.search(r'id="calendar-url" type="text" readonly value="([^"]+)"', body)[1]

    old = address()
    client.post(reverse("coaching:calendar_feed_reset"))
    new = address()
    assert new != old and new.endswith(services.calendar_feed_for(athlete=athlete).token + ".ics")


def test_progress_shows_a_new_set_and_new_units_at_once(client, athlete, schedule):
    client.force_login(athlete)
    past, today = schedule["past"], schedule["today"]
    url = reverse("coaching:train_progress")
    assert "Log a few sessions" in client.get(url).content.decode()
    for session, load in ((past, "20"), (today, "25")):
        services.set_log_record(
            session=session,
            prescription=session.prescriptions.get(exercise__name="Nordic lower"),
            set_number=1,
            side="",
            by=athlete,
            reps=6,
            load_kg=Decimal(load),
        )
        body = client.get(url).content.decode()
        assert f"<td>{load} kg ★</td>" in body
    assert "Nordic lower: heaviest set (kg)" in body
    athlete.athlete_profile.units = "lb"
    athlete.athlete_profile.save()
    body = client.get(url).content.decode()
    # 25 kg typed in kg, read in pounds to the two decimals a pound load is kept to.
    assert "heaviest set (lb)" in body and "<td>55.12 lb ★</td>" in body


HTMX = {"HX-Request": "true"}


def test_a_coach_logs_a_set_on_behalf_and_nobody_else_can(client, coach, other_coach, schedule):
    session = schedule["today"]
    nordic = session.prescriptions.get(exercise__name="Nordic lower")
    url = reverse("coaching:set_log", args=[session.pk])
    data = {"prescription": nordic.pk, "set_number": 1, "reps": 6, "load": "20"}
    client.force_login(other_coach)
    assert client.post(url, data, headers=HTMX).status_code == 404
    assert not SetLog.objects.exists()
    client.force_login(coach)
    body = client.post(url, data, headers=HTMX).content.decode()
    assert "is-done" in body and "Nordic lower, Set 1" in body
    logged = SetLog.objects.select_related("log").get()
    assert (logged.reps, logged.log.logged_by, logged.log.athlete) == (6, coach, session.athlete)
    people.roster_remove(coach=coach, athlete=session.athlete)
    assert client.post(url, {**data, "reps": 7}, headers=HTMX).status_code == 404
    assert SetLog.objects.get().reps == 6


def test_a_set_stored_again_updates_its_row_and_redraws_it(client, athlete, schedule):
    # The second post finds the log with the exercise and stores the set in one statement.
    client.force_login(athlete)
    session = schedule["today"]
    bridge = session.prescriptions.get(exercise__name="Single-leg bridge")
    url = reverse("coaching:set_log", args=[session.pk])
    data = {"prescription": bridge.pk, "set_number": 2, "side": "L", "reps": 10}
    first = client.post(url, data, headers=HTMX).content.decode()
    logged = SetLog.objects.get()
    with CaptureQueriesContext(connection) as ctx:
        again = client.post(url, {**data, "reps": 9, "note": "wobbly"}, headers=HTMX)
    body = again.content.decode()
    assert f"/sets/{logged.pk}/undo/" in first and f"/sets/{logged.pk}/undo/" in body
    assert 'value="9"' in body and 'value="wobbly"' in body and "Set 2 left" in body
    assert not any("SAVEPOINT" in query["sql"] for query in ctx.captured_queries)
    logged.refresh_from_db()
    assert (logged.reps, logged.note, logged.side, SetLog.objects.count()) == (9, "wobbly", "L", 1)
    assert logged.logged_at > SessionLog.objects.get().started_at


def test_concurrent_logging_of_a_set_on_a_started_log_stores_one(
    transactional_db, coach, athlete, schedule
):
    session = schedule["today"]
    nordic = session.prescriptions.get(exercise__name="Nordic lower")
    services.set_log_record(
        session=session, prescription=nordic, set_number=2, side="", by=athlete, reps=6
    )

    def log(reps, barrier):
        # As the view reads it: the session comes with its log, so one statement stores.
        prescription = selectors.prescription_for_logging(athlete, session.pk, nordic.pk)
        barrier.wait()
        services.set_log_record(
            session=prescription.session,
            prescription=prescription,
            set_number=1,
            side="",
            by=athlete,
            reps=reps,
        )

    assert _at_once(log, 5, 6) == []
    assert SetLog.objects.filter(set_number=1).count() == 1 and SessionLog.objects.count() == 1
    assert SetLog.objects.get(set_number=1).reps in {5, 6}


def test_the_session_page_shows_every_change_at_once(client, coach, athlete, schedule):
    # The page's content is cached per viewer (session_detail): each of these changes must
    # show on the next request, and access must end with the coaching link.
    session = schedule["today"]
    url = reverse("coaching:session_detail", args=[session.pk])
    client.force_login(athlete)
    client.get(url)
    assert "Finish the session" in client.get(url).content.decode()
    nordic = session.prescriptions.get(exercise__name="Nordic lower")
    services.set_log_record(
        session=session, prescription=nordic, set_number=1, side="", by=athlete, reps=6
    )
    services.session_finish(session=session, by=athlete, rpe=8, duration_minutes=45)
    body = client.get(url).content.decode()
    assert "Session summary" in body and 'value="45"' in body and "No comments yet." in body
    session.title = "Hams B (moved)"
    session.save()
    assert "<title>Hams B (moved) · Drivephase</title>" in client.get(url).content.decode()

    client.force_login(coach)
    client.get(url)
    body = client.get(url).content.decode()
    assert "You are logging for" in body and "Lovely depth" not in body
    services.comment_add(log=session.log, author=athlete, body="Lovely depth")
    body = client.get(url).content.decode()
    assert "Lovely depth" in body and Comment.objects.get().seen_by_recipient
    people.roster_remove(coach=coach, athlete=athlete)
    assert client.get(url).status_code == 404
