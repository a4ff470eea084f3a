import re
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.db import OperationalError
from django.urls import reverse

from tests.conftest import PERSONAS

TEMPLATES_DIR = Path(settings.BASE_DIR) / "templates"


def test_landing_describes_the_product_to_visitors(client, db):
    response = client.get(reverse("coaching:landing"))
    assert response.status_code == 200
    assert b"Strength work that follows how running works" in response.content
    assert reverse("signup").encode() in response.content


def test_landing_sends_signed_in_user_home(client, athlete):
    client.force_login(athlete)
    response = client.get(reverse("coaching:landing"))
    assert response.status_code == 302
    assert response.url == reverse("coaching:home")


@pytest.mark.parametrize("persona", PERSONAS)
def test_home_access(as_persona, persona):
    client = as_persona(persona)
    response = client.get(reverse("coaching:home"))
    if persona == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    else:
        assert response.status_code == 200
        user = response.wsgi_request.user
        assert user.get_short_name() in response.content.decode()
        assert user.email in response.content.decode()


def test_home_shows_roles_and_admin_link_only_to_staff(client, coach, staff):
    client.force_login(coach)
    body = client.get(reverse("coaching:home")).content.decode()
    assert "Coach" in body
    assert reverse("admin:index") not in body
    client.force_login(staff)
    body = client.get(reverse("coaching:home")).content.decode()
    assert reverse("admin:index") in body


def test_home_query_count_is_fixed(client, athlete, django_assert_max_num_queries):
    client.force_login(athlete)
    with django_assert_max_num_queries(3):
        client.get(reverse("coaching:home"))


def test_healthz_answers_ok(client, db):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.content == b"ok"


def test_healthz_answers_503_when_database_is_down(client, db):
    with mock.patch(
        "coaching.views.pages.connection.cursor", side_effect=OperationalError("server closed")
    ):
        response = client.get("/healthz/")
    assert response.status_code == 503


def test_unknown_url_gets_the_site_404_page(client, athlete):
    client.force_login(athlete)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content
    assert b"Drivephase" in response.content


@pytest.mark.parametrize("url", ["/", "/accounts/login/", "/accounts/signup/", "/healthz/"])
def test_every_response_carries_a_strict_csp(client, db, url):
    response = client.get(url)
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


@pytest.mark.parametrize("url", ["/", "/accounts/login/", "/accounts/signup/", "/home/"])
def test_rendered_pages_have_only_nonced_scripts_and_no_inline_style(client, athlete, url):
    client.force_login(athlete)
    response = client.get(url, follow=True)
    html = response.content.decode()
    nonce = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"]).group(1)
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts, "the page should load its scripts"
    for tag in scripts:
        assert f'nonce="{nonce}"' in tag, tag
    assert not re.search(r"\sstyle\s*=", html)
    assert "<style" not in html


def test_templates_hold_no_inline_script_or_style():
    offenders = []
    for path in TEMPLATES_DIR.rglob("*.html"):
        text = path.read_text()
        if re.search(r"\sstyle\s*=", text) or "<style" in text:
            offenders.append(f"{path}: inline style")
        for tag in re.findall(r"<script\b[^>]*>", text):
            if "src=" not in tag and "json" not in tag:
                offenders.append(f"{path}: inline script {tag}")
            elif "nonce=" not in tag:
                offenders.append(f"{path}: script without nonce {tag}")
        if re.search(r"\son[a-z]+\s*=", text) or "hx-on" in text:
            offenders.append(f"{path}: inline event handler")
    assert offenders == []


def test_check_deploy_passes_with_production_settings():
    env = {
        "PATH": "/usr/bin:/bin",
        "EMAIL_URL": "smtp://mail.example.org:587",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "k7#Qp2$wX9!mZ4@vL8^nR3&tY6*bH1(jD5)fG0_sA-cE+uI=oP",
        "DJANGO_ALLOWED_HOSTS": "coach.example.org",
        "DJANGO_CSRF_TRUSTED_ORIGINS": "https://coach.example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_settings_refuse_to_start_without_a_secret_key_in_production():
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env={"PATH": "/usr/bin:/bin", "DJANGO_DEBUG": "0"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is required" in result.stderr
