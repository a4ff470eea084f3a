"""Server-drawn SVG charts: light, readable without JavaScript, and clean under the CSP."""

from dataclasses import dataclass, field
from datetime import date

from django.template.defaultfilters import floatformat
from django.utils.formats import date_format, localize
from django.utils.translation import gettext as _

from coaching.services import from_kg

WIDTH, HEIGHT, PAD = 320, 160, 24
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
    # Axis labels as printed.
    y_min_text: str = ""
    y_max_text: str = ""
    first_text: str = ""
    last_text: str = ""

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
    value = f"{point.value:g}"
    return f"{value} ★" if point.is_record else value


def progress_chart(points: list[dict], *, units: str) -> ProgressChart | None:
    """Best load per day, or total reps, longest hold or distance when there is no load;
    personal records marked; one line per side for one-sided exercises."""
    if not points:
        return None
    if any(p["top_load"] for p in points):
        metric, unit = _("Heaviest set"), units
        value_of = lambda p: float(from_kg(p["top_load"], units) or 0)  # noqa: E731
    elif any(p["total_reps"] for p in points):
        metric, unit = _("Total reps"), _("reps")
        value_of = lambda p: float(p["total_reps"] or 0)  # noqa: E731
    elif any(p["seconds"] for p in points):
        metric, unit = _("Longest hold"), "s"
        value_of = lambda p: float(p["seconds"] or 0)  # noqa: E731
    else:
        metric, unit = _("Longest distance"), "m"
        value_of = lambda p: float(p["distance"] or 0)  # noqa: E731
    series: dict[str, Series] = {}
    for row in points:
        series.setdefault(row["side"], Series(side=row["side"])).points.append(
            Point(day=row["log__done_on"], value=value_of(row))
        )
    all_points = [p for s in series.values() for p in s.points]
    days = sorted({p.day for p in all_points})
    y_min = min(p.value for p in all_points)
    y_max = max(p.value for p in all_points)
    span_days = max((days[-1] - days[0]).days, 1)
    span_y = (y_max - y_min) or 1
    record = _("record")
    for s in series.values():
        best = float("-inf")
        for point in s.points:
            point.is_record = point.value > best
            best = max(best, point.value)
            point.x = PAD + (WIDTH - 2 * PAD) * (point.day - days[0]).days / span_days
            point.y = HEIGHT - PAD - (HEIGHT - 2 * PAD) * (point.value - y_min) / span_y
            point.cx, point.cy = f"{point.x:.1f}", f"{point.y:.1f}"
            point.title = f"{date_format(point.day, 'j M')}: {localize(point.value)} {unit}"
            if point.is_record:
                point.title += f" ({record})"
    return ProgressChart(
        metric=metric,
        unit=unit,
        series=[series[k] for k in sorted(series)],
        y_min=y_min,
        y_max=y_max,
        first_day=days[0],
        last_day=days[-1],
        y_min_text=floatformat(y_min, "-1"),
        y_max_text=floatformat(y_max, "-1"),
        first_text=date_format(days[0], "j M"),
        last_text=date_format(days[-1], "j M"),
    )
