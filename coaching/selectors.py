"""Reads scoped to who is asking. A coach reaches only their own programmes, the published
templates, and the schedules of athletes on their roster."""

from datetime import timedelta

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
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
from django.shortcuts import get_object_or_404

from athletes.models import User
from athletes.selectors import athletes_coached_by
from coaching.models import (
    Assignment,
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


def sessions_of_athlete(athlete: User) -> QuerySet[ScheduledSession]:
    """An athlete's own schedule; only they log it. Paused or ended plans drop out of
    what is upcoming but their logged sessions stay in the history."""
    if not athlete.is_authenticated or not athlete.is_athlete:
        return ScheduledSession.objects.none()
    return ScheduledSession.objects.filter(athlete=athlete)


def _upcoming(sessions: QuerySet[ScheduledSession]) -> QuerySet[ScheduledSession]:
    return sessions.exclude(assignment__status__in=["paused", "ended"])


def train_overview(athlete: User, today) -> dict:
    week_start = today - timedelta(days=today.weekday())
    week_end = week_start + timedelta(days=6)
    base = (
        sessions_of_athlete(athlete)
        .select_related("log")
        .annotate(exercise_count=Count("prescriptions", distinct=True))
    )
    window = list(_upcoming(base).filter(date__gte=today - timedelta(days=14), date__lte=week_end))
    return {
        "today": today,
        "today_sessions": [s for s in window if s.date == today],
        "week": [s for s in window if week_start <= s.date <= week_end and s.date != today],
        "missed": [s for s in window if s.date < today and not _has_log(s)],
        "next_session": _upcoming(base)
        .filter(date__gt=week_end, log__isnull=True)
        .order_by("date")
        .first(),
    }


def _has_log(session: ScheduledSession) -> bool:
    try:
        return session.log is not None
    except SessionLog.DoesNotExist:
        return False


def session_for_logging(athlete: User, pk: int) -> ScheduledSession:
    return get_object_or_404(
        sessions_of_athlete(athlete)
        .select_related("assignment")
        .prefetch_related(
            Prefetch(
                "prescriptions",
                queryset=ScheduledPrescription.objects.select_related("exercise"),
            ),
            Prefetch("log", queryset=SessionLog.objects.prefetch_related("sets", "feedback")),
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
        )
        .order_by("-date", "-pk")
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
    return list(
        SetLog.objects.filter(log__athlete=athlete, prescription__exercise=exercise, done=True)
        .values("log__date", "side")
        .annotate(
            top_load=Max("load_kg"),
            total_reps=Sum("reps"),
            seconds=Max("seconds"),
            distance=Max("distance_m"),
        )
        .order_by("log__date", "side")
    )
