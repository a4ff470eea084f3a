import pytest
from django.core.exceptions import ValidationError

from library.tempo import Tempo, describe_tempo, validate_tempo


@pytest.mark.parametrize(
    ("tempo", "words"),
    [
        ("3-0-1-0", "Lower for 3 s, no pause, lift in 1 s"),
        ("4-1-X-0", "Lower for 4 s, hold 1 s at the bottom, lift explosively"),
        ("2-0-2-2", "Lower for 2 s, no pause, lift in 2 s, hold 2 s at the top"),
        ("3010", "Lower for 3 s, no pause, lift in 1 s"),
        (" 3-0-1-0 ", "Lower for 3 s, no pause, lift in 1 s"),
        ("x-0-x-0", "Drop quickly, no pause, lift explosively"),
    ],
)
def test_tempo_is_shown_in_words(tempo, words):
    assert describe_tempo(tempo) == words


@pytest.mark.parametrize("bad", ["3-0-1", "3-0-1-0-0", "a-b-c-d", "11-0-1-0", "-1-0-1-0", "3 0 1"])
def test_invalid_tempo_is_refused_with_an_example(bad):
    with pytest.raises(ValidationError) as error:
        validate_tempo(bad)
    assert "for example 3-0-1-0" in str(error.value)


def test_describe_tempo_of_garbage_is_empty_not_an_error():
    assert describe_tempo("fast") == ""
    assert describe_tempo("") == ""


def test_eccentric_emphasis_means_slow_lowering():
    assert Tempo.parse("3-0-1-0").is_eccentric_emphasis
    assert not Tempo.parse("1-0-1-0").is_eccentric_emphasis
    assert not Tempo.parse("X-0-X-0").is_eccentric_emphasis
    assert Tempo.parse("4-1-X-0").seconds_per_rep == 5
