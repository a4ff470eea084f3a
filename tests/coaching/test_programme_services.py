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


# Copied and imported titles -------------------------------------------------------


def test_copies_get_a_title_told_apart_from_the_original_and_each_other(plan, coach):
    first = services.programme_copy(programme=plan, coach=coach)
    second = services.programme_copy(programme=plan, coach=coach)
    of_a_copy = services.programme_copy(programme=first, coach=coach)
    assert [first.title, second.title, of_a_copy.title] == [
        "Hamstring block (copy)",
        "Hamstring block (copy 2)",
        "Hamstring block (copy 3)",
    ]
    template = ProgrammeFactory(owner=None, slug="tpl", title="Eccentric hamstring block")
    assert (
        services.programme_copy(programme=template, coach=coach).title
        == "Eccentric hamstring block (copy)"
    )


def test_a_long_title_keeps_its_suffix_within_the_field(coach):
    long = ProgrammeFactory(owner=coach, title="L" * 120)
    copy = services.programme_copy(programme=long, coach=coach)
    assert len(copy.title) == 120 and copy.title.endswith(" (copy)")


def test_import_is_told_apart_only_when_the_coach_has_that_title(plan, coach, other_coach):
    from coaching.exports import programme_export

    data = programme_export(plan)
    assert services.programme_import(coach=other_coach, data=data).title == "Hamstring block"
    assert services.programme_import(coach=coach, data=data).title == "Hamstring block (imported)"
    assert services.programme_import(coach=coach, data=data).title == "Hamstring block (imported 2)"


# Placement rules ----------------------------------------------------------------


@pytest.fixture
def runner_week(coach):
    """Hard sessions on Tuesday and Thursday, the long run on Sunday."""
    athlete = AthleteFactory(name="Tess Tempo")
    AthleteProfileFactory(user=athlete, hard_days=[1, 3], long_run_day=6)
    roster_add(coach=coach, athlete=athlete)
    return athlete


@pytest.fixture
def clashing_plan(coach, muscles):
    """Week 1: hamstrings on Tuesday (a hard day), calf hops on Saturday (before the long
    run), upper body on Thursday (a hard day), mobility on Sunday. Week 2: hamstrings on
    Tuesday."""
    programme = ProgrammeFactory(owner=coach, weeks=2, title="Clashes")
    calves = MuscleFactory(slug="gastrocnemius", group=MuscleGroupFactory(slug="calves"))
    chest = MuscleFactory(slug="pectoralis", group=MuscleGroupFactory(slug="chest"))
    curl = ExerciseFactory(name="Nordic hamstring curl", primary_muscles=[muscles["ham"]])
    hops = ExerciseFactory(name="Pogo hops", primary_muscles=[calves])
    press = ExerciseFactory(name="Push-up", primary_muscles=[chest])
    for week, day, title, kind, exercise in (
        (1, 1, "Hamstring strength", "strength", curl),
        (1, 3, "Upper body", "strength", press),
        (1, 5, "Calf hops", "plyometric", hops),
        (1, 6, "Mobility", "mobility", hops),
        (2, 1, "Hamstring strength", "strength", curl),
    ):
        workout = WorkoutFactory(programme=programme, week=week, day=day, title=title, kind=kind)
        PrescriptionFactory(workout=workout, exercise=exercise, sets=3, reps_min=5, reps_max=5)
    return programme


def test_preview_names_the_rule_and_a_day_that_breaks_none(clashing_plan, runner_week):
    preview = services.assignment_preview(
        workouts=selectors.workouts_with_prescriptions(clashing_plan),
        athletes=[runner_week],
        starts_on=MONDAY,
        today=MONDAY - timedelta(days=1),
    )
    (plan,) = preview.plans
    found = [(w.date, w.title, w.rule, w.move_to) for w in plan.warnings]
    day = lambda n: MONDAY + timedelta(days=n)  # noqa: E731
    assert found == [
        # Monday and Wednesday are the days before hard sessions; Friday is free.
        (day(1), "Hamstring strength", "strength on a hard-run day", day(4)),
        # Upper body: the day before a hard day is fine, Wednesday is nearest and free.
        (day(3), "Upper body", "strength on a hard-run day", day(2)),
        # Friday is now taken by the move above; no other day fits.
        (day(5), "Calf hops", "heavy leg strength the day before the long run", None),
        (day(8), "Hamstring strength", "strength on a hard-run day", day(11)),
    ]


