"""Server-drawn SVG charts: light, readable without JavaScript, and clean under the CSP."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from caching.templates import template_version
from caching.versions import LIBRARY, cached
from coaching import selectors
from coaching.units import format_number, from_kg

WIDTH, HEIGHT, PAD = 320, 160, 24
TOP, BOTTOM, MIDDLE = PAD, HEIGHT - PAD, HEIGHT / 2
SIDE_NAMES = {"": "", "L": "left", "R": "right"}


@dataclass
class Point:
    day: date
    value: float
    is_record: bool = False
    x: float = 0
    y: float = 0
    # What the template prints, formatted once by progress_chart().
    cx: str = ""
    cy: str = ""
    number: str = ""  # the value as the reader's locale writes it: "26.5"
    text: str = ""  # and with its unit: "26.5 lb"
    title: str = ""


@dataclass
class Series:
    side: str
    points: list[Point] = field(default_factory=list)

    @property
    def label(self) -> str:
        return {"L": _("Left"), "R": _("Right")}.get(self.side, _("Both sides"))

    @property
    def css(self) -> str:
        return f"series-{self.side or 'both'}"

    @property
    def polyline(self) -> str:
        # A line needs two points; one point is drawn as its dot and label alone.
        if len(self.points) < 2:
            return ""
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)

    @property
    def best(self) -> float:
        return max((p.value for p in self.points), default=0)


@dataclass
class ProgressChart:
    metric: str
    unit: str
    series: list[Series]
    y_min: float
    y_max: float
    first_day: date
    last_day: date
    width: int = WIDTH
    height: int = HEIGHT
    # Axis labels as printed: (y, text) on the left, (x, text-anchor, text) below.
    y_labels: list[tuple[str, str]] = field(default_factory=list)
    x_labels: list[tuple[str, str, str]] = field(default_factory=list)
    description: str = ""

    @property
    def one_day(self) -> bool:
        """One logged day: each point is drawn with its value written beside it."""
        return self.first_day == self.last_day

    @property
    def side_gap_percent(self) -> int | None:
        """How far the weaker side's best is behind the stronger side's."""
        sides = {s.side: s.best for s in self.series if s.side}
        if set(sides) != {"L", "R"} or not max(sides.values()):
            return None
        strong, weak = max(sides.values()), min(sides.values())
        return round(100 * (strong - weak) / strong)

    @property
    def rows(self) -> list[tuple[str, list[str]]]:
        days = sorted({p.day for s in self.series for p in s.points})
        by_side = {s.side: {p.day: p for p in s.points} for s in self.series}
        return [
            (
                date_format(day, "j M Y"),
                [
                    _format(by_side[s.side][day]) if day in by_side[s.side] else "—"
                    for s in self.series
                ],
            )
            for day in days
        ]


def _format(point: Point) -> str:
    return f"{point.text} ★" if point.is_record else point.text


def progress_chart(points: list[dict], *, units: str) -> ProgressChart | None:
    """Best load per day (in the athlete's unit, as typed), or total reps, longest hold or
    distance when there is no load; personal records marked; one line per side for
    one-sided exercises. One logged day is a dot in the middle with its value and date
    written out, and a flat series a level line halfway up, not a line along the axis."""
    if not points:
        return None
    if any(p["top_load"] for p in points):
        metric, unit = _("Heaviest set"), units
        value_of = lambda p: from_kg(p["top_load"], units) or Decimal(0)  # noqa: E731
    elif any(p["total_reps"] for p in points):
        metric, unit = _("Total reps"), _("reps")
        value_of = lambda p: p["total_reps"] or 0  # noqa: E731
    elif any(p["seconds"] for p in points):
        metric, unit = _("Longest hold"), "s"
        value_of = lambda p: p["seconds"] or 0  # noqa: E731
    else:
        metric, unit = _("Longest distance"), "m"
        value_of = lambda p: p["distance"] or 0  # noqa: E731
    series: dict[str, Series] = {}
    for row in points:
        value = value_of(row)
        number = format_number(value)
        series.setdefault(row["side"], Series(side=row["side"])).points.append(
            Point(
                day=row["log__done_on"],
                value=float(value),
                number=number,
                text=f"{number} {unit}",
            )
        )
    all_points = [p for s in series.values() for p in s.points]
    days = sorted({p.day for p in all_points})
    lowest = min(all_points, key=lambda p: p.value)
    highest = max(all_points, key=lambda p: p.value)
    y_min, y_max = lowest.value, highest.value
    span_days = (days[-1] - days[0]).days
    span_y = y_max - y_min
    record = _("record")
    for s in series.values():
        best = float("-inf")
        for point in s.points:
            point.is_record = point.value > best
            best = max(best, point.value)
            if span_days:
                point.x = PAD + (WIDTH - 2 * PAD) * (point.day - days[0]).days / span_days
            else:
                point.x = WIDTH / 2
            if span_y:
                point.y = BOTTOM - (BOTTOM - TOP) * (point.value - y_min) / span_y
            else:
                point.y = MIDDLE
            point.cx, point.cy = f"{point.x:.1f}", f"{point.y:.1f}"
            point.title = f"{date_format(point.day, 'j M')}: {point.text}"
            if point.is_record:
                point.title += f" ({record})"
    first, last = date_format(days[0], "j M"), date_format(days[-1], "j M")
    if span_y:
        y_labels = [(f"{TOP + 4}", highest.number), (f"{BOTTOM}", lowest.number)]
    else:
        y_labels = [(f"{MIDDLE + 4:.0f}", highest.number)]
    if span_days:
        x_labels = [(f"{PAD}", "start", first), (f"{WIDTH - PAD}", "end", last)]
        description = _("From %(first)s to %(last)s, between %(low)s and %(high)s.") % {
            "first": first,
            "last": last,
            "low": lowest.text,
            "high": highest.text,
        }
    else:
        x_labels = [(f"{WIDTH / 2:.0f}", "middle", first)]
        description = _("One day logged, %(day)s: %(values)s.") % {
            "day": first,
            "values": ", ".join(p.text for p in all_points),
        }
    return ProgressChart(
        metric=metric,
        unit=unit,
        series=[series[k] for k in sorted(series)],
        y_min=y_min,
        y_max=y_max,
        first_day=days[0],
        last_day=days[-1],
        y_labels=y_labels,
        x_labels=x_labels,
        description=description,
    )


def progress_chart_html(athlete, exercise, *, units: str) -> str:
    """The athlete's chart of one exercise as its read-only fragment, for the athlete's
    progress page and their coach's page alike: cached until the athlete's data or the
    library changes (caching/versions.py). Access to the athlete is decided before this
    is called."""

    def html() -> str:
        chart = progress_chart(selectors.progress_points(athlete, exercise), units=units)
        if chart is None:
            return ""
        return render_to_string(f"{CHART_TEMPLATE}#chart", {"chart": chart, "chosen": exercise})

    return cached(
        "progress-chart",
        [athlete.pk, LIBRARY],
        (athlete.pk, exercise.pk, units, get_language(), template_version(CHART_TEMPLATE)),
        html,
    )


# The template the chart is drawn by, as its #chart fragment.
CHART_TEMPLATE = "coaching/train_progress.html"
