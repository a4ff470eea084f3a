from django.contrib import messages
from django.template.loader import render_to_string

# Responses that make htmx navigate away: their messages belong to the next page.
_NAVIGATION_HEADERS = ("HX-Redirect", "HX-Refresh", "HX-Location")


class HtmxMessagesMiddleware:
    """Append pending Django messages as out-of-band toasts to HTMX fragment responses,
    so a message set by an HTMX post shows up without a page load."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not getattr(request, "htmx", False) or response.streaming:
            return response
        if any(header in response for header in _NAVIGATION_HEADERS):
            return response
        if not response.get("Content-Type", "").startswith("text/html"):
            return response
        if 300 <= response.status_code < 400:
            return response
        storage = messages.get_messages(request)
        if storage.used or not len(storage):
            return response
        response.write(
            render_to_string("includes/messages.html#toasts-oob", {"messages": storage}, request)
        )
        return response
