from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from athletes.services import roster_add
from coaching import selectors, services
from coaching.models import (
    Assignment,
    Prescription,
    Programme,
    ScheduledPrescription,
    ScheduledSession,
    SessionLog,
    Workout,
)
from tests.factories import (
    AthleteFactory,
    AthleteProfileFactory,
    ExerciseFactory,
    MuscleFactory,
    MuscleGroupFactory,
    PrescriptionFactory,
    ProgrammeFactory,
    WorkoutFactory,
)

MONDAY = date(2027, 1, 4)


@pytest.fixture
def muscles(db):
    ham = MuscleGroupFactory(slug="hamstrings", name="Hamstrings")
    glutes = MuscleGroupFactory(slug="glutes", name="Glutes")
    quads = MuscleGroupFactory(slug="quadriceps", name="Quadriceps")
    return {
        "ham": MuscleFactory(slug="biceps-femoris", group=ham),
        "glute": MuscleFactory(slug="gluteus-maximus", group=glutes),
        "quad": MuscleFactory(slug="rectus-femoris", group=quads),
    }


@pytest.fixture
def plan(coach, muscles):
    """Two weeks: a hamstring day on Tuesday and a squat day on Saturday."""
    programme = ProgrammeFactory(owner=coach, weeks=2, title="Hamstring block")
    curl = ExerciseFactory(name="Curl", primary_muscles=[muscles["ham"]])
    squat = ExerciseFactory(
        name="Squat", primary_muscles=[muscles["quad"]], secondary_muscles=[muscles["glute"]]
    )
    for week in (1, 2):
        tuesday = WorkoutFactory(programme=programme, week=week, day=1, title=f"Tue {week}")
        PrescriptionFactory(workout=tuesday, exercise=curl, sets=3)
        saturday = WorkoutFactory(programme=programme, week=week, day=5, title=f"Sat {week}")
        PrescriptionFactory(workout=saturday, exercise=squat, sets=4)
    return programme


def test_session_dates_follow_weekdays_from_the_start_date():
    assert services.session_date(MONDAY, 1, 0) == MONDAY
    assert services.session_date(MONDAY, 2, 1) == MONDAY + timedelta(days=8)
    wednesday = MONDAY + timedelta(days=2)
    # Week 1 is the seven days from the start: Monday falls after the weekend.
    assert services.session_date(wednesday, 1, 0) == MONDAY + timedelta(days=7)
    assert services.session_date(wednesday, 1, 2) == wednesday


def test_copy_of_a_template_is_deep_and_independent(plan, other_coach):
    copy = services.programme_copy(programme=plan, coach=other_coach)
    assert copy.owner == other_coach and copy.copied_from == plan
    assert copy.workouts.count() == 4
    assert Prescription.objects.filter(workout__programme=copy).count() == 4
    Prescription.objects.filter(workout__programme=copy).update(sets=9)
    assert set(
        Prescription.objects.filter(workout__programme=plan).values_list("sets", flat=True)
    ) == {3, 4}


def test_added_exercise_takes_the_library_default(plan, muscles):
    bound = ExerciseFactory(
        name="Bound",
        sets=3,
        reps_min=None,
        reps_max=None,
        distance_m=50,
        tempo="",
        primary_muscles=[muscles["glute"]],
    )
    workout = plan.workouts.first()
    added = services.prescription_add(workout=workout, exercise=bound)
    assert (added.sets, added.distance_m, added.position) == (3, 50, 1)
    assert added.target_text.startswith("3 × 50 m")


def test_prescription_update_refuses_a_stale_version(plan):
    item = Prescription.objects.filter(workout__programme=plan).first()
    services.prescription_update(prescription=item, version=1, sets=5)
    with pytest.raises(ValidationError) as error:
        services.prescription_update(prescription=item, version=1, sets=2)
    assert error.value.code == "conflict"
    item.refresh_from_db()
    assert (item.sets, item.version) == (5, 2)


def test_prescription_update_validates_tempo_and_ranges(plan):
    item = Prescription.objects.filter(workout__programme=plan).first()
    for values in ({"tempo": "slow"}, {"reps_min": 12, "reps_max": 6}, {"load_kind": "rpe"}):
        with pytest.raises(ValidationError):
            services.prescription_update(prescription=item, version=item.version, **values)
    item.refresh_from_db()
    assert item.tempo == "3-0-1-0"


