"""A runner who plans their own strength work: coach and athlete at once, through a
coaching link to themself (athletes.services.self_coaching_start)."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from athletes import services
from athletes.models import AthleteProfile, Coaching, User
from athletes.selectors import athletes_coached_by, is_self_coached
from coaching.models import Assignment
from tests.conftest import PERSONAS
from tests.factories import (
    AthleteFactory,
    AthleteProfileFactory,
    ExerciseFactory,
    PrescriptionFactory,
    ProgrammeFactory,
    UserFactory,
    WorkoutFactory,
)

SIGNUP = {
    "name": "Sol Self",
    "email": "sol@test.example",
    "password1": "a-long-pass-phrase-2026",
    "password2": "a-long-pass-phrase-2026",
    "role": "both",
    "time_zone": "Europe/Madrid",
}


@pytest.fixture
def solo(db):
    user = UserFactory(email="solo@test.example", name="Sol Self")
    services.self_coaching_start(user=user)
    return user


def _programme(owner: User) -> "ProgrammeFactory":
    programme = ProgrammeFactory(owner=owner, title="My own block", weeks=1)
    workout = WorkoutFactory(programme=programme, week=1, day=1, title="Legs A")
    PrescriptionFactory(workout=workout, exercise=ExerciseFactory(name="Split squat"))
    return programme


# Sign-up --------------------------------------------------------------------------------


def test_signup_as_both_makes_a_self_coached_runner(client, db):
    response = client.post(reverse("signup"), SIGNUP)
    assert response.status_code == 302
    user = User.objects.get(email="sol@test.example")
    assert user.is_coach and user.is_athlete
    assert is_self_coached(user)
    assert list(athletes_coached_by(user)) == [user]
    assert user.athlete_profile.time_zone == "Europe/Madrid"
    assert user.coach_profile is not None


def test_signup_as_athlete_or_coach_is_not_self_coached(client, db):
    client.post(reverse("signup"), {**SIGNUP, "role": "athlete"})
    user = User.objects.get(email="sol@test.example")
    assert user.is_athlete and not user.is_coach and not is_self_coached(user)
    client.logout()
    client.post(reverse("signup"), {**SIGNUP, "email": "c@test.example", "role": "coach"})
    coach = User.objects.get(email="c@test.example")
    assert coach.is_coach and not is_self_coached(coach)
    assert not AthleteProfile.objects.filter(user=coach).exists()


def test_signup_time_zone_defaults_to_utc_and_offers_real_zones(client, db):
    body = client.get(reverse("signup")).content.decode()
    assert 'list="id_time_zone-list"' in body and 'value="UTC"' in body
    assert "data-browser-default" in body and "js/time-zone.js" in body
    datalist = body.split('<datalist id="id_time_zone-list">', 1)[1].split("</datalist>", 1)[0]
    assert '<option value="Europe/London">' in datalist
    assert '<option value="America/New_York">' in datalist
    for legacy in ("Factory", "localtime", "posixrules", "US/Eastern", "Asia/Calcutta", "GMT"):
        assert f'"{legacy}"' not in datalist
    data = {k: v for k, v in SIGNUP.items() if k != "time_zone"}
    client.post(reverse("signup"), data)
    assert User.objects.get(email="sol@test.example").athlete_profile.time_zone == "UTC"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("europe/london", "Europe/London"),
        ("New York", "America/New_York"),
        ("UTC", "UTC"),
        ("Etc/UTC", "UTC"),
        ("Asia/Calcutta", "Asia/Calcutta"),  # an alias a browser may report: still a place
    ],
)
def test_signup_time_zone_typed_by_hand_is_found(client, db, typed, stored):
    client.post(reverse("signup"), {**SIGNUP, "time_zone": typed})
    assert User.objects.get(email="sol@test.example").athlete_profile.time_zone == stored


@pytest.mark.parametrize("zone", ["Factory", "US/Eastern", "Mars/Olympus", "posixrules"])
def test_signup_refuses_an_unreal_time_zone_and_keeps_the_typing(client, db, zone):
    response = client.post(reverse("signup"), {**SIGNUP, "time_zone": zone})
    assert response.status_code == 200
    body = response.content.decode()
    assert f"{zone} is not a time zone we know" in body
    assert 'value="Sol Self"' in body and 'value="sol@test.example"' in body
    assert not User.objects.filter(email="sol@test.example").exists()


def test_signup_error_says_to_type_the_password_again(client, db):
    response = client.post(reverse("signup"), {**SIGNUP, "email": "not-an-email"})
    body = response.content.decode()
    assert "For your security, type your password again." in body
    assert "a-long-pass-phrase-2026" not in body  # never sent back
    assert 'value="Sol Self"' in body


def test_signup_error_without_a_typed_password_does_not_ask_to_retype(client, db):
    data = {**SIGNUP, "password1": "", "password2": ""}
    body = client.post(reverse("signup"), data).content.decode()
    assert "type your password again" not in body


# Invited sign-up -------------------------------------------------------------------------


def _invitation(coach, email="new@test.example") -> str:
    tokens = []

    def url(token: str) -> str:
        tokens.append(token)
        return f"http://testserver/accounts/invitations/{token}/"

    services.invitation_create(coach=coach, email=email, accept_url=url)
    return reverse("invitation_accept", args=[tokens[-1]])


def test_invited_signup_offers_only_the_athlete_role(client, coach):
    url = _invitation(coach)
    body = client.get(url).content.decode()
    assert "I am joining as" not in body and "A coach of runners" not in body
    assert 'name="time_zone"' in body
    data = {**SIGNUP, "email": "new@test.example", "role": "coach"}
    response = client.post(url, data)
    assert response.status_code == 302
    user = User.objects.get(email="new@test.example")
    assert user.is_athlete and not user.is_coach
    assert list(athletes_coached_by(coach).filter(pk=user.pk)) == [user]
    assert user.athlete_profile.time_zone == "Europe/Madrid"


def test_invited_signup_error_says_to_type_the_password_again(client, coach):
    url = _invitation(coach)
    data = {**SIGNUP, "email": "new@test.example", "password2": "something-else-2026"}
    body = client.post(url, data).content.decode()
    assert "For your security, type your password again." in body


# The profile switch ------------------------------------------------------------------


def _profile_data(user: User, **changes) -> dict:
    data = {"account-name": user.name}
    if user.is_athlete:
        data |= {
            "account-is_athlete": "on",
            "athlete-experience": "intermediate",
            "athlete-units": "kg",
            "athlete-time_zone": "UTC",
        }
    if user.is_coach:
        data["account-is_coach"] = "on"
    return {k: v for k, v in (data | changes).items() if v is not None}


def test_an_athlete_switches_to_planning_their_own_work_and_back(client, athlete, coach):
    client.force_login(athlete)
    body = client.get(reverse("profile")).content.decode()
    assert "I plan my own strength work" in body
    response = client.post(
        reverse("profile"), _profile_data(athlete, **{"account-self_coached": "on"}), follow=True
    )
    assert "You now plan your own strength work" in response.content.decode()
    athlete.refresh_from_db()
    assert athlete.is_coach and athlete.is_athlete and is_self_coached(athlete)
    # Their coach still coaches them.
    assert athlete in athletes_coached_by(coach)
    programme = _programme(athlete)
    (assignment,) = __import__("coaching.services", fromlist=["x"]).programme_assign(
        coach=athlete, programme=programme, athletes=[athlete], starts_on=timezone.localdate()
    )
    response = client.post(reverse("profile"), _profile_data(athlete), follow=True)
    assert "You no longer plan your own strength work" in response.content.decode()
    athlete.refresh_from_db()
    assert not is_self_coached(athlete)
    assert athlete.is_coach  # roles are the user's to change, below the switch
    assert Assignment.objects.filter(pk=assignment.pk).exists()  # the schedule stays
    assert Coaching.objects.filter(coach=athlete, athlete=athlete, ended_at__isnull=False).exists()
    assert athlete in athletes_coached_by(coach)


def test_planning_your_own_work_needs_the_athlete_role(client, solo):
    client.force_login(solo)
    data = _profile_data(solo, **{"account-self_coached": "on", "account-is_athlete": None})
    response = client.post(reverse("profile"), data)
    assert response.status_code == 200
    assert "Planning your own strength work means you train too" in response.content.decode()
    solo.refresh_from_db()
    assert solo.is_athlete and is_self_coached(solo)


def test_a_coach_can_start_planning_their_own_work(client, coach):
    client.force_login(coach)
    response = client.post(
        reverse("profile"), _profile_data(coach, **{"account-self_coached": "on"})
    )
    assert response.status_code == 302
    coach.refresh_from_db()
    assert coach.is_athlete and is_self_coached(coach)
    assert AthleteProfile.objects.filter(user=coach).exists()


def test_self_coaching_start_is_idempotent(solo):
    services.self_coaching_start(user=solo)
    assert Coaching.objects.filter(coach=solo, athlete=solo).count() == 1


# Access: the link to oneself opens nothing to anybody else -------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_self_coached_runner_is_seen_only_by_themself(as_persona, persona, solo):
    client = as_persona(persona)
    for name in ("roster:athlete_detail", "coaching:coach_athlete"):
        response = client.get(reverse(name, args=[solo.pk]))
        expected = {"anonymous": 302, "athlete": 403, "other_athlete": 403, "staff": 403}
        assert response.status_code == expected.get(persona, 404), (name, persona)


def test_self_coached_runner_sees_no_one_else(solo, athlete, other_athlete, coach):
    assert list(athletes_coached_by(solo)) == [solo]
    assert solo not in athletes_coached_by(coach) and athlete not in athletes_coached_by(solo)


def test_self_coached_runner_assigns_to_themself_and_not_to_others(client, solo, athlete):
    client.force_login(solo)
    programme = _programme(solo)
    url = reverse("coaching:programme_assign", args=[programme.pk])
    body = client.get(url).content.decode()
    assert "Sol Self (you)" in body
    assert "checked" in body.split("Sol Self (you)")[0].rsplit("<input", 1)[1]
    start = (timezone.localdate() + timedelta(days=7)).isoformat()
    preview = client.post(
        url,
        {"athletes": [solo.pk], "starts_on": start},
        headers={"HX-Request": "true", "HX-Target": "assign-preview"},
    ).content.decode()
    assert "Legs A" in preview and "Confirm and assign" in preview
    response = client.post(url, {"athletes": [solo.pk], "starts_on": start, "confirm": "yes"})
    assert response.status_code == 302
    assert Assignment.objects.get(programme=programme).athlete == solo
    messages = client.get(response.url).content.decode()
    assert "My own block is assigned to you" in messages
    refused = client.post(url, {"athletes": [athlete.pk], "starts_on": start, "confirm": "yes"})
    assert refused.status_code == 200
    assert not Assignment.objects.filter(athlete=athlete, programme=programme).exists()


def test_roster_and_detail_show_you_without_a_remove_button(client, solo):
    client.force_login(solo)
    cards = client.get(reverse("roster:athlete_list")).content.decode()
    assert "Sol Self (you)" in cards and "1 athlete" in cards
    detail = client.get(reverse("roster:athlete_detail", args=[solo.pk])).content.decode()
    assert "Remove from roster" not in detail and "Change this in your profile" in detail


@pytest.mark.parametrize("method", ["get", "post"])
def test_removing_yourself_from_the_roster_points_to_the_profile(client, solo, method):
    client.force_login(solo)
    response = getattr(client, method)(reverse("roster:athlete_remove", args=[solo.pk]))
    assert response.status_code == 302 and response.url == reverse("profile")
    assert is_self_coached(solo)
    body = client.get(response.url).content.decode()
    assert "untick" in body and "I plan my own strength work" in body


def test_inviting_yourself_is_refused_with_a_message_that_fits(client, solo, coach):
    client.force_login(solo)
    response = client.post(reverse("roster:invitation_create"), {"email": "SOLO@test.example"})
    assert "you already plan your own training" in response.content.decode()
    client.force_login(coach)
    response = client.post(reverse("roster:invitation_create"), {"email": "coach@test.example"})
    assert "To plan your own training" in response.content.decode()


def test_deleting_a_self_coached_account_leaves_others_untouched(client, solo, athlete, coach):
    client.force_login(solo)
    body = client.get(reverse("account_delete")).content.decode()
    assert "You coach no one else" in body and "athletes are released" not in body
    response = client.post(reverse("account_delete"), {"password": "correct-horse-battery-staple"})
    assert response.status_code == 302
    assert not User.objects.filter(email="solo@test.example").exists()
    assert not Coaching.objects.filter(coach_id=solo.pk).exists()
    assert athlete in athletes_coached_by(coach)


@pytest.mark.parametrize(
    ("count", "sentence"),
    [
        (0, "You coach no one else, so no athlete is affected."),
        (1, "Your athlete is released, not deleted"),
        (3, "Your 3 athletes are released, not deleted"),
    ],
)
def test_account_delete_counts_read_naturally(client, coach, count, sentence):
    for index in range(count):
        services.roster_add(coach=coach, athlete=AthleteFactory(email=f"a{index}@test.example"))
    services.self_coaching_start(user=coach)  # never counted as an athlete released
    client.force_login(coach)
    body = client.get(reverse("account_delete")).content.decode()
    assert sentence in body
    assert "0 athletes" not in body


def test_empty_roster_and_squad_say_so_in_words(client, coach):
    client.force_login(coach)
    body = client.get(reverse("roster:athlete_list")).content.decode()
    assert "No athletes yet" in body and "0 athletes" not in body
    squad = services.squad_create(coach=coach, name="Hills")
    body = client.get(reverse("roster:squad_detail", args=[squad.pk])).content.decode()
    assert "No athletes yet" in body and "0 athletes" not in body


# Query counts --------------------------------------------------------------------------


def _grow(coach: User, count: int, start: int = 0) -> None:
    for index in range(start, start + count):
        athlete = AthleteFactory(email=f"grow{index}@test.example")
        AthleteProfileFactory(user=athlete)
        services.roster_add(coach=coach, athlete=athlete)


def test_self_coached_pages_query_counts_do_not_grow(client, solo, django_assert_num_queries):
    AthleteProfileFactory(user=solo)
    client.force_login(solo)
    urls = [
        reverse("profile"),
        reverse("account_delete"),
        reverse("roster:athlete_list"),
        reverse("roster:athlete_detail", args=[solo.pk]),
        reverse("coaching:coach_dashboard"),
    ]
    _grow(solo, 2)
    counts = []
    for url in urls:
        cache.clear()
        with CaptureQueriesContext(connection) as small:
            assert client.get(url).status_code == 200
        counts.append(len(small))
    _grow(solo, 30, start=2)
    for url, count in zip(urls, counts, strict=True):
        cache.clear()
        with django_assert_num_queries(count):
            client.get(url)


def test_time_zone_list_without_zone_tab_still_leaves_out_non_places(monkeypatch):
    from athletes import forms

    monkeypatch.setattr(forms, "TZPATH", ())
    zones = forms.time_zone_suggestions.__wrapped__()
    assert zones[0] == "UTC" and "Europe/London" in zones
    assert not {"Factory", "localtime", "posixrules", "US/Eastern", "Etc/GMT+3"} & set(zones)


def test_self_coached_runner_sees_their_own_compliance_and_flags(client, solo):
    from coaching import services as coaching

    programme = _programme(solo)
    start = timezone.localdate() - timedelta(days=10)
    coaching.programme_assign(coach=solo, programme=programme, athletes=[solo], starts_on=start)
    session = solo.scheduled_sessions.order_by("date").first()
    coaching.session_log_open(session=session, by=solo, done_on=session.date)
    coaching.session_finish(session=session, by=solo, rpe=9, duration_minutes=30)
    client.force_login(solo)
    body = client.get(reverse("coaching:coach_dashboard")).content.decode()
    row = body.split("Sol Self (you)", 1)[1].split("</tr>", 1)[0]
    assert "RPE 9" in row and "1/1" in row
    # The review page of their own session works as for any athlete.
    page = client.get(reverse("coaching:coach_athlete", args=[solo.pk]))
    assert page.status_code == 200


def test_unticking_the_coach_role_while_planning_your_own_work_is_explained(client, solo):
    client.force_login(solo)
    data = _profile_data(solo, **{"account-self_coached": "on", "account-is_coach": None})
    response = client.post(reverse("profile"), data)
    assert "makes you your own coach" in response.content.decode()
    # Unticking both stops it.
    response = client.post(reverse("profile"), _profile_data(solo, **{"account-is_coach": None}))
    assert response.status_code == 302
    solo.refresh_from_db()
    assert not solo.is_coach and not is_self_coached(solo) and solo.is_athlete
