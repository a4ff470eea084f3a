from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from athletes.decorators import athlete_required, coach_required
from athletes.selectors import athlete_for_coach, athletes_coached_by, profile_of, squads_of
from coaching import exports, selectors, services
from coaching.charts import progress_chart
from coaching.forms import CommentForm, ExportForm, ProgrammeImportForm
from coaching.models import SetLog

FLAG_LABELS = {
    "missed": _("Missed sessions"),
    "pain": _("Pain 5+"),
    "rpe": _("RPE 9+"),
    "inactive": _("No log for 7 days"),
    "imbalance": _("Left-right gap over 15%"),
}


@require_GET
@coach_required
@vary_on_headers("HX-Request")
def coach_dashboard(request: HttpRequest) -> HttpResponse:
    coach = request.user
    today = timezone.localdate()
    squads = list(squads_of(coach))
    squad = next((s for s in squads if str(s.pk) == request.GET.get("squad")), None)
    flag = request.GET.get("flag") if request.GET.get("flag") in selectors.FLAGS else ""
    sort = (
        request.GET.get("sort")
        if request.GET.get("sort") in {"name", "compliance", "last"}
        else "name"
    )
    athletes = list(selectors.dashboard_athletes(coach, today, squad=squad, sort=sort))
    gaps = selectors.side_gaps(athletes, today)
    rows = []
    for athlete in athletes:
        flags = selectors.athlete_flags(athlete, today, gaps.get(athlete.pk))
        if not flag or flag in flags:
            rows.append({"athlete": athlete, "flags": flags, "gap": gaps.get(athlete.pk)})
    context = {
        "rows": rows,
        "squads": squads,
        "squad": squad,
        "flag": flag,
        "sort": sort,
        "flag_labels": FLAG_LABELS,
        "flag_counts": {
            key: sum(1 for row in rows if key in row["flags"]) for key in selectors.FLAGS
        },
        "thresholds": {
            "pain": selectors.PAIN_FLAG,
            "rpe": selectors.RPE_FLAG,
            "inactive": selectors.INACTIVE_DAYS,
            "gap": selectors.SIDE_GAP_FLAG,
            "recent": selectors.RECENT_DAYS,
        },
        "today": today,
    }
    template = "coaching/coach_dashboard.html"
    if request.htmx and request.htmx.target == "dashboard-rows":
        template += "#dashboard-rows"
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
def coach_athlete(request: HttpRequest, pk: int) -> HttpResponse:
    coach = request.user
    athlete = athlete_for_coach(coach, pk)
    today = timezone.localdate()
    logs = list(selectors.coach_athlete_logs(coach, athlete)[:30])
    window_start = today - timedelta(days=27)
    sessions = list(
        selectors.sessions_coached_by(coach)
        .filter(athlete=athlete, date__gte=window_start, date__lte=today + timedelta(days=13))
        .select_related("log")
        .order_by("date")
    )
    exercises = list(selectors.exercises_logged_by(athlete).order_by("name"))
    chosen = next((e for e in exercises if e.slug == request.GET.get("exercise")), None)
    chosen = chosen or (exercises[0] if exercises else None)
    profile = profile_of(athlete)
    units = profile.units if profile else "kg"
    chart = (
        progress_chart(selectors.progress_points(athlete, chosen), units=units) if chosen else None
    )
    return render(
        request,
        "coaching/coach_athlete.html",
        {
            "athlete": athlete,
            "profile": profile,
            "logs": logs,
            "calendar": _calendar(sessions, window_start, today),
            "trend": list(reversed([log for log in logs if log.rpe or log.max_pain is not None]))[
                -12:
            ],
            "exercises": exercises,
            "chosen": chosen,
            "chart": chart,
            "today": today,
        },
    )


def _calendar(sessions, start, today) -> list[list[dict]]:
    """Six weeks from Monday four weeks ago: each day with its sessions and their state."""
    first = start - timedelta(days=start.weekday())
    by_day: dict = {}
    for session in sessions:
        by_day.setdefault(session.date, []).append(session)
    weeks = []
    for week in range(6):
        days = []
        for offset in range(7):
            day = first + timedelta(days=week * 7 + offset)
            items = []
            for session in by_day.get(day, []):
                logged = _logged(session)
                state = "done" if logged else ("missed" if day < today else "planned")
                items.append({"session": session, "state": state})
            days.append({"date": day, "items": items, "is_today": day == today})
        weeks.append(days)
    return weeks


def _logged(session) -> bool:
    try:
        return session.log is not None
    except session.__class__.log.RelatedObjectDoesNotExist:
        return False


@require_GET
@coach_required
def coach_session(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_for_logging(request.user, pk)
    if session.athlete_id == request.user.pk:
        return redirect("coaching:session_detail", pk=session.pk)
    log = session.log if _logged(session) else None
    if log:
        services.comments_mark_seen(log=log, reader=request.user)
    sets = {}
    pains = {}
    if log:
        for logged in log.sets.all():
            sets.setdefault(logged.prescription_id, []).append(logged)
        pains = {f.prescription_id: f.pain for f in log.feedback.all()}
    return render(
        request,
        "coaching/coach_session.html",
        {
            "session": session,
            "log": log,
            "items": [
                {
                    "prescription": p,
                    "sets": sorted(sets.get(p.pk, []), key=lambda s: (s.set_number, s.side)),
                    "pain": pains.get(p.pk),
                }
                for p in session.prescriptions.all()
            ],
            "comments": log.comments.all() if log else [],
            "comment_form": CommentForm(),
            "is_future": session.date >= timezone.localdate() and log is None,
        },
    )


# Exports and import -------------------------------------------------------------------


@require_GET
@coach_required
def coach_export(request: HttpRequest) -> HttpResponse:
    coach = request.user
    athletes = list(athletes_coached_by(coach).order_by("name"))
    squads = list(squads_of(coach))
    form = ExportForm(request.GET or None, athletes=athletes, squads=squads)
    if request.GET and form.is_valid():
        sets = SetLog.objects.filter(log__athlete__in=athletes_coached_by(coach), done=True)
        data = form.cleaned_data
        if data["athlete"]:
            sets = sets.filter(log__athlete_id=data["athlete"])
        if data["squad"]:
            sets = sets.filter(log__athlete__squads_joined=data["squad"])
        if data["date_from"]:
            sets = sets.filter(log__date__gte=data["date_from"])
        if data["date_to"]:
            sets = sets.filter(log__date__lte=data["date_to"])
        response = StreamingHttpResponse(exports.set_log_csv(sets), content_type="text/csv")
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
