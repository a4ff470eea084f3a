"""Loads in a person's unit: the one place that converts and writes them.

A load is stored in kilograms with four decimals (SetLog.load_kg) and shown in the
athlete's unit, kg or lb, to the athlete and to their coach alike, with the unit written
next to the number. A load typed in pounds (two decimals at most) reads back as typed:
four decimals of a kilogram are off by at most 0.0001 lb, far from the 0.005 lb that
would change a second decimal. A coach's prescription in kg is shown to a runner in
pounds rounded to the nearest half pound, the step of the smallest plates, and "Done"
records that value."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format

from athletes.models import AthleteProfile
from athletes.selectors import profile_of
from athletes.units import plain

KG, LB = AthleteProfile.Units.KG.value, AthleteProfile.Units.LB.value
KG_PER_LB = Decimal("0.45359237")  # exact, by definition
STORED = Decimal("0.0001")  # SetLog.load_kg's decimal places
TYPED = Decimal("0.01")  # SetLogForm.load's decimal places
PLATE_LB = Decimal("0.5")


def units_of(user) -> str:
    """The athlete's unit; kg without a profile. Reads the profile the user was fetched
    with (select_related("athlete_profile")), or asks for it once."""
    profile = profile_of(user)
    return profile.units if profile else KG


def to_kg(value: Decimal | None, units: str) -> Decimal | None:
    """A load as typed in `units`, in kilograms as stored."""
    if value is None:
        return None
    kg = value * KG_PER_LB if units == LB else value
    return kg.quantize(STORED)


def from_kg(kg: Decimal | None, units: str) -> Decimal | None:
    """A stored load in `units`, as it was typed: to two decimals, trailing zeros
    dropped."""
    if kg is None:
        return None
    value = kg / KG_PER_LB if units == LB else kg
    return plain(value.quantize(TYPED))


def prescribed(kg: Decimal | None, units: str) -> Decimal | None:
    """A coach's load in kg as an athlete in `units` is asked to lift it: as written in
    kg, or to the nearest half pound."""
    if kg is None:
        return None
    if units != LB:
        return plain(kg)
    halves = (kg / KG_PER_LB / PLATE_LB).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return plain(halves * PLATE_LB)


def format_number(value) -> str:
    """A number as the reader's locale writes it, with no trailing zeros: 26.5, 26,5."""
    return number_format(plain(Decimal(value)))


def with_unit(value: Decimal | None, units: str) -> str:
    """A load already in `units`, written with it: "26.5 lb"; "" for no load."""
    if value is None:
        return ""
    return f"{format_number(value)} {units}"


def format_load(kg: Decimal | None, units: str) -> str:
    """A stored load as the person reads it: "26.5 lb", "12 kg"; "" for no load."""
    return with_unit(from_kg(kg, units), units)


def format_prescribed(kg: Decimal | None, units: str) -> str:
    """A coach's load in kg as the athlete is asked to lift it: "26.5 lb"."""
    return with_unit(prescribed(kg, units), units)
