import os

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, settings


@pytest.fixture(autouse=True)
def _empty_cache():
    # Sign-in failures are counted in the cache: every test starts with none.
    cache.clear()
    yield
    cache.clear()


# Hostile-input examples per form: 200 in CI, a quick 25 on a laptop (HYPOTHESIS_PROFILE
# picks another). No deadline: a request's time depends on the machine, not the input.
_COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    # No example database in the checkout; print_blob tells how to replay a failure.
    "database": None,
    "print_blob": True,
}
settings.register_profile("ci", max_examples=200, **_COMMON)
settings.register_profile("dev", max_examples=25, **_COMMON)
_IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if _IN_CI else "dev"))
