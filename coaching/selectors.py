"""Reads scoped to who is asking. A coach reaches only their own programmes, the published
templates, and the schedules of athletes on their roster."""

from datetime import timedelta

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FloatField,
    IntegerField,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    When,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404

from athletes.models import Coaching, User
from athletes.selectors import athletes_coached_by
from caching.versions import LIBRARY, cached
from coaching.models import (
    Assignment,
    CoachNewsRead,
    Comment,
    ExerciseFeedback,
    Prescription,
    Programme,
    ScheduledPrescription,
    ScheduledSession,
    SessionLog,
    SetLog,
    Workout,
)
from library.models import Exercise, Muscle


def programmes_owned_by(user: User) -> QuerySet[Programme]:
    if not user.is_authenticated or not user.is_coach:
        return Programme.objects.none()
    return Programme.objects.filter(owner=user)


def programmes_visible_to(user: User) -> QuerySet[Programme]:
    """What a coach may open: their own programmes and the published templates."""
    if not user.is_authenticated or not user.is_coach:
        return Programme.objects.none()
    return Programme.objects.filter(Q(owner=user) | Q(owner__isnull=True, is_published=True))


def _exercise_with_muscles() -> QuerySet[Exercise]:
    return Exercise.objects.only("pk", "name", "slug", "kind", "is_unilateral").prefetch_related(
        Prefetch("primary_muscles", queryset=Muscle.objects.select_related("group")),
        Prefetch("secondary_muscles", queryset=Muscle.objects.select_related("group")),
    )


def workouts_with_prescriptions(programme: Programme) -> list[Workout]:
    """The whole plan in a fixed number of queries, however many weeks it has."""
    return list(
        programme.workouts.prefetch_related(
            Prefetch(
                "prescriptions",
                queryset=Prescription.objects.prefetch_related(
                    Prefetch("exercise", queryset=_exercise_with_muscles())
                ),
            )
        )
    )


def workout_in(programme: Programme, workout_pk: int) -> Workout:
    return get_object_or_404(programme.workouts, pk=workout_pk)


def prescription_in(programme: Programme, prescription_pk: int) -> Prescription:
    return get_object_or_404(
        Prescription.objects.select_related("workout", "exercise"),
        pk=prescription_pk,
        workout__programme=programme,
    )


def assignments_of_coach(coach: User) -> QuerySet[Assignment]:
    return Assignment.objects.filter(
        coach=coach, athlete__in=athletes_coached_by(coach)
    ).select_related("athlete", "programme")


def assignments_behind(coach: User, programme: Programme) -> QuerySet[Assignment]:
    """The coach's active or paused assignments of the programme made from an older
    version of it than the current one."""
    return (
        assignments_of_coach(coach)
        .filter(
            programme=programme,
            status__in=[Assignment.Status.ACTIVE, Assignment.Status.PAUSED],
            programme_version__lt=programme.version,
        )
        .order_by("athlete__name", "pk")
    )


def sessions_coached_by(coach: User) -> QuerySet[ScheduledSession]:
    return ScheduledSession.objects.filter(athlete__in=athletes_coached_by(coach))


def session_with_prescriptions(sessions: QuerySet[ScheduledSession], pk: int) -> ScheduledSession:
    return get_object_or_404(
        sessions.select_related("athlete", "assignment").prefetch_related(
            Prefetch(
                "prescriptions",
                queryset=ScheduledPrescription.objects.select_related("exercise"),
            )
        ),
        pk=pk,
    )


# Training -------------------------------------------------------------------------


def sessions_loggable_by(user: User) -> QuerySet[ScheduledSession]:
    """Sessions a user may log: their own, and those of the athletes they coach (a coach
    can log on an athlete's behalf). Anyone else finds nothing: a 404."""
    if not user.is_authenticated:
        return ScheduledSession.objects.none()
    allowed = Q(athlete=user) if user.is_athlete else Q(pk__in=[])
    if user.is_coach:
        allowed |= Q(athlete__in=athletes_coached_by(user))
    return ScheduledSession.objects.filter(allowed)


