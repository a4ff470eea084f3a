"""What athletes do: logging sessions set by set, finishing them, unplanned sessions and
the private calendar feed. Every write is idempotent where a retry can happen."""

import secrets
from datetime import date, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from athletes.models import AthleteProfile, User
from athletes.selectors import athletes_coached_by
from caching.versions import changed
from coaching import units
from coaching.models import (
    CalendarFeed,
    CoachNewsRead,
    Comment,
    ExerciseFeedback,
    LoadKind,
    ScheduledPrescription,
    ScheduledSession,
    SessionLog,
    SetLog,
    WorkoutKind,
)
from library.models import Exercise


def athlete_today(athlete: User) -> date:
    """Today where the athlete is, not where the server is."""
    return _today_of(athlete.pk)


def _today_of(athlete_id: int) -> date:
    zone = (
        AthleteProfile.objects.filter(user_id=athlete_id)
        .values_list("time_zone", flat=True)
        .first()
    )
    return today_in(zone)


def today_in(zone: str | None) -> date:
    """Today in a profile's time zone (UTC for someone without one)."""
    return timezone.localdate(timezone=ZoneInfo(zone or "UTC"))


def session_log_open(
    *, session: ScheduledSession, by: User, done_on: date | None = None
) -> SessionLog:
    """The session's log, created on the first logged set and dated the athlete's local
    today (a session done early or late keeps its planned date apart). Two requests at
    once still make one log: the loser of the race reads the winner's row."""
    existing = SessionLog.objects.filter(session=session).first()
    if existing:
        return existing
    done_on = done_on or _today_of(session.athlete_id)
    try:
        with transaction.atomic():
            return SessionLog.objects.create(
                session=session, athlete_id=session.athlete_id, logged_by=by, done_on=done_on
            )
    except IntegrityError:
        return SessionLog.objects.get(session=session)


def set_log_record(
    *,
    session: ScheduledSession,
    prescription: ScheduledPrescription,
    set_number: int,
    side: str,
    by: User,
    reps: int | None = None,
    load_kg: Decimal | None = None,
    distance_m: int | None = None,
    seconds: int | None = None,
    note: str = "",
) -> SetLog:
    """Store one set. The same set sent twice (a retry, a double tap, a second tab)
    updates the one row instead of adding another."""
    if prescription.session_id != session.pk:
        raise ValidationError(_("That exercise is not part of this session."))
    planned_sets = prescription.sets or 1
    if not 1 <= set_number <= max(planned_sets, 1) + 10:
        raise ValidationError(_("That set number is out of range."))
    if side not in {"", SetLog.Side.LEFT, SetLog.Side.RIGHT}:
        raise ValidationError(_("Choose left, right or both."))
    set_log = SetLog(
        prescription=prescription,
        set_number=set_number,
        side=side,
        reps=reps,
        load_kg=load_kg,
        distance_m=distance_m,
        seconds=seconds,
        note=note,
        done=True,
    )
    # A log fetched with the session (select_related) spares a query, and then the one
    # statement that stores the set is a transaction of its own.
    if ScheduledSession.log.is_cached(session) and session.has_log:
        _set_log_upsert(set_log, session.log)
    else:
        with transaction.atomic():
            _set_log_upsert(set_log, session_log_open(session=session, by=by))
    return set_log


def _set_log_upsert(set_log: SetLog, log: SessionLog) -> None:
    """Insert the set, or update the row already stored for it, in one statement: INSERT
    ... ON CONFLICT (the set_log_once constraint) DO UPDATE ... RETURNING id. The database
    decides between the two atomically, so two requests at once still leave one row, and
    no lock or savepoint is needed. bulk_create sends no post_save: the athlete's cached
    reads are marked as changed here."""
    set_log.log = log
    SetLog.objects.bulk_create(
        [set_log],
        update_conflicts=True,
        unique_fields=["log", "prescription", "set_number", "side"],
        update_fields=["reps", "load_kg", "distance_m", "seconds", "note", "done", "logged_at"],
    )
    changed([log.athlete_id])


def set_log_target_values(prescription: ScheduledPrescription, unit: str = units.KG) -> dict:
    """What one tap on "done" records: the set as prescribed, with the load as an athlete
    who uses `unit` is shown it (12 kg is 26.5 lb, stored as 26.5 lb is)."""
    load = None
    if prescription.load_kind == LoadKind.KG:
        load = units.to_kg(units.prescribed(prescription.load_value, unit), unit)
    return {
        "reps": prescription.reps_max or prescription.reps_min,
        "load_kg": load,
        "distance_m": prescription.distance_m,
        "seconds": prescription.hold_seconds or prescription.duration_seconds,
    }


