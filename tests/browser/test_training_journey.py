import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from athletes.services import roster_add
from coaching.models import ExerciseFeedback, SessionLog, SetLog
from coaching.services import programme_assign
from tests.browser.conftest import assert_accessible, sign_in
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


@pytest.fixture
def runner_with_session(page):
    coach = CoachFactory(email="coach@example.com")
    runner = AthleteFactory(email="runner@example.com", name="Riley Runner")
    AthleteProfileFactory(user=runner, time_zone="UTC")
    roster_add(coach=coach, athlete=runner)
    today = timezone.localdate()
    programme = ProgrammeFactory(owner=coach, weeks=1)
    workout = WorkoutFactory(programme=programme, day=today.weekday(), title="Hamstrings A")
    PrescriptionFactory(
        workout=workout,
        exercise=ExerciseFactory(name="Romanian deadlift", cues="Hips back, not down"),
        sets=3,
        reps_min=8,
        reps_max=8,
        load_kind="kg",
        load_value=Decimal("40"),
        tempo="3-0-1-0",
        rest_seconds=60,
    )
    PrescriptionFactory(
        workout=workout,
        exercise=ExerciseFactory(name="Glute bridge"),
        position=1,
        sets=2,
        reps_min=12,
        reps_max=12,
        load_kind="bw",
    )
    programme_assign(coach=coach, programme=programme, athletes=[runner], starts_on=today)
    sign_in(page, "runner@example.com", TEST_PASSWORD)
    return runner


def test_athlete_logs_a_session_on_a_phone(page, runner_with_session):
    page.goto(f"{page.base_url}/train/")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Hamstrings A")).click()
    expect(page.get_by_role("heading", name="Hamstrings A", level=1)).to_be_visible()
    expect(page.get_by_text("Lower for 3 s, no pause, lift in 1 s").first).to_be_visible()
    assert_accessible(page)

    for number in (1, 2, 3):
        page.get_by_role("button", name=f"Done Romanian deadlift, Set {number}", exact=True).click()
        expect(
            page.get_by_role("button", name=f"Update Romanian deadlift, Set {number}")
        ).to_be_visible()
    expect(page.locator("#rest-timer")).to_be_visible()

    set_two = page.locator(".set-row").filter(
        has=page.get_by_role("button", name="Update Romanian deadlift, Set 2")
    )
    set_two.get_by_label("Load (kg)").fill("42.5")
    set_two.get_by_label("Reps").fill("7")
    set_two.get_by_role("button", name="Update Romanian deadlift, Set 2").click()
    expect(set_two.get_by_label("Load (kg)")).to_have_value("42.5")

    page.get_by_label("Pain during Glute bridge").select_option("2")
    expect(page.get_by_text("Pain 2 noted for Glute bridge.")).to_be_visible()

    page.get_by_label("How hard was the session?").select_option("7")
    page.get_by_label("Duration (min)").fill("35")
    page.get_by_role("button", name="Finish session").click()
    expect(page.get_by_text("Hamstrings A logged. Well done.")).to_be_visible()
    expect(page.get_by_text("RPE 7")).to_be_visible()
    expect(page.get_by_text("3 of 5 planned sets")).to_be_visible()
    assert_accessible(page)

    # Back shows what was just logged (the page is never stored by the browser), and so
    # does a reload.
    page.go_back()
    expect(page.get_by_role("heading", name="Session summary")).to_be_visible()
    page.reload()
    for number in (1, 2, 3):
        expect(
            page.get_by_role("button", name=f"Update Romanian deadlift, Set {number}")
        ).to_be_visible()
    expect(set_two.get_by_label("Load (kg)")).to_have_value("42.5")
    expect(page.get_by_role("heading", name="Session summary")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

    sets = list(SetLog.objects.order_by("set_number").values_list("reps", "load_kg"))
    assert sets == [(8, Decimal("40.00")), (7, Decimal("42.50")), (8, Decimal("40.00"))]
    assert ExerciseFeedback.objects.get().pain == 2
    assert SessionLog.objects.get().rpe == 7


def test_a_failed_save_keeps_the_numbers_and_retries_once(page, runner_with_session):
    page.goto(f"{page.base_url}/train/")
    page.get_by_role("link", name=re.compile("Hamstrings A")).click()
    expect(page.get_by_role("heading", name="Hamstrings A", level=1)).to_be_visible()
    # htmx and train.js are deferred: until they run, a set is sent as a plain form post.
    page.wait_for_load_state()
    row = page.locator(".set-row").first
    row.get_by_label("Reps").fill("6")
    page.context.set_offline(True)
    row.get_by_role("button", name=re.compile("^Done")).click()
    expect(row.get_by_text("Not saved: no connection")).to_be_visible()
    expect(row.get_by_label("Reps")).to_have_value("6")
    page.context.set_offline(False)
    row.get_by_role("button", name=re.compile("^Done")).click()
    expect(page.get_by_role("button", name="Update Romanian deadlift, Set 1")).to_be_visible()
    row.get_by_role("button", name=re.compile("^Update")).click()
    expect(page.get_by_role("button", name="Update Romanian deadlift, Set 1")).to_be_visible()
    assert SetLog.objects.count() == 1 and SetLog.objects.get().reps == 6
    page.console_errors.clear()  # the offline attempt is reported by Chromium


def test_training_pages_are_accessible_at_phone_width(page, runner_with_session):
    today = timezone.localdate()
    session = runner_with_session.scheduled_sessions.get()
    session.prescriptions.first()
    from coaching.services import set_log_record

    for days, load in ((14, "30"), (7, "35")):
        session.date = today - timedelta(days=days)
        for prescription in session.prescriptions.all():
            set_log_record(
                session=session,
                prescription=prescription,
                set_number=1,
                side="",
                by=runner_with_session,
                reps=8,
                load_kg=Decimal(load),
            )
    for path in ["/train/history/", "/train/progress/", "/train/sessions/new/"]:
        page.goto(f"{page.base_url}{path}")
        assert_accessible(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
