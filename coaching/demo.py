from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from athletes.models import AthleteProfile, Coaching, CoachProfile, Squad, User
from athletes.services import roster_add, self_coaching_start

# Published in the README on purpose: demo accounts exist only with DEBUG on.
DEMO_PASSWORD = "run-strong-2026"  # noqa: S105


@dataclass(frozen=True)
class DemoLogin:
    email: str
    role: str


DEMO_STAFF = [
    {
        "email": "coach@example.com",
        "name": "Casey Coach",
        "is_coach": True,
        "role": "coach",
    },
    {
        "email": "runner@example.com",
        "name": "Riley Runner",
        "is_athlete": True,
        "role": "athlete (coached by Casey)",
    },
    {
        "email": "solo@example.com",
        "name": "Sam Solo",
        "is_athlete": True,
        "is_coach": True,
        "role": "runner who plans their own strength work",
    },
    {
        "email": "admin@example.com",
        "name": "Alex Admin",
        "is_staff": True,
        "is_superuser": True,
        "role": "staff (admin and library curation)",
    },
]

# The demo coach's roster: (email, name, squad, profile).
DEMO_ROSTER = [
    ("runner@example.com", "Riley Runner", "Marathon group",
     {"goal_event": "marathon", "weeks_to_goal": 16, "experience": "intermediate",
      "weekly_km": 55, "long_run_day": 6, "hard_days": [1, 3], "pb_marathon": 3 * 3600 + 41 * 60,
      "injury_notes": "Right hamstring tightness after long runs last spring."}),
    ("morgan@example.com", "Morgan Miles", "Marathon group",
     {"goal_event": "marathon", "weeks_to_goal": 20, "experience": "advanced",
      "weekly_km": 80, "long_run_day": 6, "hard_days": [1, 4], "pb_marathon": 2 * 3600 + 58 * 60,
      "pb_half": 1 * 3600 + 24 * 60}),
    ("jamie@example.com", "Jamie Hill", "Marathon group",
     {"goal_event": "half", "weeks_to_goal": 10, "experience": "intermediate",
      "weekly_km": 40, "long_run_day": 5, "hard_days": [2], "pb_half": 1 * 3600 + 49 * 60}),
    ("priya@example.com", "Priya Track", "Track 5k-10k",
     {"goal_event": "5k", "weeks_to_goal": 8, "experience": "advanced",
      "weekly_km": 60, "long_run_day": 6, "hard_days": [1, 3], "pb_5k": 17 * 60 + 40,
      "pb_10k": 36 * 60 + 55}),
    ("leo@example.com", "Leo Sprint", "Track 5k-10k",
     {"goal_event": "10k", "weeks_to_goal": 12, "experience": "beginner",
      "weekly_km": 25, "long_run_day": 6, "hard_days": [2], "pb_10k": 52 * 60 + 10,
      "injury_notes": "Shin splints in the first year of running; fine now."}),
    ("ana@example.com", "Ana Trail", None,
     {"goal_event": "ultra", "weeks_to_goal": 24, "experience": "elite",
      "weekly_km": 110, "long_run_day": 5, "hard_days": [2, 4], "time_zone": "Europe/Madrid"}),
]  # fmt: skip

# The self-coached runner's profile: in pounds and miles (30 mi a week, kept in km).
DEMO_SOLO_PROFILE = {
    "goal_event": "10k", "weeks_to_goal": 9, "experience": "intermediate",
    "weekly_km": Decimal("48.28"), "long_run_day": 6, "hard_days": [2], "units": "lb",
    "time_zone": "America/New_York",
}  # fmt: skip


def _demo_user(*, email: str, password: str, **fields) -> User:
    user, created = User.objects.get_or_create(email=email, defaults=fields)
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
    return user


@transaction.atomic
def demo_data_load() -> list[DemoLogin]:
    """Create the demo accounts and the demo coach's roster once. Existing rows keep
    everything, passwords included, so `make run` again never undoes what someone changed
    while trying the app."""
    logins = []
    users = {}
    for person in DEMO_STAFF:
        fields = {k: v for k, v in person.items() if k not in {"email", "role"}}
        users[person["email"]] = _demo_user(email=person["email"], password=DEMO_PASSWORD, **fields)
        logins.append(DemoLogin(email=person["email"], role=person["role"]))
    coach = users["coach@example.com"]
    CoachProfile.objects.get_or_create(
        user=coach,
        defaults={"club": "Riverside Running Club", "bio": "Strength for distance runners."},
    )
    solo = users["solo@example.com"]
    _demo_profile(solo, DEMO_SOLO_PROFILE)
    # Once only: a later load leaves it as the person left it, planning or not.
    if not Coaching.objects.filter(coach=solo, athlete=solo).exists():
        self_coaching_start(user=solo)
    squads = {}
    for email, name, squad_name, profile in DEMO_ROSTER:
        athlete = _demo_user(email=email, password=DEMO_PASSWORD, name=name, is_athlete=True)
        _demo_profile(athlete, profile)
        if not Coaching.objects.filter(coach=coach, athlete=athlete).exists():
            roster_add(coach=coach, athlete=athlete)
        if squad_name:
            if squad_name not in squads:
                squads[squad_name], _ = Squad.objects.get_or_create(coach=coach, name=squad_name)
            squads[squad_name].members.add(athlete)
    return logins


