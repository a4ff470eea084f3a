"""The athlete's schedule as an iCalendar feed (RFC 5545), one all-day event a session."""

from collections.abc import Iterable
from datetime import timedelta

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from coaching.models import ScheduledSession
from coaching.units import KG


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    # Lines longer than 75 octets continue on the next line after a space.
    out, current = [], ""
    for char in line:
        if len((current + char).encode()) > 75:
            out.append(current)
            current = " " + char
        else:
            current += char
    return [*out, current]


def calendar_body(sessions: Iterable[ScheduledSession], *, host: str, units: str = KG) -> str:
    """The feed, with every load in the athlete's `units`, as the session page shows it."""
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Drivephase//Strength sessions//EN",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:Drivephase strength",
    ]
    for session in sessions:
        exercises = [
            f"{p.exercise.name}: {p.target_for(units)}" for p in session.prescriptions.all()
        ]
        description = "\n".join(exercises)
        if session.notes:
            description = f"{session.notes}\n\n{description}"
        # The event stays on the planned day; what was done, and when, is written on it.
        log = session.log if session.has_log else None
        summary = session.title
        if log is not None and log.completed_at:
            summary = _("Done: %(title)s") % {"title": session.title}
            if log.done_on != session.date:
                done = _("Done on %(day)s.") % {"day": date_format(log.done_on, "D j M")}
                description = f"{done}\n\n{description}"
        elif log is not None:
            summary = _("Partly logged: %(title)s") % {"title": session.title}
        lines += [
            "BEGIN:VEVENT",
            f"UID:session-{session.pk}@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{session.date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{session.date + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(summary)}",
            f"DESCRIPTION:{_escape(description)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(folded for line in lines for folded in _fold(line)) + "\r\n"
