import re
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from athletes.services import roster_add
from coaching.services import programme_assign
from tests.browser.conftest import PHONE, assert_accessible, sign_in, watch
from tests.factories import (
    TEST_PASSWORD,
    AthleteFactory,
    AthleteProfileFactory,
    CoachFactory,
    ExerciseFactory,
    PrescriptionFactory,
    ProgrammeFactory,
    WorkoutFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_pain_and_rpe_reach_the_coach_who_comments_back(page, browser, live_server):
    coach = CoachFactory(email="coach@example.com", name="Casey Coach")
    runner = AthleteFactory(email="runner@example.com", name="Riley Runner")
    AthleteProfileFactory(user=runner, time_zone="UTC")
    roster_add(coach=coach, athlete=runner)
    today = timezone.localdate()
    programme = ProgrammeFactory(owner=coach, weeks=1)
    workout = WorkoutFactory(programme=programme, day=today.weekday(), title="Hamstrings A")
    PrescriptionFactory(
        workout=workout,
        exercise=ExerciseFactory(name="Nordic lower"),
        sets=2,
        reps_min=5,
        reps_max=5,
        load_kind="kg",
        load_value=Decimal("10"),
    )
    programme_assign(coach=coach, programme=programme, athletes=[runner], starts_on=today)

    sign_in(page, "runner@example.com", TEST_PASSWORD)
    page.goto(f"{page.base_url}/train/")
    page.get_by_role("link", name=re.compile("Hamstrings A")).click()
    page.get_by_role("button", name="Done Nordic lower, Set 1", exact=True).click()
    expect(page.get_by_role("button", name="Update Nordic lower, Set 1")).to_be_visible()
    page.get_by_label("Pain during Nordic lower").select_option("6")
    expect(page.get_by_text("Pain 6 noted for Nordic lower.")).to_be_visible()
    page.get_by_label("How hard was the session?").select_option("9")
    page.get_by_role("button", name="Finish session").click()
    expect(page.get_by_text("Hamstrings A logged. Well done.")).to_be_visible()

    coach_page = watch(
        browser.new_context(viewport=PHONE, reduced_motion="reduce").new_page(), live_server.url
    )
    sign_in(coach_page, "coach@example.com", TEST_PASSWORD)
    coach_page.goto(f"{live_server.url}/coach/")
    row = coach_page.get_by_role("row", name=re.compile("Riley Runner"))
    expect(row.get_by_text("Pain 6")).to_be_visible()
    expect(row.get_by_text("RPE 9")).to_be_visible()
    assert_accessible(coach_page)
    coach_page.get_by_label("Flag").select_option(label="Pain 5+")
    expect(coach_page).to_have_url(re.compile("flag=pain"))
    expect(coach_page.get_by_role("link", name="Riley Runner")).to_be_visible()
    coach_page.get_by_role("link", name="Riley Runner").click()
    assert_accessible(coach_page)
    coach_page.get_by_role("link", name=re.compile("Hamstrings A")).first.click()
    expect(coach_page.get_by_text("pain 6/10")).to_be_visible()
    assert_accessible(coach_page)
    comment = coach_page.get_by_role("textbox", name=re.compile("Comment"))
    comment.fill("Skip the Nordics until the pain settles.")
    coach_page.get_by_role("button", name="Send feedback").click()
    expect(coach_page.get_by_text("Comment sent.")).to_be_visible()

    page.goto(f"{page.base_url}/train/")
    expect(page.get_by_text("1 new comment from your coach")).to_be_visible()
    page.get_by_role("link", name="Hamstrings A").first.click()
    expect(page.get_by_text("Skip the Nordics until the pain settles.")).to_be_visible()
    assert_accessible(page)


def test_coach_review_pages_are_accessible_at_phone_width(page):
    coach = CoachFactory(email="coach@example.com")
    runner = AthleteFactory(name="Riley Runner")
    roster_add(coach=coach, athlete=runner)
    sign_in(page, "coach@example.com", TEST_PASSWORD)
    for path in [
        "/coach/",
        "/coach/news/",
        f"/coach/athletes/{runner.pk}/training/",
        "/coach/export/",
        "/coach/programmes/import/",
    ]:
        page.goto(f"{page.base_url}{path}")
        assert_accessible(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
