"""Training data in bulk for `seed_demo`: a programme per coach, assigned to each of their
athletes, with past sessions logged set by set. Bulk inserts, a coach's group at a time,
so that 500 athletes x 52 weeks fits in memory and in well under two minutes."""

import random
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction

from athletes.models import User
from coaching.models import (
    Assignment,
    ExerciseFeedback,
    Prescription,
    Programme,
    ScheduledPrescription,
    ScheduledSession,
    SessionLog,
    SetLog,
    Workout,
)
from coaching.services import session_date
from library.models import Exercise

BATCH = 2000
# Two strength days a week, four exercises each, taken from the library by slug.
WEEK_PLAN = [
    (
        1,
        "Hamstrings and glutes",
        ["romanian-deadlift", "machine-hamstring-curl", "glute-bridge", "standing-calf-raise"],
    ),
    (
        4,
        "Single leg and core",
        ["single-leg-romanian-deadlift", "reverse-lunge", "slider-hamstring-curl", "plank"],
    ),
]


def _plan_exercises() -> dict[str, Exercise]:
    slugs = [slug for _day, _title, slugs in WEEK_PLAN for slug in slugs]
    found = {e.slug: e for e in Exercise.objects.filter(slug__in=slugs)}
    if len(found) < len(set(slugs)):
        # A curated library may lack some: fill in with any published strength exercise.
        spare = list(Exercise.objects.published().filter(kind="strength")[: len(slugs)])
        for slug in slugs:
            found.setdefault(slug, spare[len(found) % len(spare)])
    return found


@transaction.atomic
def seed_programme(*, coach: User, weeks: int) -> Programme:
    exercises = _plan_exercises()
    programme = Programme.objects.create(
        owner=coach,
        title=f"Strength for runners, {weeks} weeks",
        goal="Posterior-chain strength with slow lowering",
        weeks=weeks,
    )
    workouts = Workout.objects.bulk_create(
        Workout(programme=programme, week=week, day=day, title=title)
        for week in range(1, weeks + 1)
        for day, title, _slugs in WEEK_PLAN
    )
    prescriptions = []
    for workout in workouts:
        slugs = next(s for day, _t, s in WEEK_PLAN if day == workout.day)
        for position, slug in enumerate(slugs):
            exercise = exercises[slug]
            prescriptions.append(
                Prescription(
                    workout=workout,
                    exercise=exercise,
                    position=position,
                    sets=3,
                    reps_min=8,
                    reps_max=10,
                    per_side=exercise.is_unilateral,
                    tempo="3-0-1-0",
                    rest_seconds=90,
                    load_kind="kg",
                    load_value=Decimal(20 + 2 * (workout.week % 8)),
                )
            )
    Prescription.objects.bulk_create(prescriptions, batch_size=BATCH)
    return programme


@transaction.atomic
def seed_group_training(
    *, coach: User, athletes: list[User], programme: Programme, today: date, seed: int
) -> int:
    """Assign the programme to a coach's athletes from `weeks` ago (two weeks still to
    come) and log most past sessions. Returns the number of sets written."""
    # Demo data, not security: a seeded generator makes every run the same on purpose.
    rng = random.Random(seed)  # nosec B311
    starts_on = today - timedelta(weeks=programme.weeks - 2)
    workouts = list(programme.workouts.prefetch_related("prescriptions"))
    assignments = Assignment.objects.bulk_create(
        Assignment(
            programme=programme,
            title=programme.title,
            coach=coach,
            athlete=athlete,
            starts_on=starts_on,
        )
        for athlete in athletes
    )
    sessions = ScheduledSession.objects.bulk_create(
        (
            ScheduledSession(
                assignment=assignment,
                athlete_id=assignment.athlete_id,
                source_workout=workout,
                date=session_date(starts_on, workout.week, workout.day),
                week=workout.week,
                title=workout.title,
                kind=workout.kind,
            )
            for assignment in assignments
            for workout in workouts
        ),
        batch_size=BATCH,
    )
    by_workout = {w.pk: list(w.prescriptions.all()) for w in workouts}
    planned = ScheduledPrescription.objects.bulk_create(
        (
            ScheduledPrescription(session=session, **p.copy_values())
            for session in sessions
            for p in by_workout[session.source_workout_id]
        ),
        batch_size=BATCH,
    )
    planned_by_session: dict[int, list[ScheduledPrescription]] = {}
    for item in planned:
        planned_by_session.setdefault(item.session_id, []).append(item)
    done = [s for s in sessions if s.date < today and rng.random() < 0.85]
    logs = SessionLog.objects.bulk_create(
        (
            SessionLog(
                session=s,
                athlete_id=s.athlete_id,
                logged_by_id=s.athlete_id,
                done_on=s.date,
                completed_at=datetime.combine(s.date, time(18), tzinfo=UTC),
                rpe=rng.randint(5, 9),
                duration_minutes=rng.randint(30, 55),
            )
            for s in done
        ),
        batch_size=BATCH,
    )
    sets, feedback = [], []
    for log, session in zip(logs, done, strict=True):
        for item in planned_by_session[session.pk]:
            sides = ["L", "R"] if item.per_side else [""]
            for number in range(1, (item.sets or 1) + 1):
                for side in sides:
                    weaker = Decimal("0.85") if side == "L" and rng.random() < 0.1 else 1
                    sets.append(
                        SetLog(
                            log=log,
                            prescription=item,
                            set_number=number,
                            side=side,
                            reps=item.reps_max,
                            load_kg=(item.load_value or 0) * weaker,
                        )
                    )
            feedback.append(
                ExerciseFeedback(log=log, prescription=item, pain=rng.choice([0, 0, 0, 1, 2, 6]))
            )
    SetLog.objects.bulk_create(sets, batch_size=BATCH)
    ExerciseFeedback.objects.bulk_create(feedback, batch_size=BATCH)
    return len(sets)


def seed_training(
    *, coaches: list[User], athletes: list[User], weeks: int, per_coach: int, today: date
) -> int:
    """Athlete n is coached by coaches[(n - 1) // per_coach]. Athletes who already have a
    programme are left alone, so a second run adds only what is missing."""
    from athletes.models import AthleteProfile, Coaching

    existing = set(Coaching.objects.filter(athlete__in=athletes).values_list("athlete", flat=True))
    Coaching.objects.bulk_create(
        (
            Coaching(coach=coaches[index // per_coach], athlete=athlete)
            for index, athlete in enumerate(athletes)
            if athlete.pk not in existing
        ),
        batch_size=BATCH,
    )
    AthleteProfile.objects.bulk_create(
        (
            AthleteProfile(
                user=athlete,
                goal_event="marathon",
                weekly_km=40 + index % 50,
                long_run_day=6,
                hard_days=[1, 3],
            )
            for index, athlete in enumerate(athletes)
        ),
        batch_size=BATCH,
        ignore_conflicts=True,
    )
    assigned = set(
        Assignment.objects.filter(athlete__in=athletes).values_list("athlete", flat=True)
    )
    written = 0
    for number, coach in enumerate(coaches):
        group = [
            a
            for a in athletes[number * per_coach : (number + 1) * per_coach]
            if a.pk not in assigned
        ]
        if not group:
            continue
        programme = seed_programme(coach=coach, weeks=max(weeks, 3))
        written += seed_group_training(
            coach=coach, athletes=group, programme=programme, today=today, seed=number
        )
    return written
