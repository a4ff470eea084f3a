from django.contrib import messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.http import HttpResponse
from django.test import RequestFactory
from django_htmx.middleware import HtmxDetails

from coaching.middleware import HtmxMessagesMiddleware


def _request(htmx: bool):
    request = RequestFactory().post("/", headers={"HX-Request": "true"} if htmx else {})
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    request.htmx = HtmxDetails(request)
    return request


def _view_that_says(text: str, **headers):
    def view(request):
        messages.success(request, text)
        response = HttpResponse("<div id='row'>saved</div>")
        for name, value in headers.items():
            response[name] = value
        return response

    return view


def test_htmx_fragment_gets_pending_messages_as_out_of_band_toasts():
    response = HtmxMessagesMiddleware(_view_that_says("Set saved"))(_request(htmx=True))
    body = response.content.decode()
    assert body.startswith("<div id='row'>saved</div>")
    assert 'hx-swap-oob="beforeend"' in body
    assert "Set saved" in body


def test_plain_requests_are_left_to_the_page_template():
    response = HtmxMessagesMiddleware(_view_that_says("Set saved"))(_request(htmx=False))
    assert "Set saved" not in response.content.decode()


def test_htmx_redirect_keeps_messages_for_the_next_page():
    request = _request(htmx=True)
    view = _view_that_says("Programme assigned", **{"HX-Redirect": "/elsewhere/"})
    response = HtmxMessagesMiddleware(view)(request)
    assert "Programme assigned" not in response.content.decode()
    assert [str(m) for m in messages.get_messages(request)] == ["Programme assigned"]
