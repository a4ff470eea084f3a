"""Sign-in throttling against password guessing, kept in Django's cache.

Failed sign-ins are counted per email address and per client address over a fixed window
that starts at the first failure. Reaching a limit locks that email (or address) out for
LOCKOUT seconds; the lock ends by itself and a successful sign-in clears the email's count.
The counts live in the shared cache: Redis when REDIS_URL is set, so every app server
sees them; otherwise each process counts on its own (fine for one server or development).

When the cache does not answer, nothing is counted and nobody is locked out (logged): the
alternative, refusing every sign-in, would take the whole site down with Redis.
"""

import functools
import hashlib
import logging
import math
import time

from django.core.cache import cache
from django.http import HttpRequest

MAX_FAILURES_PER_EMAIL = 5
MAX_FAILURES_PER_ADDRESS = 20
WINDOW = 15 * 60
LOCKOUT = 15 * 60

_PREFIX = "signin-throttle"

logger = logging.getLogger(__name__)


def _open_when_cache_fails(result):
    def decorate(function):
        @functools.wraps(function)
        def call(*args, **kwargs):
            try:
                return function(*args, **kwargs)
            except Exception:
                logger.warning("Cache unavailable: sign-in throttle skipped", exc_info=True)
                return result

        return call

    return decorate


def _key(kind: str, scope: str, value: str) -> str:
    # Hashed so that an email address never becomes part of a cache key in clear.
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()
    return f"{_PREFIX}:{kind}:{scope}:{digest}"


def client_address(request: HttpRequest) -> str:
    """The address the request came from. Behind the load balancer every request arrives
    from the balancer itself, so the last X-Forwarded-For entry (the one our proxy added)
    is used when present; without a proxy a client could forge it, which only lets it
    dodge the per-address limit, never the per-email one."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    last = forwarded.split(",")[-1].strip()
    return last[:64] or request.META.get("REMOTE_ADDR", "") or "unknown"


def _scopes(*, email: str, address: str) -> list[tuple[str, str, int]]:
    scopes = [("address", address, MAX_FAILURES_PER_ADDRESS)]
    if email.strip():
        scopes.insert(0, ("email", email, MAX_FAILURES_PER_EMAIL))
    return scopes


@_open_when_cache_fails(0)
def lockout_remaining(*, email: str, address: str) -> int:
    """Seconds until this email and address may try again; 0 when they may now."""
    now = time.time()
    scopes = _scopes(email=email, address=address)
    keys = [_key("lock", scope, value) for scope, value, _limit in scopes]
    until = max((float(v) for v in cache.get_many(keys).values()), default=0.0)
    return max(0, math.ceil(until - now))


@_open_when_cache_fails(0)
def failure_record(*, email: str, address: str) -> int:
    """Count one failed sign-in; return the lock-out in seconds it caused (0 for none)."""
    locked = 0
    for scope, value, limit in _scopes(email=email, address=address):
        count_key = _key("failures", scope, value)
        cache.add(count_key, 0, WINDOW)
        try:
            count = cache.incr(count_key)
        except ValueError:
            # The window ended between add and incr: this failure starts a new one.
            cache.set(count_key, 1, WINDOW)
            count = 1
        if count >= limit:
            cache.set(_key("lock", scope, value), time.time() + LOCKOUT, LOCKOUT)
            cache.delete(count_key)
            locked = LOCKOUT
    return locked


@_open_when_cache_fails(None)
def success_record(*, email: str) -> None:
    cache.delete(_key("failures", "email", email))


def minutes(seconds: int) -> int:
    return max(1, math.ceil(seconds / 60))
