"""The session page on a phone after Back, Forward and reload: it shows the sets stored,
keeps what was typed and not logged, moves focus on after each set; and an unplanned
session logs every kind of value."""

import os
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from athletes.services import roster_add
from coaching.models import ScheduledSession, SetLog
from coaching.services import programme_assign, set_log_record
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

DEADLIFT = "Romanian deadlift"
# DRIVEPHASE_SCREENSHOTS=/some/dir keeps a picture of the page at each step worth looking at.
SHOTS = os.environ.get("DRIVEPHASE_SCREENSHOTS")


def shot(page, name: str, *, full_page: bool = True) -> None:
    if SHOTS:
        # caret="initial": hiding the caret injects a style element, which the CSP refuses.
        path = os.path.join(SHOTS, f"sessionpage-{name}.png")
        page.screenshot(path=path, full_page=full_page, caret="initial")


@pytest.fixture
def runner(page):
    coach = CoachFactory(email="coach@example.com")
    runner = AthleteFactory(email="runner@example.com", name="Riley Runner")
    AthleteProfileFactory(user=runner, time_zone="UTC", units="kg")
    roster_add(coach=coach, athlete=runner)
    today = timezone.localdate()
    programme = ProgrammeFactory(owner=coach, weeks=1)
    workout = WorkoutFactory(programme=programme, day=today.weekday(), title="Hamstrings A")
    PrescriptionFactory(
        workout=workout,
        exercise=ExerciseFactory(name=DEADLIFT, cues="Hips back, not down"),
        sets=3,
        reps_min=8,
        reps_max=8,
        load_kind="kg",
        load_value=Decimal("40"),
        tempo="3-0-1-0",
        rest_seconds=0,
    )
    programme_assign(coach=coach, programme=programme, athletes=[runner], starts_on=today)
    sign_in(page, "runner@example.com", TEST_PASSWORD)
    return runner


def _open_session(page):
    page.goto(f"{page.base_url}/train/")
    page.get_by_role("link", name=re.compile("Hamstrings A")).click()
    expect(page.get_by_role("heading", name="Hamstrings A", level=1)).to_be_visible()
    # htmx and train.js are deferred: until they run, a set is sent as a plain form post.
    page.wait_for_load_state()


def _done(page, number: int):
    return page.get_by_role("button", name=f"Done {DEADLIFT}, Set {number}", exact=True)


def _update(page, number: int):
    return page.get_by_role("button", name=f"Update {DEADLIFT}, Set {number}", exact=True)


def _row(page, number: int):
    return page.locator(".set-row").nth(number - 1)


def _log(page, number: int):
    _done(page, number).click()
    expect(_update(page, number)).to_be_visible()


def assert_shows_what_is_stored(page):
    """Each set row reads as the database has it: logged with its numbers, or not."""
    stored = {s.set_number: s for s in SetLog.objects.all()}
    for number in (1, 2, 3):
        if number in stored:
            expect(_update(page, number)).to_be_visible()
            expect(_row(page, number).get_by_label("Reps")).to_have_value(str(stored[number].reps))
        else:
            expect(_done(page, number)).to_be_visible()
            undo = _row(page, number).get_by_role("button", name=re.compile("^Undo"))
            expect(undo).to_have_count(0)


def test_back_after_how_to_do_it_shows_the_set_logged(page, runner):
    _open_session(page)
    _log(page, 1)
    _row(page, 2).get_by_label("Reps").fill("7")  # typed, not logged
    page.get_by_role("link", name=re.compile("How to do it")).click()
    expect(page.get_by_role("heading", name=DEADLIFT, level=1)).to_be_visible()
    page.go_back()
    expect(page.get_by_role("heading", name="Hamstrings A", level=1)).to_be_visible()
    assert_shows_what_is_stored(page)
    expect(_row(page, 2).get_by_label("Reps")).to_have_value("7")
    shot(page, "after-back")
    assert_accessible(page)


