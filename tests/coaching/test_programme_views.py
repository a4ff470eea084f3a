import re
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coaching.models import Assignment, Prescription, Programme, ScheduledSession, SessionLog
from tests.conftest import PERSONAS
from tests.factories import (
    AthleteProfileFactory,
    ExerciseFactory,
    PrescriptionFactory,
    ProgrammeFactory,
    SquadFactory,
    WorkoutFactory,
)


@pytest.fixture
def built(coach, athlete):
    programme = ProgrammeFactory(owner=coach, title="Coach's block", weeks=2)
    workout = WorkoutFactory(programme=programme, week=1, day=1, title="Hamstrings A")
    item = PrescriptionFactory(workout=workout, exercise=ExerciseFactory(name="Nordic lower"))
    template = ProgrammeFactory(owner=None, title="Library template", slug="tpl", weeks=1)
    WorkoutFactory(programme=template, title="Template day")
    AthleteProfileFactory(user=athlete)
    (assignment,) = __import__("coaching.services", fromlist=["x"]).programme_assign(
        coach=coach, programme=programme, athletes=[athlete], starts_on=timezone.localdate()
    )
    session = assignment.sessions.order_by("date").first()
    return {
        "programme": programme,
        "workout": workout,
        "item": item,
        "template": template,
        "assignment": assignment,
        "session": session,
    }


def _owner_urls(b):
    p, w, i = b["programme"].pk, b["workout"].pk, b["item"].pk
    return [
        ("get", reverse("coaching:programme_detail", args=[p]), {}),
        ("get", reverse("coaching:programme_assignments", args=[p]), {}),
        ("get", reverse("coaching:programme_assign", args=[p]), {}),
        ("get", reverse("coaching:programme_delete", args=[p]), {}),
        ("get", reverse("coaching:workout_update", args=[p, w]), {}),
        ("get", reverse("coaching:exercise_search", args=[p, w]) + "?q=nordic", {}),
        ("get", reverse("coaching:prescription_update", args=[p, i]), {}),
        ("post", reverse("coaching:programme_update", args=[p]), {"title": ""}),
        ("post", reverse("coaching:workout_add", args=[p]), {"title": ""}),
        ("post", reverse("coaching:week_copy", args=[p]), {}),
        ("post", reverse("coaching:workout_copy", args=[p, w]), {}),
        ("post", reverse("coaching:prescription_add", args=[p, w]), {"exercise": "0"}),
        ("post", reverse("coaching:prescription_update", args=[p, i]), {"sets": "x"}),
        ("post", reverse("coaching:prescription_move", args=[p, i]), {"direction": "up"}),
        ("post", reverse("coaching:prescription_restore", args=[p]), {"token": "bad"}),
        ("post", reverse("coaching:programme_push", args=[p]), {}),
        ("post", reverse("coaching:programme_copy", args=[p]), {}),
        ("get", reverse("coaching:session_adjust", args=[b["session"].pk]), {}),
        ("post", reverse("coaching:assignment_status", args=[b["assignment"].pk, "pause"]), {}),
    ]


