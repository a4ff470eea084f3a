"""Removed once the builder stops importing them (coaching/views/programmes.py): the
library's version now lives in caching.versions (LIBRARY) and is replaced by
library/signals.py; nothing in the library uses this module."""

from caching.versions import LIBRARY, version_key, versions

VERSION_KEY = version_key(LIBRARY)
FRAGMENT_SECONDS = 60 * 60


def library_version() -> str:
    return versions([LIBRARY])[0]
