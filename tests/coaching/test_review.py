import json
import tracemalloc
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from athletes.services import roster_add, roster_remove
from coaching import exports, selectors, services
from coaching.models import (
    Comment,
    Programme,
    ScheduledPrescription,
    ScheduledSession,
    SessionLog,
    SetLog,
)
from tests.conftest import PERSONAS
from tests.factories import (
    AthleteFactory,
    AthleteProfileFactory,
    ExerciseFactory,
    PrescriptionFactory,
    ProgrammeFactory,
    SquadFactory,
    WorkoutFactory,
)

TODAY = timezone.localdate()


def _session(athlete, days_ago, *, planned=True, title="Hams", exercise=None, sets=2):
    session = ScheduledSession.objects.create(
        athlete=athlete,
        date=TODAY - timedelta(days=days_ago),
        title=title,
        assignment=_assignment(athlete) if planned else None,
    )
    ScheduledPrescription.objects.create(
        session=session, exercise=exercise or ExerciseFactory(), sets=sets, reps_min=8, reps_max=8
    )
    return session


def _assignment(athlete):
    from coaching.models import Assignment

    coach = athlete.coached_by.first().coach
    assignment, _ = Assignment.objects.get_or_create(
        athlete=athlete, title="Block", defaults={"coach": coach, "starts_on": TODAY}
    )
    return assignment


def _log(session, *, rpe=6, pain=None, by=None, done_on=None):
    # Done on its planned day unless said otherwise.
    log = services.session_finish(
        session=session,
        by=by or session.athlete,
        rpe=rpe,
        duration_minutes=30,
        done_on=done_on or session.date,
    )
    if pain is not None:
        services.exercise_pain_record(
            session=session,
            prescription=session.prescriptions.first(),
            pain=pain,
            by=session.athlete,
        )
    return log


@pytest.fixture
def reviewed(coach, athlete):
    AthleteProfileFactory(user=athlete, injury_notes="Achilles niggle")
    done = _session(athlete, 2, title="Done session")
    _log(done, rpe=9, pain=6)
    missed = _session(athlete, 3, title="Missed session")
    future = _session(athlete, -2, title="Future session")
    services.comment_add(log=done.log, author=athlete, body="Hamstring felt tight")
    return {"done": done, "missed": missed, "future": future}


