"""Distances in the runner's unit. Running volume is stored in km (AthleteProfile.weekly_km);
a runner who weighs in pounds (units "lb") reads and types it in miles."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

KM_PER_MILE = Decimal("1.609344")
_CENT = Decimal("0.01")
MAX_WEEKLY_KM = Decimal(400)


def plain(value: Decimal) -> Decimal:
    """The same number without trailing zeros, and never in exponent form: 26.50 is
    26.5, 100.00 is 100 (not 1E+2)."""
    value = value.normalize()
    return value.quantize(Decimal(1)) if value.as_tuple().exponent > 0 else value


def distance_unit(units: str) -> str:
    """ "mi" for a runner in pounds, "km" otherwise."""
    return "mi" if units == "lb" else "km"


def km_from(value: Decimal, unit: str) -> Decimal:
    """A distance typed in `unit`, in km to two decimals. Stored like this, a value typed
    with up to two decimals in miles comes back exactly: the rounding error, at most
    0.005 km, is under 0.0032 mi."""
    value = Decimal(str(value))
    km = value * KM_PER_MILE if unit == "mi" else value
    return km.quantize(_CENT, ROUND_HALF_UP)


def km_to(km: Decimal, unit: str) -> Decimal:
    """A stored km distance in `unit`, as the runner typed it: two decimals at most,
    without trailing zeros (30, 30.5)."""
    km = Decimal(str(km))
    return plain((km / KM_PER_MILE if unit == "mi" else km).quantize(_CENT, ROUND_HALF_UP))


def max_weekly(unit: str) -> Decimal:
    """The most running a week the profile accepts, in `unit`, rounded down."""
    return (
        (MAX_WEEKLY_KM / KM_PER_MILE).quantize(_CENT, "ROUND_DOWN")
        if unit == "mi"
        else (MAX_WEEKLY_KM)
    )


def weekly_volume_text(km: Decimal | None, units: str) -> str:
    """ "30 mi a week", "48.5 km a week", or "" when not set."""
    if km is None:
        return ""
    unit = distance_unit(units)
    if unit == "mi":
        return _("%(distance)s mi a week") % {"distance": km_to(km, unit)}
    return _("%(distance)s km a week") % {"distance": km_to(km, unit)}
