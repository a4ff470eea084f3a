import pytest
from django.urls import reverse

from athletes.models import AthleteProfile
from tests.conftest import PERSONAS

VALID = {
    "account-name": "Ada Athlete",
    "account-is_athlete": "on",
    "athlete-goal_event": "marathon",
    "athlete-goal_date": "2027-04-25",
    "athlete-experience": "intermediate",
    "athlete-weekly_km": "55",
    "athlete-long_run_day": "6",
    "athlete-hard_days": ["1", "3"],
    "athlete-pb_marathon": "3:29:45",
    "athlete-pb_5k": "21:30",
    "athlete-units": "lb",
    "athlete-time_zone": "Europe/London",
    "athlete-injury_notes": "Tight calves.",
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_profile_access(as_persona, persona):
    response = as_persona(persona).get(reverse("profile"))
    if persona == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == 200
        body = response.content.decode()
        # A profile page shows only its owner's data.
        assert ("Running" in body) == (persona in {"athlete", "other_athlete"})


def test_athlete_saves_profile_and_coach_sees_it(client, athlete, coach):
    client.force_login(athlete)
    response = client.post(reverse("profile"), VALID)
    assert response.status_code == 302
    profile = AthleteProfile.objects.get(user=athlete)
    assert profile.hard_days == [1, 3]
    assert profile.pb_marathon.total_seconds() == 3 * 3600 + 29 * 60 + 45
    assert profile.pb_5k.total_seconds() == 21 * 60 + 30
    assert profile.units == "lb"
    body = client.get(reverse("profile")).content.decode()
    assert 'value="3:29:45"' in body and 'value="21:30"' in body
    client.force_login(coach)
    body = client.get(reverse("roster:athlete_detail", args=[athlete.pk])).content.decode()
    assert "Tight calves." in body and "Tuesday, Thursday" in body and "Sunday" in body


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("athlete-pb_marathon", "three hours", "Write the time as h:mm:ss or mm:ss"),
        ("athlete-weekly_km", "-5", "greater than or equal to 0"),
        ("athlete-weekly_km", "9999", "less than or equal to 400"),
        ("athlete-weekly_km", "30.123", "no more than 2 decimal places"),
        ("athlete-time_zone", "Mars/Olympus", "Mars/Olympus is not a time zone we know"),
        ("athlete-time_zone", "Factory", "Factory is not a time zone we know"),
        ("athlete-hard_days", ["6"], "Your long run day is already a hard day"),
        ("athlete-goal_date", "31/31/2027", "Enter a valid date"),
    ],
)
def test_bad_profile_input_is_explained_and_typing_kept(client, athlete, field, value, message):
    client.force_login(athlete)
    response = client.post(reverse("profile"), {**VALID, field: value})
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert "Tight calves." in body
    assert not AthleteProfile.objects.filter(user=athlete, injury_notes="Tight calves.").exists()


def test_a_user_keeps_at_least_one_role(client, athlete):
    client.force_login(athlete)
    data = {k: v for k, v in VALID.items() if k != "account-is_athlete"}
    response = client.post(reverse("profile"), data)
    assert "Keep at least one role" in response.content.decode()
    athlete.refresh_from_db()
    assert athlete.is_athlete


def test_a_coach_edits_a_coach_profile(client, coach):
    client.force_login(coach)
    response = client.post(
        reverse("profile"),
        {"account-name": "Cora", "account-is_coach": "on", "coach-club": "Harriers"},
    )
    assert response.status_code == 302
    assert coach.coach_profile.club == "Harriers"