def test_preview_counts_the_athletes_other_sessions_as_taken(clashing_plan, runner_week):
    # A session of another plan on the only day that would have fitted.
    ScheduledSession.objects.create(
        athlete=runner_week, date=MONDAY + timedelta(days=11), title="Gym", kind="strength"
    )
    preview = services.assignment_preview(
        workouts=selectors.workouts_with_prescriptions(clashing_plan),
        athletes=[runner_week],
        starts_on=MONDAY,
        today=MONDAY,
    )
    assert preview.plans[0].warnings[-1].move_to is None


def test_moves_suggested_after_assigning_break_no_rule(coach, clashing_plan, runner_week):
    (assignment,) = services.programme_assign(
        coach=coach, programme=clashing_plan, athletes=[runner_week], starts_on=MONDAY
    )
    assignment = Assignment.objects.select_related("athlete__athlete_profile").get()
    warnings = services.placement_warnings(assignments=[assignment], today=MONDAY)
    assert [w.move_to for w in warnings] == [
        MONDAY + timedelta(days=n) if n is not None else None for n in (4, 2, None, 11)
    ]
    for warning in warnings:
        if warning.move_to:
            session = ScheduledSession.objects.get(pk=warning.session_id)
            services.session_move(session=session, to=warning.move_to, today=MONDAY)
    left = services.placement_warnings(assignments=[assignment], today=MONDAY)
    assert [(w.title, w.move_to) for w in left] == [("Calf hops", None)]
    assert ScheduledSession.objects.filter(adjusted_by_coach=True).count() == 3


def test_a_move_is_refused_for_a_logged_or_past_day(coach, clashing_plan, runner_week):
    (assignment,) = services.programme_assign(
        coach=coach, programme=clashing_plan, athletes=[runner_week], starts_on=MONDAY
    )
    session = assignment.sessions.filter(title="Hamstring strength").first()
    with pytest.raises(ValidationError, match="today or later"):
        services.session_move(session=session, to=MONDAY, today=MONDAY + timedelta(days=1))
    SessionLog.objects.create(session=session, athlete=runner_week, done_on=session.date)
    with pytest.raises(ValidationError, match="already logged"):
        services.session_move(session=session, to=MONDAY + timedelta(days=4), today=MONDAY)
    session.refresh_from_db()
    assert session.date == MONDAY + timedelta(days=1) and not session.adjusted_by_coach


# Who is behind, what changed, and the push -----------------------------------------


def test_assigning_records_the_programmes_version(coach, plan, squad_of_two):
    services.workout_update(workout=plan.workouts.first(), title="Renamed")  # stale `plan`
    assignments = services.programme_assign(
        coach=coach, programme=plan, athletes=squad_of_two, starts_on=MONDAY
    )
    version = Programme.objects.get(pk=plan.pk).version
    assert version == 2 and {a.programme_version for a in assignments} == {2}
    assert not selectors.assignments_behind(coach, plan).exists()


def test_changes_name_each_upcoming_session_and_the_kept_ones(coach, clashing_plan, runner_week):
    (assignment,) = services.programme_assign(
        coach=coach, programme=clashing_plan, athletes=[runner_week], starts_on=MONDAY
    )
    week1 = assignment.sessions.get(title="Hamstring strength", week=1)
    services.session_move(session=week1, to=MONDAY + timedelta(days=4), today=MONDAY)
    for item in Prescription.objects.filter(exercise__name="Nordic hamstring curl"):
        services.prescription_update(prescription=item, version=item.version, sets=4)
    tuesday = clashing_plan.workouts.get(week=2, day=1)
    services.prescription_add(
        workout=tuesday, exercise=ExerciseFactory(name="Single-leg bridge", sets=3)
    )
    services.workout_delete(workout=clashing_plan.workouts.get(title="Mobility"))
    clashing_plan.refresh_from_db()
    (behind,) = selectors.assignments_behind(coach, clashing_plan)
    (plan,) = services.programme_changes(
        programme=clashing_plan, assignments=[behind], today=MONDAY
    )
    lines = [(c.label, c.title, c.details, c.kept) for c in plan.changes]
    assert lines == [
        ("Week 1 Friday", "Hamstring strength", ["kept: you adjusted it for this athlete"], True),
        ("Week 1 Sunday", "Mobility", ["removed"], False),
        (
            "Week 2 Tuesday",
            "Hamstring strength",
            [
                "Nordic hamstring curl 3 × 5 reps · 1 min 30 s rest → 4 × 5 reps · 1 min 30 s rest",
                "Single-leg bridge added",
            ],
            False,
        ),
    ]
    result = services.assignment_push_template(
        programme=clashing_plan, assignments=[behind], today=MONDAY
    )
    assert (result.sessions, result.athletes, result.kept) == (2, 1, 1)
    behind.refresh_from_db()
    assert behind.programme_version == clashing_plan.version
    week1.refresh_from_db()
    assert week1.date == MONDAY + timedelta(days=4)
    assert list(week1.prescriptions.values_list("sets", flat=True)) == [3]
    week2 = assignment.sessions.get(title="Hamstring strength", week=2)
    assert list(week2.prescriptions.values_list("exercise__name", "sets")) == [
        ("Nordic hamstring curl", 4),
        ("Single-leg bridge", 3),
    ]
    # Rewritten in place: the calendar feed's session keeps its identity.
    assert week2.pk in {session.pk for session, _workout, _date in plan.updates}
    again = services.assignment_push_template(
        programme=clashing_plan, assignments=[behind], today=MONDAY
    )
    assert (again.sessions, again.athletes) == (0, 0)


