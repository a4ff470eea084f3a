"""Cached data and read-only fragments that are never stale, and never needed.

Each *owner* of data has a version in the cache: an athlete (their pk), a coach's roster
(`roster_owner`), the library (LIBRARY) and the names everyone sees (EVERYONE). A version
is a random token, replaced whenever what it covers changes (`changed`, called by the
apps' signals and by services after bulk writes). A cached value is stored under a key
built from the versions of everything it shows, so a change makes the old entry
unreachable instead of having to find and delete it; a missing version (never made,
evicted, Redis restarted) is made anew, which costs one recomputation.

This is djangoproject.com's `generation_key()`, with one version per owner.

Rules for callers: access is decided before `cached` is called (the scoped selector has
run); never cache a whole page per viewer, a form, or anything holding a CSRF token.

The cache is an optimisation only: when it raises, values are computed from the database.
Versions must be seen by every process, so nothing is cached unless CACHE_READS is on (by
default with Redis, never with per-process memory caches)."""

import functools
import hashlib
import logging
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

LIBRARY = "library"
# Coaches' names appear in cached reads of their athletes' data; renaming one replaces
# this version, which every cached value depends on.
EVERYONE = "everyone"
# Versions outlive the entries built on them: an entry lives at most an hour.
VERSION_SECONDS = 24 * 60 * 60
ENTRY_SECONDS = 60 * 60
_MISSING = object()

type Owner = int | str


@functools.cache
def code_version() -> str:
    """A hash of our Python source, read once per process: part of every key, so a value
    cached by the previous release (whose shape may differ) is never read by this one.
    Templates have their own version (caching/templates.py)."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for package in ("caching", "athletes", "library", "coaching"):
        for path in sorted((root / package).rglob("*.py")):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def roster_owner(coach_id: int) -> str:
    """The owner of what a coach's roster page shows: their links, squads, invitations,
    and their athletes' names and profiles."""
    return f"roster-of-{coach_id}"


def version_key(owner: Owner) -> str:
    return f"version:{owner}"


def versions(owners: Iterable[Owner]) -> list[str]:
    """The current version of each owner, making missing ones."""
    keys = [version_key(owner) for owner in owners]
    found = cache.get_many(keys)
    missing = [key for key in keys if key not in found]
    for key in missing:
        # add() keeps a version another request made meanwhile: both then agree.
        cache.add(key, uuid.uuid4().hex, VERSION_SECONDS)
    if missing:
        found |= cache.get_many(missing)
    return [found.get(key) or uuid.uuid4().hex for key in keys]


def changed(owners: Iterable[Owner | None]) -> None:
    """Mark what these owners cover as changed: now, so the rest of this transaction sees
    it, and again on commit, since a request that read the old rows meanwhile could have
    cached them under the first new version."""
    keys = [version_key(owner) for owner in dict.fromkeys(owners) if owner is not None]
    if not keys:
        return

    def replace() -> None:
        try:
            cache.set_many({key: uuid.uuid4().hex for key in keys}, VERSION_SECONDS)
        except Exception:
            # Entries outlive a failed replacement by at most ENTRY_SECONDS.
            logger.exception("Could not mark cached data as changed")

    replace()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(replace)


def cached[T](name: str, owners: Iterable[Owner], parts: tuple, compute: Callable[[], T]) -> T:
    """compute(), or what it returned before for the same name and parts while the owners'
    data has not changed. `parts` holds everything else the value depends on (language,
    today, filters); the value must be picklable. HTML rendered by our templates keeps
    its SafeString type through the cache."""
    if not settings.CACHE_READS:
        return compute()
    try:
        current = versions([EVERYONE, *owners])
        digest = hashlib.sha256(repr((code_version(), parts, current)).encode()).hexdigest()
        key = f"{name}:{digest}"
        value = cache.get(key, _MISSING)
    except Exception:
        logger.exception("Cache unavailable; computing %s", name)
        return compute()
    if value is _MISSING:
        value = compute()
        try:
            cache.set(key, value, ENTRY_SECONDS)
        except Exception:
            logger.exception("Could not cache %s", name)
    return value
