import re
from datetime import timedelta

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
    expect(page.get_by_text("is now yours to adapt")).to_be_visible()
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
