import os
import re
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from athletes.services import roster_add
from coaching.models import SetLog
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


def _shot(page, name: str) -> None:
    # SCREENSHOTS=/tmp keeps pictures of the pages for a person to look at.
    folder = os.environ.get("SCREENSHOTS")
    if folder:
        page.screenshot(path=f"{folder}/units-{name}.png", full_page=True)


def test_a_runner_in_pounds_logs_pounds_and_the_coach_reads_pounds(page, browser, live_server):
    coach = CoachFactory(email="coach@example.com", name="Casey Coach")
    runner = AthleteFactory(email="runner@example.com", name="Riley Runner")
    AthleteProfileFactory(user=runner, units="lb", time_zone="UTC")
    roster_add(coach=coach, athlete=runner)
    today = timezone.localdate()
    programme = ProgrammeFactory(owner=coach, weeks=1)
    workout = WorkoutFactory(programme=programme, day=today.weekday(), title="Hamstrings A")
    PrescriptionFactory(
        workout=workout,
        exercise=ExerciseFactory(name="Romanian deadlift"),
        sets=2,
        reps_min=8,
        reps_max=8,
        load_kind="kg",
        load_value=Decimal("12"),
        rest_seconds=None,
    )
    programme_assign(coach=coach, programme=programme, athletes=[runner], starts_on=today)

    sign_in(page, "runner@example.com", TEST_PASSWORD)
    page.goto(f"{page.base_url}/train/")
    page.get_by_role("link", name=re.compile("Hamstrings A")).click()
    # The coach's 12 kg, to the nearest half pound.
    expect(page.get_by_text(re.compile(r"^2 × 8 reps.* @ 26\.5 lb$"))).to_be_visible()
    rows = page.locator(".set-row")
    expect(rows.nth(0).get_by_label("Load (lb)")).to_have_value("26.5")
    page.get_by_role("button", name="Done Romanian deadlift, Set 1", exact=True).click()
    expect(page.get_by_role("button", name="Update Romanian deadlift, Set 1")).to_be_visible()
    rows.nth(1).get_by_label("Load (lb)").fill("30")
    page.get_by_role("button", name="Done Romanian deadlift, Set 2", exact=True).click()
    expect(page.get_by_role("button", name="Update Romanian deadlift, Set 2")).to_be_visible()
    page.reload()
    expect(rows.nth(0).get_by_label("Load (lb)")).to_have_value("26.5")
    expect(rows.nth(1).get_by_label("Load (lb)")).to_have_value("30")
    assert sorted(SetLog.objects.values_list("load_kg", flat=True)) == [
        Decimal("12.0202"),
        Decimal("13.6078"),
    ]
    assert_accessible(page)
    _shot(page, "session")

    page.goto(f"{page.base_url}/train/progress/")
    chart = page.get_by_role("img", name=re.compile("Romanian deadlift: heaviest set \\(lb\\)"))
    expect(chart).to_be_visible()
    expect(chart.get_by_text("30 lb", exact=True)).to_be_visible()  # one day: the dot is labelled
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    _shot(page, "progress")

    coach_page = watch(
        browser.new_context(viewport=PHONE, reduced_motion="reduce").new_page(), live_server.url
    )
    sign_in(coach_page, "coach@example.com", TEST_PASSWORD)
    coach_page.goto(f"{live_server.url}/coach/athletes/{runner.pk}/training/")
    expect(coach_page.get_by_role("img", name=re.compile(r"heaviest set \(lb\)"))).to_be_visible()
    _shot(coach_page, "coach-athlete")
    coach_page.get_by_role("link", name=re.compile("Hamstrings A")).first.click()
    expect(coach_page.get_by_text(re.compile(r"Planned: 2 × 8 reps.* @ 26\.5 lb"))).to_be_visible()
    expect(coach_page.get_by_role("cell", name="26.5 lb", exact=True)).to_be_visible()
    expect(coach_page.get_by_role("cell", name="30 lb", exact=True)).to_be_visible()
    assert "kg" not in coach_page.locator("main").inner_text()
    assert_accessible(coach_page)
    assert coach_page.evaluate("document.documentElement.scrollWidth") <= 375
    _shot(coach_page, "coach-session")
