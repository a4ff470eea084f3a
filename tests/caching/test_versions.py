"""Cached reads of training data (caching/versions.py) are never stale: every change a
user makes shows on the next request, whichever way it was written."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.cache import cache
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from athletes.services import roster_remove
from caching import versions
from coaching import selectors, services
from coaching.models import Assignment, ScheduledPrescription, ScheduledSession
from tests.factories import ExerciseFactory, PrescriptionFactory, ProgrammeFactory, WorkoutFactory

TODAY = timezone.localdate()


@pytest.fixture
def session(athlete):
    session = ScheduledSession.objects.create(athlete=athlete, date=TODAY, title="Hams")
    ScheduledPrescription.objects.create(
        session=session, exercise=ExerciseFactory(name="Nordic curl"), sets=3, reps_min=5
    )
    return session


def _prescription(session):
    return session.prescriptions.get()


def test_a_logged_set_shows_on_the_next_read(athlete, session):
    assert not hasattr(selectors.session_for_logging(athlete, session.pk), "log")

    services.set_log_record(
        session=session, prescription=_prescription(session), set_number=1, side="", by=athlete
    )

    after = selectors.session_for_logging(athlete, session.pk)
    assert [s.set_number for s in after.log.sets.all()] == [1]


def test_reads_are_served_from_the_cache_until_something_changes(
    athlete, session, django_assert_num_queries
):
    selectors.session_for_logging(athlete, session.pk)
    with django_assert_num_queries(1):  # the access check, never cached
        selectors.session_for_logging(athlete, session.pk)

    session.title = "Hamstrings"
    session.save()

    assert selectors.session_for_logging(athlete, session.pk).title == "Hamstrings"


def test_the_dashboard_counts_a_session_logged_after_it_was_cached(client, coach, athlete):
    assignment = Assignment.objects.create(
        programme=ProgrammeFactory(owner=coach),
        title="Block",
        coach=coach,
        athlete=athlete,
        starts_on=TODAY - timedelta(days=7),
    )
    session = ScheduledSession.objects.create(
        athlete=athlete, assignment=assignment, date=TODAY - timedelta(days=1), title="Hams"
    )
    client.force_login(coach)
    assert 'title="0/1"' in client.get(reverse("coaching:coach_dashboard")).text
    assert "RPE 9<" not in client.get(reverse("coaching:coach_dashboard")).text

    services.session_finish(session=session, by=athlete, rpe=9, duration_minutes=30)

    page = client.get(reverse("coaching:coach_dashboard")).text
    assert 'title="1/1"' in page
    assert "RPE 9<" in page


def _programme(coach):
    programme = ProgrammeFactory(owner=coach)
    PrescriptionFactory(workout=WorkoutFactory(programme=programme, week=1, day=1))
    return programme


def test_an_assignment_made_in_bulk_shows_on_the_athletes_week(coach, athlete):
    before = selectors.train_overview(athlete, TODAY)
    assert before["next_session"] is None and not before["week"] and not before["today_sessions"]

    services.programme_assign(
        coach=coach, programme=_programme(coach), athletes=[athlete], starts_on=TODAY
    )

    after = selectors.train_overview(athlete, TODAY)
    assert after["today_sessions"] or after["week"] or after["next_session"]


def test_a_coach_removed_from_the_roster_loses_a_session_read_they_had_cached(
    coach, athlete, session
):
    assert selectors.session_for_logging(coach, session.pk) == session
    selectors.session_for_logging(coach, session.pk)

    roster_remove(coach=coach, athlete=athlete)

    with pytest.raises(Http404):
        selectors.session_for_logging(coach, session.pk)


def test_a_curator_renaming_an_exercise_renames_it_in_cached_sessions(athlete, session):
    assert _prescription(selectors.session_for_logging(athlete, session.pk)).exercise.name == (
        "Nordic curl"
    )

    exercise = _prescription(session).exercise
    exercise.name = "Nordic hamstring curl"
    exercise.save()

    cached = selectors.session_for_logging(athlete, session.pk)
    assert cached.prescriptions.all()[0].exercise.name == "Nordic hamstring curl"


def test_a_change_is_marked_again_when_its_transaction_commits(
    athlete, session, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        versions.changed([athlete.pk])
    token = versions.versions([athlete.pk])

    for callback in callbacks:
        callback()

    # A read made between the write and its commit was stored under the first token.
    assert versions.versions([athlete.pk]) != token


def test_an_evicted_token_never_brings_back_an_old_entry(athlete, session):
    selectors.session_for_logging(athlete, session.pk)
    session.title = "Changed behind the cache"
    ScheduledSession.objects.filter(pk=session.pk).update(title=session.title)
    cache.delete(versions.version_key(athlete.pk))  # evicted, or Redis restarted

    assert selectors.session_for_logging(athlete, session.pk).title == "Changed behind the cache"


def test_reads_come_from_the_database_when_the_cache_fails(athlete, session):
    with mock.patch.object(cache, "get_many", side_effect=ConnectionError("cache down")):
        assert selectors.train_overview(athlete, TODAY)["today_sessions"] == [session]


def test_without_a_shared_cache_every_read_comes_from_the_database(
    athlete, session, settings, django_assert_num_queries
):
    # Per-process memory caches would each keep their own tokens and serve stale reads.
    settings.CACHE_READS = False
    selectors.session_for_logging(athlete, session.pk)
    with django_assert_num_queries(4):  # access, the session, its prescriptions, its log
        selectors.session_for_logging(athlete, session.pk)


def test_an_athletes_csv_holds_a_set_logged_after_it_was_downloaded(
    client, coach, athlete, session
):
    client.force_login(coach)
    url = reverse("coaching:coach_export")
    query = {"athlete": athlete.pk, "download": "1"}

    def download() -> str:
        return b"".join(client.get(url, query).streaming_content).decode()

    assert download().count("\r\n") == 1  # the header only
    download()

    services.set_log_record(
        session=session, prescription=_prescription(session), set_number=1, side="", by=athlete
    )

    assert download().count("\r\n") == 2


def test_ending_a_link_without_signals_closes_every_page_of_the_athlete_at_once(
    client, coach, athlete, session
):
    """Access is decided by the scoped query on every request, never by what is cached:
    a link ended by update() (a data migration, a restore) sends no signal and replaces no
    token, and still the former coach gets 404 on the very next request."""
    from athletes.models import Coaching

    services.set_log_record(
        session=session, prescription=_prescription(session), set_number=1, side="", by=athlete
    )
    services.session_finish(session=session, by=athlete, rpe=6, duration_minutes=30)
    client.force_login(coach)
    pages = [
        reverse("coaching:coach_session", args=[session.pk]),
        reverse("coaching:session_detail", args=[session.pk]),
        reverse("coaching:coach_athlete", args=[athlete.pk]),
        reverse("coaching:coach_athlete_export", args=[athlete.pk]),
        reverse("roster:athlete_detail", args=[athlete.pk]),
    ]
    for url in pages:  # twice: the second is served warm
        assert client.get(url).status_code == 200, url
        assert client.get(url).status_code == 200, url
    Coaching.objects.filter(coach=coach, athlete=athlete).update(ended_at=timezone.now())
    for url in pages:
        assert client.get(url).status_code == 404, url
        assert client.get(url, headers={"HX-Request": "true"}).status_code == 404, url
    set_post = client.post(
        reverse("coaching:set_log", args=[session.pk]),
        {"prescription": _prescription(session).pk, "set_number": 2, "reps": 5},
    )
    assert set_post.status_code == 404


def test_a_new_release_never_reads_what_the_previous_one_cached(settings, monkeypatch):
    # The same name, parts and versions: only the code differs, as after a deploy.
    settings.CACHE_READS = True
    assert versions.cached("shape", [], ("p",), lambda: {"old": 1}) == {"old": 1}
    monkeypatch.setattr(versions, "code_version", lambda: "next-release")
    assert versions.cached("shape", [], ("p",), lambda: {"new": 2}) == {"new": 2}
