"""Every page a journey test does not already visit, checked with axe-core at 375 px."""

import pytest
from django.utils import timezone

from athletes.services import roster_add
from coaching.services import programme_assign, session_finish
from tests.browser.conftest import assert_accessible, sign_in
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


def test_remaining_coach_and_athlete_pages_are_accessible(page):
    coach = CoachFactory(email="coach@example.com")
    runner = AthleteFactory(email="runner@example.com", name="Riley Runner")
    AthleteProfileFactory(user=runner)
    roster_add(coach=coach, athlete=runner)
    programme = ProgrammeFactory(owner=coach, weeks=2)
    workout = WorkoutFactory(programme=programme, week=1, day=timezone.localdate().weekday())
    item = PrescriptionFactory(workout=workout)
    WorkoutFactory(programme=programme, week=2, day=1)
    today = timezone.localdate()
    programme_assign(coach=coach, programme=programme, athletes=[runner], starts_on=today)
    first, later = runner.scheduled_sessions.order_by("date")[:2]
    session_finish(session=first, by=runner, rpe=6, duration_minutes=30)
    adhoc = runner.scheduled_sessions.create(date=today, title="Extra drills", athlete=runner)

    sign_in(page, "coach@example.com", TEST_PASSWORD)
    for path in [
        f"/coach/programmes/{programme.pk}/assignments/",
        f"/coach/programmes/{programme.pk}/delete/",
        f"/coach/programmes/{programme.pk}/exercises/{item.pk}/edit/",
        f"/coach/programmes/{programme.pk}/workouts/{workout.pk}/edit/",
        f"/coach/programmes/{programme.pk}/workouts/{workout.pk}/exercises/?q=exercise",
        f"/coach/sessions/{first.pk}/",
        f"/coach/sessions/{later.pk}/adjust/",
    ]:
        page.goto(f"{page.base_url}{path}")
        assert_accessible(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path

    page.context.clear_cookies()
    sign_in(page, "runner@example.com", TEST_PASSWORD)
    for path in [
        f"/train/sessions/{first.pk}/",
        f"/train/sessions/{adhoc.pk}/",
        f"/train/sessions/{adhoc.pk}/exercises/?q=exercise",
    ]:
        page.goto(f"{page.base_url}{path}")
        assert_accessible(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
