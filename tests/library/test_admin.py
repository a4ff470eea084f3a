import pytest
from django.test import Client
from django.urls import reverse

from library.models import Exercise, Status
from tests.conftest import PERSONAS
from tests.factories import ExerciseFactory, MuscleFactory

INLINE = "variations"


def _exercise_form(**overrides):
    data = {
        "name": "Slider hamstring curl",
        "slug": "slider-hamstring-curl",
        "kind": "strength",
        "status": "draft",
        "summary": "Curl the heels in on sliders.",
        "steps": "Lie on your back.\nCurl in.\nSlide out slowly.",
        "cues": "Hips high",
        "safety": "",
        "emphasis": "eccentric",
        "sets": "3",
        "reps_min": "8",
        "reps_max": "12",
        "tempo": "3-0-1-0",
        "rest_seconds": "60",
        "prescription_note": "",
        f"{INLINE}-TOTAL_FORMS": "1",
        f"{INLINE}-INITIAL_FORMS": "0",
        f"{INLINE}-MIN_NUM_FORMS": "0",
        f"{INLINE}-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def test_staff_adds_exercise_with_two_muscles_and_a_variation_then_publishes(
    client, staff, athlete
):
    biceps = MuscleFactory(slug="biceps-femoris", name="Biceps femoris")
    semi = MuscleFactory(slug="semitendinosus", name="Semitendinosus", group=biceps.group)
    nordic = ExerciseFactory(name="Nordic curl", slug="nordic-curl")
    client.force_login(staff)
    response = client.post(
        reverse("admin:library_exercise_add"),
        _exercise_form(
            primary_muscles=[biceps.pk, semi.pk],
            **{f"{INLINE}-0-variant": nordic.pk, f"{INLINE}-0-relation": "progression"},
        ),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    exercise = Exercise.objects.get(slug="slider-hamstring-curl")
    assert exercise.status == Status.DRAFT and exercise.is_curated
    assert exercise.primary_muscles.count() == 2
    assert exercise.variations.get().variant == nordic

    runner = Client()
    runner.force_login(athlete)
    assert b"Slider hamstring curl" not in runner.get(reverse("library:exercise_list")).content

    client.force_login(staff)
    client.post(
        reverse("admin:library_exercise_changelist"),
        {"action": "publish", "_selected_action": [exercise.pk]},
    )
    assert b"Slider hamstring curl" in runner.get(reverse("library:exercise_list")).content
    page = runner.get(exercise.get_absolute_url()).content.decode()
    assert "Nordic curl" in page and "Harder" in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"tempo": "slow"}, "for example 3-0-1-0"),
        ({"reps_min": "12", "reps_max": "8"}, "The highest reps must be at least the lowest"),
        ({"sets": "0"}, "greater than or equal to 1"),
    ],
)
def test_admin_explains_bad_tempo_and_ranges(client, staff, overrides, message):
    muscle = MuscleFactory()
    client.force_login(staff)
    response = client.post(
        reverse("admin:library_exercise_add"),
        _exercise_form(primary_muscles=[muscle.pk], **overrides),
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Exercise.objects.filter(slug="slider-hamstring-curl").exists()


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_staff_reach_the_admin(as_persona, persona):
    client = as_persona(persona)
    response = client.get(reverse("admin:library_exercise_changelist"))
    if persona == "staff":
        assert response.status_code == 200
    elif persona == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    else:
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))
        denied = as_persona(persona).get(response.url)
        assert b"not authorized to access this page" in denied.content


def test_admin_view_on_site_only_for_published(staff, client):
    published = ExerciseFactory()
    draft = ExerciseFactory(status=Status.DRAFT)
    client.force_login(staff)
    page = client.get(reverse("admin:library_exercise_change", args=[published.pk]))
    assert b"View on site" in page.content
    page = client.get(reverse("admin:library_exercise_change", args=[draft.pk]))
    assert b"View on site" not in page.content