def test_undo_then_back_and_forward_shows_exactly_the_stored_sets(page, runner):
    _open_session(page)
    for number in (1, 2, 3):
        _log(page, number)
    _row(page, 3).get_by_role("button", name=f"Undo {DEADLIFT}, Set 3").click()
    expect(_done(page, 3)).to_be_visible()
    page.go_back()
    expect(page).to_have_url(re.compile(r"/train/$"))
    page.go_forward()
    expect(page.get_by_role("heading", name="Hamstrings A", level=1)).to_be_visible()
    assert sorted(SetLog.objects.values_list("set_number", flat=True)) == [1, 2]
    assert_shows_what_is_stored(page)

    # And a change stored while the page was away (another tab, the coach) shows on Back.
    page.get_by_role("link", name="Training").click()
    session = ScheduledSession.objects.get()
    prescription = session.prescriptions.get()
    set_log_record(
        session=session, prescription=prescription, set_number=3, side="", by=runner, reps=5
    )
    page.go_back()
    assert_shows_what_is_stored(page)
    assert_accessible(page)


def test_back_through_an_htmx_history_entry_shows_the_stored_sets(page, runner):
    # The library's search pushes its URL with htmx, which keeps no snapshot of a page
    # (historyCacheSize 0): Back to that entry loads it whole, and Back again reaches the
    # session page as stored.
    _open_session(page)
    _log(page, 1)
    page.get_by_role("link", name=re.compile("How to do it")).click()
    expect(page.get_by_role("heading", name=DEADLIFT, level=1)).to_be_visible()
    page.goto(f"{page.base_url}/library/")
    page.get_by_label("Search").press_sequentially("dead", delay=30)
    expect(page).to_have_url(re.compile(r"q=dead"))
    page.go_back()
    # htmx has no snapshot of the entry: it loads the page again, whole.
    page.wait_for_function("performance.getEntriesByType('navigation')[0].type === 'reload'")
    page.wait_for_load_state()
    expect(page).to_have_url(re.compile(r"/library/$"))
    expect(page.get_by_role("heading", name="Exercise library", level=1)).to_be_visible()
    page.go_back()
    expect(page.get_by_role("heading", name=DEADLIFT, level=1)).to_be_visible()
    page.go_back()
    expect(page.get_by_role("heading", name="Hamstrings A", level=1)).to_be_visible()
    assert_shows_what_is_stored(page)
    assert_accessible(page)


def test_a_page_the_browser_kept_whole_is_loaded_again(page, runner):
    # Chrome keeps a no-store page in its back/forward cache only while no cookie
    # changes (Django renews the CSRF cookie on each page, so in practice it never does);
    # other browsers may. Such a restore fires pageshow with persisted set: the page
    # loads again and shows what was stored meanwhile.
    _open_session(page)
    session = ScheduledSession.objects.get()
    set_log_record(
        session=session,
        prescription=session.prescriptions.get(),
        set_number=2,
        side="",
        by=runner,
        reps=6,
    )
    expect(_done(page, 2)).to_be_visible()
    with page.expect_navigation():
        page.evaluate(
            "window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))"
        )
    assert_shows_what_is_stored(page)


def test_reload_keeps_the_logged_sets_and_what_was_typed(page, runner):
    _open_session(page)
    _log(page, 1)
    _row(page, 2).get_by_label("Reps").fill("6")
    _row(page, 2).get_by_label("Load (kg)").fill("42.5")
    page.reload()
    expect(_update(page, 1)).to_be_visible()
    expect(_row(page, 2).get_by_label("Reps")).to_have_value("6")
    expect(_row(page, 2).get_by_label("Load (kg)")).to_have_value("42.5")
    expect(_row(page, 3).get_by_label("Reps")).to_have_value("8")
    assert SetLog.objects.count() == 1

    # Logged, the typing is what is stored; undone, the row starts from the target again.
    _log(page, 2)
    assert SetLog.objects.get(set_number=2).load_kg == Decimal("42.50")
    _row(page, 2).get_by_role("button", name=f"Undo {DEADLIFT}, Set 2").click()
    expect(_done(page, 2)).to_be_visible()
    page.reload()
    expect(_row(page, 2).get_by_label("Reps")).to_have_value("8")
    expect(_row(page, 2).get_by_label("Load (kg)")).to_have_value("40")
    assert_shows_what_is_stored(page)
    assert_accessible(page)


