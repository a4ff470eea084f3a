"""Cached reads of training data: athletes/freshness.py's tokens, plus the library's
version, since training data shows exercise names and defaults."""

from collections.abc import Callable, Iterable

from athletes import freshness
from athletes.freshness import tokens, touch
from library.cache import VERSION_KEY

__all__ = ["cached", "tokens", "touch"]


def cached(name: str, athlete_ids: Iterable[int], parts: tuple, compute: Callable):
    """athletes.freshness.cached, renewed when the library changes too."""
    return freshness.cached(name, athlete_ids, parts, compute, also_on=[VERSION_KEY])
