"""Production settings with a cache where every version is new (bench/cold.py)."""

from coaching.settings import *  # noqa: F403
from coaching.settings import CACHES

CACHES = {"default": {**CACHES["default"], "BACKEND": "bench.cold.ColdRedisCache"}}
