import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from athletes.services import roster_add
from tests.browser.conftest import PHONE, assert_accessible, sign_in, watch
from tests.factories import (
    TEST_PASSWORD,
    AthleteFactory,
    AthleteProfileFactory,
    CoachFactory,
    SquadFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_coach_invites_and_the_athlete_signs_up_and_joins_the_roster(page, browser, live_server):
    CoachFactory(email="coach@example.com", name="Casey Coach")
    sign_in(page, "coach@example.com", TEST_PASSWORD)
    page.goto(f"{page.base_url}/coach/athletes/")
    assert_accessible(page)
    page.get_by_label("Athlete's email address").fill("newbie@example.com")
    page.get_by_label("Personal message (optional)").fill("See you at the track!")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text("Invitation sent to newbie@example.com.")).to_be_visible()
    expect(page.locator("#invitations .text-break")).to_have_text("newbie@example.com")

    link = re.search(r"https?://\S+/accounts/invitations/\S+/", mail.outbox[-1].body).group(0)
    invitee = watch(browser.new_context(viewport=PHONE).new_page(), live_server.url)
    invitee.goto(link)
    expect(invitee.get_by_role("heading", name="Casey Coach invites you")).to_be_visible()
    expect(invitee.get_by_text("See you at the track!")).to_be_visible()
    assert_accessible(invitee)
    invitee.get_by_label("Name").fill("Nia Newbie")
    expect(invitee.get_by_label("Email address")).to_have_value("newbie@example.com")
    invitee.get_by_label(re.compile(r"^\s*Password\s*\*?\s*$")).fill("drive-phase-2026")
    invitee.get_by_label("Password confirmation").fill("drive-phase-2026")
    invitee.get_by_role("button", name="Create account and accept").click()
    expect(invitee.get_by_text("Welcome! Casey Coach is now your coach.")).to_be_visible()

    invitee.goto(link)
    expect(
        invitee.get_by_role("heading", name="This invitation can no longer be used")
    ).to_be_visible()

    page.reload()
    expect(page.get_by_role("link", name="Nia Newbie")).to_be_visible()


def test_coach_builds_a_squad_with_htmx(page):
    coach = CoachFactory(email="coach@example.com", name="Casey Coach")
    for name in ("Ann Long", "Ben Short"):
        athlete = AthleteFactory(name=name)
        AthleteProfileFactory(user=athlete)
        roster_add(coach=coach, athlete=athlete)
    sign_in(page, "coach@example.com", TEST_PASSWORD)
    page.goto(f"{page.base_url}/coach/athletes/")
    page.get_by_label("Squad name").fill("Marathon group")
    page.get_by_role("button", name="Create squad").click()
    expect(page.get_by_role("heading", name="Marathon group", level=1)).to_be_visible()
    page.get_by_label("Add an athlete").select_option(label="Ann Long")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.locator("#squad-members").get_by_role("link", name="Ann Long")).to_be_visible()
    expect(page.get_by_text("Ann Long joined Marathon group.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Remove Ann Long").click()
    expect(page.get_by_text("No athletes in this squad yet.")).to_be_visible()

    page.goto(f"{page.base_url}/coach/athletes/")
    page.get_by_label("Search athletes").press_sequentially("ben", delay=30)
    expect(page.locator("#roster-count")).to_have_text("1 athlete")
    page.get_by_role("link", name="Ben Short").click()
    assert_accessible(page)
    page.get_by_role("button", name="Add to Marathon group").click()
    expect(page.get_by_role("button", name="Remove from Marathon group")).to_be_visible()


def test_athlete_fills_in_the_profile(page):
    AthleteFactory(email="runner@example.com", name="Riley Runner")
    sign_in(page, "runner@example.com", TEST_PASSWORD)
    page.goto(f"{page.base_url}/accounts/profile/")
    assert_accessible(page)
    page.get_by_label("Goal event").select_option(label="Marathon")
    page.get_by_label("Marathon best", exact=True).fill("three hours")
    page.get_by_label("Injuries and niggles").fill("Tight calves")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Write the time as h:mm:ss or mm:ss")).to_be_visible()
    expect(page.get_by_label("Injuries and niggles")).to_have_value("Tight calves")
    page.get_by_label("Marathon best", exact=True).fill("3:05:00")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Your profile is saved.")).to_be_visible()
    expect(page.get_by_label("Marathon best", exact=True)).to_have_value("3:05:00")


def test_roster_pages_are_accessible_at_phone_width(page):
    coach = CoachFactory(email="coach@example.com")
    athlete = AthleteFactory(name="Ann Long")
    AthleteProfileFactory(user=athlete)
    roster_add(coach=coach, athlete=athlete)
    squad = SquadFactory(coach=coach, name="Track")
    squad.members.add(athlete)
    sign_in(page, "coach@example.com", TEST_PASSWORD)
    for path in [
        "/coach/athletes/",
        f"/coach/athletes/{athlete.pk}/",
        f"/coach/athletes/{athlete.pk}/remove/",
        f"/coach/athletes/squads/{squad.pk}/",
        f"/coach/athletes/squads/{squad.pk}/delete/",
        "/accounts/profile/",
    ]:
        page.goto(f"{page.base_url}{path}")
        assert_accessible(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