def test_focus_moves_to_the_next_set_after_logging(page, runner):
    _open_session(page)
    _done(page, 1).focus()
    page.keyboard.press("Enter")
    expect(_update(page, 1)).to_be_visible()
    expect(_done(page, 2)).to_be_focused()
    expect(page.get_by_role("status").filter(has_text="saved")).to_have_text(
        f"{DEADLIFT}, Set 1: saved."
    )
    shot(page, "after-logging", full_page=False)

    # A refused set keeps focus on what to fix.
    page.keyboard.press("Shift+Tab")
    expect(_row(page, 2).get_by_label("Load (kg)")).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("-5")
    page.keyboard.press("Enter")
    expect(_row(page, 2).get_by_role("alert")).to_contain_text("Not saved")
    expect(_row(page, 2).get_by_label("Load (kg)")).to_be_focused()
    # htmx takes over the redrawn row's form when it settles; a keystroke before that is
    # a plain form post (stored just the same, then a full page): wait as a person would.
    expect(page.locator(".htmx-settling")).to_have_count(0)
    _row(page, 2).get_by_label("Load (kg)").fill("40")
    page.keyboard.press("Enter")
    expect(_update(page, 2)).to_be_visible()
    expect(_done(page, 3)).to_be_focused()

    # After the last set, the end of the session.
    page.keyboard.press("Enter")
    expect(_update(page, 3)).to_be_visible()
    expect(page.get_by_role("heading", name="Finish the session")).to_be_focused()
    assert SetLog.objects.count() == 3
    assert_accessible(page)


def test_an_unplanned_session_from_yesterday_logs_every_kind_of_value(page, runner):
    ExerciseFactory(name="Step-up", tempo="", reps_min=10, reps_max=10)
    today = timezone.localdate()
    page.goto(f"{page.base_url}/train/sessions/new/")
    page.get_by_label("Date").fill((today + timedelta(days=1)).isoformat())
    page.get_by_label("What did you do?").fill("Hotel gym")
    page.get_by_role("button", name="Start logging").click()
    refused = page.get_by_text("is in the future. Log sessions for today or the past.")
    expect(refused).to_be_visible()
    expect(page.get_by_label("What did you do?")).to_have_value("Hotel gym")
    assert not ScheduledSession.objects.filter(assignment=None).exists()

    page.get_by_label("Date").fill((today - timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Start logging").click()
    expect(page.get_by_role("heading", name="Hotel gym", level=1)).to_be_visible()
    page.wait_for_load_state()
    page.get_by_role("searchbox", name="Search the library").fill("Step")
    page.get_by_role("button", name="Add Step-up").click()
    expect(page.get_by_role("heading", name="Step-up", level=2)).to_be_visible()
    page.wait_for_load_state()

    row = page.locator(".set-row").first
    row.get_by_label("Reps").fill("12")
    row.get_by_label("Load (kg)").fill("16")
    row.get_by_label("Seconds").fill("40")
    row.get_by_label("Metres").fill("20")
    row.get_by_role("button", name="Done Step-up, Set 1").click()
    expect(page.get_by_role("button", name="Update Step-up, Set 1")).to_be_visible()
    expect(row.get_by_label("Metres")).to_have_value("20")
    shot(page, "unplanned")

    logged = SetLog.objects.get()
    assert (logged.reps, logged.load_kg, logged.seconds, logged.distance_m) == (
        12,
        Decimal("16.00"),
        40,
        20,
    )
    session = logged.log.session
    assert session.assignment is None and session.date == today - timedelta(days=1)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(page)
