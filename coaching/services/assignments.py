"""Assigning programmes and keeping athletes' schedules in step with them: the calendar
preview and its run-aware placement rules, pushes of a coach's edits, pause and resume,
and one athlete's adjustments. Every write is atomic and keyword-only."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Prefetch
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _

from athletes.models import WEEKDAYS, AthleteProfile, User
from athletes.selectors import athletes_coached_by
from caching.versions import changed
from coaching.models import (
    LOWER_BODY_GROUPS,
    Assignment,
    Prescription,
    Programme,
    ScheduledPrescription,
    ScheduledSession,
    SessionLog,
    Workout,
    WorkoutKind,
)

# Assignment -----------------------------------------------------------------------


def session_date(starts_on: date, week: int, day: int) -> date:
    """Week 1 is the seven days from the start date; each workout falls on its weekday."""
    block_start = starts_on + timedelta(weeks=week - 1)
    return block_start + timedelta(days=(day - block_start.weekday()) % 7)


LEG_WORK_KINDS = {WorkoutKind.STRENGTH, WorkoutKind.PLYOMETRIC}


def is_lower_body_strength(workout: Workout) -> bool:
    if workout.kind not in LEG_WORK_KINDS:
        return False
    return any(
        muscle.group.slug in LOWER_BODY_GROUPS
        for prescription in workout.prescriptions.all()
        for muscle in prescription.exercise.primary_muscles.all()
    )


def lower_body_strength_ids(workouts: list[Workout]) -> set[int]:
    """The workouts `is_lower_body_strength` flags, found in one query rather than by
    loading every exercise and muscle of the plan."""
    candidates = [w.pk for w in workouts if w.kind in LEG_WORK_KINDS]
    if not candidates:
        return set()
    return set(
        Prescription.objects.filter(
            workout__in=candidates,
            exercise__primary_muscles__group__slug__in=LOWER_BODY_GROUPS,
        )
        .values_list("workout_id", flat=True)
        .distinct()
    )


@dataclass
class PlannedSession:
    date: date
    workout: Workout


@dataclass
class Placement:
    """A strength session on a day the athlete's running week makes a poor one, the rule
    it breaks, and the nearest day of its week that breaks none (None: no day does)."""

    athlete: User
    date: date
    title: str
    rule: str
    move_to: date | None
    session_id: int | None = None  # once assigned: the session a move applies to


@dataclass
class AthletePlan:
    athlete: User
    profile: AthleteProfile | None
    warnings: list[Placement]


@dataclass
class AssignmentPreview:
    sessions: list[PlannedSession]
    plans: list[AthletePlan]

    @property
    def weeks(self) -> list[list[PlannedSession]]:
        grouped: dict[int, list[PlannedSession]] = defaultdict(list)
        for planned in self.sessions:
            grouped[planned.workout.week].append(planned)
        return [grouped[w] for w in sorted(grouped)]

    @property
    def warning_count(self) -> int:
        return sum(len(plan.warnings) for plan in self.plans)


@dataclass
class _Slot:
    """A session as the placement rules see it."""

    date: date
    title: str
    kind: str
    leg_work: bool
    week_start: date
    session_id: int | None = None


def _broken_rule(day: date, *, leg_work: bool, profile: AthleteProfile) -> str:
    """The rule a strength session on `day` breaks for this athlete, or ""."""
    hard = set(profile.hard_days or [])
    weekday, next_day = day.weekday(), (day.weekday() + 1) % 7
    if weekday in hard:
        return _("strength on a hard-run day")
    if weekday == profile.long_run_day:
        return _("strength on the long-run day")
    if leg_work and next_day == profile.long_run_day:
        return _("heavy leg strength the day before the long run")
    if leg_work and next_day in hard:
        return _("heavy leg strength the day before a hard session")
    return ""


def _placements(
    *, athlete: User, profile: AthleteProfile, slots: list[_Slot], busy: set[date], today: date
) -> list[Placement]:
    """Each strength session that breaks a rule, with the nearest day of the same
    programme week that is today or later, breaks no rule and holds no other session
    (`busy`: every date the athlete has a session on). Days suggested are taken in date
    order, so two moves never suggest the same day."""
    busy = set(busy)
    found = []
    for slot in sorted(slots, key=lambda s: (s.date, s.session_id or 0)):
        if slot.kind not in LEG_WORK_KINDS:
            continue
        rule = _broken_rule(slot.date, leg_work=slot.leg_work, profile=profile)
        if not rule:
            continue
        days = [slot.week_start + timedelta(days=n) for n in range(7)]
        fits = [
            day
            for day in days
            if day != slot.date
            and day >= today
            and day not in busy
            and not _broken_rule(day, leg_work=slot.leg_work, profile=profile)
        ]
        move_to = min(fits, key=lambda day: (abs((day - slot.date).days), day), default=None)
        if move_to is not None:
            busy.add(move_to)
        found.append(
            Placement(
                athlete=athlete,
                date=slot.date,
                title=slot.title,
                rule=rule,
                move_to=move_to,
                session_id=slot.session_id,
            )
        )
    return found


def _busy_days(athlete_ids: list[int], first: date, last: date) -> dict[int, set[date]]:
    busy: dict[int, set[date]] = defaultdict(set)
    if athlete_ids:
        for athlete_id, day in ScheduledSession.objects.filter(
            athlete__in=athlete_ids, date__range=(first, last)
        ).values_list("athlete_id", "date"):
            busy[athlete_id].add(day)
    return busy


def assignment_preview(
    *,
    workouts: list[Workout],
    athletes: list[User],
    starts_on: date,
    leg_work: set[int] | None = None,
    today: date | None = None,
) -> AssignmentPreview:
    """The calendar an assignment would create and, per athlete with a running week in
    their profile, each strength session on a poor day with where to move it (the
    athlete's other sessions count as taken days). Writes nothing.
    `leg_work`, when given, is `lower_body_strength_ids(workouts)` worked out earlier."""
    today = today or timezone.localdate()
    if leg_work is None:
        leg_work = lower_body_strength_ids(workouts)
    sessions = sorted(
        (PlannedSession(date=session_date(starts_on, w.week, w.day), workout=w) for w in workouts),
        key=lambda s: (s.date, s.workout.position),
    )
    slots = [
        _Slot(
            date=s.date,
            title=s.workout.title,
            kind=s.workout.kind,
            leg_work=s.workout.pk in leg_work,
            week_start=starts_on + timedelta(weeks=s.workout.week - 1),
        )
        for s in sessions
    ]
    checked = [a for a in athletes if getattr(a, "athlete_profile", None) is not None]
    busy = {}
    if sessions and checked:
        busy = _busy_days([a.pk for a in checked], starts_on, sessions[-1].date + timedelta(7))
    plans = []
    for athlete in athletes:
        profile = getattr(athlete, "athlete_profile", None)
        warnings = []
        if profile is not None:
            taken = busy.get(athlete.pk, set()) | {s.date for s in sessions}
            warnings = _placements(
                athlete=athlete, profile=profile, slots=slots, busy=taken, today=today
            )
        plans.append(AthletePlan(athlete=athlete, profile=profile, warnings=warnings))
    return AssignmentPreview(sessions=sessions, plans=plans)


def placement_warnings(
    *, assignments: list[Assignment], today: date | None = None
) -> list[Placement]:
    """The placement warnings left in the upcoming, unlogged sessions of these active
    assignments (with their athletes' profiles), in a fixed number of queries."""
    today = today or timezone.localdate()
    active = [
        a
        for a in assignments
        if a.status == Assignment.Status.ACTIVE
        and getattr(a.athlete, "athlete_profile", None) is not None
    ]
    if not active:
        return []
    sessions = list(
        ScheduledSession.objects.filter(
            assignment__in=active, date__gte=today, log__isnull=True, kind__in=LEG_WORK_KINDS
        ).only("pk", "assignment_id", "athlete_id", "date", "week", "title", "kind")
    )
    if not sessions:
        return []
    leg_work = set(
        ScheduledPrescription.objects.filter(
            session__in=[s.pk for s in sessions],
            exercise__primary_muscles__group__slug__in=LOWER_BODY_GROUPS,
        )
        .values_list("session_id", flat=True)
        .distinct()
    )
    busy = _busy_days(
        sorted({a.athlete_id for a in active}),
        today - timedelta(days=7),
        max(s.date for s in sessions) + timedelta(days=7),
    )
    by_assignment: dict[int, list[_Slot]] = defaultdict(list)
    for s in sessions:
        by_assignment[s.assignment_id].append(s)
    found = []
    for assignment in active:
        starts_on = assignment.starts_on
        slots = [
            _Slot(
                date=s.date,
                title=s.title,
                kind=s.kind,
                leg_work=s.pk in leg_work,
                week_start=(
                    starts_on + timedelta(weeks=s.week - 1)
                    if s.week
                    else s.date - timedelta(days=s.date.weekday())
                ),
                session_id=s.pk,
            )
            for s in by_assignment[assignment.pk]
        ]
        found += _placements(
            athlete=assignment.athlete,
            profile=assignment.athlete.athlete_profile,
            slots=slots,
            busy=busy[assignment.athlete_id],
            today=today,
        )
    return found


def athletes_for_assignment(
    *,
    coach: User,
    athlete_ids: list[int],
    squad_ids: list[int],
    roster: list[User] | None = None,
) -> list[User]:
    """The chosen athletes and squad members, refusing anyone off the coach's roster.
    `roster`, when the caller has it already, is `athletes_coached_by(coach)` ordered by
    name with each athlete's profile (or the part of it holding everyone chosen, squad
    members included): the chosen are then taken from it."""
    chosen = set(athlete_ids)
    if squad_ids:
        chosen |= set(
            athletes_coached_by(coach)
            .filter(squads_joined__in=squad_ids, squads_joined__coach=coach)
            .values_list("pk", flat=True)
        )
    if roster is None:
        athletes = list(
            athletes_coached_by(coach)
            .filter(pk__in=chosen)
            .select_related("athlete_profile")
            .order_by("name")
        )
    else:
        athletes = [athlete for athlete in roster if athlete.pk in chosen]
    if len(athletes) != len(chosen):
        raise ValidationError(_("You can only assign programmes to athletes on your roster."))
    return athletes


@transaction.atomic
def programme_assign(
    *, coach: User, programme: Programme, athletes: list[User], starts_on: date
) -> list[Assignment]:
    """Give the programme to each athlete: all of them or, on any error, none. Each
    assignment records the programme's version its sessions were made from."""
    if not athletes:
        raise ValidationError(_("Choose at least one athlete or squad."))
    roster = set(athletes_coached_by(coach).values_list("pk", flat=True))
    if any(athlete.pk not in roster for athlete in athletes):
        raise ValidationError(_("You can only assign programmes to athletes on your roster."))
    # The version first, then the workouts: an edit in between shows as one to push.
    programme.refresh_from_db(fields=["version"])
    workouts = list(programme.workouts.prefetch_related("prescriptions"))
    if not workouts:
        raise ValidationError(_("This programme has no workouts yet."))
    assignments = Assignment.objects.bulk_create(
        Assignment(
            programme=programme,
            title=programme.title,
            coach=coach,
            athlete=athlete,
            starts_on=starts_on,
            programme_version=programme.version,
        )
        for athlete in athletes
    )
    for assignment in assignments:
        _schedule(assignment=assignment, workouts=workouts)
    return assignments


def _schedule(*, assignment: Assignment, workouts: list[Workout]) -> list[ScheduledSession]:
    sessions = ScheduledSession.objects.bulk_create(
        ScheduledSession(
            assignment=assignment,
            athlete_id=assignment.athlete_id,
            source_workout=workout,
            date=session_date(assignment.starts_on, workout.week, workout.day),
            week=workout.week,
            title=workout.title,
            kind=workout.kind,
            notes=workout.notes,
        )
        for workout in workouts
    )
    ScheduledPrescription.objects.bulk_create(
        ScheduledPrescription(session=session, **prescription.copy_values())
        for session, workout in zip(sessions, workouts, strict=True)
        for prescription in workout.prescriptions.all()
    )
    changed([assignment.athlete_id])  # bulk_create sends no post_save
    return sessions


def _unlogged_future(assignment: Assignment, today: date):
    return assignment.sessions.filter(date__gte=today, log__isnull=True)


# Keeping athletes in step with their programme ----------------------------------


@dataclass
class SessionChange:
    """What a push does to one upcoming session, or why it leaves it."""

    date: date
    label: str  # "Week 2 Tuesday"
    title: str
    details: list[str]
    kept: bool = False


@dataclass
class PushPlan:
    """One athlete's upcoming sessions against the programme as it is now."""

    assignment: Assignment
    changes: list[SessionChange] = field(default_factory=list)
    updates: list[tuple[ScheduledSession, Workout, date]] = field(default_factory=list)
    adds: list[tuple[Workout, date]] = field(default_factory=list)
    removes: list[ScheduledSession] = field(default_factory=list)

    @property
    def session_count(self) -> int:
        return len(self.updates) + len(self.adds) + len(self.removes)

    @property
    def kept_count(self) -> int:
        return sum(change.kept for change in self.changes)


@dataclass
class PushResult:
    athletes: int  # whose sessions changed
    sessions: int  # sessions rewritten, added or removed
    kept: int  # upcoming sessions left as the coach adjusted them


def _label(week: int | None, day: date | int) -> str:
    names = dict(WEEKDAYS)
    weekday = day if isinstance(day, int) else day.weekday()
    if week is None:
        return str(names[weekday])
    return _("Week %(week)s %(day)s") % {"week": week, "day": names[weekday]}


def _short_date(day: date) -> str:
    return dateformat.format(day, "D j M")


def _prescription_changes(old: list[ScheduledPrescription], new: list[Prescription]) -> list[str]:
    """Exercise by exercise, in words: "Nordic curl 3 × 5 → 4 × 5", "Bridge added"."""
    fields = [n for n in Prescription.COPIED_FIELDS if n not in {"exercise_id", "position"}]

    def values(item):
        return [getattr(item, n) for n in fields]

    if [(o.exercise_id, values(o)) for o in old] == [(n.exercise_id, values(n)) for n in new]:
        return []
    unmatched = list(old)
    lines = []
    for item in new:
        match = next((o for o in unmatched if o.exercise_id == item.exercise_id), None)
        name = item.exercise.name
        if match is None:
            lines.append(_("%(exercise)s added") % {"exercise": name})
            continue
        unmatched.remove(match)
        if values(match) == values(item):
            continue
        before, after = match.target_with_load, item.target_with_load
        if before != after:
            lines.append(f"{name} {before} → {after}")
        else:
            changed = [
                str(Prescription._meta.get_field(n).verbose_name)
                for n in fields
                if getattr(match, n) != getattr(item, n)
            ]
            lines.append(
                _("%(exercise)s: %(fields)s changed")
                % {"exercise": name, "fields": ", ".join(changed)}
            )
    lines += [_("%(exercise)s removed") % {"exercise": o.exercise.name} for o in unmatched]
    return lines or [_("exercise order changed")]


def _session_changes(session: ScheduledSession, workout: Workout, planned: date) -> list[str]:
    lines = []
    if session.date != planned:
        lines.append(
            _("moves from %(old)s to %(new)s")
            % {"old": _short_date(session.date), "new": _short_date(planned)}
        )
    if session.title != workout.title:
        lines.append(_("renamed %(new)s") % {"new": workout.title})
    if session.kind != workout.kind:
        lines.append(_("now %(kind)s") % {"kind": str(WorkoutKind(workout.kind).label).lower()})
    if session.notes != workout.notes:
        lines.append(_("notes changed"))
    return lines + _prescription_changes(
        list(session.prescriptions.all()), list(workout.prescriptions.all())
    )


def _pause_shift(
    assignment: Assignment, replaceable: dict[int, ScheduledSession], workouts: list[Workout]
) -> timedelta:
    """How far a pause moved this athlete's upcoming sessions from their planned days, so
    that a push keeps them on the days the athlete resumed with: the offset from the plan
    that most of them share, if two or more do (ties to the smaller). One session off its
    planned day is a workout the coach moved to another day, which the push follows."""
    by_pk = {w.pk: w for w in workouts}
    offsets = Counter(
        session.date - session_date(assignment.starts_on, workout.week, workout.day)
        for pk, session in replaceable.items()
        if (workout := by_pk.get(pk)) is not None
    )
    shift = min(offsets, key=lambda o: (-offsets[o], abs(o)), default=timedelta(0))
    return shift if offsets[shift] >= 2 else timedelta(0)


def _push_plan(
    assignment: Assignment, workouts: list[Workout], sessions: list[ScheduledSession], today: date
) -> PushPlan:
    """What a push would do: upcoming, unlogged sessions the coach did not adjust take
    the programme's current workouts; past, logged and adjusted ones stay."""
    plan = PushPlan(assignment=assignment)
    replaceable, kept_workouts = {}, set()
    for session in sessions:
        if session.date >= today and not session.logged and not session.adjusted_by_coach:
            if session.source_workout_id is None or session.source_workout_id in replaceable:
                plan.removes.append(session)  # its workout is gone from the programme
            else:
                replaceable[session.source_workout_id] = session
            continue
        kept_workouts.add(session.source_workout_id)
        if session.date >= today and not session.logged:
            plan.changes.append(
                SessionChange(
                    date=session.date,
                    label=_label(session.week, session.date),
                    title=session.title,
                    details=[_("kept: you adjusted it for this athlete")],
                    kept=True,
                )
            )
    shift = _pause_shift(assignment, replaceable, workouts)
    for workout in workouts:
        if workout.pk in kept_workouts:
            continue
        planned = session_date(assignment.starts_on, workout.week, workout.day) + shift
        session = replaceable.pop(workout.pk, None)
        if session is None:
            if planned >= today:
                plan.adds.append((workout, planned))
                plan.changes.append(
                    SessionChange(
                        date=planned,
                        label=_label(workout.week, workout.day),
                        title=workout.title,
                        details=[_("added on %(date)s") % {"date": _short_date(planned)}],
                    )
                )
        elif planned < today:
            plan.removes.append(session)  # the workout moved into the past
        else:
            details = _session_changes(session, workout, planned)
            if details:
                plan.updates.append((session, workout, planned))
                plan.changes.append(
                    SessionChange(
                        date=planned,
                        label=_label(workout.week, workout.day),
                        title=session.title,
                        details=details,
                    )
                )
    plan.removes += replaceable.values()
    for session in plan.removes:
        plan.changes.append(
            SessionChange(
                date=session.date,
                label=_label(session.week, session.date),
                title=session.title,
                details=[_("removed")],
            )
        )
    plan.changes.sort(key=lambda change: (change.date, change.label))
    return plan


def _current_workouts(programme: Programme) -> list[Workout]:
    return list(
        programme.workouts.prefetch_related(
            Prefetch("prescriptions", queryset=Prescription.objects.select_related("exercise"))
        )
    )


def programme_changes(
    *, programme: Programme, assignments: list[Assignment], today: date | None = None
) -> list[PushPlan]:
    """For each of these assignments of the programme (ended ones left out), what a push
    would change in their upcoming sessions, in a fixed number of queries."""
    return _push_plans(programme, assignments, today or timezone.localdate())


def _push_plans(
    programme: Programme, assignments: list[Assignment], today: date, *, lock: bool = False
) -> list[PushPlan]:
    chosen = [
        a
        for a in assignments
        if a.programme_id == programme.pk and a.status != Assignment.Status.ENDED
    ]
    if not chosen:
        return []
    workouts = _current_workouts(programme)
    sessions: dict[int, list[ScheduledSession]] = defaultdict(list)
    rows = ScheduledSession.objects.filter(assignment__in=chosen)
    if lock:
        # No log can be added to a session while the push rewrites it: adding one
        # takes a key-share lock on the session row, which waits for this one.
        rows = rows.select_for_update(of=("self",))
    for session in (
        rows.annotate(logged=Exists(SessionLog.objects.filter(session=OuterRef("pk"))))
        .prefetch_related(
            Prefetch(
                "prescriptions", queryset=ScheduledPrescription.objects.select_related("exercise")
            )
        )
        .order_by("date", "pk")
    ):
        sessions[session.assignment_id].append(session)
    return [_push_plan(a, workouts, sessions[a.pk], today) for a in chosen]


_SESSION_FIELDS = ("date", "week", "title", "kind", "notes")
_ITEM_FIELDS = [n.removesuffix("_id") for n in Prescription.COPIED_FIELDS]


@transaction.atomic
def assignment_push_template(
    *, programme: Programme, assignments: list[Assignment], today: date | None = None
) -> PushResult:
    """Bring the programme's current version to the chosen athletes' future sessions that
    are not logged and not adjusted by hand: sessions that differ are rewritten in place
    (so calendar subscriptions keep them), new workouts added, deleted ones removed. Past
    and logged sessions never change. Each chosen assignment then records the version."""
    programme.refresh_from_db(fields=["version"])  # before the workouts, as when assigning
    plans = _push_plans(programme, assignments, today or timezone.localdate(), lock=True)
    updated, items_changed, items_gone, items_new, created = [], [], [], [], []
    for plan in plans:
        for session, workout, planned in plan.updates:
            session.date, session.week = planned, workout.week
            session.title, session.kind, session.notes = workout.title, workout.kind, workout.notes
            updated.append(session)
            old = list(session.prescriptions.all())
            for index, item in enumerate(workout.prescriptions.all()):
                if index < len(old):
                    for name, value in item.copy_values().items():
                        setattr(old[index], name, value)
                    items_changed.append(old[index])
                else:
                    items_new.append(ScheduledPrescription(session=session, **item.copy_values()))
            items_gone += old[len(workout.prescriptions.all()) :]
        for workout, planned in plan.adds:
            created.append(
                (
                    ScheduledSession(
                        assignment=plan.assignment,
                        athlete_id=plan.assignment.athlete_id,
                        source_workout=workout,
                        date=planned,
                        week=workout.week,
                        title=workout.title,
                        kind=workout.kind,
                        notes=workout.notes,
                    ),
                    workout,
                )
            )
    ScheduledSession.objects.bulk_update(updated, _SESSION_FIELDS)
    ScheduledPrescription.objects.bulk_update(items_changed, _ITEM_FIELDS)
    for item in items_gone:
        item.delete()  # its session is at hand, so the freshness signal needs no query
    removed = [s.pk for plan in plans for s in plan.removes]
    if removed:
        ScheduledSession.objects.filter(pk__in=removed).delete()
    ScheduledSession.objects.bulk_create([session for session, _workout in created])
    items_new += [
        ScheduledPrescription(session=session, **item.copy_values())
        for session, workout in created
        for item in workout.prescriptions.all()
    ]
    ScheduledPrescription.objects.bulk_create(items_new)
    Assignment.objects.filter(pk__in=[plan.assignment.pk for plan in plans]).update(
        programme_version=programme.version, title=programme.title
    )
    changed([plan.assignment.athlete_id for plan in plans])
    return PushResult(
        athletes=sum(1 for plan in plans if plan.session_count),
        sessions=sum(plan.session_count for plan in plans),
        kept=sum(plan.kept_count for plan in plans),
    )


@transaction.atomic
def assignment_pause(*, assignment: Assignment, today: date | None = None) -> Assignment:
    if assignment.status != Assignment.Status.ACTIVE:
        raise ValidationError(_("Only an active assignment can be paused."))
    assignment.status = Assignment.Status.PAUSED
    assignment.paused_on = today or timezone.localdate()
    assignment.save(update_fields=["status", "paused_on"])
    return assignment


@transaction.atomic
def assignment_resume(*, assignment: Assignment, today: date | None = None) -> Assignment:
    """Pick up where the athlete left off: unlogged sessions from the pause onward move
    later by the length of the pause."""
    if assignment.status != Assignment.Status.PAUSED:
        raise ValidationError(_("Only a paused assignment can be resumed."))
    today = today or timezone.localdate()
    shift = today - assignment.paused_on
    assignment.sessions.filter(date__gte=assignment.paused_on, log__isnull=True).update(
        date=F("date") + shift
    )
    assignment.status = Assignment.Status.ACTIVE
    assignment.paused_on = None
    assignment.save(update_fields=["status", "paused_on"])
    return assignment


@transaction.atomic
def assignment_end(*, assignment: Assignment, today: date | None = None) -> Assignment:
    """Stop the programme: upcoming unlogged sessions go; everything logged stays."""
    today = today or timezone.localdate()
    _unlogged_future(assignment, today).delete()
    assignment.status = Assignment.Status.ENDED
    assignment.ended_on = today
    assignment.save(update_fields=["status", "ended_on"])
    return assignment


@transaction.atomic
def session_adjust(
    *, session: ScheduledSession, date: date, title: str, notes: str, prescriptions: list[dict]
) -> ScheduledSession:
    """A coach's change to one athlete's upcoming session. Later pushes leave it alone."""
    if SessionLog.objects.filter(session=session).exists():
        raise ValidationError(_("This session is already logged; it can no longer change."))
    session.date = date
    session.title = title
    session.notes = notes
    session.adjusted_by_coach = True
    session.full_clean(exclude=["assignment", "source_workout"])
    session.save()
    for item in prescriptions:
        prescription = item.pop("instance")
        for name, value in item.items():
            setattr(prescription, name, value)
        prescription.full_clean()
        prescription.save()
    return session


@transaction.atomic
def session_move(
    *, session: ScheduledSession, to: date, today: date | None = None
) -> ScheduledSession:
    """Move one athlete's upcoming session to another day, as the coach's adjustment of
    it: later pushes leave it where it was put."""
    today = today or timezone.localdate()
    session = ScheduledSession.objects.select_for_update().get(pk=session.pk)
    if to < today:
        raise ValidationError(_("Move a session to today or later."))
    return session_adjust(
        session=session, date=to, title=session.title, notes=session.notes, prescriptions=[]
    )
