"""Lifting tempo such as ``3-0-1-0``: seconds lowering, pausing at the bottom, lifting,
pausing at the top, with ``X`` for an explosive phase. Every page shows it in words."""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

TEMPO_PATTERN = re.compile(r"^([0-9]|10|X)-([0-9]|10|X)-([0-9]|10|X)-([0-9]|10|X)$")
EXPLOSIVE = "X"


@dataclass(frozen=True)
class Tempo:
    lowering: str
    bottom_pause: str
    lifting: str
    top_pause: str

    @classmethod
    def parse(cls, value: str) -> "Tempo":
        normalised = normalise_tempo(value)
        match = TEMPO_PATTERN.match(normalised)
        if not match:
            raise ValidationError(
                gettext_lazy(
                    "Write a tempo as four numbers of seconds separated by dashes: "
                    "lowering, pause, lifting, pause, for example 3-0-1-0. "
                    "Use X for an explosive phase; each part is 0 to 10."
                ),
                code="invalid_tempo",
            )
        return cls(*match.groups())

    def __str__(self) -> str:
        return f"{self.lowering}-{self.bottom_pause}-{self.lifting}-{self.top_pause}"

    @property
    def is_eccentric_emphasis(self) -> bool:
        """Lowering deliberately slower than lifting: the slow-lowering work runners need."""
        lowering = _seconds(self.lowering)
        lifting = _seconds(self.lifting)
        return lowering >= 3 and lowering > lifting

    @property
    def seconds_per_rep(self) -> int:
        return sum(_seconds(part) for part in self.phases)

    @property
    def phases(self) -> tuple[str, str, str, str]:
        return (self.lowering, self.bottom_pause, self.lifting, self.top_pause)

    def describe(self) -> str:
        """E.g. "Lower for 3 s, no pause, lift in 1 s"; a top pause is named only if held."""
        parts = [
            _lowering(self.lowering),
            _pause(self.bottom_pause, _("at the bottom")),
            _lifting(self.lifting),
        ]
        if self.top_pause not in {"0", EXPLOSIVE}:
            parts.append(_pause(self.top_pause, _("at the top")))
        text = ", ".join(parts)
        return text[:1].upper() + text[1:]


def normalise_tempo(value: str) -> str:
    compact = re.sub(r"\s+", "", str(value or "")).upper().replace("–", "-").replace("/", "-")
    if re.fullmatch(r"[0-9X]{4}", compact):
        # Coaches often write 3010 for 3-0-1-0.
        compact = "-".join(compact)
    return compact


def validate_tempo(value: str) -> None:
    Tempo.parse(value)


def describe_tempo(value: str) -> str:
    if not value:
        return ""
    try:
        return Tempo.parse(value).describe()
    except ValidationError:
        return ""


def _seconds(part: str) -> int:
    # An explosive phase takes well under a second; count it as zero.
    return 0 if part == EXPLOSIVE else int(part)


def _lowering(part: str) -> str:
    if part == EXPLOSIVE:
        return _("drop quickly")
    if part == "0":
        return _("lower without control time")
    return _("lower for %(seconds)s s") % {"seconds": part}


def _lifting(part: str) -> str:
    if part == EXPLOSIVE:
        return _("lift explosively")
    if part == "0":
        return _("lift at once")
    return _("lift in %(seconds)s s") % {"seconds": part}


def _pause(part: str, where: str) -> str:
    if part in {"0", EXPLOSIVE}:
        return _("no pause")
    return _("hold %(seconds)s s %(where)s") % {"seconds": part, "where": where}
