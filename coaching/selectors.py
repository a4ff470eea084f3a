"""Reads scoped to who is asking. A coach reaches only their own programmes, the published
templates, and the schedules of athletes on their roster."""

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from athletes.models import User
from athletes.selectors import athletes_coached_by
from coaching.models import (
    Assignment,
    Prescription,
    Programme,
    ScheduledPrescription,
    ScheduledSession,
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