def test_move_delete_and_undo_keep_the_order(plan, muscles):
    workout = plan.workouts.first()
    second = PrescriptionFactory(workout=workout, position=1)
    first = workout.prescriptions.order_by("position").first()
    services.prescription_move(prescription=second, offset=-1)
    assert list(workout.prescriptions.order_by("position")) == [second, first]
    token = services.prescription_delete(prescription=second)
    assert list(workout.prescriptions.all()) == [first]
    restored = services.prescription_restore(token=token, programme=plan)
    assert list(workout.prescriptions.order_by("position")) == [restored, first]
    assert restored.exercise == second.exercise
    with pytest.raises(ValidationError):
        services.prescription_restore(token=token + "x", programme=plan)


def test_undo_token_only_works_for_its_own_programme(plan, other_coach):
    item = Prescription.objects.filter(workout__programme=plan).first()
    token = services.prescription_delete(prescription=item)
    stranger = ProgrammeFactory(owner=other_coach)
    with pytest.raises(ValidationError):
        services.prescription_restore(token=token, programme=stranger)


def test_duplicate_workout_and_week(plan):
    tuesday = plan.workouts.get(title="Tue 1")
    copy = services.workout_duplicate(workout=tuesday, week=2, day=3)
    assert (copy.week, copy.day, copy.prescriptions.count()) == (2, 3, 1)
    copies = services.week_duplicate(programme=plan, from_week=1, to_week=2)
    assert len(copies) == 2
    assert plan.workouts.filter(week=2).count() == 5
    with pytest.raises(ValidationError):
        services.week_duplicate(programme=plan, from_week=1, to_week=9)


def test_shortening_a_programme_refuses_to_drop_workouts(plan):
    with pytest.raises(ValidationError) as error:
        services.programme_update(programme=plan, weeks=1)
    assert "Week 2 still holds workouts" in str(error.value)
    plan.refresh_from_db()
    assert plan.weeks == 2


def test_balance_counts_sets_per_group_and_flags_quad_heavy_plans(plan):
    balance = services.programme_balance(
        workouts=selectors.workouts_with_prescriptions(plan), weeks=plan.weeks
    )
    assert balance.weekly_sets[1] == {"hamstrings": 3, "quadriceps": 4, "glutes": 2}
    assert balance.posterior_share == round(100 * 10 / 18)
    assert not balance.leans_on_quads
    Prescription.objects.filter(exercise__name="Squat").update(sets=10)
    balance = services.programme_balance(
        workouts=selectors.workouts_with_prescriptions(plan), weeks=plan.weeks
    )
    assert balance.leans_on_quads


@pytest.fixture
def squad_of_two(coach):
    athletes = []
    for name, long_run in (("Ann", 6), ("Ben", 0)):
        athlete = AthleteFactory(name=name)
        AthleteProfileFactory(user=athlete, long_run_day=long_run, hard_days=[3])
        roster_add(coach=coach, athlete=athlete)
        athletes.append(athlete)
    return athletes


def test_assign_copies_the_plan_onto_each_athletes_dates(coach, plan, squad_of_two):
    assignments = services.programme_assign(
        coach=coach, programme=plan, athletes=squad_of_two, starts_on=MONDAY
    )
    assert len(assignments) == 2
    dates = list(
        ScheduledSession.objects.filter(athlete=squad_of_two[0]).values_list("date", "title")
    )
    assert dates == [
        (MONDAY + timedelta(days=1), "Tue 1"),
        (MONDAY + timedelta(days=5), "Sat 1"),
        (MONDAY + timedelta(days=8), "Tue 2"),
        (MONDAY + timedelta(days=12), "Sat 2"),
    ]
    assert ScheduledPrescription.objects.filter(session__athlete=squad_of_two[1]).count() == 4


def test_assigning_is_all_or_nothing(coach, plan, squad_of_two, other_athlete):
    with pytest.raises(ValidationError):
        services.programme_assign(
            coach=coach,
            programme=plan,
            athletes=[*squad_of_two, other_athlete],
            starts_on=MONDAY,
        )
    assert Assignment.objects.count() == 0 and ScheduledSession.objects.count() == 0


