import io

import pytest
from django.core.management import CommandError, call_command

from athletes.models import AthleteProfile, Coaching, Squad, User
from athletes.selectors import athletes_coached_by
from coaching.demo import DEMO_PASSWORD


def _load_demo() -> str:
    out = io.StringIO()
    call_command("load_demo", "--allow-production", stdout=out)
    return out.getvalue()


def test_demo_data_gives_the_coach_a_roster_in_two_squads(db):
    output = _load_demo()
    assert "coach@example.com" in output and "runner@example.com" in output
    assert DEMO_PASSWORD in output
    coach = User.objects.get(email="coach@example.com")
    assert coach.check_password(DEMO_PASSWORD)
    roster = athletes_coached_by(coach)
    assert roster.count() == 6
    assert AthleteProfile.objects.filter(user__in=roster).count() == 6
    assert sorted(Squad.objects.filter(coach=coach).values_list("name", flat=True)) == [
        "Marathon group",
        "Track 5k-10k",
    ]


def test_demo_data_twice_changes_and_loses_nothing(db):
    _load_demo()
    runner = User.objects.get(email="runner@example.com")
    runner.set_password("my-own-new-password")
    runner.save()
    AthleteProfile.objects.filter(user=runner).update(injury_notes="Edited while trying it")
    counts = (User.objects.count(), Coaching.objects.count(), Squad.objects.count())
    _load_demo()
    assert counts == (User.objects.count(), Coaching.objects.count(), Squad.objects.count())
    runner.refresh_from_db()
    assert runner.check_password("my-own-new-password")
    assert runner.athlete_profile.injury_notes == "Edited while trying it"


def test_demo_data_refuses_to_run_in_production(db):
    with pytest.raises(CommandError, match="refusing with DEBUG off"):
        call_command("load_demo")


def test_demo_training_gives_every_page_something_real(db, client):
    from django.urls import reverse

    from coaching.models import SessionLog

    call_command("load_library", stdout=io.StringIO())
    call_command("load_templates", stdout=io.StringIO())
    output = _load_demo()
    assert "three weeks of logged sessions" in output
    runner = User.objects.get(email="runner@example.com")
    logs = SessionLog.objects.filter(athlete=runner)
    assert logs.count() >= 4 and logs.filter(rpe__isnull=False).count() == logs.count()
    _load_demo()
    assert SessionLog.objects.filter(athlete=runner).count() == logs.count()
    client.force_login(runner)
    for name in ("train_home", "train_history", "train_progress"):
        assert client.get(reverse(f"coaching:{name}")).status_code == 200
    client.force_login(User.objects.get(email="coach@example.com"))
    body = client.get(reverse("coaching:coach_dashboard")).content.decode()
    assert "Riley Runner" in body and "Pain 5" in body


def test_demo_solo_runner_plans_their_own_training(db, client):
    from django.urls import reverse

    from athletes.selectors import is_self_coached
    from coaching.models import SessionLog

    call_command("load_library", stdout=io.StringIO())
    call_command("load_templates", stdout=io.StringIO())
    output = _load_demo()
    assert "solo@example.com" in output and "plans their own" in output
    solo = User.objects.get(email="solo@example.com")
    assert solo.check_password(DEMO_PASSWORD)
    assert is_self_coached(solo)
    assert list(athletes_coached_by(solo)) == [solo]
    assignment = solo.assignments.get()
    assert assignment.coach == solo and assignment.programme.owner == solo
    assert SessionLog.objects.filter(athlete=solo).count() == 2
    # Again: nothing added, nothing lost.
    counts = (Coaching.objects.count(), SessionLog.objects.count(), solo.assignments.count())
    _load_demo()
    assert counts == (
        Coaching.objects.count(),
        SessionLog.objects.count(),
        solo.assignments.count(),
    )
    client.force_login(solo)
    # Sam runs in miles: the 48.28 km kept reads back as the 30 mi they would type.
    profile = client.get(reverse("profile")).content.decode()
    assert "Weekly running (mi)" in profile and 'value="30"' in profile
    body = client.get(reverse("coaching:coach_dashboard")).content.decode()
    assert "Sam Solo (you)" in body
    assert client.get(reverse("coaching:train_history")).status_code == 200
