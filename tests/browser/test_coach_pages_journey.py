"""A coach's feedback from the review page, and the main menu on a phone with and
without JavaScript."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from athletes.services import roster_add
from coaching.services import programme_assign, session_finish
from tests.browser.conftest import PHONE, assert_accessible, sign_in, watch
from tests.factories import (
    TEST_PASSWORD,
    AthleteFactory,
    AthleteProfileFactory,
    CoachFactory,
    PrescriptionFactory,
    ProgrammeFactory,
    WorkoutFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def logged_session(db):
    coach = CoachFactory(email="coach@example.com", name="Casey Coach")
    runner = AthleteFactory(email="runner@example.com", name="Riley Runner")
    AthleteProfileFactory(user=runner, time_zone="UTC")
    roster_add(coach=coach, athlete=runner)
    today = timezone.localdate()
    programme = ProgrammeFactory(owner=coach, weeks=1)
    workout = WorkoutFactory(programme=programme, day=today.weekday(), title="Hamstrings A")
    PrescriptionFactory(workout=workout)
    programme_assign(coach=coach, programme=programme, athletes=[runner], starts_on=today)
    session = runner.scheduled_sessions.get()
    session_finish(session=session, by=runner, rpe=8, duration_minutes=35)
    return session


def test_coach_sends_feedback_and_stays_on_the_review(page, logged_session):
    sign_in(page, "coach@example.com", TEST_PASSWORD)
    review = f"{page.base_url}/coach/sessions/{logged_session.pk}/"
    page.goto(review)
    comment = page.get_by_role("textbox", name=re.compile("Comment"))
    comment.fill("Good session. Add 2.5 kg next week.")
    page.get_by_role("button", name="Send feedback").click()
    thread = page.locator("#comments")
    expect(thread.get_by_text("Good session. Add 2.5 kg next week.")).to_be_visible()
    expect(page.get_by_text("Comment sent.")).to_be_visible()
    expect(comment).to_have_value("")
    assert page.url == review
    expect(page.get_by_text("You are logging for")).to_have_count(0)
    # Sent empty: the message shows in place, still on the review.
    page.get_by_role("button", name="Send feedback").click()
    expect(thread.get_by_text("This field is required.")).to_be_visible()
    assert page.url == review
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(page)

    page.context.clear_cookies()
    sign_in(page, "runner@example.com", TEST_PASSWORD)
    page.goto(f"{page.base_url}/train/")
    expect(page.get_by_text("1 new comment from your coach")).to_be_visible()
    expect(page.get_by_text("Good session. Add 2.5 kg next week.")).to_be_visible()


def test_feedback_without_javascript_returns_to_the_review(browser, live_server, logged_session):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = watch(context.new_page(), live_server.url)
    sign_in(page, "coach@example.com", TEST_PASSWORD)
    review = f"{live_server.url}/coach/sessions/{logged_session.pk}/"
    page.goto(review)
    page.get_by_role("textbox", name=re.compile("Comment")).fill("Hold the tempo: 3 s down.")
    page.get_by_role("button", name="Send feedback").click()
    expect(page).to_have_url(f"{review}#comments")
    expect(page.get_by_text("Hold the tempo: 3 s down.")).to_be_visible()
    context.close()


@pytest.mark.parametrize("javascript", [False, True])
def test_phone_menu_opens_with_or_without_javascript(
    browser, live_server, logged_session, javascript
):
    context = browser.new_context(
        viewport=PHONE, java_script_enabled=javascript, reduced_motion="reduce"
    )
    page = watch(context.new_page(), live_server.url)
    sign_in(page, "coach@example.com", TEST_PASSWORD)
    nav = page.get_by_role("navigation", name="Main")
    dashboard = nav.get_by_role("link", name=re.compile("^Dashboard"))
    expect(dashboard).to_be_hidden()
    nav.get_by_text("Menu").click()
    expect(dashboard).to_be_visible()
    expect(nav.get_by_role("button", name="Sign out")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    if javascript:
        assert_accessible(page)
    dashboard.click()
    expect(page.get_by_role("heading", name="Who needs you today")).to_be_visible()
    # Closed again on the new page, and it closes with a second tap.
    expect(nav.get_by_role("link", name="Programmes")).to_be_hidden()
    nav.get_by_text("Menu").click()
    nav.get_by_text("Menu").click()
    expect(nav.get_by_role("link", name="Programmes")).to_be_hidden()
    context.close()


def test_wide_screen_menu_shows_its_links_without_javascript(browser, live_server, logged_session):
    context = browser.new_context(
        viewport={"width": 1024, "height": 768}, java_script_enabled=False
    )
    page = watch(context.new_page(), live_server.url)
    sign_in(page, "coach@example.com", TEST_PASSWORD)
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Programmes")).to_be_visible()
    expect(nav.get_by_text("Menu")).to_be_hidden()
    context.close()
