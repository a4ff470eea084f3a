import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from library.models import Exercise, ExerciseVariation
from tests.factories import ExerciseFactory


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        (
            {"sets": 3, "reps_min": 8, "reps_max": 10, "rest_seconds": 90},
            "3 × 8–10 reps · 1 min 30 s rest",
        ),
        ({"sets": 3, "reps_min": 6, "reps_max": 6, "per_side": True}, "3 × 6 reps per side"),
        (
            {"sets": 2, "reps_min": None, "reps_max": None, "hold_seconds": 30, "per_side": True},
            "2 × hold 30 s per side",
        ),
        (
            {"sets": 4, "reps_min": None, "reps_max": None, "distance_m": 50, "rest_seconds": 120},
            "4 × 50 m · 2 min rest",
        ),
        ({"sets": 1, "reps_min": None, "reps_max": None}, "1 set"),
    ],
)
def test_prescription_target_in_words(fields, text):
    exercise = Exercise(**{"sets": None, "reps_min": None, "reps_max": None, **fields})
    assert exercise.target_text == text


def test_reps_range_upside_down_is_refused_by_clean_and_database(db):
    exercise = ExerciseFactory.build(reps_min=12, reps_max=8)
    with pytest.raises(ValidationError) as error:
        exercise.clean()
    assert "reps_max" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        Exercise.objects.create(
            name="Upside", slug="upside", kind="strength", summary="x", reps_min=12, reps_max=8
        )


def test_single_reps_value_fills_the_other_end(db):
    exercise = ExerciseFactory.build(reps_min=5, reps_max=None)
    exercise.clean()
    assert exercise.reps_max == 5


def test_bad_tempo_fails_full_clean_with_a_clear_message(db):
    exercise = ExerciseFactory(tempo="3-0-1-0")
    exercise.tempo = "slow"
    with pytest.raises(ValidationError) as error:
        exercise.full_clean()
    assert "for example 3-0-1-0" in str(error.value.message_dict["tempo"])


def test_variation_cannot_point_at_itself_or_repeat(db):
    exercise, other = ExerciseFactory(), ExerciseFactory()
    ExerciseVariation.objects.create(exercise=exercise, variant=other, relation="progression")
    with pytest.raises(IntegrityError), transaction.atomic():
        ExerciseVariation.objects.create(exercise=exercise, variant=other, relation="alternative")
    with pytest.raises(IntegrityError), transaction.atomic():
        ExerciseVariation.objects.create(
            exercise=exercise, variant=exercise, relation="alternative"
        )


def test_lines_fields_become_lists_and_first_cue_is_key(db):
    exercise = ExerciseFactory(cues="Hips back\n\n  Slow down  \n", steps="One\nTwo")
    assert exercise.cue_list == ["Hips back", "Slow down"]
    assert exercise.key_cue == "Hips back"
    assert exercise.step_list == ["One", "Two"]
