"""The version of templates, for the key of HTML rendered from them and cached."""

import functools
import hashlib
import os

from django.template.loader import get_template


def template_version(*names: str) -> str:
    """Changes with the templates' source: part of the key of HTML rendered from them and
    cached, so that neither a deploy nor a template edited under runserver ever serves
    what the previous templates rendered. A stat per template and request; the source is
    read again only when a file's modification time changes."""
    return _version_of(tuple((name, os.stat(_path_of(name)).st_mtime_ns) for name in names))


@functools.cache
def _path_of(name: str) -> str:
    return get_template(name).origin.name


@functools.lru_cache(maxsize=256)
def _version_of(stamped: tuple[tuple[str, int], ...]) -> str:
    sources = "".join(get_template(name).template.source for name, _mtime in stamped)
    return hashlib.sha256(sources.encode()).hexdigest()[:16]