@transaction.atomic
def set_log_undo(*, set_log: SetLog) -> None:
    set_log.delete()


@transaction.atomic
def exercise_pain_record(
    *, session: ScheduledSession, prescription: ScheduledPrescription, pain: int, by: User
) -> ExerciseFeedback:
    if prescription.session_id != session.pk:
        raise ValidationError(_("That exercise is not part of this session."))
    if not 0 <= pain <= 10:
        raise ValidationError(_("Pain goes from 0 (none) to 10 (worst)."))
    log = session_log_open(session=session, by=by)
    feedback, _created = ExerciseFeedback.objects.update_or_create(
        log=log, prescription=prescription, defaults={"pain": pain}
    )
    return feedback


@transaction.atomic
def session_finish(
    *,
    session: ScheduledSession,
    by: User,
    rpe: int,
    duration_minutes: int | None,
    notes: str = "",
    done_on: date | None = None,
) -> SessionLog:
    """Mark the session done. `done_on` corrects the day it was done, for a session
    logged after the fact; it can be neither in the athlete's future nor a year back."""
    log = session_log_open(session=session, by=by, done_on=done_on)
    if done_on is not None:
        today = _today_of(session.athlete_id)
        if done_on > today:
            raise ValidationError({"done_on": _("A session cannot be done in the future.")})
        if done_on < today - timedelta(days=366):
            raise ValidationError({"done_on": _("Give a date within the last year.")})
        log.done_on = done_on
    log.rpe = rpe
    log.duration_minutes = duration_minutes
    log.notes = notes
    log.completed_at = log.completed_at or timezone.now()
    log.full_clean(exclude=["session", "athlete", "logged_by"])
    log.save()
    return log


@transaction.atomic
def adhoc_session_create(*, athlete: User, date: date, title: str, kind: str) -> ScheduledSession:
    """Strength work that was not planned: a session of the athlete's own, done today or
    earlier where they are."""
    if date > athlete_today(athlete):
        raise ValidationError({"date": _("Log sessions for today or the past.")})
    session = ScheduledSession(
        athlete=athlete, date=date, title=title, kind=kind or WorkoutKind.STRENGTH
    )
    session.full_clean(exclude=["assignment", "source_workout"])
    session.save()
    return session


@transaction.atomic
def adhoc_exercise_add(*, session: ScheduledSession, exercise: Exercise) -> ScheduledPrescription:
    if session.assignment_id is not None:
        raise ValidationError(_("Only unplanned sessions take extra exercises."))
    last = session.prescriptions.aggregate(last=Max("position"))["last"]
    prescription = ScheduledPrescription(
        session=session,
        exercise=exercise,
        position=0 if last is None else last + 1,
        sets=exercise.sets or 1,
        reps_min=exercise.reps_min,
        reps_max=exercise.reps_max,
        per_side=exercise.per_side,
        hold_seconds=exercise.hold_seconds,
        distance_m=exercise.distance_m,
        duration_seconds=exercise.duration_seconds,
        tempo=exercise.tempo,
        rest_seconds=exercise.rest_seconds,
    )
    prescription.full_clean()
    prescription.save()
    return prescription


def calendar_feed_for(*, athlete: User) -> CalendarFeed:
    feed = CalendarFeed.objects.filter(athlete=athlete).first()
    return feed or calendar_feed_reset(athlete=athlete)


@transaction.atomic
def calendar_feed_reset(*, athlete: User) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.update_or_create(
        athlete=athlete, defaults={"token": secrets.token_urlsafe(32)}
    )
    return feed


@transaction.atomic
def comment_add(*, log: SessionLog, author: User, body: str) -> Comment:
    body = body.strip()
    if not body:
        raise ValidationError({"body": _("Write something first.")})
    comment = Comment(log=log, author=author, body=body)
    comment.full_clean()
    comment.save()
    return comment


def comments_mark_seen(*, log: SessionLog, reader: User) -> int:
    """The reader has now seen what the other side wrote on this log."""
    seen = (
        log.comments.exclude(author=reader)
        .filter(seen_by_recipient=False)
        .update(seen_by_recipient=True)
    )
    if seen:
        changed([log.athlete_id])  # update() sends no post_save
    return seen


def news_mark_read(*, coach: User) -> None:
    CoachNewsRead.objects.update_or_create(coach=coach, defaults={"read_until": timezone.now()})
    Comment.objects.filter(
        log__athlete__coached_by__coach=coach,
        log__athlete__coached_by__ended_at__isnull=True,
        seen_by_recipient=False,
    ).exclude(author=coach).update(seen_by_recipient=True)
    changed(athletes_coached_by(coach).values_list("pk", flat=True))