def test_athletes_for_assignment_refuses_strangers_and_expands_squads(
    coach, squad_of_two, other_athlete
):
    from tests.factories import SquadFactory

    squad = SquadFactory(coach=coach)
    squad.members.add(*squad_of_two)
    chosen = services.athletes_for_assignment(coach=coach, athlete_ids=[], squad_ids=[squad.pk])
    assert chosen == squad_of_two
    with pytest.raises(ValidationError):
        services.athletes_for_assignment(coach=coach, athlete_ids=[other_athlete.pk], squad_ids=[])


def test_preview_warns_of_leg_work_the_day_before_long_run_or_hard_day(coach, plan, squad_of_two):
    preview = services.assignment_preview(
        workouts=selectors.workouts_with_prescriptions(plan),
        athletes=squad_of_two,
        starts_on=MONDAY,
    )
    ann, ben = preview.plans
    # Ann runs long on Sunday: Saturday's squats clash; her Thursday hard day follows nothing.
    saturdays = [MONDAY + timedelta(days=5), MONDAY + timedelta(days=12)]
    assert [w.date for w in ann.warnings] == saturdays
    assert ann.warnings[0].rule == "heavy leg strength the day before the long run"
    # Friday: not a hard day nor the day before one, and free (Monday is free but further).
    assert [w.move_to for w in ann.warnings] == [d - timedelta(days=1) for d in saturdays]
    # Ben runs long on Monday and hard on Thursday: no Sunday or Wednesday sessions.
    assert ben.warnings == []
    assert len(preview.sessions) == 4 and len(preview.weeks) == 2


def test_template_edits_reach_athletes_only_when_pushed(coach, plan, squad_of_two):
    ann, ben = squad_of_two
    today = MONDAY + timedelta(days=6)  # Sunday of week 1: week 1 is past
    a_ann, a_ben = services.programme_assign(
        coach=coach, programme=plan, athletes=squad_of_two, starts_on=MONDAY
    )
    past_logged = ScheduledSession.objects.get(athlete=ann, title="Tue 1")
    SessionLog.objects.create(session=past_logged, athlete=ann, done_on=past_logged.date)
    Prescription.objects.filter(workout__programme=plan).update(sets=6)
    Workout.objects.filter(programme=plan).update(title="Renamed")
    assert set(ScheduledPrescription.objects.values_list("sets", flat=True)) == {3, 4}

    result = services.assignment_push_template(programme=plan, assignments=[a_ann], today=today)
    # Two future sessions rewritten, for one athlete (not 4: they are rewritten, not
    # deleted then counted again as created).
    assert (result.sessions, result.athletes, result.kept) == (2, 1, 0)
    ann_sessions = ScheduledSession.objects.filter(athlete=ann).order_by("date")
    assert [s.title for s in ann_sessions] == ["Tue 1", "Sat 1", "Renamed", "Renamed"]
    assert (
        ScheduledPrescription.objects.filter(
            session__athlete=ann, session__date__gte=today, sets=6
        ).count()
        == 2
    )
    past = ScheduledPrescription.objects.filter(session__athlete=ann, session__date__lt=today)
    assert set(past.values_list("sets", flat=True)) == {3, 4}
    # Ben was not chosen: his schedule is untouched.
    assert set(
        ScheduledPrescription.objects.filter(session__athlete=ben).values_list("sets", flat=True)
    ) == {3, 4}


def test_push_leaves_sessions_the_coach_adjusted(coach, plan, squad_of_two):
    (assignment,) = services.programme_assign(
        coach=coach, programme=plan, athletes=squad_of_two[:1], starts_on=MONDAY
    )
    session = assignment.sessions.get(title="Sat 2")
    services.session_adjust(
        session=session,
        date=session.date,
        title="Easy Saturday",
        notes="",
        prescriptions=[{"instance": p, "sets": 2} for p in session.prescriptions.all()],
    )
    Prescription.objects.filter(workout__programme=plan).update(sets=6)
    services.assignment_push_template(programme=plan, assignments=[assignment], today=MONDAY)
    session.refresh_from_db()
    assert session.title == "Easy Saturday"
    assert list(session.prescriptions.values_list("sets", flat=True)) == [2]


