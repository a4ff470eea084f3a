import functools
from collections.abc import Callable
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS_3, WEEKDAYS_ABBR
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from athletes.decorators import athlete_required, coach_required
from athletes.selectors import athlete_for_coach, athletes_coached_by, profile_of, squads_of
from athletes.shortcuts import url_for_each
from caching.templates import template_version
from caching.versions import LIBRARY, cached
from coaching import exports, selectors, services
from coaching.charts import progress_chart
from coaching.forms import CommentForm, ExportForm, ProgrammeImportForm
from coaching.models import SetLog
from coaching.units import format_load, units_of

FLAG_LABELS = {
    "missed": gettext_lazy("Missed sessions"),
    "pain": gettext_lazy("Pain 5+"),
    "rpe": gettext_lazy("RPE 9+"),
    "inactive": gettext_lazy("No log for 7 days"),
    "imbalance": gettext_lazy("Left-right gap over 15%"),
}

# What the coach's pages call a session's status (ScheduledSession.status_on).
STATUS_LABELS = {
    "done": gettext_lazy("done"),
    "partial": gettext_lazy("partial"),
    "missed": gettext_lazy("missed"),
    "planned": gettext_lazy("planned"),
}


def _memo(format_one: Callable) -> Callable:
    """Rows share dates, numbers and titles: format each distinct value once a request."""
    done: dict = {}

    def formatted(value):
        if value not in done:
            done[value] = format_one(value)
        return done[value]

    return formatted


class _DayNames:
    """The date filter's "j M", "D j M" and "D" for many dates in one request, with the
    translated month and weekday names looked up once rather than once a date (each
    date_format() call parses its format and builds a formatter)."""

    def __init__(self) -> None:
        self.months = {month: MONTHS_3[month].title() for month in range(1, 13)}
        self.weekdays = {day: str(WEEKDAYS_ABBR[day]) for day in range(7)}

    def weekday(self, day) -> str:  # "D"
        return self.weekdays[day.weekday()]

    def short(self, day) -> str:  # "j M"
        return f"{day.day} {self.months[day.month]}"

    def long(self, day) -> str:  # "D j M"
        return f"{self.weekdays[day.weekday()]} {day.day} {self.months[day.month]}"


@functools.cache
def _day_names(language: str) -> _DayNames:
    return _DayNames()


def _percent(done: int, due: int) -> str:
    # As {% widthratio done due 100 %} printed it.
    return f"{round(done / due * 100)}%" if due else "—"


def _whole_percent(value) -> str:
    # As |floatformat:0 printed it: halves round up.
    return f"{Decimal(str(value)).quantize(Decimal(1), ROUND_HALF_UP):f}%"


def _dashboard_rows(athletes, gaps: dict, today, flag: str, coach_pk: int) -> list[dict]:
    """Each row's text, worked out once in Python: the template only places it."""
    url = url_for_each("coaching:coach_athlete")
    names = _day_names(get_language())
    pain = _memo(lambda n: _("Pain %(n)s") % {"n": n})
    rpe = _memo(lambda n: _("RPE %(n)s") % {"n": n})
    extra = _memo(
        lambda n: ngettext("+%(counter)s unplanned", "+%(counter)s unplanned", n) % {"counter": n}
    )
    partial = _memo(
        lambda n: (
            ngettext(
                "%(counter)s partly logged, not finished",
                "%(counter)s partly logged, not finished",
                n,
            )
            % {"counter": n}
        )
    )
    missed, quiet = _("Missed"), _("Quiet 7 days")
    rows = []
    for a in athletes:
        gap = gaps.get(a.pk)
        flags = selectors.athlete_flags(a, today, gap)
        if flag and flag not in flags:
            continue
        badges = []
        for key in flags:
            if key == "pain":
                label = pain(a.max_pain)
            elif key == "rpe":
                label = rpe(a.max_rpe)
            elif key == "imbalance":
                label = _("%(name)s: %(gap)s%% L/R") % {"name": gap[0], "gap": gap[1]}
            elif key == "missed":
                label = missed
            else:
                label = quiet
            badges.append((key, label))
        rows.append(
            {
                "url": url(a.pk),
                # A self-coached runner is on their own dashboard.
                "name": _("%(name)s (you)") % {"name": a} if a.pk == coach_pk else str(a),
                "c7": _percent(a.done_7, a.due_7),
                "t7": f"{a.done_7}/{a.due_7}",
                "c30": _whole_percent(a.compliance_30) if a.due_30 else "—",
                "t30": f"{a.done_30}/{a.due_30}",
                "c90": _percent(a.done_90, a.due_90),
                "t90": f"{a.done_90}/{a.due_90}",
                "extra": extra(a.extra_30) if a.extra_30 else "",
                "partial": partial(a.partial_7) if a.partial_7 else "",
                "last": names.short(a.last_logged) if a.last_logged else "—",
                "next": names.long(a.next_date) if a.next_date else "—",
                "badges": badges,
            }
        )
    return rows