def sessions_of_athlete(athlete: User) -> QuerySet[ScheduledSession]:
    """An athlete's own schedule; only they log it. Paused or ended plans drop out of
    what is upcoming but their logged sessions stay in the history."""
    if not athlete.is_authenticated or not athlete.is_athlete:
        return ScheduledSession.objects.none()
    return ScheduledSession.objects.filter(athlete=athlete)


def _upcoming(sessions: QuerySet[ScheduledSession]) -> QuerySet[ScheduledSession]:
    return sessions.exclude(assignment__status__in=["paused", "ended"])


def train_overview(athlete: User, today) -> dict:
    return cached(
        "train", [athlete.pk, LIBRARY], (athlete.pk, today), lambda: _train_overview(athlete, today)
    )


def _train_overview(athlete: User, today) -> dict:
    week_start = today - timedelta(days=today.weekday())
    week_end = week_start + timedelta(days=6)
    base = (
        sessions_of_athlete(athlete)
        .select_related("log")
        .annotate(exercise_count=Count("prescriptions", distinct=True))
    )
    window = list(_upcoming(base).filter(date__gte=today - timedelta(days=14), date__lte=week_end))
    for session in window:
        session.status = session.status_on(today)
    # Next is the earliest session not yet finished from today on: what the week list
    # shows first, whatever was done early around it.
    next_session = next(
        (s for s in window if s.date >= today and s.status != "done"),
        None,
    ) or (
        _upcoming(base)
        .filter(date__gt=week_end)
        .filter(log__completed_at__isnull=True)  # no log, or a log not finished
        .order_by("date", "pk")
        .first()
    )
    return {
        "today": today,
        "today_sessions": [s for s in window if s.date == today],
        "week": [s for s in window if week_start <= s.date <= week_end and s.date != today],
        "missed": [s for s in window if s.date < today and s.status in {"missed", "partial"}],
        "next_session": next_session,
    }


def session_owner_for(user: User, pk: int) -> int:
    """The athlete whose session `pk` is, if `user` may log it: one query, run on every
    request before anything is read from a cache, so access never rests on a cache."""
    athlete_id = (
        sessions_loggable_by(user).filter(pk=pk).values_list("athlete_id", flat=True).first()
    )
    if athlete_id is None:
        raise Http404("No such session.")
    return athlete_id


def session_for_logging(user: User, pk: int) -> ScheduledSession:
    """The session with what the athlete planned, did and said, if `user` may log it
    (404 otherwise). Cached per user until the athlete's or the user's data changes."""
    athlete_id = session_owner_for(user, pk)
    return cached(
        "session",
        [athlete_id, user.pk, LIBRARY],
        (user.pk, pk),
        lambda: _session_for_logging(user, pk),
    )


def prescription_for_logging(
    user: User, session_pk: int, prescription_pk: int | None
) -> ScheduledPrescription | None:
    """One exercise of a session `user` may log, with what storing a set and redrawing its
    row need: its session and the session's log (None when there is none yet), the
    exercise's name and the athlete's units (as `units`, None without a profile); the
    other columns deferred. None when it is not there or not theirs. One query."""
    if prescription_pk is None:
        return None
    return (
        ScheduledPrescription.objects.filter(
            # sessions_loggable_by alone says who may log the session.
            session__in=sessions_loggable_by(user).filter(pk=session_pk),
            pk=prescription_pk,
        )
        .select_related("session", "session__log", "exercise")
        .only(*_LOGGING_FIELDS)
        .annotate(units=F("session__athlete__athlete_profile__units"))
        # One row at most (its pk): the Meta ordering's ORDER BY is only more SQL to build.
        .order_by()
        .first()
    )


# What storing a set and redrawing its row read; anything else would cost a query.
_LOGGING_FIELDS = (
    "session_id",
    "exercise_id",
    "sets",
    "reps_min",
    "load_kind",
    "distance_m",
    "hold_seconds",
    "duration_seconds",
    "rest_seconds",
    "exercise__name",
    "session__athlete_id",
    "session__assignment_id",
    "session__date",
    "session__log__session_id",
    "session__log__athlete_id",
)


