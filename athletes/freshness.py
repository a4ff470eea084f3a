"""Cached reads of athletes' data that can never be stale.

Every athlete has a data token in the cache, a random string replaced whenever anything
shown about them changes (athletes/signals.py and coaching/signals.py, and the bulk
writes in the services call `touch`). A cached read is stored under a key built from the
tokens of the athletes it covers, so a change makes the old entry unreachable rather than
needing to find and delete it. A missing token (never made, evicted, or Redis restarted)
is made anew: a fresh random value can never match an old entry, so the worst an eviction
costs is a recomputation.

`touch` replaces the tokens at once and again when the transaction commits: a request
that read the old rows between the two would have stored them under the first new
token, which the second makes unreachable.

The cache is an optimisation only: when it fails, reads are computed from the database.
Tokens must be seen by every process, so reads are cached only when CACHE_READS is on:
by default with Redis (REDIS_URL), never with per-process memory caches."""

import hashlib
import logging
import uuid
from collections.abc import Callable, Iterable
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

# Tokens outlive the entries built on them; an entry lives at most an hour, so a token
# that expires costs one recomputation of what was still cached.
TOKEN_SECONDS = 24 * 60 * 60
ENTRY_SECONDS = 60 * 60
# Coaches' names appear in cached reads of their athletes' data: a change to one replaces
# this shared token.
SHARED = "shared"
_MISSING = object()


def _token_key(owner) -> str:
    return f"freshness:{owner}"


def _new_token() -> str:
    return uuid.uuid4().hex


# The tokens one request has read, so that its second cached read asks the cache only for
# the entry. Kept from request_started to request_finished (athletes/signals.py); outside
# requests every read asks the cache.
_read_this_request: ContextVar[dict | None] = ContextVar("freshness_tokens", default=None)


def remember_tokens_read(**kwargs) -> None:
    _read_this_request.set({})


def forget_tokens_read(**kwargs) -> None:
    _read_this_request.set(None)


def _keys_tokens(keys: list[str]) -> list[str]:
    """The current token under each key, making missing ones."""
    memo = _read_this_request.get()
    found = {key: memo[key] for key in keys if key in memo} if memo else {}
    wanted = [key for key in keys if key not in found]
    if wanted:
        found.update(cache.get_many(wanted))
        missing = [key for key in wanted if key not in found]
        if missing:
            for key in missing:
                # add() keeps a token another request made meanwhile: both then agree.
                cache.add(key, _new_token(), TOKEN_SECONDS)
            found.update(cache.get_many(missing))
        if memo is not None:
            memo.update((key, found[key]) for key in wanted if key in found)
    return [found.get(key) or _new_token() for key in keys]


def tokens(owners: Iterable) -> list[str]:
    """The current token of each owner (an athlete's pk, or SHARED), making missing ones."""
    return _keys_tokens([_token_key(owner) for owner in owners])


def touch(athlete_ids: Iterable[int] = (), *, shared: bool = False) -> None:
    """Mark these athletes' data (or, with shared=True, everybody's) as changed."""
    owners = [*{pk for pk in athlete_ids if pk is not None}, *([SHARED] if shared else [])]
    if not owners:
        return

    def replace() -> None:
        new = {_token_key(o): _new_token() for o in owners}
        memo = _read_this_request.get()
        if memo:
            memo.update(new)
        try:
            if len(new) == 1:
                cache.set(*new.popitem(), TOKEN_SECONDS)  # one command; set_many pipelines
            else:
                cache.set_many(new, TOKEN_SECONDS)
        except Exception:
            # Entries outlive a failed replacement by at most ENTRY_SECONDS.
            logger.exception("Could not mark cached training data as changed")

    replace()
    # Outside a transaction the write is already committed: once is enough.
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(replace)


def cached(
    name: str,
    athlete_ids: Iterable[int],
    parts: tuple,
    compute: Callable,
    *,
    also_on: Iterable[str] = (),
):
    """compute(), or what it returned before for the same name, parts and athletes' data.

    `parts` must hold everything else the result depends on (the viewer, today's date,
    filters); the result must be picklable and must not depend on anything else.
    `also_on` names the cache keys of other versions the result depends on, kept the same
    way (a random token, made when missing), such as the library's."""
    if not settings.CACHE_READS:
        return compute()
    try:
        owner_tokens = _keys_tokens(
            [*also_on, _token_key(SHARED), *(_token_key(pk) for pk in athlete_ids)]
        )
    except Exception:
        logger.exception("Cache unavailable; reading %s from the database", name)
        return compute()
    digest = hashlib.sha256(repr((parts, owner_tokens)).encode()).hexdigest()
    key = f"{name}:{digest}"
    try:
        value = cache.get(key, _MISSING)
    except Exception:
        logger.exception("Cache unavailable; reading %s from the database", name)
        return compute()
    if value is _MISSING:
        value = compute()
        try:
            cache.set(key, value, ENTRY_SECONDS)
        except Exception:
            logger.exception("Could not cache %s", name)
    return value