@require_GET
@coach_required
@never_cache
@vary_on_headers("HX-Request")
def coach_dashboard(request: HttpRequest) -> HttpResponse:
    coach = request.user
    # The coach's own today where they have a time zone (a self-coached runner), else UTC.
    today = services.athlete_today(coach) if coach.is_athlete else timezone.localdate()
    squads = list(squads_of(coach))
    squad = next((s for s in squads if str(s.pk) == request.GET.get("squad")), None)
    flag = request.GET.get("flag") if request.GET.get("flag") in selectors.FLAGS else ""
    sort = (
        request.GET.get("sort")
        if request.GET.get("sort") in {"name", "compliance", "last"}
        else "name"
    )
    ids = selectors.dashboard_roster(coach, squad)
    template = "coaching/coach_dashboard.html"

    def rows() -> str:
        athletes = selectors.dashboard_athletes(coach, today, squad=squad, sort=sort)
        gaps = selectors.side_gaps(athletes, today)
        context = {
            "rows": _dashboard_rows(athletes, gaps, today, flag, coach.pk),
            "flag": flag,
            "squad": squad,
        }
        return render_to_string(f"{template}#dashboard-rows", context)

    def page() -> str:
        context = {
            "rows_html": rows(),
            "squads": squads,
            "squad": squad,
            "flag": flag,
            "sort": sort,
            "flag_labels": FLAG_LABELS,
            "thresholds": {
                "pain": selectors.PAIN_FLAG,
                "rpe": selectors.RPE_FLAG,
                "inactive": selectors.INACTIVE_DAYS,
                "gap": selectors.SIDE_GAP_FLAG,
                "recent": selectors.RECENT_DAYS,
            },
        }
        return render_to_string(f"{template}#dashboard", context)

    # Only these athletes' data shows: cached until one of them changes
    # (caching/versions.py). Building the queries behind the rows costs more than
    # running them, so a cached request builds only the roster's.
    parts = (
        coach.pk,
        ids,
        [(s.pk, s.name) for s in squads],
        squad.pk if squad else None,
        flag,
        sort,
        today,
        get_language(),
        template_version(template),
    )
    if request.htmx and request.htmx.target == "dashboard-rows":
        return HttpResponse(cached("dashboard-rows", [*ids, LIBRARY], parts, rows))
    html = cached("dashboard", [*ids, LIBRARY], parts, page)
    return render(request, template, {"content_html": html})


@require_GET
@coach_required
def coach_news(request: HttpRequest) -> HttpResponse:
    news = selectors.news_for_coach(request.user)
    services.news_mark_read(coach=request.user)
    return render(request, "coaching/coach_news.html", news)