def _session_for_logging(user: User, pk: int) -> ScheduledSession:
    return get_object_or_404(
        sessions_loggable_by(user)
        .select_related("assignment", "athlete", "athlete__athlete_profile")
        .prefetch_related(
            Prefetch(
                "prescriptions",
                queryset=ScheduledPrescription.objects.select_related("exercise").annotate(
                    last_load=Subquery(
                        # What the athlete lifted on this exercise last time, to start from.
                        SetLog.objects.filter(
                            log__athlete=OuterRef("session__athlete"),
                            prescription__exercise=OuterRef("exercise"),
                            load_kg__isnull=False,
                        )
                        .exclude(log__session=OuterRef("session"))
                        .order_by("-log__done_on", "-log_id", "-set_number")
                        .values("load_kg")[:1]
                    )
                ),
            ),
            Prefetch(
                "log",
                queryset=SessionLog.objects.select_related("logged_by").prefetch_related(
                    "sets",
                    "feedback",
                    Prefetch("comments", queryset=Comment.objects.select_related("author")),
                ),
            ),
        ),
        pk=pk,
    )


def history_of(athlete: User, today) -> QuerySet[ScheduledSession]:
    planned = (
        ScheduledPrescription.objects.filter(session=OuterRef("pk"))
        .values("session")
        # A set done on each side counts as two, as the athlete logs it.
        .annotate(
            total=Sum(
                Case(
                    When(per_side=True, then=F("sets") * 2),
                    default=F("sets"),
                    output_field=IntegerField(),
                )
            )
        )
        .values("total")
    )
    done = (
        SetLog.objects.filter(log__session=OuterRef("pk"), done=True)
        .values("log__session")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return (
        sessions_of_athlete(athlete)
        .filter(Q(date__lt=today) | Q(log__isnull=False))
        .select_related("log")
        .annotate(
            planned_sets=Coalesce(Subquery(planned), 0),
            done_sets=Coalesce(Subquery(done), 0),
            max_pain=Max("log__feedback__pain"),
            # A session lives in history on the day it was done, else on its planned day.
            day=Coalesce("log__done_on", "date"),
        )
        .order_by("-day", "-pk")
    )


def exercises_logged_by(athlete: User) -> QuerySet[Exercise]:
    return Exercise.objects.filter(
        Exists(
            SetLog.objects.filter(
                log__athlete=athlete, prescription__exercise=OuterRef("pk"), done=True
            )
        )
    ).only("pk", "name", "slug", "is_unilateral", "kind")


def progress_points(athlete: User, exercise: Exercise) -> list[dict]:
    """Per logged day and side: heaviest load, total reps, longest hold, longest distance."""
    return cached(
        "progress",
        [athlete.pk, LIBRARY],
        (athlete.pk, exercise.pk),
        lambda: _progress_points(athlete, exercise),
    )


def _progress_points(athlete: User, exercise: Exercise) -> list[dict]:
    return list(
        SetLog.objects.filter(log__athlete=athlete, prescription__exercise=exercise, done=True)
        .values("log__done_on", "side")
        .annotate(
            top_load=Max("load_kg"),
            total_reps=Sum("reps"),
            seconds=Max("seconds"),
            distance=Max("distance_m"),
        )
        .order_by("log__done_on", "side")
    )


# Coach review ------------------------------------------------------------------------

PAIN_FLAG = 5
RPE_FLAG = 9
INACTIVE_DAYS = 7
SIDE_GAP_FLAG = 15
RECENT_DAYS = 14
FLAGS = ("missed", "pain", "rpe", "inactive", "imbalance")


def _in_window(today, days: int) -> Q:
    """A session belongs to the N days before today once it is due (planned before
    today) or once it is finished, whichever comes first: a session done early counts
    as done on the day it was done, and is never due and missing on its planned day."""
    start = today - timedelta(days=days)
    due = Q(scheduled_sessions__date__gte=start, scheduled_sessions__date__lt=today)
    finished_in_window = Q(
        scheduled_sessions__log__completed_at__isnull=False,
        scheduled_sessions__log__done_on__gte=start,
        scheduled_sessions__log__done_on__lte=today,
    )
    return due | finished_in_window


def dashboard_roster(coach: User, squad=None) -> list[int]:
    """The pks of the athletes the dashboard lists, in pk order: those athletes_coached_by
    gives, read from the coaching links alone, the cheapest query to build."""
    links = Coaching.objects.active().filter(coach=coach)
    if squad is not None:
        links = links.filter(athlete__squads_joined=squad)
    return sorted(links.values_list("athlete_id", flat=True))


def dashboard_athletes(coach: User, today, *, squad=None, sort: str = "name") -> list[User]:
    """The roster with compliance over 7, 30 and 90 days (planned sessions logged against
    planned sessions due, counted in the database), last and next session, and the
    recent extremes behind the flags."""
    return list(_dashboard_query(dashboard_roster(coach, squad), today, sort))


def _dashboard_query(ids: list[int], today, sort: str) -> QuerySet[User]:
    planned = Q(scheduled_sessions__assignment__isnull=False)
    # Done means finished: a session with sets logged but not finished is partial.
    finished = Q(scheduled_sessions__log__completed_at__isnull=False)
    athletes = User.objects.filter(pk__in=ids)
    recent = today - timedelta(days=RECENT_DAYS)
    counts = {}
    for days in (7, 30, 90):
        window = _in_window(today, days)
        counts[f"due_{days}"] = Count("scheduled_sessions", filter=planned & window)
        counts[f"done_{days}"] = Count("scheduled_sessions", filter=planned & finished & window)
    # Started but not finished, planned in the last week up to today: shown apart, since
    # they count as not done.
    counts["partial_7"] = Count(
        "scheduled_sessions",
        filter=Q(
            scheduled_sessions__log__isnull=False,
            scheduled_sessions__log__completed_at__isnull=True,
            scheduled_sessions__date__gte=today - timedelta(days=7),
            scheduled_sessions__date__lte=today,
        ),
    )
    counts["extra_30"] = Count(
        "scheduled_sessions",
        filter=Q(scheduled_sessions__assignment__isnull=True) & finished & _in_window(today, 30),
    )
    # The last day anything was logged, finished or not: the "quiet" flag is about
    # whether the athlete trains at all.
    logs = SessionLog.objects.filter(athlete=OuterRef("pk"))
    athletes = athletes.annotate(
        **counts
    ).annotate(
        last_logged=Subquery(logs.order_by("-done_on").values("done_on")[:1]),
        next_date=Subquery(
            ScheduledSession.objects.filter(athlete=OuterRef("pk"), date__gte=today)
            .filter(log__completed_at__isnull=True)  # no log, or a log not finished
            .exclude(assignment__status__in=["paused", "ended"])
            .order_by("date")
            .values("date")[:1]
        ),
        max_pain=Subquery(
            ExerciseFeedback.objects.filter(log__athlete=OuterRef("pk"), log__done_on__gte=recent)
            .values("log__athlete")
            .annotate(top=Max("pain"))
            .values("top")
        ),
        max_rpe=Subquery(
            SessionLog.objects.filter(athlete=OuterRef("pk"), done_on__gte=recent)
            .values("athlete")
            .annotate(top=Max("rpe"))
            .values("top")
        ),
        compliance_30=Case(
            When(due_30=0, then=None),
            default=100.0 * F("done_30") / F("due_30"),
            output_field=FloatField(),
        ),
    )
    order = {
        "name": ["name", "email"],
        "compliance": [F("compliance_30").asc(nulls_last=True), "name"],
        "last": [F("last_logged").asc(nulls_first=True), "name"],
    }.get(sort, ["name", "email"])
    return athletes.select_related("athlete_profile").order_by(*order)


def side_gaps(athletes: list[User], today) -> dict[int, tuple[str, int]]:
    """Per athlete, the one-sided exercise whose left and right best differ most over the
    last four weeks, if the gap is above the flag threshold: {athlete_id: (name, gap %)}."""
    ids = [a.pk for a in athletes]
    rows = (
        SetLog.objects.filter(
            log__athlete__in=ids,
            log__done_on__gte=today - timedelta(days=28),
            side__in=["L", "R"],
            done=True,
        )
        .values("log__athlete", "prescription__exercise__name", "side")
        .annotate(best_load=Max("load_kg"), best_reps=Max("reps"))
    )
    best: dict[tuple[int, str], dict[str, float]] = {}
    for row in rows:
        value = row["best_load"] or row["best_reps"] or 0
        best.setdefault((row["log__athlete"], row["prescription__exercise__name"]), {})[
            row["side"]
        ] = float(value)
    gaps: dict[int, tuple[str, int]] = {}
    for (athlete_id, name), sides in best.items():
        if len(sides) != 2 or not max(sides.values()):
            continue
        gap = round(100 * (max(sides.values()) - min(sides.values())) / max(sides.values()))
        if gap > SIDE_GAP_FLAG and gap > gaps.get(athlete_id, ("", 0))[1]:
            gaps[athlete_id] = (name, gap)
    return gaps


def athlete_flags(athlete: User, today, gap: tuple[str, int] | None) -> list[str]:
    flags = []
    if athlete.due_7 > athlete.done_7:
        flags.append("missed")
    if athlete.max_pain is not None and athlete.max_pain >= PAIN_FLAG:
        flags.append("pain")
    if athlete.max_rpe is not None and athlete.max_rpe >= RPE_FLAG:
        flags.append("rpe")
    if athlete.last_logged is None or athlete.last_logged < today - timedelta(days=INACTIVE_DAYS):
        flags.append("inactive")
    if gap is not None:
        flags.append("imbalance")
    return flags


def comments_for(log: SessionLog) -> QuerySet[Comment]:
    return log.comments.select_related("author")


def unread_feedback_for_athlete(athlete: User) -> QuerySet[Comment]:
    return (
        Comment.objects.filter(log__athlete=athlete, seen_by_recipient=False)
        .exclude(author=athlete)
        .select_related("author", "log__session")
        .order_by("-created_at")
    )


def news_for_coach(coach: User) -> dict:
    """What happened on the roster since the coach last looked: new logs, pain reports,
    and athletes' comments. Newest first, at most 50 of each."""
    read = CoachNewsRead.objects.filter(coach=coach).values_list("read_until", flat=True).first()
    roster = athletes_coached_by(coach)
    logs = SessionLog.objects.filter(athlete__in=roster, completed_at__isnull=False)
    if read:
        logs = logs.filter(completed_at__gt=read)
    pains = ExerciseFeedback.objects.filter(log__in=logs, pain__gte=PAIN_FLAG).select_related(
        "log__athlete", "log__session", "prescription__exercise"
    )
    comments = (
        Comment.objects.filter(log__athlete__in=roster, seen_by_recipient=False)
        .filter(author=F("log__athlete"))
        .select_related("author", "log__session")
    )
    return {
        "logs": list(logs.select_related("athlete", "session").order_by("-completed_at")[:50]),
        "pains": list(pains.order_by("-log__completed_at")[:50]),
        "comments": list(comments.order_by("-created_at")[:50]),
    }


def news_count(coach: User) -> int:
    read = CoachNewsRead.objects.filter(coach=coach).values_list("read_until", flat=True).first()
    roster = athletes_coached_by(coach)
    logs = SessionLog.objects.filter(athlete__in=roster, completed_at__isnull=False)
    if read:
        logs = logs.filter(completed_at__gt=read)
    comments = Comment.objects.filter(
        log__athlete__in=roster, seen_by_recipient=False, author=F("log__athlete")
    )
    return logs.count() + comments.count()


def coach_athlete_logs(coach: User, athlete: User) -> QuerySet[SessionLog]:
    return (
        SessionLog.objects.filter(athlete=athlete, athlete__in=athletes_coached_by(coach))
        .select_related("session", "logged_by")
        .annotate(
            max_pain=Max("feedback__pain"),
            comment_count=Count("comments", distinct=True),
        )
        .order_by("-done_on", "-pk")
    )
