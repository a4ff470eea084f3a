from datetime import date, timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from athletes.decorators import athlete_required, coach_required
from athletes.selectors import athlete_for_coach, athletes_coached_by, profile_of, squads_of
from caching.templates import template_version
from caching.versions import LIBRARY, cached
from coaching import exports, selectors, services
from coaching.charts import progress_chart_html
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
    # The access check: the pks of the coach's athletes (in the squad asked for).
    ids = selectors.dashboard_roster(coach, squad)
    template = "coaching/coach_dashboard.html"

    def rows() -> str:
        athletes = selectors.dashboard_athletes(coach, today, squad=squad, sort=sort)
        gaps = selectors.side_gaps(athletes, today)
        listed = []
        for athlete in athletes:
            athlete.side_gap = gaps.get(athlete.pk)
            athlete.flags = selectors.athlete_flags(athlete, today, athlete.side_gap)
            if not flag or flag in athlete.flags:
                listed.append(athlete)
        context = {"athletes": listed, "flag": flag, "squad": squad, "coach": coach}
        return render_to_string(f"{template}#dashboard-rows", context)

    # The rows are a read-only fragment (no form) showing only these athletes' data:
    # cached until one of them changes (caching/versions.py). Building the queries behind
    # them costs more than running them, so a cached request builds only the roster's.
    rows_html = cached(
        "dashboard-rows",
        [*ids, LIBRARY],
        (coach.pk, ids, squad.pk if squad else None, flag, sort, today, get_language())
        + (template_version(template),),
        rows,
    )
    if request.htmx and request.htmx.target == "dashboard-rows":
        return HttpResponse(rows_html)
    context = {
        "rows_html": rows_html,
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
    return render(request, template, context)


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
    # The access check. athlete_for_coach() also fetches the athlete's squads, which this
    # page does not show.
    athlete = get_object_or_404(athletes_coached_by(coach).select_related("athlete_profile"), pk=pk)
    # The athlete's calendar is drawn on the athlete's today: missed means missed there.
    today = _today_of(athlete)
    template = "coaching/coach_athlete.html"

    def fragments() -> dict:
        context = _coach_athlete_data(coach, athlete, today)
        html = {
            name: render_to_string(f"{template}#{name}", context)
            for name in ("calendar", "logs", "trend")
        }
        return {**html, "exercises": list(selectors.exercises_logged_by(athlete).order_by("name"))}

    # The calendar, the logs and the effort table show the athlete's data only: read-only
    # fragments cached until it changes (caching/versions.py), with the exercises the
    # chart offers. The key holds all else they depend on.
    cached_parts = cached(
        "coach-athlete-fragments",
        [athlete.pk, LIBRARY],
        (coach.pk, athlete.pk, today, get_language(), template_version(template)),
        fragments,
    )
    exercises = cached_parts["exercises"]
    chosen = next((e for e in exercises if e.slug == request.GET.get("exercise")), None)
    chosen = chosen or (exercises[0] if exercises else None)
    chart_html = progress_chart_html(athlete, chosen, units=units_of(athlete)) if chosen else ""
    context = {
        "fragments": cached_parts,
        "athlete": athlete,
        "profile": profile_of(athlete),
        "exercises": exercises,
        "chosen": chosen,
        "chart_html": chart_html,
    }
    return render(request, template, context)


def _coach_athlete_data(coach, athlete, today) -> dict:
    logs = list(selectors.coach_athlete_logs(coach, athlete)[:30])
    window_start = today - timedelta(days=27)
    sessions = (
        selectors.sessions_coached_by(coach)
        .filter(athlete=athlete, date__gte=window_start, date__lte=today + timedelta(days=13))
        .select_related("log")
        .order_by("date")
    )
    return {
        "logs": logs,
        "calendar": _calendar(list(sessions), window_start, today),
        # Oldest first, the last twelve with a score.
        "trend": [log for log in logs if log.rpe or log.max_pain is not None][:12][::-1],
    }


def _calendar(sessions, start, today) -> list[list[dict]]:
    """Six weeks from Monday four weeks ago: each day with its sessions, each with its
    state on the athlete's today."""
    first = start - timedelta(days=start.weekday())
    by_day: dict = {}
    for session in sessions:
        session.state = session.status_on(today)
        # Done on another day than planned: the calendar says when.
        log = session.log if session.has_log else None
        session.done_other_day = log.done_on if log and log.done_on != session.date else None
        by_day.setdefault(session.date, []).append(session)
    days = [first + timedelta(days=offset) for offset in range(42)]
    return [
        [{"date": day, "sessions": by_day.get(day, []), "is_today": day == today} for day in week]
        for week in (days[index : index + 7] for index in range(0, 42, 7))
    ]


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