@require_GET
@coach_required
def coach_news_count(request: HttpRequest) -> HttpResponse:
    count = selectors.news_count(request.user)
    response = render(request, "coaching/coach_news.html#news-badge", {"count": count})
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@coach_required
@never_cache
def coach_athlete(request: HttpRequest, pk: int) -> HttpResponse:
    coach = request.user
    # athlete_for_coach() also fetches the athlete's squads, which this page does not show.
    athlete = get_object_or_404(athletes_coached_by(coach).select_related("athlete_profile"), pk=pk)
    # The athlete's calendar is drawn on the athlete's today: missed means missed there.
    today = _today_of(athlete)
    exercises = cached(
        "coach-exercises",
        [athlete.pk, LIBRARY],
        (athlete.pk,),
        lambda: list(selectors.exercises_logged_by(athlete).order_by("name")),
    )
    chosen = next((e for e in exercises if e.slug == request.GET.get("exercise")), None)
    chosen = chosen or (exercises[0] if exercises else None)

    def body() -> str:
        return render_to_string(
            "coaching/coach_athlete.html#body",
            _coach_athlete_context(coach, athlete, today, exercises, chosen),
        )

    # Everything the body shows is the athlete's data (or the library's), so it is cached
    # until that changes (caching/versions.py); the access check above runs on every
    # request. The key holds all else the body depends on.
    html = cached(
        "coach-athlete-page",
        [athlete.pk, LIBRARY],
        (
            coach.pk,
            athlete.pk,
            today,
            get_language(),
            chosen.pk if chosen else None,
            template_version("coaching/coach_athlete.html", "coaching/train_progress.html"),
        ),
        body,
    )
    # render_to_string() returns a SafeString, and pickling in the cache keeps it one.
    return render(request, "coaching/coach_athlete.html", {"athlete": athlete, "body": html})


def _coach_athlete_context(coach, athlete, today, exercises, chosen) -> dict:
    logs = _log_rows(list(selectors.coach_athlete_logs(coach, athlete)[:30]))
    window_start = today - timedelta(days=27)
    sessions = _calendar_sessions(coach, athlete, window_start, today + timedelta(days=13), today)
    profile = profile_of(athlete)
    chart = (
        progress_chart(selectors.progress_points(athlete, chosen), units=units_of(athlete))
        if chosen
        else None
    )
    calendar = _calendar(sessions, window_start, today)
    return {
        "athlete": athlete,
        "profile": profile,
        "logs": logs,
        "weekdays": [day["weekday"] for day in calendar[0]],
        "calendar": calendar,
        "trend": list(reversed([log for log in logs if log["rpe"] or log["pain"] is not None]))[
            -12:
        ],
        "exercises": exercises,
        "chosen": chosen,
        "chart": chart,
        "today": today,
    }


def _log_rows(logs) -> list[dict]:
    """What the logs list and the effort table print, worked out once per log."""
    url = url_for_each("coaching:coach_session")
    names = _day_names(get_language())
    pain = _memo(lambda n: _("pain %(n)s") % {"n": n})
    comments = _memo(
        lambda n: ngettext("%(counter)s comment", "%(counter)s comments", n) % {"counter": n}
    )
    return [
        {
            "url": url(log.session_id),
            "status": "done" if log.completed_at else "partial",
            "planned": (
                names.long(log.session.date)
                if log.session.assignment_id and log.session.date != log.done_on
                else ""
            ),
            "day": names.long(log.done_on),
            "short": names.short(log.done_on),
            "title": log.session.title,
            "rpe": log.rpe,
            "pain": log.max_pain,
            "pain_text": pain(log.max_pain) if log.max_pain is not None else "",
            "pain_high": log.max_pain is not None and log.max_pain >= 5,
            "comments": comments(log.comment_count) if log.comment_count else "",
            "by_coach": bool(log.logged_by_id and log.logged_by_id != log.athlete_id),
        }
        for log in logs
    ]


