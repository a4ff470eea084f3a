"""Data out of Drivephase: CSV of logged sets for spreadsheets, JSON of an athlete's whole
record, and programmes as JSON that another coach can import."""

import csv
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone

from athletes.models import User
from athletes.selectors import coaches_of, profile_of
from athletes.units import distance_unit, km_to
from coaching import units
from coaching.models import (
    Assignment,
    LoadKind,
    Programme,
    ScheduledSession,
    SessionLog,
    SetLog,
)

PROGRAMME_FORMAT = "drivephase.programme/1"
ATHLETE_FORMAT = "drivephase.athlete/1"

# `load` and `unit` are the load as the athlete typed it, in their unit (26.5, lb), what
# the coach reads on every page; `load_kg` is the same load in kilograms as stored, to
# four decimals, for comparing or summing athletes who use different units.
CSV_HEADER = [
    "date", "planned_on", "athlete", "email", "session", "exercise", "set", "side", "reps",
    "load", "unit",
    "load_kg", "distance_m", "seconds", "note", "session_rpe", "logged_by_coach",
]  # fmt: skip
CSV_CHUNK_ROWS = 500

_PRESCRIPTION_FIELDS = (
    "position", "superset", "notes", "sets", "reps_min", "reps_max", "per_side",
    "hold_seconds", "distance_m", "ground_contacts", "duration_seconds", "tempo",
    "rest_seconds", "load_kind", "load_value",
)  # fmt: skip


def _number(value: Decimal | None) -> str:
    # Machine-readable (a point, no grouping) and without trailing zeros: 26.5, 12.0202.
    return f"{units.plain(value):f}" if value is not None else ""


class _Echo:
    def write(self, value: str) -> str:
        return value


def set_log_csv(sets: QuerySet[SetLog], *, stream: bool = True) -> Iterator[str]:
    """CSV lines a chunk at a time, read from the database in chunks, so a year of a whole
    roster streams without being held in memory. A chunk rather than a line per write:
    the server sends each piece it is given on its own. stream=False reads the rows in one
    go, for exports known to be small: on PostgreSQL a server-side cursor costs three
    round trips and a materialised result, more than a few thousand rows take to send."""
    writer = csv.writer(_Echo())
    yield writer.writerow(CSV_HEADER)
    rows = sets.order_by("log__done_on", "log__athlete_id", "log_id", "prescription__position",
                         "set_number", "side").values_list(
        "log__done_on", "log__session__date", "log__athlete__name", "log__athlete__email",
        "log__session__title",
        "prescription__exercise__name", "set_number", "side", "reps", "load_kg", "distance_m",
        "seconds", "note", "log__rpe", "log__logged_by_id", "log__athlete_id",
        "log__athlete__athlete_profile__units",
    )  # fmt: skip
    lines = []
    for row in rows.iterator(chunk_size=CSV_CHUNK_ROWS) if stream else rows:
        *values, load_kg, distance, seconds, note, rpe, logged_by, athlete_id, unit = row
        unit = unit or units.KG
        load = _number(units.from_kg(load_kg, unit))
        lines.append(
            writer.writerow(
                [
                    *values,
                    load,
                    unit if load else "",
                    _number(load_kg),
                    distance,
                    seconds,
                    note,
                    rpe,
                    "yes" if logged_by not in (None, athlete_id) else "",
                ]
            )
        )
        if len(lines) == CSV_CHUNK_ROWS:
            yield "".join(lines)
            lines = []
    if lines:
        yield "".join(lines)


def _prescription(item) -> dict:
    data = {name: getattr(item, name) for name in _PRESCRIPTION_FIELDS}
    data["load_value"] = str(item.load_value) if item.load_value is not None else None
    data["exercise"] = item.exercise.slug
    return data


def _planned(item, unit: str) -> dict:
    """A scheduled exercise as the coach wrote it (load_kind and load_value, in kg), with a
    weight also as the athlete is shown it, in their unit."""
    data = _prescription(item)
    if item.load_kind == LoadKind.KG and item.load_value is not None:
        data["load"] = _number(units.prescribed(item.load_value, unit))
        data["unit"] = unit
    return data


