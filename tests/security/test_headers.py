import json
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from tests.factories import TEST_PASSWORD

# A sample of pages: public, each role's own, an HTMX fragment, an error and a redirect.
PAGES = [
    ("anonymous", "/", {}),
    ("anonymous", "/accounts/login/", {}),
    ("anonymous", "/accounts/password_reset/", {}),
    ("anonymous", "/healthz/", {}),
    ("anonymous", "/home/", {}),
    ("athlete", "/home/", {}),
    ("athlete", "/train/", {}),
    ("athlete", "/library/", {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "exercise-results"}),
    ("athlete", "/accounts/profile/", {}),
    ("athlete", "/coach/athletes/", {}),
    ("coach", "/coach/athletes/", {}),
    ("coach", "/coach/programmes/", {}),
    ("coach", "/no-such-page/", {}),
]


@pytest.mark.parametrize(("persona", "url", "extra"), PAGES)
def test_headers_on_every_response(as_persona, persona, url, extra):
    response = as_persona(persona).get(url, **extra)
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


# Production settings are read at start-up from the environment, so they are checked in a
# fresh process, the way gunicorn would load them.
_PRODUCTION_PROBE = """
import json
import django
django.setup()
from django.conf import settings
from django.test import Client
client = Client(HTTP_HOST="coach.example.org")
plain = client.get("/healthz/")
secure = client.get("/healthz/", secure=True)
print(json.dumps({
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location", ""),
    "hsts": secure.get("Strict-Transport-Security", ""),
    "session_cookie_secure": settings.SESSION_COOKIE_SECURE,
    "csrf_cookie_secure": settings.CSRF_COOKIE_SECURE,
    "session_cookie_httponly": settings.SESSION_COOKIE_HTTPONLY,
    "debug": settings.DEBUG,
}))
"""


def test_headers_under_production_settings_force_https_with_hsts(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "coaching.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "k7#Qp2$wX9!mZ4@vL8^nR3&tY6*bH1(jD5)fG0_sA-cE+uI=oP",
        "DJANGO_ALLOWED_HOSTS": "coach.example.org",
        "EMAIL_URL": "smtp://mail.example.org:587",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'probe.sqlite3'}",
    }
    result = subprocess.run(  # noqa: S603 - our own fixed script, no outside input
        [sys.executable, "-c", _PRODUCTION_PROBE],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["debug"] is False
    assert seen["plain_status"] == 301
    assert seen["plain_location"] == "https://coach.example.org/healthz/"
    assert seen["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert seen["session_cookie_secure"] and seen["csrf_cookie_secure"]
    assert seen["session_cookie_httponly"]


@override_settings(SESSION_COOKIE_SECURE=True, CSRF_COOKIE_SECURE=True)
def test_headers_cookies_set_at_sign_in_are_secure_and_http_only(client, athlete):
    client.get(reverse("login"), secure=True)
    response = client.post(
        reverse("login"),
        {"username": athlete.email, "password": TEST_PASSWORD},
        secure=True,
    )
    assert response.status_code == 302
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session["secure"] and session["httponly"]
    assert session["samesite"] == "Lax"
    csrf = client.cookies[settings.CSRF_COOKIE_NAME]
    assert csrf["secure"]
