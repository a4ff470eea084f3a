import logging
import sys

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.middleware.csp import get_nonce
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

# How long a browser or a client's retry logic should wait before trying again.
RETRY_AFTER_SECONDS = 30
_DATABASE_DOWN = (OperationalError, InterfaceError)
_FLAG = "_database_unavailable"


def database_unavailable_response(request: HttpRequest) -> HttpResponse:
    # Rendered without the request's context processors: they would ask the database who
    # the user is. The nonce is passed by hand so the page's scripts still load under CSP.
    body = render_to_string(
        "503.html", {"csp_nonce": get_nonce(request), "retry_after": RETRY_AFTER_SECONDS}
    )
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _flag_database_errors(sender, request=None, **kwargs) -> None:
    if request is not None and isinstance(sys.exc_info()[1], _DATABASE_DOWN):
        setattr(request, _FLAG, True)


class DatabaseUnavailableMiddleware:
    """Answer a clear 503 page, with Retry-After, when the database cannot be reached,
    instead of the generic 500 page.

    Last in MIDDLEWARE, so the middleware outside it (security headers, CSP, sessions)
    still handles the 503. A failing view reaches process_exception; a failure in another
    middleware's process_view (LoginRequiredMiddleware loads the user there) is turned
    into a 500 by Django before it gets here, so got_request_exception marks the request
    and __call__ swaps that 500 for the 503."""

    def __init__(self, get_response):
        self.get_response = get_response
        got_request_exception.connect(_flag_database_errors, dispatch_uid=__name__)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, _FLAG, False):
            return database_unavailable_response(request)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception):
        if isinstance(exception, _DATABASE_DOWN):
            logger.error("Database unavailable on %s: %s", request.path, exception)
            return database_unavailable_response(request)
        return None