def _demo_profile(athlete: User, profile: dict) -> None:
    values = dict(profile)
    values["goal_date"] = date.today() + timedelta(weeks=values.pop("weeks_to_goal"))
    for name in ("pb_5k", "pb_10k", "pb_half", "pb_marathon"):
        if name in values:
            values[name] = timedelta(seconds=values[name])
    AthleteProfile.objects.get_or_create(user=athlete, defaults=values)


def demo_training_load(*, today: date | None = None) -> bool:
    """Give the demo runner a programme started three weeks ago with those weeks logged,
    so every training page shows something real. Runs once: False if already there or
    if the templates are not loaded."""
    from coaching.models import Programme
    from coaching.services import (
        comment_add,
        exercise_pain_record,
        programme_assign,
        programme_copy,
        session_finish,
    )

    coach = User.objects.get(email="coach@example.com")
    runner = User.objects.get(email="runner@example.com")
    if runner.assignments.exists():
        return False
    template = (
        Programme.objects.templates().filter(slug="eccentric-hamstring-block-marathon").first()
    )
    if template is None:
        return False
    today = today or date.today()
    programme = programme_copy(programme=template, coach=coach)
    starts_on = today - timedelta(days=today.weekday() + 21)
    athletes = [runner, *User.objects.filter(email__in=["morgan@example.com", "jamie@example.com"])]
    programme_assign(coach=coach, programme=programme, athletes=athletes, starts_on=starts_on)
    sessions = list(
        runner.scheduled_sessions.filter(date__lt=today)
        .prefetch_related("prescriptions")
        .order_by("date")
    )
    for index, session in enumerate(sessions):
        if index == 2:
            continue  # one missed session, as in real life
        _log_every_set(
            session,
            runner,
            lambda side, i=index: Decimal(20 + 2.5 * i + (2.5 if side == "R" else 0)),
        )
        for prescription in session.prescriptions.all():
            last = index == len(sessions) - 1
            pain = 5 if last and prescription.position == 0 else (2 if index == 1 else 0)
            exercise_pain_record(session=session, prescription=prescription, pain=pain, by=runner)
        session_finish(session=session, by=runner, rpe=6 + index % 3, duration_minutes=40)
    first_log = sessions[0].log
    comment_add(log=first_log, author=coach, body="Good start. Keep the lowering slow: 4 s.")
    comment_add(log=first_log, author=runner, body="Will do. The last set was hard.")
    return True


def demo_solo_training_load(*, today: date | None = None) -> bool:
    """Give the self-coached runner a copied template assigned to themself, started last
    week, with two sessions logged. Runs once: False if already there, if they no longer
    plan their own training or if the templates are not loaded."""
    from coaching.models import Programme
    from coaching.services import (
        programme_assign,
        programme_copy,
        session_finish,
    )

    solo = User.objects.filter(email="solo@example.com").first()
    if solo is None or solo.assignments.exists():
        return False
    if not Coaching.objects.active().filter(coach=solo, athlete=solo).exists():
        return False
    template = Programme.objects.templates().filter(slug="whole-leg-strength-foundation").first()
    if template is None:
        return False
    today = today or date.today()
    programme = programme_copy(programme=template, coach=solo)
    starts_on = today - timedelta(days=today.weekday() + 7)
    programme_assign(coach=solo, programme=programme, athletes=[solo], starts_on=starts_on)
    sessions = list(
        solo.scheduled_sessions.filter(date__lt=today)
        .prefetch_related("prescriptions")
        .order_by("date")[:2]
    )
    for index, session in enumerate(sessions):
        _log_every_set(session, solo, lambda side, i=index: Decimal(30 + 2.5 * i))
        session_finish(session=session, by=solo, rpe=7, duration_minutes=45)
    return True


def _log_every_set(session, athlete: User, load_for) -> None:
    """Log every planned set of the session as prescribed, on its planned day, with
    load_for(side) as the load where the exercise takes one."""
    from coaching.services import session_log_open, set_log_record, set_log_target_values

    session_log_open(session=session, by=athlete, done_on=session.date)
    for prescription in session.prescriptions.all():
        target = set_log_target_values(prescription)
        sides = ["L", "R"] if prescription.per_side else [""]
        for number in range(1, (prescription.sets or 1) + 1):
            for side in sides:
                set_log_record(
                    session=session,
                    prescription=prescription,
                    set_number=number,
                    side=side,
                    by=athlete,
                    reps=target["reps"],
                    load_kg=load_for(side) if prescription.load_kind in {"kg", "rpe"} else None,
                    distance_m=target["distance_m"],
                    seconds=target["seconds"],
                )
