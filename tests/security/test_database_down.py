from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client
from django.urls import reverse

DOWN = OperationalError("connection to server at 127.0.0.1, port 5432 failed")


def _database_down(error=DOWN):
    # Every query fails the way it does when PostgreSQL is stopped.
    return mock.patch.object(CursorWrapper, "execute", side_effect=error)


def _assert_clear_503(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    body = response.content.decode()
    assert "Drivephase is briefly unavailable" in body
    assert "Nothing you saved before is lost" in body
    # The site's own page, with its styles and nonced scripts, under the usual headers.
    assert "bootstrap-5.3.9.min.css" in body
    nonce = response.headers["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in body
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("error", [DOWN, InterfaceError("connection already closed")])
def test_database_down_signed_in_page_answers_a_clear_503(coach, error):
    client = Client(raise_request_exception=False)
    client.force_login(coach)
    with _database_down(error):
        response = client.get(reverse("roster:athlete_list"))
    _assert_clear_503(response)


def test_database_down_during_the_view_answers_a_clear_503(coach):
    # The user loads (from the session), then the view's own query fails.
    client = Client(raise_request_exception=False)
    client.force_login(coach)
    calls = {"n": 0}
    real_execute = CursorWrapper.execute

    def fail_after_user(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] > 2:
            raise DOWN
        return real_execute(self, *args, **kwargs)

    with mock.patch.object(CursorWrapper, "execute", fail_after_user):
        response = client.get(reverse("coaching:programme_list"))
    _assert_clear_503(response)


def test_database_down_healthz_answers_503(db):
    client = Client(raise_request_exception=False)
    with _database_down():
        response = client.get(reverse("healthz"))
    assert response.status_code == 503


def test_database_down_anonymous_sign_in_page_still_loads(db):
    with _database_down():
        response = Client().get(reverse("login"))
    assert response.status_code == 200


def test_other_errors_still_get_the_500_page(coach):
    client = Client(raise_request_exception=False)
    client.force_login(coach)
    with mock.patch(
        "coaching.views.programmes.selectors.programmes_owned_by", side_effect=ValueError
    ):
        response = client.get(reverse("coaching:programme_list"))
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