def _calendar_sessions(coach, athlete, start, end, today) -> list[tuple]:
    """(pk, planned date, title, status, done on) of the athlete's sessions in the
    calendar's window; done on is None unless logged."""
    sessions = (
        selectors.sessions_coached_by(coach)
        .filter(athlete=athlete, date__gte=start, date__lte=end)
        .select_related("log")
        .order_by("date")
    )
    rows = []
    for s in sessions:
        log = s.log if s.has_log else None
        rows.append((s.pk, s.date, s.title, s.status_on(today), log.done_on if log else None))
    return rows


def _calendar(sessions, start, today) -> list[list[dict]]:
    """Six weeks from Monday four weeks ago: each day with its sessions and their state."""
    first = start - timedelta(days=start.weekday())
    url = url_for_each("coaching:coach_session")
    title = _memo(lambda value: Truncator(value).chars(18))
    names = _day_names(get_language())
    by_day: dict = {}
    for session in sessions:
        by_day.setdefault(session[1], []).append(session)
    weeks = []
    for week in range(6):
        days = []
        for offset in range(7):
            day = first + timedelta(days=week * 7 + offset)
            items = []
            for pk, _date, session_title, state, done_on in by_day.get(day, []):
                items.append(
                    {
                        "state": state,
                        "state_label": STATUS_LABELS[state],
                        "url": url(pk),
                        # Shortened to fit a column; a phone's list has room for all of it.
                        "short": title(session_title),
                        "title": session_title,
                        # Done on another day than planned: say when.
                        "done_on": names.short(done_on) if done_on and done_on != day else "",
                    }
                )
            days.append(
                {
                    "date": day,
                    "label": names.short(day),
                    "weekday": names.weekday(day),
                    "items": items,
                    "is_today": day == today,
                }
            )
        weeks.append(days)
    return weeks


def _today_of(athlete) -> date:
    """The athlete's today, from the profile fetched with them (no query)."""
    profile = profile_of(athlete)
    return services.today_in(profile.time_zone if profile else None)


def _coach_session_context(session, *, comment_form: CommentForm | None = None, comments=None):
    log = session.log if session.has_log else None
    today = _today_of(session.athlete)
    # Loads in the athlete's unit, written with it: the coach reads "26.5 lb" as typed.
    unit = units_of(session.athlete)
    sets = {}
    pains = {}
    if log:
        for logged in log.sets.all():
            logged.load_text = format_load(logged.load_kg, unit)
            sets.setdefault(logged.prescription_id, []).append(logged)
        pains = {f.prescription_id: f.pain for f in log.feedback.all()}
    return {
        "session": session,
        "log": log,
        "status": session.status_on(today),
        "items": [
            {
                "prescription": p,
                "target": p.target_for(unit),
                "sets": sorted(sets.get(p.pk, []), key=lambda s: (s.set_number, s.side)),
                "pain": pains.get(p.pk),
            }
            for p in session.prescriptions.all()
        ],
        "comments": comments if comments is not None else (log.comments.all() if log else []),
        "comment_form": comment_form or CommentForm(),
        "is_future": session.date >= today and log is None,
    }


