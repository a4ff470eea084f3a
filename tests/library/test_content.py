from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from library.models import Exercise, KeyFigure, MuscleGroup, Status, TechniqueGuide
from tests.library.article_inventory import INVENTORY

GUIDE_TOPICS = [
    "hip-extension-drive-phase",
    "heel-lift-recovery-phase",
    "concentric-vs-eccentric",
    "stability-and-posture",
    "antagonist-co-activation",
    "activation-before-a-run",
    "muscles-for-running-faster",
]


@pytest.fixture
def loaded_library(db):
    call_command("load_library", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_every_exercise_and_guide_the_articles_describe_is_published(loaded_library):
    published_exercises = set(Exercise.objects.published().values_list("slug", flat=True))
    published_guides = set(TechniqueGuide.objects.published().values_list("slug", flat=True))
    for article, items in INVENTORY.items():
        missing = set(items["exercises"]) - published_exercises
        assert not missing, f"{article}: exercises missing {missing}"
        missing = set(items["guides"]) - published_guides
        assert not missing, f"{article}: guides missing {missing}"
    assert set(GUIDE_TOPICS) <= published_guides


def test_the_families_the_articles_teach_are_complete(loaded_library):
    slugs = set(Exercise.objects.values_list("slug", flat=True))
    assert {"conventional-deadlift", "romanian-deadlift", "single-leg-romanian-deadlift"} <= slugs
    curls = {s for s in slugs if s.endswith("hamstring-curl")}
    assert len(curls) >= 5, curls
    bound = Exercise.objects.get(slug="straight-leg-bound")
    assert bound.distance_m == 50
    assert "100" in bound.prescription_note


def test_loaded_content_is_sane(loaded_library):
    for exercise in Exercise.objects.prefetch_related("primary_muscles"):
        assert exercise.primary_muscles.all(), exercise.slug
        assert len(exercise.step_list) >= 3, exercise.slug
        assert exercise.target_text, exercise.slug
        if exercise.tempo:
            assert exercise.tempo_in_words, exercise.slug
    assert MuscleGroup.objects.count() == 10
    assert KeyFigure.objects.exclude(study="").exists(), "study figures must be marked"


def test_loading_again_changes_nothing(loaded_library):
    before = sorted(Exercise.objects.values_list("slug", "updated_at"))
    call_command("load_library", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert sorted(Exercise.objects.values_list("slug", "updated_at")) == before


def test_every_library_page_of_the_real_content_renders(loaded_library, client, athlete):
    client.force_login(athlete)
    for exercise in Exercise.objects.filter(status=Status.PUBLISHED):
        assert client.get(exercise.get_absolute_url()).status_code == 200, exercise.slug
    for guide in TechniqueGuide.objects.all():
        body = client.get(guide.get_absolute_url()).content.decode()
        assert "<h2>" in body, guide.slug
    for group in MuscleGroup.objects.all():
        assert client.get(group.get_absolute_url()).status_code == 200
    assert client.get(reverse("library:exercise_list")).status_code == 200


def test_the_project_never_reads_the_shared_folder():
    offenders = []
    for path in Path(settings.BASE_DIR).rglob("*.py"):
        if ".venv" in path.parts or "tests" in path.parts:
            continue
        if "shared/seeds" in path.read_text() or "../shared" in path.read_text():
            offenders.append(str(path))
    assert offenders == []