def test_pause_resume_shifts_unlogged_sessions_and_end_keeps_logs(coach, plan, squad_of_two):
    ann = squad_of_two[0]
    (assignment,) = services.programme_assign(
        coach=coach, programme=plan, athletes=[ann], starts_on=MONDAY
    )
    first = assignment.sessions.get(title="Tue 1")
    SessionLog.objects.create(session=first, athlete=ann, done_on=first.date)
    services.assignment_pause(assignment=assignment, today=MONDAY + timedelta(days=2))
    services.assignment_resume(assignment=assignment, today=MONDAY + timedelta(days=9))
    assert assignment.sessions.get(title="Sat 1").date == MONDAY + timedelta(days=12)
    assert assignment.sessions.get(title="Tue 1").date == MONDAY + timedelta(days=1)
    services.assignment_end(assignment=assignment, today=MONDAY + timedelta(days=10))
    assert list(assignment.sessions.values_list("title", flat=True)) == ["Tue 1"]
    assert assignment.status == Assignment.Status.ENDED
    with pytest.raises(ValidationError):
        services.assignment_pause(assignment=assignment)


def test_bundled_templates_load_once_and_are_balanced(db):
    from django.core.management import call_command

    call_command("load_library", stdout=open("/dev/null", "w"))  # noqa: SIM115
    created = services.programme_templates_load_bundled()
    assert {
        "eccentric-hamstring-block-marathon",
        "hip-extension-drill-set",
        "activation-before-runs",
        "whole-leg-strength-foundation",
    } <= set(created)
    assert services.programme_templates_load_bundled() == []
    bounds = Prescription.objects.filter(
        workout__programme__slug="hip-extension-drill-set", exercise__slug="straight-leg-bound"
    )
    distances = sorted({(p.workout.week, p.distance_m) for p in bounds})
    assert distances[0][1] == 50 and distances[-1][1] == 100
    foundation = Programme.objects.get(slug="whole-leg-strength-foundation")
    balance = services.programme_balance(
        workouts=selectors.workouts_with_prescriptions(foundation), weeks=foundation.weeks
    )
    assert balance.posterior_share >= 50


def test_lower_body_strength_ids_agree_with_the_rule(plan, muscles):
    upper = MuscleGroupFactory(slug="upper-body", name="Upper body")
    press = ExerciseFactory(name="Press", primary_muscles=[MuscleFactory(group=upper)])
    arms = WorkoutFactory(programme=plan, week=1, day=3, title="Arms")
    PrescriptionFactory(workout=arms, exercise=press)
    drills = WorkoutFactory(programme=plan, week=2, day=3, title="Drills", kind="drills")
    PrescriptionFactory(workout=drills, exercise=Prescription.objects.first().exercise)
    WorkoutFactory(programme=plan, week=2, day=4, title="Empty")
    workouts = selectors.workouts_with_prescriptions(plan)
    expected = {w.pk for w in workouts if services.is_lower_body_strength(w)}
    assert services.lower_body_strength_ids(workouts) == expected
    assert len(expected) == 4  # the Tuesday and Saturday sessions of both weeks
    plain = list(plan.workouts.all())
    preview = services.assignment_preview(workouts=plain, athletes=[], starts_on=MONDAY)
    assert len(preview.sessions) == len(plain)


def test_athletes_for_assignment_takes_the_chosen_from_a_given_roster(
    coach, squad_of_two, other_athlete
):
    from athletes.selectors import athletes_coached_by
    from tests.factories import SquadFactory

    squad = SquadFactory(coach=coach)
    squad.members.add(squad_of_two[1])
    roster = list(athletes_coached_by(coach).select_related("athlete_profile").order_by("name"))
    chosen = services.athletes_for_assignment(
        coach=coach, athlete_ids=[squad_of_two[0].pk], squad_ids=[squad.pk], roster=roster
    )
    queried = services.athletes_for_assignment(
        coach=coach, athlete_ids=[squad_of_two[0].pk], squad_ids=[squad.pk]
    )
    assert chosen == queried == squad_of_two
    with pytest.raises(ValidationError):
        services.athletes_for_assignment(
            coach=coach, athlete_ids=[other_athlete.pk], squad_ids=[], roster=roster
        )


def test_athletes_for_assignment_takes_the_chosen_from_the_roster_part_without_a_query(
    coach, squad_of_two, other_athlete, django_assert_num_queries
):
    ann, ben = squad_of_two
    with django_assert_num_queries(0):
        chosen = services.athletes_for_assignment(
            coach=coach, athlete_ids=[ann.pk], squad_ids=[], roster=[ann]
        )
    assert chosen == [ann]
    with pytest.raises(ValidationError):
        services.athletes_for_assignment(
            coach=coach, athlete_ids=[ann.pk, other_athlete.pk], squad_ids=[], roster=[ann]
        )