@require_GET
@coach_required
@never_cache
def coach_session(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_for_logging(request.user, pk)
    if session.athlete_id == request.user.pk:
        return redirect("coaching:session_detail", pk=session.pk)
    if session.has_log:
        services.comments_mark_seen(log=session.log, reader=request.user)
    return render(request, "coaching/coach_session.html", _coach_session_context(session))


@require_POST
@coach_required
def coach_comment_add(request: HttpRequest, pk: int) -> HttpResponse:
    # The same scoped fetch as the review page: another coach's session is a 404.
    session = selectors.session_for_logging(request.user, pk)
    if session.athlete_id == request.user.pk:
        # A self-coached runner comments from their own session page.
        return redirect("coaching:session_detail", pk=session.pk)
    review_url = reverse("coaching:coach_session", args=[session.pk])
    if not session.has_log:
        messages.error(request, _("Comments go on sessions that have been logged."))
        return redirect(review_url)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.comment_add(
                log=session.log, author=request.user, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Comment sent."))
            if not request.htmx:
                return redirect(f"{review_url}#comments")
            # The session above may come from the cache: read the thread afresh.
            return render(
                request,
                "coaching/coach_session.html#comments",
                _coach_thread_context(session, CommentForm()),
            )
    if request.htmx:
        return render(
            request, "coaching/coach_session.html#comments", _coach_thread_context(session, form)
        )
    return render(
        request, "coaching/coach_session.html", _coach_session_context(session, comment_form=form)
    )


def _coach_thread_context(session, form: CommentForm) -> dict:
    return {
        "session": session,
        "log": session.log,
        "comments": selectors.comments_for(session.log),
        "comment_form": form,
    }


# Exports and import -------------------------------------------------------------------


@require_GET
@coach_required
def coach_export(request: HttpRequest) -> HttpResponse:
    coach = request.user
    athletes = list(athletes_coached_by(coach).order_by("name"))
    squads = list(squads_of(coach))
    form = ExportForm(request.GET or None, athletes=athletes, squads=squads)
    if request.GET and form.is_valid():
        data = form.cleaned_data
        # The form offers only the coach's athletes, so a chosen one is theirs. Their
        # pks, rather than the roster's subquery, keep the planner's work small.
        chosen = [data["athlete"]] if data["athlete"] else [a.pk for a in athletes]
        sets = SetLog.objects.filter(log__athlete_id__in=chosen, done=True)
        if data["squad"]:
            sets = sets.filter(log__athlete__squads_joined=data["squad"])
        if data["date_from"]:
            sets = sets.filter(log__done_on__gte=data["date_from"])
        if data["date_to"]:
            sets = sets.filter(log__done_on__lte=data["date_to"])
        if data["athlete"]:
            # One athlete's sets, even over years, are a few thousand rows: read at once
            # and cached until their data changes (caching/versions.py).
            # The header stands for the columns: a file cached before they changed is not
            # served after.
            parts = (
                coach.pk,
                data["athlete"],
                data["squad"],
                data["date_from"],
                data["date_to"],
                exports.CSV_HEADER,
            )
            rows = [
                cached(
                    "csv",
                    [data["athlete"]],
                    parts,
                    lambda: "".join(exports.set_log_csv(sets, stream=False)),
                )
            ]
        else:
            rows = exports.set_log_csv(sets)
        response = StreamingHttpResponse(rows, content_type="text/csv")
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="drivephase-sets-{stamp}.csv"'
        return response
    return render(request, "coaching/coach_export.html", {"form": form})


def _json_download(data: dict, filename: str) -> JsonResponse:
    response = JsonResponse(data, json_dumps_params={"indent": 2, "ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
@athlete_required
def athlete_export(request: HttpRequest) -> HttpResponse:
    stamp = timezone.localdate().isoformat()
    return _json_download(exports.athlete_export(request.user), f"drivephase-{stamp}.json")


@require_GET
@coach_required
def coach_athlete_export(request: HttpRequest, pk: int) -> HttpResponse:
    athlete = athlete_for_coach(request.user, pk)
    stamp = timezone.localdate().isoformat()
    return _json_download(
        exports.athlete_export(athlete), f"drivephase-athlete-{athlete.pk}-{stamp}.json"
    )


@require_GET
@coach_required
def programme_export(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_object_or_404(selectors.programmes_visible_to(request.user), pk=pk)
    return _json_download(exports.programme_export(programme), f"programme-{programme.pk}.json")


@require_http_methods(["GET", "POST"])
@coach_required
def programme_import(request: HttpRequest) -> HttpResponse:
    form = ProgrammeImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            programme = services.programme_import(
                coach=request.user, data=form.cleaned_data["file"]
            )
        except ValidationError as error:
            form.add_error("file", error.messages)
        else:
            messages.success(request, _("%(title)s imported.") % {"title": programme.title})
            return redirect(programme)
    return render(request, "coaching/programme_import.html", {"form": form})
