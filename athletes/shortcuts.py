"""Helpers for views that render long lists, shared by the athletes and coaching apps."""

from collections.abc import Callable

from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

_PLACEHOLDER = 2147483647


def url_for_each(viewname: str, *args, placeholder: object = _PLACEHOLDER) -> Callable:
    """One reverse() for a whole list: each row's URL differs only by its last argument,
    given to the returned function."""
    prefix, suffix = reverse(viewname, args=[*args, placeholder]).split(str(placeholder))
    return lambda value: f"{prefix}{value}{suffix}"


def csrf_input(request) -> SafeString:
    """What {% csrf_token %} prints, built once for a page's many forms."""
    return format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request)
    )


# Stands in for the CSRF field in HTML rendered once and cached for everyone: escaped text
# can never contain it, so only the template's own fields are replaced.
CSRF_PLACEHOLDER = SafeString("<!--csrf-->")


def with_csrf(cached_html: str, request) -> SafeString:
    """Cached HTML rendered with csrf_input=CSRF_PLACEHOLDER, with this request's token.
    The HTML must come from our templates (it is marked safe as it is)."""
    return mark_safe(cached_html.replace(CSRF_PLACEHOLDER, csrf_input(request)))  # noqa: S308
