import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from athletes.services import roster_add
from coaching.models import Programme, ScheduledPrescription, ScheduledSession
from coaching.services import session_date
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import (
    TEST_PASSWORD,
    AthleteFactory,
    AthleteProfileFactory,
    CoachFactory,
    SquadFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

# Set to a folder to keep screenshots of the journeys, e.g. SCREENSHOTS=/tmp.
SCREENSHOTS = os.environ.get("SCREENSHOTS", "")


def _shot(page, name: str, *, full_page: bool) -> None:
    if not SCREENSHOTS:
        return
    page.screenshot(path=Path(SCREENSHOTS) / f"programmes-{name}.png", full_page=full_page)
    # A full-page screenshot leaves empty style attributes behind; htmx would copy them
    # when it settles a swap, which the CSP reports as an inline style.
    page.evaluate(
        "document.querySelectorAll('[style=\"\"]').forEach(e => e.removeAttribute('style'))"
    )


@pytest.fixture
def coach_with_squad(page):
    call_command("load_library", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("load_templates", stdout=open("/dev/null", "w"))  # noqa: SIM115
    coach = CoachFactory(email="coach@example.com", name="Casey Coach")
    squad = SquadFactory(coach=coach, name="Marathon group")
    athletes = []
    for name in ("Ann Long", "Ben Short"):
        athlete = AthleteFactory(name=name)
        AthleteProfileFactory(user=athlete, long_run_day=6, hard_days=[3])
        roster_add(coach=coach, athlete=athlete)
        squad.members.add(athlete)
        athletes.append(athlete)
    sign_in(page, "coach@example.com", TEST_PASSWORD)
    return athletes


def test_coach_copies_a_template_edits_it_and_assigns_it_to_a_squad(page, coach_with_squad):
    page.goto(f"{page.base_url}/coach/programmes/")
    assert_accessible(page)
    page.get_by_role("button", name="Copy and adapt Eccentric hamstring block").click()
    expect(page.get_by_text("for the marathon (copy) is now yours to adapt")).to_be_visible()
    programme = Programme.objects.get(owner__email="coach@example.com")
    first = programme.workouts.order_by("week", "day", "position").first()
    card = page.locator(f"#workout-{first.pk}")

    card.get_by_label(re.compile("Add an exercise to")).press_sequentially("nordi", delay=40)
    expect(card.get_by_text("No exercise matches")).to_be_visible()
    card.get_by_label(re.compile("Add an exercise to")).fill("")
    card.get_by_label(re.compile("Add an exercise to")).press_sequentially("straight-le", delay=40)
    card.get_by_role("button", name="Add Straight-leg bounds").click()
    expect(page.get_by_text("Straight-leg bounds added to")).to_be_visible()
    row = card.locator(".prescription-row").filter(has_text="Straight-leg bounds")
    expect(row).to_be_visible()
    assert_accessible(page)

    row.get_by_role("link", name="Edit Straight-leg bounds").click()
    form = page.locator(".prescription-row form").filter(has_text="Straight-leg bounds")
    form.get_by_label("Sets").fill("4")
    form.get_by_label("Tempo").fill("slow")
    form.get_by_role("button", name="Save Straight-leg bounds").click()
    expect(page.get_by_text("for example 3-0-1-0")).to_be_visible()
    expect(form.get_by_label("Sets")).to_have_value("4")
    form.get_by_label("Tempo").fill("2-0-X-0")
    form.get_by_role("button", name="Save Straight-leg bounds").click()
    expect(card.get_by_text("Lower for 2 s, no pause, lift explosively")).to_be_visible()
    expect(
        card.locator(".prescription-row").filter(has_text="Straight-leg bounds")
    ).to_contain_text("4 ×")

    # The workout stays open for editing: move, remove and undo swap only this card.
    rows = card.locator(".prescription-row")
    last = rows.count() - 1
    expect(rows.nth(last)).to_contain_text("Straight-leg bounds")
    card.get_by_role("button", name="Move Straight-leg bounds up").click()
    expect(rows.nth(last - 1)).to_contain_text("Straight-leg bounds")
    card.get_by_role("button", name="Remove Straight-leg bounds").click()
    expect(card.get_by_text("Straight-leg bounds removed.")).to_be_visible()
    card.get_by_role("button", name="Undo").click()
    expect(rows.nth(last - 1)).to_contain_text("Straight-leg bounds")
    card.get_by_role("link", name=re.compile(r"^Done")).click()
    expect(card.get_by_role("button", name="Move Straight-leg bounds up")).to_have_count(0)
    expect(card.get_by_text("Straight-leg bounds")).to_be_visible()
    expect(card.get_by_role("link", name=re.compile(r"^Edit workout"))).to_be_focused()
    card.get_by_role("link", name=re.compile(r"^Edit workout")).click()
    expect(card.get_by_role("button", name="Remove Straight-leg bounds")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Assign", exact=True).click()
    page.get_by_label("Marathon group").check()
    start = timezone.localdate() + timedelta(days=3)
    page.get_by_label("Start date").fill(start.isoformat())
    page.get_by_role("button", name="Preview the calendar").click()
    expect(page.get_by_role("heading", name="Preview")).to_be_visible()
    expect(page.locator("#assign-preview").get_by_text("Ann Long")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Confirm and assign").click()
    expect(page.get_by_text("assigned to 2 athletes")).to_be_visible()
    assert_accessible(page)

    for athlete in coach_with_squad:
        sessions = ScheduledSession.objects.filter(athlete=athlete)
        assert sessions.count() == programme.workouts.count()
        for workout in programme.workouts.all():
            assert sessions.filter(
                source_workout=workout, date=session_date(start, workout.week, workout.day)
            ).exists()
        bound = ScheduledPrescription.objects.get(
            session__athlete=athlete, exercise__slug="straight-leg-bound"
        )
        assert (bound.sets, bound.tempo) == (4, "2-0-X-0")


def test_builder_works_without_javascript(page, live_server, coach_with_squad):
    context = page.context.browser.new_context(
        java_script_enabled=False, viewport=page.viewport_size
    )
    nojs = context.new_page()
    nojs.goto(f"{live_server.url}/accounts/login/")
    nojs.get_by_label("Email address").fill("coach@example.com")
    nojs.get_by_label("Password").fill(TEST_PASSWORD)
    nojs.get_by_role("button", name="Sign in").click()
    nojs.goto(f"{live_server.url}/coach/programmes/")
    nojs.get_by_label("Title").fill("Spring block")
    nojs.get_by_label("Length in weeks").fill("2")
    nojs.get_by_role("button", name="Create programme").click()
    add_workout = nojs.locator("#add-workout")
    add_workout.get_by_label("Title").fill("Hamstrings A")
    add_workout.get_by_role("button", name="Add workout").click()
    nojs.get_by_label(re.compile("Add an exercise to")).fill("romanian")
    nojs.get_by_role("button", name="Find").click()
    nojs.get_by_role("button", name="Add Romanian deadlift").click()
    expect(nojs.get_by_role("link", name="Romanian deadlift", exact=True)).to_be_visible()
    nojs.get_by_role("button", name="Remove Romanian deadlift").click()
    nojs.get_by_role("button", name="Undo").click()
    expect(nojs.get_by_role("link", name="Romanian deadlift", exact=True)).to_be_visible()
    context.close()


def test_coach_moves_clashing_sessions_then_pushes_an_edit(page):
    """Copy a template, assign it to a runner with hard days, see each clash with its
    move, apply one with a click, edit the programme, see who is behind, push."""
    call_command("load_library", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("load_templates", stdout=open("/dev/null", "w"))  # noqa: SIM115
    coach = CoachFactory(email="coach@example.com", name="Casey Coach")
    runner = AthleteFactory(name="Tess Tempo")
    # Intervals on Tuesday, tempo on Thursday, long run on Saturday.
    AthleteProfileFactory(user=runner, hard_days=[1, 3], long_run_day=5)
    roster_add(coach=coach, athlete=runner)
    sign_in(page, "coach@example.com", TEST_PASSWORD)

    page.goto(f"{page.base_url}/coach/programmes/")
    page.get_by_role("button", name="Copy and adapt Eccentric hamstring block").click()
    expect(page.get_by_role("heading", name=re.compile(r"\(copy\)$"))).to_be_visible()
    programme = Programme.objects.get(owner=coach)

    page.get_by_role("link", name="Assign", exact=True).click()
    page.get_by_label("Tess Tempo").check()
    today = timezone.localdate()
    start = today + timedelta(days=7 - today.weekday())  # next Monday
    page.get_by_label("Start date").fill(start.isoformat())
    page.get_by_role("button", name="Preview the calendar").click()
    preview = page.locator("#assign-preview")
    expect(preview.get_by_text("strength on a hard-run day").first).to_be_visible()
    expect(preview.get_by_text(re.compile(r"move Tue .+ to Sun ")).first).to_be_visible()
    expect(preview.get_by_text("start date")).to_have_count(0)
    assert_accessible(page)
    _shot(page, "1-preview", full_page=True)

    page.get_by_role("button", name="Confirm and assign").click()
    expect(page.get_by_text("assigned to 1 athlete.")).to_be_visible()
    moves = page.get_by_role("button", name=re.compile(r"^Move to Sun .+: Tue "))
    expect(moves.first).to_be_visible()
    count = moves.count()
    expect(page.get_by_text("No day that week fits").first).to_be_visible()
    _shot(page, "2-warnings", full_page=True)

    first = ScheduledSession.objects.filter(athlete=runner).order_by("date").first()
    moves.first.click()
    expect(page.get_by_text(re.compile(r"moved to Sun "))).to_be_visible()
    expect(moves).to_have_count(count - 1)
    first.refresh_from_db()
    assert first.adjusted_by_coach and first.date.weekday() == 6
    assert_accessible(page)
    _shot(page, "3-moved", full_page=True)

    # Edit week 2's Tuesday: one more set of its first exercise.
    workout = programme.workouts.get(week=2, day=1)
    item = workout.prescriptions.order_by("position").first()
    page.goto(f"{page.base_url}{programme.get_absolute_url()}")
    card = page.locator(f"#workout-{workout.pk}")
    card.get_by_role("link", name=re.compile(r"^Edit workout")).click()
    card.get_by_role("link", name=f"Edit {item.exercise.name}").first.click()
    form = page.locator(".prescription-row form").filter(has_text=item.exercise.name).first
    form.get_by_label("Sets").fill(str(item.sets + 1))
    form.get_by_role("button", name=f"Save {item.exercise.name}").click()
    expect(page.get_by_text(f"{item.exercise.name} saved.")).to_be_visible()
    page.goto(f"{page.base_url}{programme.get_absolute_url()}")
    expect(page.get_by_text("1 athlete has an older version of this programme.")).to_be_visible()
    assert_accessible(page)
    _shot(page, "4-banner", full_page=False)

    page.get_by_role("link", name="See what changed and push").click()
    behind = page.get_by_role("heading", name="1 athlete has an older version")
    expect(behind).to_be_visible()
    change = re.compile(rf"Week 2 Tuesday, .*{item.exercise.name} ")
    expect(page.get_by_text(change)).to_be_visible()
    expect(page.get_by_text(re.compile("kept: you adjusted it"))).to_be_visible()
    assert_accessible(page)
    _shot(page, "5-behind", full_page=True)

    expect(page.get_by_label("Tess Tempo · Active")).to_be_checked()
    page.get_by_role("button", name="Push changes").click()
    expect(page.get_by_text("1 upcoming session updated for 1 athlete.")).to_be_visible()
    expect(behind).to_have_count(0)
    assert_accessible(page)
    _shot(page, "6-pushed", full_page=True)
    week2 = ScheduledSession.objects.get(athlete=runner, source_workout=workout)
    assert week2.prescriptions.order_by("position").first().sets == item.sets + 1
