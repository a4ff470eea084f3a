"""Weekly running volume, kept in km, read and typed in the runner's unit."""

import json
from decimal import Decimal

import pytest
from django.urls import reverse

from athletes.models import AthleteProfile
from athletes.units import km_from, km_to, weekly_volume_text


def _profile_post(units: str, volume: str) -> dict:
    return {
        "account-name": "Ada Athlete",
        "account-is_athlete": "on",
        "athlete-experience": "intermediate",
        "athlete-units": units,
        "athlete-time_zone": "UTC",
        "athlete-weekly_km": volume,
    }


@pytest.mark.parametrize("typed", ["30", "30.5", "0.01", "26.22", "248.54", "12"])
def test_a_distance_in_miles_reads_back_as_typed(typed):
    assert km_to(km_from(Decimal(typed), "mi"), "mi") == Decimal(typed)
    assert str(km_to(km_from(Decimal(typed), "mi"), "mi")) == typed


def test_weekly_volume_text_uses_the_runners_unit():
    assert weekly_volume_text(Decimal("48.28"), "lb") == "30 mi a week"
    assert weekly_volume_text(Decimal("50.00"), "kg") == "50 km a week"
    assert weekly_volume_text(Decimal("42.50"), "kg") == "42.5 km a week"
    assert weekly_volume_text(None, "kg") == ""


def test_runner_in_pounds_types_and_reads_miles_everywhere(client, athlete, coach):
    client.force_login(athlete)
    client.post(reverse("profile"), _profile_post("lb", ""))
    response = client.post(reverse("profile"), _profile_post("lb", "30"))
    assert response.status_code == 302
    profile = AthleteProfile.objects.get(user=athlete)
    assert profile.weekly_km == Decimal("48.28")
    body = client.get(reverse("profile")).content.decode()
    assert "Weekly running (mi)" in body and 'value="30"' in body
    export = json.loads(client.get(reverse("coaching:athlete_export")).content)
    assert Decimal(str(export["profile"]["weekly_km"])) == Decimal("48.28")
    assert export["profile"]["weekly_volume"]["unit"] == "mi"
    assert Decimal(str(export["profile"]["weekly_volume"]["value"])) == Decimal(30)
    client.force_login(coach)
    cards = client.get(reverse("roster:athlete_list")).content.decode()
    assert "30 mi a week" in cards
    detail = client.get(reverse("roster:athlete_detail", args=[athlete.pk])).content.decode()
    assert "30 mi a week" in detail


def test_runner_in_kilograms_types_and_reads_km(client, athlete, coach):
    client.force_login(athlete)
    client.post(reverse("profile"), _profile_post("kg", "42.5"))
    assert AthleteProfile.objects.get(user=athlete).weekly_km == Decimal("42.50")
    body = client.get(reverse("profile")).content.decode()
    assert "Weekly running (km)" in body and 'value="42.5"' in body
    client.force_login(coach)
    detail = client.get(reverse("roster:athlete_detail", args=[athlete.pk])).content.decode()
    assert "42.5 km a week" in detail


def test_changing_units_converts_the_volume_typed_under_the_old_label(client, athlete):
    client.force_login(athlete)
    client.post(reverse("profile"), _profile_post("kg", "50"))
    # The label said km when 50 was typed: switching to pounds keeps 50 km, read in miles.
    client.post(reverse("profile"), _profile_post("lb", "50"))
    assert AthleteProfile.objects.get(user=athlete).weekly_km == Decimal("50.00")
    body = client.get(reverse("profile")).content.decode()
    assert "Weekly running (mi)" in body and 'value="31.07"' in body
    client.post(reverse("profile"), _profile_post("lb", "31"))
    assert AthleteProfile.objects.get(user=athlete).weekly_km == km_from(Decimal(31), "mi")
    assert 'value="31"' in client.get(reverse("profile")).content.decode()


def test_too_much_running_is_refused_in_the_runners_unit(client, athlete):
    client.force_login(athlete)
    body = client.post(reverse("profile"), _profile_post("kg", "401")).content.decode()
    assert "less than or equal to 400" in body and 'value="401"' in body
    client.post(reverse("profile"), _profile_post("lb", ""))
    body = client.post(reverse("profile"), _profile_post("lb", "300")).content.decode()
    assert "less than or equal to 248.54" in body and 'value="300"' in body
    body = client.post(reverse("profile"), _profile_post("lb", "lots")).content.decode()
    assert "Enter a number" in body and 'value="lots"' in body
