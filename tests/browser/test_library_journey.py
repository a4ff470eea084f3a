import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import TEST_PASSWORD, AthleteFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def runner_in_library(page):
    call_command("load_library", stdout=open("/dev/null", "w"))  # noqa: SIM115
    AthleteFactory(email="runner@example.com", name="Riley Runner")
    sign_in(page, "runner@example.com", TEST_PASSWORD)
    return page


def test_live_search_updates_the_list_without_a_page_load(runner_in_library):
    page = runner_in_library
    page.goto(f"{page.base_url}/library/")
    total = page.locator("#results-count").inner_text()
    page.evaluate("window.stillTheSamePage = true")
    page.get_by_label("Search").press_sequentially("hamstring", delay=30)
    expect(page.locator("#results-count")).not_to_have_text(total)
    expect(page.get_by_role("link", name="Romanian deadlift", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Bodyweight squat", exact=True)).to_have_count(0)
    expect(page).to_have_url(re.compile(r"q=hamstring"))
    assert page.evaluate("window.stillTheSamePage") is True
    assert_accessible(page)

    page.get_by_role("link", name="Romanian deadlift", exact=True).click()
    expect(page.get_by_role("heading", name="Romanian deadlift", level=1)).to_be_visible()
    expect(page.get_by_text("Lower for 3 s, no pause, lift in 1 s")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("Body map"))).to_be_visible()
    assert_accessible(page)


def test_filters_work_without_javascript(page, live_server):
    call_command("load_library", stdout=open("/dev/null", "w"))  # noqa: SIM115
    AthleteFactory(email="nojs@example.com")
    context = page.context.browser.new_context(
        java_script_enabled=False, viewport=page.viewport_size
    )
    nojs = context.new_page()
    nojs.goto(f"{live_server.url}/accounts/login/")
    nojs.get_by_label("Email address").fill("nojs@example.com")
    nojs.get_by_label("Password").fill(TEST_PASSWORD)
    nojs.get_by_role("button", name="Sign in").click()
    nojs.goto(f"{live_server.url}/library/")
    nojs.get_by_label("Muscle group").select_option(label="Glutes")
    nojs.get_by_role("button", name="Search").click()
    expect(nojs).to_have_url(re.compile(r"group=glutes"))
    expect(nojs.get_by_role("link", name="Glute bridge", exact=True)).to_be_visible()
    context.close()


@pytest.mark.parametrize(
    "path",
    [
        "/library/",
        "/library/guides/",
        "/library/guides/hip-extension-drive-phase/",
        "/library/muscles/",
        "/library/muscles/hamstrings/",
        "/library/exercises/straight-leg-bound/",
    ],
)
def test_library_pages_are_accessible_at_phone_width(runner_in_library, path):
    page = runner_in_library
    page.goto(f"{page.base_url}{path}")
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
