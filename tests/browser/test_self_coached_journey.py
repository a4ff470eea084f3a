"""A runner who plans their own strength work, from the sign-up form to their own coach
dashboard, on a phone."""

import os
import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.formats import date_format
from playwright.sync_api import expect

from athletes.models import User
from athletes.selectors import is_self_coached
from coaching.models import Assignment, Programme, SessionLog
from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "my-own-coach-2026"


def _shot(page, name: str) -> None:
    # SCREENSHOT_DIR=/tmp keeps a look at the pages as the journey passes them.
    if directory := os.environ.get("SCREENSHOT_DIR"):
        page.screenshot(path=f"{directory}/selfcoach-{name}.png", full_page=True)


@pytest.fixture
def templates_loaded(page):
    with open("/dev/null", "w") as quiet:
        call_command("load_library", stdout=quiet)
        call_command("load_templates", stdout=quiet)
    return page


def test_self_coached_runner_plans_logs_and_reviews_their_own_work(page, templates_loaded):
    page.goto(f"{page.base_url}/accounts/signup/")
    page.get_by_label("Name").fill("Sol Self")
    page.get_by_label("Email address").fill("sol@example.com")
    page.get_by_label(re.compile(r"^\s*Password\s*\*?\s*$")).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill("a typo")
    page.get_by_label("Both: a runner who plans my own strength work").check()
    # The browser's zone is filled in; the list offers real Area/City zones only.
    zone = page.get_by_label("Time zone")
    expect(zone).not_to_have_value("")
    assert page.locator("#id_time_zone-list option[value='Europe/London']").count() == 1
    assert page.locator("#id_time_zone-list option[value='US/Eastern']").count() == 0
    zone.fill("Europe/Madrid")
    _shot(page, "signup")
    assert_accessible(page)
    page.get_by_role("button", name="Create account").click()

    # A form error empties the password boxes, and says so.
    expect(page.get_by_text("For your security, type your password again.")).to_be_visible()
    expect(page.get_by_label("Name")).to_have_value("Sol Self")
    expect(page.get_by_label("Time zone")).to_have_value("Europe/Madrid")
    expect(page.get_by_label("Both: a runner who plans my own strength work")).to_be_checked()
    _shot(page, "signup-error")
    assert_accessible(page)
    page.get_by_label(re.compile(r"^\s*Password\s*\*?\s*$")).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text("Welcome to Drivephase, Sol Self.")).to_be_visible()
    user = User.objects.get(email="sol@example.com")
    assert is_self_coached(user) and user.athlete_profile.time_zone == "Europe/Madrid"

    # Copy a template and assign it to yourself: preview, then confirm.
    page.goto(f"{page.base_url}/coach/programmes/")
    page.get_by_role("button", name="Copy and adapt Whole-leg strength foundation").click()
    expect(page.get_by_text("is now yours to adapt")).to_be_visible()
    page.get_by_role("link", name="Assign", exact=True).click()
    me = page.get_by_label("Sol Self (you)")
    expect(me).to_be_checked()
    page.get_by_label("Start date").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Preview the calendar").click()
    expect(page.get_by_role("heading", name="Preview")).to_be_visible()
    expect(page.locator("#assign-preview").get_by_text("Sol Self")).to_be_visible()
    _shot(page, "assign")
    assert_accessible(page)
    page.get_by_role("button", name="Confirm and assign").click()
    expect(page.get_by_text("is assigned to you")).to_be_visible()
    assignment = Assignment.objects.get(athlete=user)
    assert assignment.coach == user
    assert Programme.objects.get(pk=assignment.programme_id).owner == user

    # Train: the first session, one set, finished.
    first = user.scheduled_sessions.order_by("date", "pk").first()
    page.goto(f"{page.base_url}/train/")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile(re.escape(first.title))).first.click()
    expect(page.get_by_role("heading", name=first.title, level=1)).to_be_visible()
    page.get_by_role("button", name=re.compile(r"^Done .*Set 1$")).first.click()
    expect(page.get_by_role("button", name=re.compile(r"^Update .*Set 1$")).first).to_be_visible()
    page.get_by_label("How hard was the session?").select_option("6")
    page.get_by_role("button", name="Finish session").click()
    expect(page.get_by_text(f"{first.title} logged. Well done.")).to_be_visible()
    assert_accessible(page)
    log = SessionLog.objects.get(athlete=user)
    assert log.rpe == 6 and log.sets.count() == 1

    page.goto(f"{page.base_url}/train/history/")
    expect(page.get_by_text(first.title).first).to_be_visible()
    assert_accessible(page)

    # Their own coach dashboard shows them, with the session logged.
    page.goto(f"{page.base_url}/coach/")
    row = page.locator("tr").filter(has=page.get_by_role("link", name="Sol Self (you)"))
    expect(row).to_be_visible()
    expect(row).to_contain_text(date_format(log.done_on, "j M"))  # last log
    assert_accessible(page)

    # The profile says they plan their own work, and can turn it off.
    page.goto(f"{page.base_url}/accounts/profile/")
    expect(page.get_by_label("I plan my own strength work")).to_be_checked()
    _shot(page, "profile")
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


@pytest.mark.parametrize(("javascript", "expected"), [(True, "America/New_York"), (False, "UTC")])
def test_signup_time_zone_is_the_browsers_where_javascript_runs(
    page, live_server, javascript, expected
):
    context = page.context.browser.new_context(
        java_script_enabled=javascript, timezone_id="America/New_York", viewport=page.viewport_size
    )
    try:
        other = context.new_page()
        other.goto(f"{live_server.url}/accounts/signup/")
        expect(other.get_by_label("Time zone")).to_have_value(expected)
    finally:
        context.close()
