import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from athletes.models import AthleteProfile, Coaching, Invitation, Squad, User
from athletes.services import invitation_create
from coaching import services
from coaching.models import Assignment, Programme, ScheduledSession, SessionLog, SetLog
from tests.factories import (
    TEST_PASSWORD,
    AthleteProfileFactory,
    PrescriptionFactory,
    ProgrammeFactory,
    SquadFactory,
    WorkoutFactory,
)


@pytest.fixture
def trained(coach, athlete):
    """The athlete on the coach's programme, one set logged, in one of the coach's squads."""
    AthleteProfileFactory(user=athlete)
    programme = ProgrammeFactory(owner=coach, weeks=1)
    workout = WorkoutFactory(programme=programme, week=1, day=timezone.localdate().weekday())
    PrescriptionFactory(workout=workout)
    services.programme_assign(
        coach=coach, programme=programme, athletes=[athlete], starts_on=timezone.localdate()
    )
    session = ScheduledSession.objects.get(athlete=athlete)
    services.set_log_record(
        session=session,
        prescription=session.prescriptions.get(),
        set_number=1,
        side="",
        by=athlete,
        reps=8,
    )
    squad = SquadFactory(coach=coach)
    squad.members.add(athlete)
    invitation_create(coach=coach, email="new@test.example", accept_url=lambda t: t)
    return session


def test_account_delete_page_explains_what_goes_and_links_the_export(client, athlete):
    client.force_login(athlete)
    response = client.get(reverse("account_delete"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "injury notes" in body
    assert 'name="password"' in body
    assert reverse("coaching:athlete_export") in body


def test_account_delete_page_tells_a_coach_their_athletes_stay(client, coach, athlete):
    client.force_login(coach)
    body = client.get(reverse("account_delete")).content.decode()
    assert "Your athlete is released, not deleted" in body
    assert reverse("coaching:athlete_export") not in body


def test_profile_links_to_account_deletion(client, athlete):
    client.force_login(athlete)
    body = client.get(reverse("profile")).content.decode()
    assert reverse("account_delete") in body


@pytest.mark.parametrize("password", ["", "wrong-password"])
def test_account_delete_with_wrong_password_keeps_everything(client, athlete, trained, password):
    client.force_login(athlete)
    response = client.post(reverse("account_delete"), {"password": password})
    assert response.status_code == 200
    body = response.content.decode()
    assert "This field is required." in body or "That is not your password." in body
    assert User.objects.filter(pk=athlete.pk).exists()
    assert SetLog.objects.count() == 1
    assert client.session[SESSION_KEY] == str(athlete.pk)


def test_account_delete_of_an_athlete_takes_their_data(client, coach, athlete, trained):
    client.force_login(athlete)
    response = client.post(reverse("account_delete"), {"password": TEST_PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("coaching:landing")
    assert not User.objects.filter(pk=athlete.pk).exists()
    assert not AthleteProfile.objects.exists()
    assert not Coaching.objects.exists()
    assert not Assignment.objects.exists()
    assert not ScheduledSession.objects.exists()
    assert not SessionLog.objects.exists() and not SetLog.objects.exists()
    assert Squad.objects.get().members.count() == 0
    # The coach keeps their account and programme.
    assert User.objects.filter(pk=coach.pk).exists() and Programme.objects.count() == 1
    # Signed out: the next page asks to sign in.
    assert client.get(reverse("coaching:home")).status_code == 302


def test_account_delete_of_a_coach_releases_their_athletes(client, coach, athlete, trained):
    client.force_login(coach)
    response = client.post(reverse("account_delete"), {"password": TEST_PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=coach.pk).exists()
    assert not Coaching.objects.exists()
    assert not Squad.objects.exists() and not Invitation.objects.exists()
    assert not Programme.objects.exists()
    # The athlete keeps everything that is theirs: account, profile, plan copy and logs.
    assert User.objects.filter(pk=athlete.pk).exists()
    assert AthleteProfile.objects.filter(user=athlete).exists()
    assignment = Assignment.objects.get(athlete=athlete)
    assert assignment.coach is None and assignment.programme is None
    assert ScheduledSession.objects.filter(athlete=athlete).count() == 1
    assert SetLog.objects.filter(log__athlete=athlete).count() == 1
    # ...and can still train on it.
    client.force_login(athlete)
    assert client.get(reverse("coaching:session_detail", args=[trained.pk])).status_code == 200
    assert client.get(reverse("coaching:train_home")).status_code == 200


def test_account_delete_leaves_other_sessions_of_the_user_signed_out(client, athlete, trained):
    other_browser = Client()
    other_browser.force_login(athlete)
    client.force_login(athlete)
    client.post(reverse("account_delete"), {"password": TEST_PASSWORD})
    response = other_browser.get(reverse("coaching:home"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_account_delete_needs_sign_in(client, db):
    response = client.get(reverse("account_delete"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