EXPECTED = {
    "anonymous": "login",
    "athlete": 403,
    "other_athlete": 403,
    "coach": "ok",
    "other_coach": 404,
    "staff": 403,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_programme_pages_access(as_persona, persona, built):
    client = as_persona(persona)
    for method, url, data in _owner_urls(built):
        response = getattr(client, method)(url, data)
        expected = EXPECTED[persona]
        if expected == "login":
            assert response.status_code == 302 and "/accounts/login/" in response.url, url
        elif expected == "ok":
            assert response.status_code in {200, 302}, (url, response.status_code)
        else:
            assert response.status_code == expected, (url, response.status_code)
        if persona != "coach":
            assert b"Nordic lower" not in response.content, url


@pytest.mark.parametrize("persona", PERSONAS)
def test_programme_list_and_templates_access(as_persona, persona, built):
    client = as_persona(persona)
    listing = client.get(reverse("coaching:programme_list"))
    template = client.get(reverse("coaching:programme_detail", args=[built["template"].pk]))
    if persona == "anonymous":
        assert listing.status_code == 302 and template.status_code == 302
    elif persona in {"coach", "other_coach"}:
        assert listing.status_code == 200 and template.status_code == 200
        assert b"Library template" in listing.content
        assert (b"Coach&#x27;s block" in listing.content) == (persona == "coach")
    else:
        assert listing.status_code == 403 and template.status_code == 403


def test_template_is_read_only_but_copyable(client, coach, built):
    client.force_login(coach)
    template = built["template"]
    page = client.get(reverse("coaching:programme_detail", args=[template.pk])).content.decode()
    assert "Copy to my programmes" in page and "Add a workout" not in page
    response = client.post(reverse("coaching:programme_update", args=[template.pk]), {"title": "x"})
    assert response.status_code == 404
    response = client.post(reverse("coaching:programme_copy", args=[template.pk]))
    copy = Programme.objects.get(owner=coach, copied_from=template)
    assert response.url == copy.get_absolute_url()
    assert copy.workouts.get().title == "Template day"


def test_create_programme_with_bad_weeks_keeps_typing(client, coach):
    client.force_login(coach)
    response = client.post(
        reverse("coaching:programme_create"), {"title": "Winter block", "weeks": "80"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "less than or equal to 52" in body and 'value="Winter block"' in body
    response = client.post(
        reverse("coaching:programme_create"), {"title": "Winter block", "weeks": "6"}
    )
    assert response.status_code == 302


def test_htmx_add_exercise_returns_the_workout_and_refreshes_balance(client, coach, built):
    client.force_login(coach)
    p, w = built["programme"], built["workout"]
    bound = ExerciseFactory(name="Straight-leg bound")
    results = client.get(
        reverse("coaching:exercise_search", args=[p.pk, w.pk]),
        {"q": "straight"},
        headers={"HX-Request": "true"},
    ).content.decode()
    assert "<html" not in results and "Straight-leg bound" in results
    response = client.post(
        reverse("coaching:prescription_add", args=[p.pk, w.pk]),
        {"exercise": bound.pk},
        headers={"HX-Request": "true"},
    )
    body = response.content.decode()
    assert body.lstrip().startswith(f'<article id="workout-{w.pk}"')
    assert "Straight-leg bound" in body
    assert "programme-changed" in response.headers["HX-Trigger"]
    balance = client.get(
        p.get_absolute_url(), headers={"HX-Request": "true", "HX-Target": "balance"}
    ).content.decode()
    assert balance.lstrip().startswith('<section id="balance"')


def test_edit_prescription_bad_input_is_explained_and_kept(client, coach, built):
    client.force_login(coach)
    p, item = built["programme"], built["item"]
    url = reverse("coaching:prescription_update", args=[p.pk, item.pk])
    data = {
        "version": item.version,
        "sets": "4",
        "reps_min": "12",
        "reps_max": "6",
        "tempo": "slowly",
        "notes": "Control the descent",
    }
    response = client.post(url, data, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith(f'<li id="prescription-{item.pk}"')
    assert "for example 3-0-1-0" in body
    assert 'value="Control the descent"' in body and 'value="slowly"' in body
    item.refresh_from_db()
    assert item.sets == 3


def test_edit_prescription_saves_and_a_stale_form_gets_a_conflict(client, coach, built):
    client.force_login(coach)
    p, item = built["programme"], built["item"]
    url = reverse("coaching:prescription_update", args=[p.pk, item.pk])
    data = {"version": 1, "sets": "5", "reps_min": "6", "reps_max": "6", "tempo": "4010"}
    response = client.post(url, data, headers={"HX-Request": "true"})
    assert response.content.decode().lstrip().startswith(f'<article id="workout-{item.workout_id}"')
    # The form stood in for the row: the workout's card is what the answer replaces.
    assert response.headers["HX-Retarget"] == f"#workout-{item.workout_id}"
    item.refresh_from_db()
    assert (item.sets, item.tempo, item.version) == (5, "4-0-1-0", 2)
    response = client.post(url, {**data, "sets": "2"}, headers={"HX-Request": "true"})
    assert "Someone else changed this exercise" in response.content.decode()
    item.refresh_from_db()
    assert item.sets == 5


def test_delete_offers_undo_and_undo_restores(client, coach, built):
    client.force_login(coach)
    p, item = built["programme"], built["item"]
    body = client.post(
        reverse("coaching:prescription_delete", args=[p.pk, item.pk]),
        headers={"HX-Request": "true"},
    ).content.decode()
    assert "Nordic lower removed." in body and "Undo" in body
    token = body.split('name="token" value="', 1)[1].split('"', 1)[0]
    client.post(reverse("coaching:prescription_restore", args=[p.pk]), {"token": token})
    assert Prescription.objects.filter(
        workout=built["workout"], exercise__name="Nordic lower"
    ).exists()


def test_plain_post_delete_redirects_and_offers_undo_on_the_page(client, coach, built):
    client.force_login(coach)
    p, item = built["programme"], built["item"]
    response = client.post(reverse("coaching:prescription_delete", args=[p.pk, item.pk]))
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "Nordic lower removed." in page
    assert "Nordic lower removed." not in client.get(response.url).content.decode()


def test_assign_preview_then_confirm(client, coach, athlete, built):
    client.force_login(coach)
    squad = SquadFactory(coach=coach)
    squad.members.add(athlete)
    p = built["programme"]
    start = (timezone.localdate() + timedelta(days=7)).isoformat()
    data = {"squads": [squad.pk], "starts_on": start}
    preview = client.post(
        reverse("coaching:programme_assign", args=[p.pk]),
        data,
        headers={"HX-Request": "true", "HX-Target": "assign-preview"},
    )
    body = preview.content.decode()
    assert body.lstrip().startswith('<section id="assign-preview"')
    assert "Hamstrings A" in body and "Confirm and assign" in body
    assert Assignment.objects.filter(programme=p).count() == 1  # only the fixture's
    response = client.post(
        reverse("coaching:programme_assign", args=[p.pk]), {**data, "confirm": "yes"}
    )
    assert response.status_code == 302
    assert Assignment.objects.filter(programme=p, athlete=athlete).count() == 2


def test_hand_made_assignment_to_another_coachs_athlete_is_refused(
    client, coach, other_athlete, built
):
    client.force_login(coach)
    p = built["programme"]
    response = client.post(
        reverse("coaching:programme_assign", args=[p.pk]),
        {
            "athletes": [other_athlete.pk],
            "starts_on": timezone.localdate().isoformat(),
            "confirm": "yes",
        },
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not ScheduledSession.objects.filter(athlete=other_athlete).exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"starts_on": "2027-01-04"}, "Choose at least one athlete or squad"),
        ({"athletes": ["1"], "starts_on": "yesterday"}, "Enter a valid date"),
        ({"athletes": ["1"], "starts_on": "1999-01-01"}, "no more than four weeks ago"),
    ],
)
def test_assign_bad_input_is_explained(client, coach, built, data, message):
    client.force_login(coach)
    response = client.post(reverse("coaching:programme_assign", args=[built["programme"].pk]), data)
    assert message in response.content.decode()


def test_coach_adjusts_one_athletes_session(client, coach, built):
    client.force_login(coach)
    session = built["session"]
    item = session.prescriptions.get()
    url = reverse("coaching:session_adjust", args=[session.pk])
    prefix = f"p{item.pk}"
    data = {
        "date": (session.date + timedelta(days=1)).isoformat(),
        "title": "Lighter day",
        "notes": "",
        f"{prefix}-sets": "2",
        f"{prefix}-reps_min": "5",
        f"{prefix}-reps_max": "5",
        f"{prefix}-tempo": "bad",
    }
    response = client.post(url, data)
    assert response.status_code == 200 and "for example 3-0-1-0" in response.content.decode()
    response = client.post(url, {**data, f"{prefix}-tempo": "3-0-1-0"})
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.title == "Lighter day" and session.adjusted_by_coach


def _grow(programme, weeks):
    programme.weeks = weeks
    programme.save()
    exercises = [ExerciseFactory() for _ in range(4)]
    for week in range(1, weeks + 1):
        for day in (1, 4):
            workout = WorkoutFactory(programme=programme, week=week, day=day)
            for exercise in exercises:
                PrescriptionFactory(workout=workout, exercise=exercise)


def test_builder_and_preview_queries_same_for_4_and_16_weeks(
    client, coach, athlete, django_assert_num_queries
):
    client.force_login(coach)
    AthleteProfileFactory(user=athlete)
    counts = {}
    for weeks in (4, 16):
        programme = ProgrammeFactory(owner=coach, weeks=weeks)
        _grow(programme, weeks)
        urls = [
            ("get", programme.get_absolute_url(), {}),
            (
                "post",
                reverse("coaching:programme_assign", args=[programme.pk]),
                {"athletes": [athlete.pk], "starts_on": date.today().isoformat()},
            ),
        ]
        for method, url, data in urls:
            with CaptureQueriesContext(connection) as ctx:
                response = getattr(client, method)(url, data)
            assert response.status_code == 200
            counts.setdefault(method, []).append(len(ctx))
    assert counts["get"][0] == counts["get"][1], counts
    assert counts["post"][0] == counts["post"][1], counts


def test_list_assignments_and_session_pages_queries_do_not_grow(
    client, coach, django_assert_num_queries
):
    from athletes.services import roster_add
    from coaching.services import programme_assign
    from tests.factories import AthleteFactory

    client.force_login(coach)
    programme = ProgrammeFactory(owner=coach, weeks=1)
    workout = WorkoutFactory(programme=programme)

    def grow(n):
        for _ in range(n):
            ProgrammeFactory(owner=coach)
            ProgrammeFactory(owner=None, slug=f"t{Programme.objects.count()}")
            PrescriptionFactory(workout=workout)
            athlete = AthleteFactory()
            roster_add(coach=coach, athlete=athlete)
            programme_assign(
                coach=coach, programme=programme, athletes=[athlete], starts_on=timezone.localdate()
            )

    grow(2)
    session = ScheduledSession.objects.filter(assignment__programme=programme).first()
    item = workout.prescriptions.first()
    urls = [
        reverse("coaching:programme_list"),
        reverse("coaching:programme_assignments", args=[programme.pk]),
        reverse("coaching:workout_update", args=[programme.pk, workout.pk]),
        reverse("coaching:prescription_update", args=[programme.pk, item.pk]),
        reverse("coaching:exercise_search", args=[programme.pk, workout.pk]) + "?q=exercise",
        reverse("coaching:session_adjust", args=[session.pk]),
    ]
    small = []
    for url in urls:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        small.append(len(ctx))
    grow(20)
    session.refresh_from_db()
    for url, count in zip(urls, small, strict=True):
        with django_assert_num_queries(count):
            client.get(url)


# The builder: read-only workouts, one open for editing, cached fragments ---------------


def test_builder_shows_workouts_read_only_until_one_is_opened(client, coach, built):
    client.force_login(coach)
    p, w = built["programme"], built["workout"]
    page = client.get(p.get_absolute_url()).content.decode()
    assert "Nordic lower" in page and f"?edit={w.pk}#workout-{w.pk}" in page
    assert "Move Nordic lower up" not in page and "csrfmiddlewaretoken" in page
    # Without JavaScript the link opens the workout's controls on the page.
    page = client.get(p.get_absolute_url(), {"edit": w.pk}).content.decode()
    assert "Move Nordic lower up" in page and "Remove<span" in page and ">Done<" in page
    # With htmx only the workout is swapped, its controls in place.
    fragment = client.get(
        p.get_absolute_url(),
        {"edit": w.pk},
        headers={"HX-Request": "true", "HX-Target": f"workout-{w.pk}"},
    ).content.decode()
    assert fragment.lstrip().startswith(f'<article id="workout-{w.pk}"')
    assert "Move Nordic lower down" in fragment and "<html" not in fragment
    closed = client.get(
        p.get_absolute_url(), headers={"HX-Request": "true", "HX-Target": f"workout-{w.pk}"}
    ).content.decode()
    assert "Move Nordic lower" not in closed and "Edit workout" in closed


def test_template_builder_has_no_controls_even_when_asked(client, coach, built):
    client.force_login(coach)
    template = built["template"]
    workout = template.workouts.get()
    page = client.get(template.get_absolute_url(), {"edit": workout.pk}).content.decode()
    assert "Template day" in page
    assert "Edit workout" not in page and "Add an exercise to" not in page
    assert "Move " not in page and ">Done<" not in page


def test_builder_links_are_the_url_confs(client, coach, built):
    client.force_login(coach)
    p, w, item = built["programme"], built["workout"], built["item"]
    page = client.get(p.get_absolute_url(), {"edit": w.pk}).content.decode()
    for name, args in [
        ("coaching:programme_assign", [p.pk]),
        ("coaching:programme_assignments", [p.pk]),
        ("coaching:programme_export", [p.pk]),
        ("coaching:programme_copy", [p.pk]),
        ("coaching:programme_update", [p.pk]),
        ("coaching:programme_delete", [p.pk]),
        ("coaching:workout_add", [p.pk]),
        ("coaching:week_copy", [p.pk]),
        ("coaching:workout_update", [p.pk, w.pk]),
        ("coaching:exercise_search", [p.pk, w.pk]),
        ("coaching:prescription_update", [p.pk, item.pk]),
        ("coaching:prescription_move", [p.pk, item.pk]),
        ("coaching:prescription_delete", [p.pk, item.pk]),
    ]:
        assert f'"{reverse(name, args=args)}"' in page, name
    assert f'"{item.exercise.get_absolute_url()}"' in page


def test_builder_shows_a_change_at_once_though_cached(client, coach, built):
    client.force_login(coach)
    p, item = built["programme"], built["item"]
    assert "3 × 8–10 reps" in client.get(p.get_absolute_url()).content.decode()
    client.post(
        reverse("coaching:prescription_update", args=[p.pk, item.pk]),
        {"version": item.version, "sets": "5", "reps_min": "6", "reps_max": "6"},
    )
    page = client.get(p.get_absolute_url()).content.decode()
    assert "5 × 6 reps" in page and "3 × 8–10 reps" not in page
    # An htmx change answers with fresh fragments too, not the ones cached before it.
    body = client.post(
        reverse("coaching:workout_add", args=[p.pk]),
        {"week": "2", "day": "3", "title": "Bounding B", "kind": "plyometric"},
        headers={"HX-Request": "true"},
    ).content.decode()
    assert body.lstrip().startswith('<div id="weeks"') and "Bounding B" in body
    assert "Bounding B" in client.get(p.get_absolute_url()).content.decode()
    balance = client.get(
        p.get_absolute_url(), headers={"HX-Request": "true", "HX-Target": "balance"}
    ).content.decode()
    assert balance.lstrip().startswith('<section id="balance"')


def test_builder_shows_a_library_change_at_once(client, coach, built):
    client.force_login(coach)
    p, item = built["programme"], built["item"]
    assert "Nordic lower" in client.get(p.get_absolute_url()).content.decode()
    exercise = item.exercise
    exercise.name = "Nordic hamstring lower"
    exercise.save()
    assert "Nordic hamstring lower" in client.get(p.get_absolute_url()).content.decode()


@pytest.fixture
def stored(monkeypatch) -> list:
    """What the programme views put in the cache during the test, in order."""
    from caching.versions import cached
    from coaching.views import programmes

    values = []

    def recording(name, owners, parts, compute):
        values.append(cached(name, owners, parts, compute))
        return values[-1]

    monkeypatch.setattr(programmes, "cached", recording)
    return values


def test_cached_builder_fragments_hold_no_token_and_no_user(client, coach, built, stored):
    client.force_login(coach)
    client.get(built["programme"].get_absolute_url())
    fragments = "".join(stored)
    assert len(stored) == 2 and "Nordic lower" in fragments and "Muscle balance" in fragments
    assert "csrfmiddlewaretoken" not in fragments and 'method="post"' not in fragments
    assert coach.email not in fragments and "Cora Coach" not in fragments


def test_builder_page_is_cached_in_fewer_queries(client, coach, built):
    client.force_login(coach)
    url = built["programme"].get_absolute_url()
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    with CaptureQueriesContext(connection) as second:
        second_body = client.get(url).content.decode()
    assert len(second) < len(first)
    assert "Nordic lower" in second_body and "Muscle balance" in second_body


def test_plain_post_move_keeps_the_workout_open(client, coach, built):
    client.force_login(coach)
    p, w, item = built["programme"], built["workout"], built["item"]
    second = PrescriptionFactory(workout=w, exercise=ExerciseFactory(name="Glute bridge"))
    response = client.post(
        reverse("coaching:prescription_move", args=[p.pk, second.pk]), {"direction": "up"}
    )
    assert response.url == f"{p.get_absolute_url()}?edit={w.pk}#workout-{w.pk}"
    page = client.get(response.url).content.decode()
    assert page.index("Move Glute bridge up") < page.index("Move Nordic lower up")
    item.refresh_from_db()
    assert item.position == 1


def test_invalid_workout_without_javascript_is_explained_and_kept(client, coach, built):
    client.force_login(coach)
    p = built["programme"]
    response = client.post(
        reverse("coaching:workout_add", args=[p.pk]),
        {"week": "1", "day": "2", "title": "", "kind": "drills", "notes": "Keep it light"},
    )
    body = response.content.decode()
    assert response.status_code == 200 and "This field is required" in body
    assert 'aria-invalid="true"' in body and "Keep it light" in body
    assert '<option value="2" selected>' in body and '<option value="drills" selected>' in body


def test_assign_preview_shows_a_change_to_the_plan_at_once(client, coach, athlete, built):
    client.force_login(coach)
    p, w = built["programme"], built["workout"]
    url = reverse("coaching:programme_assign", args=[p.pk])
    monday = timezone.localdate() + timedelta(days=7 - timezone.localdate().weekday())
    data = {"athletes": [athlete.pk], "starts_on": monday.isoformat()}
    headers = {"HX-Request": "true", "HX-Target": "assign-preview"}
    body = client.post(url, data, headers=headers).content.decode()
    tuesday = monday + timedelta(days=1)
    assert "Hamstrings A" in body and f"Tue {tuesday.day} " in body
    client.post(
        reverse("coaching:workout_update", args=[p.pk, w.pk]),
        {"week": "1", "day": "3", "title": "Hamstrings B", "kind": "strength"},
    )
    body = client.post(url, data, headers=headers).content.decode()
    thursday = monday + timedelta(days=3)
    assert "Hamstrings B" in body and "Hamstrings A" not in body
    assert f"Thu {thursday.day} " in body
    later = {**data, "starts_on": (monday + timedelta(days=7)).isoformat()}
    body = client.post(url, later, headers=headers).content.decode()
    assert f"Thu {(thursday + timedelta(days=7)).day} " in body


def test_cached_builder_page_carries_each_visitors_token(client, coach, built):
    from django.test import Client

    p = built["programme"]
    client.force_login(coach)
    client.get(p.get_absolute_url())  # fills the cache
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(coach)
    page = strict.get(p.get_absolute_url()).content.decode()
    assert "<!--csrf-->" not in page
    forms = page.count('method="post"')
    assert forms >= 4 and page.count('name="csrfmiddlewaretoken"') == forms
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = strict.post(
        reverse("coaching:programme_update", args=[p.pk]),
        {"csrfmiddlewaretoken": token, "title": "Spring block", "weeks": "2"},
    )
    assert response.status_code == 302
    # The header, its form and the page's title show the change at once.
    page = strict.get(p.get_absolute_url()).content.decode()
    assert "<title>Spring block" in page and 'value="Spring block"' in page
    assert "Coach&#x27;s block" not in page
    # Fragments rendered for the request (here a refused form) carry its token too.
    header = client.post(
        reverse("coaching:programme_update", args=[p.pk]),
        {"title": "", "weeks": "2"},
        headers={"HX-Request": "true"},
    ).content.decode()
    assert header.lstrip().startswith('<section id="programme-header"')
    assert header.count('name="csrfmiddlewaretoken"') == header.count('method="post"') == 2


def test_cached_template_page_shows_nothing_of_whoever_filled_it(client, coach, other_coach, built):
    url = built["template"].get_absolute_url()
    client.force_login(coach)
    client.get(url)  # fills the cache
    client.force_login(other_coach)
    page = client.get(url).content.decode()
    assert "Template day" in page and "Copy to my programmes" in page
    assert f"({other_coach.email})" in page and f"({coach.email})" not in page
    assert "Cora Coach" not in page
    assert "<!--csrf-->" not in page and 'name="csrfmiddlewaretoken"' in page


def test_htmx_preview_refuses_athletes_off_the_roster(client, coach, athlete, other_athlete, built):
    from athletes.models import Coaching

    client.force_login(coach)
    url = reverse("coaching:programme_assign", args=[built["programme"].pk])
    headers = {"HX-Request": "true", "HX-Target": "assign-preview"}
    start = (timezone.localdate() + timedelta(days=7)).isoformat()

    def preview(*athletes):
        data = {"athletes": [a.pk for a in athletes], "starts_on": start}
        return client.post(url, data, headers=headers).content.decode()

    body = preview(athlete)
    assert "Ada Athlete" in body and "Confirm and assign" in body
    for chosen in [(other_athlete,), (athlete, other_athlete)]:
        body = preview(*chosen)
        assert "Select a valid choice" in body and "Confirm and assign" not in body
        assert "Olga" not in body
    # Once the coaching ends, the athlete is off the roster.
    Coaching.objects.filter(coach=coach, athlete=athlete).update(ended_at=timezone.now())
    body = preview(athlete)
    assert "Select a valid choice" in body and "Ada Athlete" not in body


# Keeping athletes in step, and placement warnings -------------------------------------

SUNDAY = datetime(2026, 12, 13, 9, 0, tzinfo=UTC)
TUESDAY = datetime(2026, 12, 15, 18, 0, tzinfo=UTC)


def _clash_week(coach, names=("Ann Hardday", "Ben Noprofile"), profiles=(True, False)):
    """Hard sessions Tuesday and Thursday, long run Sunday (for those with a profile);
    the plan puts hamstring strength on Tuesday in weeks 1 and 2, calf hops on Saturday."""
    from athletes.services import roster_add
    from tests.factories import AthleteFactory, MuscleFactory, MuscleGroupFactory

    hams = MuscleFactory(slug="biceps-femoris", group=MuscleGroupFactory(slug="hamstrings"))
    calves = MuscleFactory(slug="soleus", group=MuscleGroupFactory(slug="calves"))
    from library.models import Exercise

    curl = Exercise.objects.filter(name="Nordic hamstring curl").first() or ExerciseFactory(
        name="Nordic hamstring curl", primary_muscles=[hams]
    )
    hops = Exercise.objects.filter(name="Pogo hops").first() or ExerciseFactory(
        name="Pogo hops", primary_muscles=[calves]
    )
    programme = ProgrammeFactory(owner=coach, title="Clash block", weeks=2)
    for week, day, title, kind, exercise in (
        (1, 1, "Hamstring strength", "strength", curl),
        (1, 5, "Calf hops", "plyometric", hops),
        (2, 1, "Hamstring strength", "strength", curl),
    ):
        workout = WorkoutFactory(programme=programme, week=week, day=day, title=title, kind=kind)
        PrescriptionFactory(
            workout=workout, exercise=exercise, sets=3, reps_min=5, reps_max=5, rest_seconds=None
        )
    athletes = []
    for name, profile in zip(names, profiles, strict=True):
        athlete = AthleteFactory(name=name)
        if profile:
            AthleteProfileFactory(user=athlete, hard_days=[1, 3], long_run_day=6)
        roster_add(coach=coach, athlete=athlete)
        athletes.append(athlete)
    return programme, athletes


def _edit_sets(client, programme, item, sets):
    url = reverse("coaching:prescription_update", args=[programme.pk, item.pk])
    item.refresh_from_db()
    data = {
        "sets": sets,
        "reps_min": item.reps_min,
        "reps_max": item.reps_max,
        "tempo": item.tempo,
        "version": item.version,
    }
    assert client.post(url, data).status_code == 302


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_assign_on_sunday_move_edit_on_tuesday_see_who_is_behind_and_push(client, coach):
    with time_machine.travel(SUNDAY, tick=False):
        programme, (ann, ben) = _clash_week(coach)
        client.force_login(coach)
        assign = reverse("coaching:programme_assign", args=[programme.pk])
        data = {"athletes": [ann.pk, ben.pk], "starts_on": "2026-12-14"}
        preview = client.post(assign, data, headers={"HX-Request": "true"}).content.decode()
        # Monday and Wednesday are the days before hard runs, Saturday before the long run.
        assert (
            "Strength on a hard-run day: move Tue 15 Dec Hamstring strength to Fri 18 Dec."
            in preview
        )
        # Friday is taken by then.
        assert (
            "Heavy leg strength the day before the long run: Sat 19 Dec Calf hops; no day "
            "that week fits every rule." in preview
        )
        assert "start date" not in preview
        response = client.post(assign, {**data, "confirm": "yes"}, follow=True)
        assert "Clash block assigned to 2 athletes." in _messages(response)
        page = response.content.decode()
        assert "3 sessions on poor days" in page
        for move in (
            'Move to Fri 18 Dec<span class="visually-hidden">: Tue 15 Dec Hamstring strength '
            "(Ann Hardday)",
            'Move to Fri 25 Dec<span class="visually-hidden">: Tue 22 Dec Hamstring strength '
            "(Ann Hardday)",
        ):
            assert move in page
        assert '<input type="hidden" name="date" value="2026-12-18">' in page

        # One click, with htmx: the session moves and the page's panels come back.
        tuesday = ScheduledSession.objects.get(athlete=ann, week=1, title="Hamstring strength")
        moved = client.post(
            reverse("coaching:session_move", args=[tuesday.pk]),
            {"date": "2026-12-18"},
            headers={"HX-Request": "true"},
        )
        body = moved.content.decode()
        assert moved.status_code == 200 and "<html" not in body
        assert body.lstrip().startswith('<div id="programme-assignments"')
        assert "Hamstring strength for Ann Hardday moved to Fri 18 Dec." in body  # the toast
        assert "Tue 15 Dec Hamstring strength (Ann Hardday)" not in body
        tuesday.refresh_from_db()
        assert tuesday.date == date(2026, 12, 18) and tuesday.adjusted_by_coach

    with time_machine.travel(TUESDAY, tick=False):
        ben_tuesday = ScheduledSession.objects.get(athlete=ben, week=1, title="Hamstring strength")
        SessionLog.objects.create(session=ben_tuesday, athlete=ben, done_on=ben_tuesday.date)
        for item in Prescription.objects.filter(workout__programme=programme, sets=3):
            if item.exercise.name == "Nordic hamstring curl":
                _edit_sets(client, programme, item, 4)
        week2 = programme.workouts.get(week=2)
        bridge = ExerciseFactory(name="Single-leg bridge", sets=2, reps_min=10, reps_max=10)
        client.post(
            reverse("coaching:prescription_add", args=[programme.pk, week2.pk]),
            {"exercise": bridge.pk},
        )
        detail = client.get(programme.get_absolute_url()).content.decode()
        assert "2 athletes have an older version of this programme." in detail

        page = client.get(reverse("coaching:programme_assignments", args=[programme.pk]))
        text = page.content.decode()
        assert "2 athletes have an older version" in text
        assert (
            "Week 2 Tuesday, Hamstring strength: Nordic hamstring curl 3 × 5 reps → "
            "4 × 5 reps; Single-leg bridge added" in text
        )
        assert "Week 1 Friday, Hamstring strength: kept: you adjusted it for this athlete" in text
        assert text.count("Older version") == 2

        # A logged session cannot be moved; the page says why.
        refused = client.post(
            reverse("coaching:session_move", args=[ben_tuesday.pk]), {"date": "2026-12-18"}
        )
        assert "already logged" in " ".join(_messages(client.get(refused.url)))
        ben_tuesday.refresh_from_db()
        assert ben_tuesday.date == date(2026, 12, 15)

        assignments = Assignment.objects.filter(programme=programme)
        push = reverse("coaching:programme_push", args=[programme.pk])
        response = client.post(push, {"assignments": [a.pk for a in assignments]}, follow=True)
        assert _messages(response) == [
            "2 upcoming sessions updated for 2 athletes. 1 session you adjusted for one "
            "athlete was kept as it is."
        ]
        programme.refresh_from_db()
        assert {a.programme_version for a in assignments.all()} == {programme.version}
        assert "older version" not in response.content.decode()
        tuesday.refresh_from_db()
        assert tuesday.date == date(2026, 12, 18)
        assert list(tuesday.prescriptions.values_list("sets", flat=True)) == [3]
        ann_week2 = ScheduledSession.objects.get(athlete=ann, week=2, title="Hamstring strength")
        assert list(ann_week2.prescriptions.values_list("sets", flat=True)) == [4, 2]

        again = client.post(push, {"assignments": [assignments[0].pk]}, follow=True)
        assert _messages(again)[0].startswith("Nothing to update")


def test_push_message_reads_naturally_for_one(client, coach):
    with time_machine.travel(SUNDAY, tick=False):
        programme, (ann,) = _clash_week(coach, names=("Ann",), profiles=(True,))
        from coaching import services

        services.programme_assign(
            coach=coach, programme=programme, athletes=[ann], starts_on=date(2026, 12, 14)
        )
        client.force_login(coach)
        _edit_sets(client, programme, programme.workouts.get(week=2).prescriptions.get(), 4)
        client.get(reverse("coaching:programme_list"))  # shows "saved"
        response = client.post(
            reverse("coaching:programme_push", args=[programme.pk]),
            {"assignments": [Assignment.objects.get().pk]},
            follow=True,
        )
    assert _messages(response) == ["1 upcoming session updated for 1 athlete."]


def test_copy_view_names_the_copy(client, coach, built):
    client.force_login(coach)
    url = reverse("coaching:programme_copy", args=[built["template"].pk])
    client.post(url)
    response = client.post(url, follow=True)
    assert "Library template (copy 2) is now yours to adapt." in _messages(response)


def test_week_copy_message_counts_in_the_singular(client, coach, built):
    client.force_login(coach)
    response = client.post(
        reverse("coaching:week_copy", args=[built["programme"].pk]),
        {"from_week": 1, "to_week": 2},
        follow=True,
    )
    assert "1 workout copied into week 2." in _messages(response)


@pytest.mark.parametrize("persona", PERSONAS)
def test_session_move_access(as_persona, persona, built):
    session = built["session"]
    before = session.date
    response = as_persona(persona).post(
        reverse("coaching:session_move", args=[session.pk]),
        {"date": (before + timedelta(days=1)).isoformat()},
    )
    session.refresh_from_db()
    expected = EXPECTED[persona]
    if expected == "login":
        assert response.status_code == 302 and "/accounts/login/" in response.url
    elif expected == "ok":
        assert response.status_code == 302
        assert response.url == reverse(
            "coaching:programme_assignments", args=[built["programme"].pk]
        )
        assert session.date == before + timedelta(days=1) and session.adjusted_by_coach
    else:
        assert response.status_code == expected
    if persona != "coach":
        assert session.date == before and not session.adjusted_by_coach


def test_session_move_refuses_a_bad_date(client, coach, built):
    client.force_login(coach)
    session = built["session"]
    url = reverse("coaching:session_move", args=[session.pk])
    for value in ("", "soon", (session.date - timedelta(days=3)).isoformat()):
        response = client.post(url, {"date": value}, follow=True)
        assert response.status_code == 200 and _messages(response)
        assert not any("moved" in m for m in _messages(response))
    session.refresh_from_db()
    assert not session.adjusted_by_coach


def test_assignments_page_htmx_returns_its_panels(client, coach, built):
    client.force_login(coach)
    url = reverse("coaching:programme_assignments", args=[built["programme"].pk])
    partial = client.get(
        url, headers={"HX-Request": "true", "HX-Target": "programme-assignments"}
    ).content.decode()
    assert partial.lstrip().startswith('<div id="programme-assignments"')
    assert "<html" not in partial
    assert "<html" in client.get(url).content.decode()


@pytest.mark.parametrize("persona", PERSONAS)
def test_assignments_page_shows_who_is_behind_only_to_their_coach(as_persona, persona, built):
    from coaching import services

    services.workout_update(workout=built["workout"], title="Hamstrings B")
    response = as_persona(persona).get(
        reverse("coaching:programme_assignments", args=[built["programme"].pk])
    )
    if persona == "coach":
        assert "1 athlete has an older version" in response.content.decode()
    else:
        assert response.status_code in {302, 403, 404}
        assert b"older version" not in response.content


def test_assignments_and_builder_queries_same_for_2_and_20_athletes_behind(
    client, coach, django_assert_num_queries
):
    from athletes.services import roster_add
    from coaching import services
    from tests.factories import AthleteFactory

    client.force_login(coach)
    counts = []
    for size in (2, 20):
        with time_machine.travel(SUNDAY, tick=False):
            programme, athletes = _clash_week(
                coach, names=[f"A{size}-{n}" for n in range(size)], profiles=[True] * size
            )
            extra = AthleteFactory()
            roster_add(coach=coach, athlete=extra)
            services.programme_assign(
                coach=coach,
                programme=programme,
                athletes=athletes,
                starts_on=date(2026, 12, 14),
            )
            adjusted = ScheduledSession.objects.filter(athlete=athletes[0]).first()
            services.session_move(session=adjusted, to=date(2026, 12, 18))
            for item in Prescription.objects.filter(workout__programme=programme):
                services.prescription_update(prescription=item, version=item.version, sets=5)
            urls = [
                reverse("coaching:programme_assignments", args=[programme.pk]),
                programme.get_absolute_url(),
            ]
            found = []
            for url in urls:
                with CaptureQueriesContext(connection) as ctx:
                    body = client.get(url).content.decode()
                assert f"{size} athletes have an older version" in body
                found.append(len(ctx))
            # The preview for everyone, and a move with htmx (which renders the panels).
            preview = {"athletes": [a.pk for a in athletes], "starts_on": "2027-01-04"}
            with CaptureQueriesContext(connection) as ctx:
                body = client.post(
                    reverse("coaching:programme_assign", args=[programme.pk]),
                    preview,
                    headers={"HX-Request": "true", "HX-Target": "assign-preview"},
                ).content.decode()
            assert body.lower().count("strength on a hard-run day") == 2 * size
            found.append(len(ctx))
            session = ScheduledSession.objects.filter(athlete=athletes[-1], week=2).first()
            with CaptureQueriesContext(connection) as ctx:
                client.post(
                    reverse("coaching:session_move", args=[session.pk]),
                    {"date": "2026-12-25"},
                    headers={"HX-Request": "true"},
                )
            found.append(len(ctx))
            session.refresh_from_db()
            assert session.date == date(2026, 12, 25)
            counts.append(found)
    assert counts[0] == counts[1], counts


def test_builder_forms_print_from_their_fields_with_unique_ids(client, coach, built):
    client.force_login(coach)
    p = built["programme"]
    page = client.get(p.get_absolute_url()).content.decode()
    # The weeks' range comes from the form field: the programme has two.
    for name in ("id_workout_week", "id_from_week", "id_to_week"):
        field = re.search(rf'<input [^>]*id="{name}"[^>]*>', page).group(0)
        assert 'type="number"' in field and 'min="1"' in field and 'max="2"' in field, field
    assert 'maxlength="120"' in re.search(r'<input [^>]*id="id_programme_title"[^>]*>', page)[0]
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    response = client.post(
        reverse("coaching:week_copy", args=[p.pk]), {"from_week": "1", "to_week": "3"}
    )
    assert "less than or equal to 2" in response.content.decode()


def test_cached_calendar_holds_no_athlete_and_no_token(client, coach, athlete, built, stored):
    client.force_login(coach)
    start = (timezone.localdate() + timedelta(days=7)).isoformat()
    body = client.post(
        reverse("coaching:programme_assign", args=[built["programme"].pk]),
        {"athletes": [athlete.pk], "starts_on": start},
        headers={"HX-Request": "true", "HX-Target": "assign-preview"},
    ).content.decode()
    assert "Ada Athlete" in body and "Hamstrings A" in body
    (calendar,) = [value for value in stored if isinstance(value, str)]
    assert "Hamstrings A" in calendar and "Ada Athlete" not in calendar
    assert "csrfmiddlewaretoken" not in calendar
