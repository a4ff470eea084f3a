import copy

import pytest

from library.models import Exercise, ExerciseVariation, Muscle, Status, TechniqueGuide
from library.services import library_load

CONTENT = {
    "articles": [{"key": "a0", "title": "Hamstrings for runners", "summary": ""}],
    "groups": [{"slug": "hamstrings", "name": "Hamstrings", "description": "Pull the leg."}],
    "muscles": [
        {"slug": "biceps-femoris", "name": "Biceps femoris", "group": "hamstrings"},
        {"slug": "semitendinosus", "name": "Semitendinosus", "group": "hamstrings"},
    ],
    "equipment": [{"slug": "bodyweight", "name": "Bodyweight"}],
    "exercises": [
        {
            "slug": "nordic-curl",
            "name": "Nordic curl",
            "kind": "strength",
            "summary": "Kneel and lower.",
            "steps": ["Kneel.", "Lower slowly.", "Catch yourself."],
            "cues": ["Hips straight"],
            "safety": [],
            "primary_muscles": ["biceps-femoris", "semitendinosus"],
            "secondary_muscles": [],
            "equipment": ["bodyweight"],
            "unilateral": False,
            "emphasis": "eccentric",
            "prescription": {
                "sets": 3,
                "reps_min": 5,
                "reps_max": 5,
                "tempo": "5-0-1-0",
                "rest_seconds": 120,
                "note": "",
            },
            "prescription_from_article": True,
            "variations": [("bridge", "regression")],
            "sources": ["a0"],
        },
        {
            "slug": "bridge",
            "name": "Bridge",
            "kind": "activation",
            "summary": "Lift the hips.",
            "steps": ["Lie down.", "Lift.", "Lower."],
            "cues": ["Squeeze"],
            "primary_muscles": ["biceps-femoris"],
            "equipment": ["bodyweight"],
            "emphasis": "isometric",
            "prescription": {"sets": 2, "hold_seconds": 30},
            "variations": [],
            "sources": ["a0"],
        },
    ],
    "guides": [
        {
            "slug": "drive-phase",
            "title": "The drive phase",
            "summary": "Hip extension.",
            "body": "## Push back\n\nText.",
            "exercises": ["nordic-curl"],
            "muscle_groups": ["hamstrings"],
            "figures": [{"statement": "A figure.", "study": "Someone 2001"}],
            "sources": ["a0"],
        }
    ],
}


def _load(content=None):
    return library_load(**copy.deepcopy(content or CONTENT))


def test_loader_creates_published_content_with_links(db):
    report = _load()
    assert sorted(report.created) == ["bridge", "drive-phase", "nordic-curl"]
    nordic = Exercise.objects.get(slug="nordic-curl")
    assert nordic.status == Status.PUBLISHED
    assert nordic.tempo == "5-0-1-0" and nordic.prescription_from_source
    assert set(nordic.primary_muscles.values_list("slug", flat=True)) == {
        "biceps-femoris",
        "semitendinosus",
    }
    assert ExerciseVariation.objects.get(exercise=nordic).variant.slug == "bridge"
    guide = TechniqueGuide.objects.get(slug="drive-phase")
    assert guide.figures.get().study == "Someone 2001"
    assert list(guide.exercises.all()) == [nordic]


def test_loader_run_twice_duplicates_nothing(db):
    _load()
    counts = (Exercise.objects.count(), Muscle.objects.count(), ExerciseVariation.objects.count())
    report = _load()
    assert report.created == [] and report.updated == []
    assert counts == (
        Exercise.objects.count(),
        Muscle.objects.count(),
        ExerciseVariation.objects.count(),
    )
    assert TechniqueGuide.objects.get().figures.count() == 1


def test_loader_never_overwrites_a_curators_edit(db):
    _load()
    Exercise.objects.filter(slug="nordic-curl").update(
        summary="Edited by our curator", is_curated=True, status=Status.DRAFT
    )
    changed = copy.deepcopy(CONTENT)
    changed["exercises"][0]["summary"] = "New text from the content files"
    report = _load(changed)
    nordic = Exercise.objects.get(slug="nordic-curl")
    assert nordic.summary == "Edited by our curator"
    assert nordic.status == Status.DRAFT
    assert "nordic-curl" in report.kept_curated


def test_loader_updates_rows_nobody_curated_when_content_changes(db):
    _load()
    changed = copy.deepcopy(CONTENT)
    changed["exercises"][1]["summary"] = "Lift the hips and hold."
    report = _load(changed)
    assert report.updated == ["bridge"]
    assert Exercise.objects.get(slug="bridge").summary == "Lift the hips and hold."


def test_loader_rejects_content_with_a_bad_tempo_and_writes_nothing(db):
    from django.core.exceptions import ValidationError

    broken = copy.deepcopy(CONTENT)
    broken["exercises"][1]["prescription"]["tempo"] = "slowly"
    with pytest.raises(ValidationError):
        _load(broken)
    assert Exercise.objects.count() == 0