REVIEW_URLS = [
    ("coaching:coach_dashboard", lambda r: []),
    ("coaching:coach_news", lambda r: []),
    ("coaching:coach_news_count", lambda r: []),
    ("coaching:coach_export", lambda r: []),
    ("coaching:programme_import", lambda r: []),
    ("coaching:coach_athlete", lambda r: [r["done"].athlete_id]),
    ("coaching:coach_athlete_export", lambda r: [r["done"].athlete_id]),
    ("coaching:coach_session", lambda r: [r["done"].pk]),
]
COACH_VIEW = {
    "anonymous": "login",
    "athlete": 403,
    "other_athlete": 403,
    "coach": 200,
    "other_coach": 404,
    "staff": 403,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_review_pages_access(as_persona, persona, reviewed):
    client = as_persona(persona)
    for name, args in REVIEW_URLS:
        response = client.get(reverse(name, args=args(reviewed)))
        expected = COACH_VIEW[persona]
        if expected == "login":
            assert response.status_code == 302 and "/accounts/login/" in response.url
        elif persona == "other_coach" and not args(reviewed):
            assert response.status_code == 200, name  # their own, empty
        else:
            assert response.status_code == expected, (name, response.status_code)
        if persona != "coach":
            assert b"Achilles niggle" not in response.content
            assert b"Hamstring felt tight" not in response.content


@pytest.mark.parametrize("persona", PERSONAS)
def test_athlete_export_access(as_persona, persona, reviewed):
    response = as_persona(persona).get(reverse("coaching:athlete_export"))
    if persona == "anonymous":
        assert response.status_code == 302
    elif persona in {"athlete", "other_athlete"}:
        assert response.status_code == 200
        data = json.loads(response.content)
        assert ("Hamstring felt tight" in response.content.decode()) == (persona == "athlete")
        assert data["athlete"]["email"] == response.wsgi_request.user.email
    else:
        assert response.status_code == 403


def test_compliance_against_a_hand_worked_example(coach):
    """Within 30 days: 5 planned sessions due (3 logged, 2 missed), one planned today
    (not yet due), one planned 40 days ago (logged, outside 30 but inside 90), two
    unplanned sessions. Expected: 7 days 1/2, 30 days 3/5 = 60%, 90 days 4/6, 2 extra."""
    runner = AthleteFactory(name="Worked Example")
    roster_add(coach=coach, athlete=runner)
    for days_ago, logged in ((1, True), (5, False), (10, True), (20, True), (25, False)):
        session = _session(runner, days_ago)
        if logged:
            _log(session)
    _session(runner, 0)
    _log(_session(runner, 40))
    for days_ago in (3, 12):
        _log(_session(runner, days_ago, planned=False))
    (row,) = selectors.dashboard_athletes(coach, TODAY)
    assert (row.done_7, row.due_7) == (1, 2)
    assert (row.done_30, row.due_30) == (3, 5)
    assert row.compliance_30 == pytest.approx(60.0)
    assert (row.done_90, row.due_90) == (4, 6)
    assert row.extra_30 == 2
    assert row.last_logged == TODAY - timedelta(days=1)
    assert row.next_date == TODAY


def test_dashboard_flags_pain_rpe_missed_and_explains_them(client, coach, reviewed):
    client.force_login(coach)
    body = client.get(reverse("coaching:coach_dashboard")).content.decode()
    assert "Pain 6" in body and "RPE 9" in body and "Missed" in body
    assert "How the flags work" in body and "pain 5 or more out of 10" in body
    body = client.get(reverse("coaching:coach_dashboard"), {"flag": "imbalance"}).content.decode()
    assert "No athlete matches" in body


def test_dashboard_flags_side_gap_and_quiet_athletes(client, coach):
    quiet = AthleteFactory(name="Quiet Quinn")
    roster_add(coach=coach, athlete=quiet)
    lopsided = AthleteFactory(name="Lopsided Lee")
    roster_add(coach=coach, athlete=lopsided)
    session = _session(lopsided, 1, exercise=ExerciseFactory(name="Split squat"))
    item = session.prescriptions.get()
    for side, load in (("L", "40"), ("R", "32")):
        services.set_log_record(
            session=session,
            prescription=item,
            set_number=1,
            side=side,
            by=lopsided,
            reps=8,
            load_kg=Decimal(load),
        )
    client.force_login(coach)
    body = client.get(reverse("coaching:coach_dashboard"), {"flag": "imbalance"}).content.decode()
    assert "Lopsided Lee" in body and "Split squat: 20% L/R" in body and "Quiet Quinn" not in body
    body = client.get(reverse("coaching:coach_dashboard"), {"flag": "inactive"}).content.decode()
    assert "Quiet Quinn" in body and "Lopsided Lee" not in body


def test_dashboard_htmx_filter_by_squad(client, coach, athlete, reviewed):
    squad = SquadFactory(coach=coach)
    other = AthleteFactory(name="Not In Squad")
    roster_add(coach=coach, athlete=other)
    squad.members.add(athlete)
    client.force_login(coach)
    response = client.get(
        reverse("coaching:coach_dashboard"),
        {"squad": squad.pk},
        headers={"HX-Request": "true", "HX-Target": "dashboard-rows"},
    )
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="dashboard-rows"')
    assert "Ada Athlete" in body and "Not In Squad" not in body


def test_comment_thread_and_unread_feedback(client, coach, athlete, reviewed):
    done = reviewed["done"]
    client.force_login(coach)
    assert selectors.news_count(coach) == 2  # one new log, one comment
    page = client.get(reverse("coaching:coach_session", args=[done.pk])).content.decode()
    assert "Hamstring felt tight" in page and "pain 6/10" in page
    response = client.post(
        reverse("coaching:comment_add", args=[done.pk]), {"body": "Ease off the curls this week"}
    )
    assert response.status_code == 302
    client.force_login(athlete)
    home = client.get(reverse("coaching:train_home")).content.decode()
    assert "1 new comment from your coach" in home and "Ease off the curls" in home
    client.get(reverse("coaching:session_detail", args=[done.pk]))
    home = client.get(reverse("coaching:train_home")).content.decode()
    assert "new comment from your coach" not in home
    response = client.post(reverse("coaching:comment_add", args=[done.pk]), {"body": "  "})
    assert "This field is required" in response.content.decode()
    assert Comment.objects.count() == 2


def test_comments_need_a_logged_session(client, athlete, reviewed):
    client.force_login(athlete)
    client.post(reverse("coaching:comment_add", args=[reviewed["missed"].pk]), {"body": "Sorry"})
    assert not Comment.objects.filter(body="Sorry").exists()


def test_news_lists_and_marks_read(client, coach, reviewed):
    client.force_login(coach)
    badge = client.get(reverse("coaching:coach_news_count")).content.decode()
    assert ">2<" in badge
    body = client.get(reverse("coaching:coach_news")).content.decode()
    assert "Hamstring felt tight" in body and "pain 6" in body and "Done session" in body
    assert client.get(reverse("coaching:coach_news_count")).content.decode().strip() == ""


def test_coach_logs_on_behalf_and_it_is_marked(client, coach, athlete, reviewed):
    missed = reviewed["missed"]
    item = missed.prescriptions.get()
    client.force_login(coach)
    client.post(
        reverse("coaching:set_log", args=[missed.pk]),
        {"prescription": item.pk, "set_number": 1, "reps": 8},
    )
    response = client.post(reverse("coaching:session_finish", args=[missed.pk]), {"rpe": "5"})
    assert response.url == reverse("coaching:coach_session", args=[missed.pk])
    log = SessionLog.objects.get(session=missed)
    assert log.logged_by == coach and log.athlete == athlete
    client.force_login(athlete)
    page = client.get(reverse("coaching:session_detail", args=[missed.pk])).content.decode()
    assert "logged this session for you" in page


def test_csv_export_filters_and_never_leaks_other_rosters(
    client, coach, athlete, other_athlete, reviewed
):
    session = reviewed["done"]
    services.set_log_record(
        session=session,
        prescription=session.prescriptions.get(),
        set_number=1,
        side="",
        by=athlete,
        reps=8,
        load_kg=Decimal("30"),
    )
    stranger = _session(other_athlete, 1) if other_athlete.coached_by.exists() else None
    if stranger:
        services.set_log_record(
            session=stranger,
            prescription=stranger.prescriptions.get(),
            set_number=1,
            side="",
            by=other_athlete,
            reps=3,
        )
    client.force_login(coach)
    response = client.get(reverse("coaching:coach_export"), {"download": "1"})
    body = b"".join(response.streaming_content).decode()
    lines = body.strip().splitlines()
    assert lines[0].startswith("date,planned_on,athlete,email,session,exercise")
    assert len(lines) == 2 and "Ada Athlete" in lines[1] and ",8,30,kg,30," in lines[1]
    assert other_athlete.email not in body
    # Another roster's athlete asked for by pk: the form refuses the choice.
    response = client.get(
        reverse("coaching:coach_export"), {"athlete": other_athlete.pk, "download": "1"}
    )
    assert not response.streaming
    assert "Select a valid choice" in response.text and other_athlete.email not in response.text
    response = client.get(
        reverse("coaching:coach_export"),
        {"date_from": "2030-01-01", "date_to": "2029-01-01", "download": "1"},
    )
    assert "The start date is after the end date" in response.content.decode()


def test_csv_export_of_100000_sets_streams_in_little_memory(coach, athlete):
    session = _session(athlete, 1)
    item = session.prescriptions.get()
    log = services.session_log_open(session=session, by=athlete)
    SetLog.objects.bulk_create(
        (
            SetLog(
                log=log,
                prescription=item,
                set_number=n % 50 + 1,
                side=("", "L", "R")[n // 50 % 3],
                reps=8,
                load_kg=Decimal("20"),
                note=f"row {n}",
            )
            for n in range(150)
        ),
    )
    # 100,000 rows: copy the row pattern under many logs.
    logs = SessionLog.objects.bulk_create(
        SessionLog(
            session=ScheduledSession.objects.create(athlete=athlete, date=TODAY, title=f"S{i}"),
            athlete=athlete,
            done_on=TODAY,
        )
        for i in range(666)
    )
    SetLog.objects.bulk_create(
        (
            SetLog(
                log=other,
                prescription=item,
                set_number=n % 50 + 1,
                side=("", "L", "R")[n // 50 % 3],
                reps=8,
                load_kg=Decimal("20"),
            )
            for other in logs
            for n in range(150)
        ),
        batch_size=5000,
    )
    total = SetLog.objects.count()
    assert total >= 100_000
    tracemalloc.start()
    lines = chunks = 0
    for chunk in exports.set_log_csv(SetLog.objects.filter(log__athlete=athlete)):
        lines += chunk.count("\r\n")
        chunks += 1
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert lines == total + 1
    # Sent in pieces of many rows (a write per row costs a system call each), not at once.
    assert 1 < chunks < total / 100
    assert peak < 20 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


def test_programme_export_import_round_trip(client, coach, other_coach):
    programme = ProgrammeFactory(owner=coach, title="Shared block", weeks=2)
    for week in (1, 2):
        workout = WorkoutFactory(programme=programme, week=week, day=2, title=f"Week {week} A")
        PrescriptionFactory(
            workout=workout,
            exercise=ExerciseFactory(slug=f"ex-{week}"),
            sets=3,
            tempo="4-0-1-0",
            load_kind="pct",
            load_value=Decimal("70"),
        )
    client.force_login(coach)
    exported = client.get(reverse("coaching:programme_export", args=[programme.pk]))
    data = json.loads(exported.content)
    client.force_login(other_coach)
    upload = SimpleUploadedFile("p.json", exported.content, content_type="application/json")
    response = client.post(reverse("coaching:programme_import"), {"file": upload})
    imported = Programme.objects.get(owner=other_coach)
    assert response.url == imported.get_absolute_url()
    assert exports.programme_export(imported) | {"exported_at": None} == data | {
        "exported_at": None
    }


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not json", "not valid JSON"),
        (b"[1, 2]", "not a Drivephase programme export"),
        (
            b'{"format": "drivephase.programme/1", "title": "X", "weeks": "many", "workouts": []}',
            "whole number",
        ),
        (
            b'{"format": "drivephase.programme/1", "title": "X", "weeks": 99, "workouts": []}',
            "less than or equal to 52",
        ),
        (
            b'{"format": "drivephase.programme/1", "title": "X", "weeks": 1, "workouts": '
            b'[{"week": 1, "day": 1, "title": "A", "exercises": '
            b'[{"exercise": "nope", "sets": 3}]}]}',
            "nope is not in this library",
        ),
        (
            b'{"format": "drivephase.programme/1", "title": "X", "weeks": 1, "workouts": '
            b'[{"week": 1, "day": 9, "title": "A", "exercises": []}]}',
            "Workout 1",
        ),
        (
            b'{"format": "drivephase.programme/1", "title": "X", "weeks": 1, "workouts": '
            b'[{"week": 1, "day": 1, "title": "A", "exercises": '
            b'[{"exercise": "ex-1", "sets": "<script>", "tempo": {"a": 1}}]}]}',
            "Workout 1, exercise 1",
        ),
        (b"[" * 5000 + b"]" * 5000, "not a Drivephase programme export"),
    ],
)
def test_malformed_or_hostile_programme_json_is_refused_and_changes_nothing(
    client, coach, content, message
):
    ExerciseFactory(slug="ex-1")
    client.force_login(coach)
    upload = SimpleUploadedFile("p.json", content, content_type="application/json")
    response = client.post(reverse("coaching:programme_import"), {"file": upload})
    assert response.status_code == 200
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not Programme.objects.filter(owner=coach).exists()


def test_programme_import_refuses_files_over_1_mb(client, coach):
    client.force_login(coach)
    upload = SimpleUploadedFile("big.json", b" " * (1024 * 1024 + 1))
    response = client.post(reverse("coaching:programme_import"), {"file": upload})
    assert "larger than 1 MB" in response.content.decode()


def test_athlete_json_export_holds_the_whole_record(coach, athlete, reviewed):
    data = exports.athlete_export(athlete)
    assert data["profile"]["injury_notes"] == "Achilles niggle"
    assert data["coaches"] == [{"name": coach.name, "email": coach.email}]
    assert {s["title"] for s in data["schedule"]} == {
        "Done session",
        "Missed session",
        "Future session",
    }
    (log,) = data["logs"]
    assert log["rpe"] == 9 and log["pain"][0]["pain"] == 6
    assert log["comments"][0]["body"] == "Hamstring felt tight"
    json.dumps(data)


def _grow_roster(coach, count):
    for _ in range(count):
        runner = AthleteFactory()
        AthleteProfileFactory(user=runner)
        roster_add(coach=coach, athlete=runner)
        for days_ago, logged in ((1, True), (3, False), (8, True)):
            session = _session(runner, days_ago)
            if logged:
                _log(session, rpe=9, pain=5)


def test_dashboard_queries_are_the_same_for_5_and_500_athletes(
    client, coach, django_assert_num_queries
):
    client.force_login(coach)
    _grow_roster(coach, 5)
    with CaptureQueriesContext(connection) as small:
        response = client.get(reverse("coaching:coach_dashboard"))
    assert response.content.decode().count('<th scope="row">') == 5
    _grow_roster(coach, 495)
    with django_assert_num_queries(len(small)):
        response = client.get(reverse("coaching:coach_dashboard"))
    assert response.content.decode().count('<th scope="row">') == 500


def test_athlete_review_pages_queries_do_not_grow(
    client, coach, athlete, reviewed, django_assert_num_queries
):
    client.force_login(coach)
    urls = [
        reverse("coaching:coach_athlete", args=[athlete.pk]),
        reverse("coaching:coach_session", args=[reviewed["done"].pk]),
        reverse("coaching:coach_news"),
    ]
    for url in urls:
        client.get(url)  # the first visit creates the news read marker
    counts = []
    for url in urls:
        cache.clear()  # both times the uncached path, which runs every query
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        counts.append(len(ctx))
    exercise = ExerciseFactory()
    for days_ago in range(1, 25):
        session = _session(athlete, days_ago, exercise=exercise)
        _log(session, rpe=7, pain=6)
        services.comment_add(log=session.log, author=athlete, body="ok")
    for index in range(10):
        services.comment_add(log=reviewed["done"].log, author=athlete, body=f"more {index}")
    for url, count in zip(urls, counts, strict=True):
        cache.clear()
        with django_assert_num_queries(count):
            client.get(url)


def _main_of(body: str) -> str:
    # The page without the per-request CSRF token in <body>.
    return body.split("<main", 1)[1].split("</main>", 1)[0]


def _main(response) -> str:
    return _main_of(response.content.decode())


def test_coach_athlete_page_shows_changes_at_once_though_cached(
    client, coach, athlete, reviewed, django_assert_num_queries
):
    """The page's body is cached until the athlete's data changes: every change shows on
    the next visit, whoever made it."""
    client.force_login(coach)
    url = reverse("coaching:coach_athlete", args=[athlete.pk])
    missed = reviewed["missed"]
    first = client.get(url).content.decode()
    assert (
        'cal-missed" href="{}"'.format(reverse("coaching:coach_session", args=[missed.pk])) in first
    )
    assert "Missed session" not in first.split('id="logs-heading"')[1].split("</ul>")[0]
    with django_assert_num_queries(3):  # the session, the coach, the athlete: no more
        assert _main(client.get(url)) == _main_of(first)
    # The athlete logs the session they missed, with pain, and comments on it.
    _log(missed, rpe=8, pain=7)
    services.comment_add(log=missed.log, author=athlete, body="Sorry, I was late")
    body = client.get(url).content.decode()
    assert 'cal-done" href="{}"'.format(reverse("coaching:coach_session", args=[missed.pk])) in body
    logs = body.split('id="logs-heading"')[1].split("</ul>")[0]
    assert "Missed session" in logs and "pain 7" in logs and "1 comment" in logs
    # The coach logs a set on the athlete's behalf: a progress chart appears.
    services.set_log_record(
        session=missed,
        prescription=missed.prescriptions.get(),
        set_number=1,
        side="",
        by=coach,
        reps=8,
        load_kg=Decimal("42.5"),
    )
    body = client.get(url).content.decode()
    assert "Charts appear once sets are logged" not in body and "42.5" in body
    # The athlete edits their injury notes and their name.
    athlete.athlete_profile.injury_notes = "Calf is fine now"
    athlete.athlete_profile.save()
    athlete.name = "Ada Renamed"
    athlete.save()
    body = client.get(url).content.decode()
    assert "Calf is fine now" in body and "Achilles niggle" not in body
    assert "Ada Renamed" in body


def test_coach_athlete_page_cache_never_crosses_coaches_or_outlives_access(
    client, coach, other_coach, athlete, reviewed
):
    client.force_login(coach)
    url = reverse("coaching:coach_athlete", args=[athlete.pk])
    assert client.get(url).status_code == 200
    client.force_login(other_coach)
    assert client.get(url).status_code == 404
    roster_add(coach=other_coach, athlete=athlete)
    body = client.get(url).content.decode()
    assert "Achilles niggle" in body  # their own render, with the same data
    roster_remove(coach=coach, athlete=athlete)
    client.force_login(coach)
    assert client.get(url).status_code == 404


def test_coach_athlete_page_charts_the_exercise_asked_for(client, coach, athlete):
    squat = ExerciseFactory(name="Split squat", slug="split-squat")
    curl = ExerciseFactory(name="Nordic curl", slug="nordic-curl")
    for days_ago, exercise, load in ((3, squat, "30"), (2, curl, "12")):
        session = _session(athlete, days_ago, exercise=exercise)
        services.set_log_record(
            session=session,
            prescription=session.prescriptions.get(),
            set_number=1,
            side="",
            by=athlete,
            reps=8,
            load_kg=Decimal(load),
        )
    client.force_login(coach)
    url = reverse("coaching:coach_athlete", args=[athlete.pk])
    first = client.get(url).content.decode()  # the first exercise by name
    assert '<option value="nordic-curl" selected>' in first and ">Nordic curl: " in first
    body = client.get(url, {"exercise": "split-squat"}).content.decode()
    assert '<option value="split-squat" selected>' in body and ">Split squat: " in body
    assert _main(client.get(url, {"exercise": "nope"})) == _main_of(first)


def test_dashboard_rows_show_changes_at_once_though_cached(client, coach, athlete, reviewed):
    client.force_login(coach)
    url = reverse("coaching:coach_dashboard")
    htmx = {"HX-Request": "true", "HX-Target": "dashboard-rows"}
    first = _main(client.get(url))
    assert "Pain 6" in first and "Ada Athlete" in first
    assert _main(client.get(url)) == first
    assert "Ada Athlete" in client.get(url, {"flag": "pain"}, headers=htmx).content.decode()
    assert "No athlete matches" in client.get(url, {"flag": "inactive"}).content.decode()
    # A worse pain score today, and a rename: both show on the next visit.
    _log(_session(athlete, 0, title="Today"), rpe=6, pain=8)
    athlete.name = "Ada Renamed"
    athlete.save()
    body = client.get(url, {"flag": "pain"}, headers=htmx).content.decode()
    assert "Pain 8" in body and "Ada Renamed" in body
    assert "Pain 8" in _main(client.get(url))
    other = AthleteFactory(name="Zoe Newcomer")
    roster_add(coach=coach, athlete=other)
    assert "Zoe Newcomer" in _main(client.get(url))
    roster_remove(coach=coach, athlete=other)
    assert "Zoe Newcomer" not in _main(client.get(url))
