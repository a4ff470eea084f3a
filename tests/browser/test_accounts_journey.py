import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import TEST_PASSWORD, AthleteFactory, StaffFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_sign_in_through_the_real_form_lands_home(page):
    AthleteFactory(email="ada@example.com", name="Ada Lovelace")
    sign_in(page, "ada@example.com", TEST_PASSWORD)
    expect(page).to_have_url(re.compile(r"/home/$"))
    expect(page.get_by_role("heading", name="Hello, Ada")).to_be_visible()
    assert_accessible(page)


def test_wrong_password_explains_and_keeps_the_email(page):
    AthleteFactory(email="ada@example.com")
    sign_in(page, "ada@example.com", "not-my-password")
    expect(page.get_by_text("do not match an account")).to_be_visible()
    expect(page.get_by_label("Email address")).to_have_value("ada@example.com")
    assert_accessible(page)


def test_sign_up_as_coach_then_sign_out(page):
    page.goto(f"{page.base_url}/")
    page.get_by_role("link", name="Create a free account").click()
    page.get_by_label("Name").fill("Carla Coach")
    page.get_by_label("Email address").fill("carla@example.com")
    page.get_by_label("A coach of runners").check()
    page.get_by_label(re.compile(r"^\s*Password\s*\*?\s*$")).fill("eccentric-hamstrings-42")
    page.get_by_label("Password confirmation").fill("eccentric-hamstrings-42")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Hello, Carla")).to_be_visible()
    expect(page.get_by_text("Welcome to Drivephase, Carla Coach.")).to_be_visible()
    page.get_by_role("navigation", name="Main").get_by_text("Menu").click()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Create a free account")).to_be_visible()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password_reset/",
        "/accounts/password_reset/done/",
        "/no-such-page/",
    ],
)
def test_public_pages_are_accessible_at_phone_width(page, path):
    response = page.goto(f"{page.base_url}{path}")
    if response.status == 404:
        # Chromium reports the document's own 404 status as a console error.
        page.console_errors.clear()
    assert_accessible(page)
    # Nothing may scroll sideways at 375 px.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


@pytest.mark.parametrize("path", ["/home/", "/accounts/password_change/"])
def test_signed_in_pages_are_accessible_at_phone_width(page, path):
    StaffFactory(email="staff@example.com", name="Stef Staff")
    sign_in(page, "staff@example.com", TEST_PASSWORD)
    page.goto(f"{page.base_url}{path}")
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_signup_errors_are_shown_on_the_form(page):
    AthleteFactory(email="taken@example.com")
    page.goto(f"{page.base_url}/accounts/signup/")
    page.get_by_label("Name").fill("Tom Taken")
    page.get_by_label("Email address").fill("taken@example.com")
    page.get_by_label(re.compile(r"^\s*Password\s*\*?\s*$")).fill("short")
    page.get_by_label("Password confirmation").fill("short")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text("An account with this email address already exists")).to_be_visible()
    expect(page.get_by_text("This password is too short")).to_be_visible()
    expect(page.get_by_label("Name")).to_have_value("Tom Taken")
    assert_accessible(page)