def test_behind_counts_active_and_paused_assignments_of_this_coach_only(
    coach, other_coach, plan, squad_of_two
):
    ann, ben = squad_of_two
    a_ann, a_ben = services.programme_assign(
        coach=coach, programme=plan, athletes=squad_of_two, starts_on=MONDAY
    )
    services.assignment_pause(assignment=a_ann, today=MONDAY)
    services.workout_update(workout=plan.workouts.first(), title="Renamed")
    plan.refresh_from_db()
    assert list(selectors.assignments_behind(coach, plan)) == [a_ann, a_ben]
    assert not selectors.assignments_behind(other_coach, plan).exists()
    services.assignment_end(assignment=a_ben, today=MONDAY)
    assert list(selectors.assignments_behind(coach, plan)) == [a_ann]
    # Ended assignments are left out of a push even when chosen.
    result = services.assignment_push_template(
        programme=plan, assignments=[a_ann, a_ben], today=MONDAY
    )
    assert (result.athletes, result.sessions) == (1, 1)  # the renamed workout only
    a_ben.refresh_from_db()
    assert a_ben.programme_version == 1


def test_push_after_a_pause_keeps_the_days_the_athlete_resumed_with(coach, plan, squad_of_two):
    ann = squad_of_two[0]
    (assignment,) = services.programme_assign(
        coach=coach, programme=plan, athletes=[ann], starts_on=MONDAY
    )
    services.assignment_pause(assignment=assignment, today=MONDAY)
    resumed = MONDAY + timedelta(days=3)  # three days off: every session 3 days later
    services.assignment_resume(assignment=assignment, today=resumed)
    dates = dict(assignment.sessions.values_list("pk", "date"))
    for item in Prescription.objects.filter(workout__programme=plan):
        services.prescription_update(prescription=item, version=item.version, sets=5)
    (changes,) = services.programme_changes(programme=plan, assignments=[assignment], today=resumed)
    assert not any("moves" in " ".join(c.details) for c in changes.changes)
    result = services.assignment_push_template(
        programme=plan, assignments=[assignment], today=resumed
    )
    assert (result.sessions, result.athletes) == (4, 1)
    assert dict(assignment.sessions.values_list("pk", "date")) == dates
    assert set(ScheduledPrescription.objects.values_list("sets", flat=True)) == {5}


def test_push_moves_a_session_whose_workout_moved_to_another_day(coach, plan, squad_of_two):
    (assignment,) = services.programme_assign(
        coach=coach, programme=plan, athletes=squad_of_two[:1], starts_on=MONDAY
    )
    services.workout_update(workout=plan.workouts.get(title="Sat 2"), day=4)  # to Friday
    (changes,) = services.programme_changes(programme=plan, assignments=[assignment], today=MONDAY)
    (moved,) = [c for c in changes.changes if c.title == "Sat 2"]
    assert moved.label == "Week 2 Friday"
    assert moved.details == ["moves from Sat 16 Jan to Fri 15 Jan"]
    services.assignment_push_template(programme=plan, assignments=[assignment], today=MONDAY)
    assert assignment.sessions.get(title="Sat 2").date == MONDAY + timedelta(days=11)