def programme_export(programme: Programme) -> dict:
    workouts = programme.workouts.prefetch_related("prescriptions__exercise")
    return {
        "format": PROGRAMME_FORMAT,
        "exported_at": timezone.now().isoformat(),
        "title": programme.title,
        "goal": programme.goal,
        "description": programme.description,
        "weeks": programme.weeks,
        "workouts": [
            {
                "week": w.week,
                "day": w.day,
                "position": w.position,
                "title": w.title,
                "kind": w.kind,
                "notes": w.notes,
                "exercises": [_prescription(p) for p in w.prescriptions.all()],
            }
            for w in workouts
        ],
    }


def _iso(value) -> str | None:
    return value.isoformat() if isinstance(value, date) else None


def athlete_export(athlete: User) -> dict:
    """Everything Drivephase holds about one athlete's training, in one document."""
    profile = profile_of(athlete)
    coaches = list(coaches_of(athlete))
    unit = profile.units if profile else units.KG
    sessions = ScheduledSession.objects.filter(athlete=athlete).prefetch_related(
        "prescriptions__exercise"
    )
    logs = SessionLog.objects.filter(athlete=athlete).prefetch_related(
        "sets__prescription__exercise",
        "feedback__prescription__exercise",
        "comments__author",
    )
    return {
        "format": ATHLETE_FORMAT,
        "exported_at": timezone.now().isoformat(),
        "athlete": {"name": athlete.name, "email": athlete.email},
        "profile": None
        if profile is None
        else {
            "goal_event": profile.goal_event,
            "goal_date": _iso(profile.goal_date),
            "experience": profile.experience,
            # Stored in km; also as the runner reads it (miles for a runner in pounds).
            # Decimals as text, as the JSON response writes them and as loads are.
            "weekly_km": None if profile.weekly_km is None else str(km_to(profile.weekly_km, "km")),
            "weekly_volume": None
            if profile.weekly_km is None
            else {
                "value": str(km_to(profile.weekly_km, distance_unit(profile.units))),
                "unit": distance_unit(profile.units),
            },
            "personal_bests": {
                name: getattr(profile, name).total_seconds()
                for name in ("pb_5k", "pb_10k", "pb_half", "pb_marathon")
                if getattr(profile, name)
            },
            "long_run_day": profile.long_run_day,
            "hard_days": profile.hard_days,
            "units": profile.units,
            "injury_notes": profile.injury_notes,
            "time_zone": profile.time_zone,
        },
        # Planning one's own training is a coaching link to oneself: said apart.
        "coaches": [{"name": c.name, "email": c.email} for c in coaches if c.pk != athlete.pk],
        "self_coached": any(c.pk == athlete.pk for c in coaches),
        "programmes": [
            {
                "title": a.title,
                "starts_on": _iso(a.starts_on),
                "status": a.status,
                "coach": a.coach.email if a.coach else None,
            }
            for a in Assignment.objects.filter(athlete=athlete).select_related("coach")
        ],
        "schedule": [
            {
                "date": _iso(s.date),
                "title": s.title,
                "kind": s.kind,
                "notes": s.notes,
                "planned": [_planned(p, unit) for p in s.prescriptions.all()],
            }
            for s in sessions
        ],
        "logs": [_log(log, unit) for log in logs],
    }


def _log(log: SessionLog, unit: str) -> dict:
    return {
        "date": _iso(log.done_on),
        "planned_on": _iso(log.session.date) if log.session_id else None,
        "session": log.session.title if log.session_id else None,
        "rpe": log.rpe,
        "duration_minutes": log.duration_minutes,
        "notes": log.notes,
        "completed_at": log.completed_at.isoformat() if log.completed_at else None,
        "sets": [
            {
                "exercise": s.prescription.exercise.slug,
                "set": s.set_number,
                "side": s.side,
                "reps": s.reps,
                "load": _number(units.from_kg(s.load_kg, unit)) or None,
                "unit": unit if s.load_kg is not None else None,
                "load_kg": _number(s.load_kg) or None,
                "distance_m": s.distance_m,
                "seconds": s.seconds,
                "note": s.note,
            }
            for s in log.sets.all()
        ],
        "pain": [
            {"exercise": f.prescription.exercise.slug, "pain": f.pain} for f in log.feedback.all()
        ],
        "comments": [
            {
                "author": c.author.email if c.author else None,
                "body": c.body,
                "at": c.created_at.isoformat(),
            }
            for c in log.comments.all()
        ],
    }
