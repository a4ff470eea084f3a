import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.core import mail
from django.urls import reverse

from athletes import throttle
from tests.factories import TEST_PASSWORD, AthleteFactory

LOCKED = "Too many failed sign-in attempts. Try again in"


def _sign_in(client, email, password, **extra):
    return client.post(reverse("login"), {"username": email, "password": password}, **extra)


def _fail(client, email, times, **extra):
    for _ in range(times):
        response = _sign_in(client, email, "not-the-password", **extra)
    return response


def test_sign_in_locks_an_email_out_after_five_failures(client, athlete):
    response = _fail(client, athlete.email, throttle.MAX_FAILURES_PER_EMAIL - 1)
    assert response.status_code == 200
    assert LOCKED not in response.content.decode()
    response = _fail(client, athlete.email, 1)
    assert response.status_code == 429
    assert "Try again in 15 minutes." in response.content.decode()
    assert int(response["Retry-After"]) == throttle.LOCKOUT


def test_sign_in_lock_out_refuses_even_the_right_password(client, athlete):
    _fail(client, athlete.email, throttle.MAX_FAILURES_PER_EMAIL)
    response = _sign_in(client, athlete.email, TEST_PASSWORD)
    assert response.status_code == 429
    body = response.content.decode()
    assert LOCKED in body
    # The page is the sign-in form with the email kept, so the person knows where they are.
    assert 'name="password"' in body and f'value="{athlete.email}"' in body
    assert SESSION_KEY not in client.session


def test_sign_in_lock_out_is_per_email_and_case_blind(client, athlete, coach):
    _fail(client, athlete.email.upper(), throttle.MAX_FAILURES_PER_EMAIL)
    assert _sign_in(client, athlete.email, TEST_PASSWORD).status_code == 429
    assert _sign_in(client, coach.email, TEST_PASSWORD).status_code == 302


def test_sign_in_lock_out_ends_by_itself(client, athlete, monkeypatch):
    _fail(client, athlete.email, throttle.MAX_FAILURES_PER_EMAIL)
    now = throttle.time.time()
    monkeypatch.setattr(throttle.time, "time", lambda: now + throttle.LOCKOUT - 90)
    response = _sign_in(client, athlete.email, TEST_PASSWORD)
    assert "Try again in 2 minutes." in response.content.decode()
    monkeypatch.setattr(throttle.time, "time", lambda: now + throttle.LOCKOUT + 1)
    assert _sign_in(client, athlete.email, TEST_PASSWORD).status_code == 302


def test_sign_in_success_clears_the_email_count(client, athlete):
    _fail(client, athlete.email, throttle.MAX_FAILURES_PER_EMAIL - 1)
    assert _sign_in(client, athlete.email, TEST_PASSWORD).status_code == 302
    client.post(reverse("logout"))
    response = _fail(client, athlete.email, throttle.MAX_FAILURES_PER_EMAIL - 1)
    assert response.status_code == 200


def test_sign_in_locks_an_address_out_after_twenty_failures(client, db):
    emails = [f"guess{n}@example.com" for n in range(throttle.MAX_FAILURES_PER_ADDRESS)]
    for email in emails[:-1]:
        assert _sign_in(client, email, "x", REMOTE_ADDR="203.0.113.9").status_code == 200
    assert _sign_in(client, emails[-1], "x", REMOTE_ADDR="203.0.113.9").status_code == 429
    real = AthleteFactory(email="real@example.com")
    assert _sign_in(client, real.email, TEST_PASSWORD, REMOTE_ADDR="203.0.113.9").status_code == 429
    assert (
        _sign_in(client, real.email, TEST_PASSWORD, REMOTE_ADDR="198.51.100.7").status_code == 302
    )


def test_sign_in_behind_the_proxy_counts_the_forwarded_address(client, athlete):
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for n in range(throttle.MAX_FAILURES_PER_ADDRESS):
        _sign_in(client, f"g{n}@example.com", "x", HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy)
    # Another runner behind the same load balancer is not locked out.
    response = _sign_in(
        client, athlete.email, TEST_PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy
    )
    assert response.status_code == 302


def test_sign_in_form_errors_without_a_password_guess_are_not_counted(client, athlete):
    for _ in range(throttle.MAX_FAILURES_PER_EMAIL + 1):
        response = client.post(reverse("login"), {"username": athlete.email})
        assert response.status_code == 200
    assert _sign_in(client, athlete.email, TEST_PASSWORD).status_code == 302


def test_sign_in_rotates_the_session_key(client, athlete):
    session = client.session
    session["before"] = "sign-in"
    session.save()
    before = session.session_key
    assert _sign_in(client, athlete.email, TEST_PASSWORD).status_code == 302
    after = client.session.session_key
    assert after != before
    assert not Session.objects.filter(session_key=before).exists()


def test_sign_out_ends_the_session(client, athlete):
    _sign_in(client, athlete.email, TEST_PASSWORD)
    key = client.session.session_key
    assert client.post(reverse("logout")).status_code == 302
    assert not Session.objects.filter(session_key=key).exists()
    response = client.get(reverse("coaching:home"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_deactivated_account_session_no_longer_authenticates(client, athlete):
    client.force_login(athlete)
    assert client.get(reverse("coaching:home")).status_code == 200
    athlete.is_active = False
    athlete.save(update_fields=["is_active"])
    response = client.get(reverse("coaching:home"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert not response.wsgi_request.user.is_authenticated


@pytest.mark.parametrize("email", ["athlete@test.example", "nobody@test.example"])
def test_password_reset_does_not_reveal_whether_an_email_exists(client, athlete, email):
    response = client.post(reverse("password_reset"), {"email": email})
    assert response.status_code == 302
    assert response.url == reverse("password_reset_done")
    assert len(mail.outbox) == (1 if email == athlete.email else 0)


def test_password_reset_pages_read_the_same_for_known_and_unknown_emails(client, athlete):
    def page(email):
        response = client.post(reverse("password_reset"), {"email": email}, follow=True)
        body = response.content.decode()
        # The CSRF token and nonce differ per response; the words must not.
        return re.sub(r'(value|nonce)="[^"]*"|"x-csrftoken": "[^"]*"', "", body)

    assert page(athlete.email) == page("nobody@test.example")
