"""Helpers for views that render long lists, shared by the athletes and coaching apps."""

import functools
import hashlib
from collections.abc import Callable

from django.template.loader import get_template
from django.urls import reverse

_PLACEHOLDER = 2147483647


def url_for_each(viewname: str, *args, placeholder: object = _PLACEHOLDER) -> Callable:
    """One reverse() for a whole list: each row's URL differs only by its last argument,
    given to the returned function."""
    prefix, suffix = reverse(viewname, args=[*args, placeholder]).split(str(placeholder))
    return lambda value: f"{prefix}{value}{suffix}"


@functools.cache
def template_version(*names: str) -> str:
    """Changes with the templates' source: part of the key of HTML rendered from them and
    cached, so that a deploy never serves what the previous templates rendered."""
    sources = "".join(get_template(name).template.source for name in names)
    return hashlib.sha256(sources.encode()).hexdigest()[:16]
