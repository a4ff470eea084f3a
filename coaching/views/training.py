from datetime import timedelta
from typing import TypedDict

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.forms import BoundField
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import trigger_client_event

from athletes.decorators import athlete_required
from caching.templates import template_version
from caching.versions import LIBRARY, cached
from coaching import selectors, services
from coaching.charts import progress_chart_html
from coaching.forms import AdhocSessionForm, CommentForm, FinishForm, PainForm, SetLogForm
from coaching.ics import calendar_body
from coaching.models import CalendarFeed, ScheduledPrescription, ScheduledSession, SetLog
from coaching.units import KG, format_load, from_kg, to_kg, units_of
from library.selectors import exercise_from_input, exercise_search

HISTORY_PER_PAGE = 20


@require_GET
@athlete_required
@never_cache
def train_home(request: HttpRequest) -> HttpResponse:
    today = services.athlete_today(request.user)
    context = selectors.train_overview(request.user, today)
    # Cached like the overview, until the athlete's data changes (caching/versions.py).
    context["feed"], context["feedback"] = cached(
        "train-feed",
        [request.user.pk, LIBRARY],
        (request.user.pk,),
        lambda: (
            services.calendar_feed_for(athlete=request.user),
            list(selectors.unread_feedback_for_athlete(request.user)[:10]),
        ),
    )
    return render(request, "coaching/train_home.html", context)


# The session page ---------------------------------------------------------------
#
# Access first, on every request: selectors.session_for_logging runs the scoped query
# (404 for anyone else) before it reads the session, its exercises and logs from the
# cache. Nothing holding a form or a CSRF token is cached: the page and its fragments
# (partials of coaching/session_detail.html) are rendered on every request, each set row
# with its own SetLogForm, whose fields print their inputs.

SESSION_TEMPLATE = "coaching/session_detail.html"
SET_FIELDS = ("reps", "load", "distance_m", "seconds")


class SetRow(TypedDict):
    """One set row: its form (bound to a refused POST, else starting from the log, the
    target or last time's load), and which of the form's fields it shows. A dict: the
    template engine tries a key before an attribute."""

    form: SetLogForm
    refused: bool
    log: SetLog | None
    session_id: int
    dom_id: str
    label: str
    name: str
    fields: list[BoundField]


def _set_label(number: int, side: str) -> str:
    label = _("Set %(n)s") % {"n": number}
    if side == "L":
        return f"{label} {_('left')}"
    if side == "R":
        return f"{label} {_('right')}"
    return label


def _row(
    prescription: ScheduledPrescription,
    number: int,
    side: str,
    log: SetLog | None,
    *,
    units: str,
    data=None,
    every_kind: bool = False,
    target: dict | None = None,
) -> SetRow:
    """One set row: its log's values, else the target (or last time's load), else what a
    refused POST (`data`) sent, with its errors. The fields a POST carried stay shown:
    the page showed them. `every_kind` shows every value a set can have (an unplanned
    session has no prescription to go by)."""
    p = prescription
    key = f"{p.pk}-{number}{side}"
    # One form per row: ids unique on the page (id_<prescription>_<set><side>_reps), the
    # names the set_log view reads.
    auto_id = f"id_{p.pk}_{number}{side}_%s"
    if data is not None:
        form = SetLogForm(data, units=units, auto_id=auto_id)
        form.is_valid()
        posted = {name for name in SET_FIELDS if name in data}
    else:
        if log is not None:
            # As typed, in the athlete's unit: 26.5 lb, never 26.46.
            values = {
                "reps": log.reps,
                "load": from_kg(log.load_kg, units),
                "distance_m": log.distance_m,
                "seconds": log.seconds,
                "note": log.note,
            }
        else:
            # A coach's 12 kg shows to a runner in pounds as 26.5 lb, the value "Done" sends.
            values = dict(target or _target_values(p, units))
        values |= {"prescription": p.pk, "set_number": number, "side": side}
        form = SetLogForm(units=units, auto_id=auto_id, initial=values)
        posted = set()
    show = (
        SET_FIELDS
        if every_kind
        else [
            name
            for name, shown in (
                ("reps", p.reps_min or (log and log.reps)),
                (
                    "load",
                    p.load_kind in ("kg", "rpe", "pct")
                    or (log and log.load_kg)
                    or getattr(p, "last_load", None),
                ),
                ("distance_m", p.distance_m or (log and log.distance_m)),
                ("seconds", p.hold_seconds or p.duration_seconds or (log and log.seconds)),
            )
            if shown or name in posted
        ]
    )
    label = _set_label(number, side)
    return SetRow(
        form=form,
        refused=form.is_bound and bool(form.errors),
        log=log,
        session_id=p.session_id,
        dom_id=f"set-{key}",
        label=label,
        name=f"{p.exercise.name}, {label}",
        fields=[form[name] for name in show],
    )


def _target_values(p: ScheduledPrescription, units: str) -> dict:
    """What a set not yet logged starts from: the target, else last time's load. A coach's
    12 kg shows to a runner in pounds as 26.5 lb, the value "Done" sends."""
    target = services.set_log_target_values(p, units)
    return {
        "reps": target["reps"],
        "load": from_kg(target["load_kg"] or getattr(p, "last_load", None), units),
        "distance_m": target["distance_m"],
        "seconds": target["seconds"],
    }


def _row_response(request: HttpRequest, row: SetRow) -> HttpResponse:
    set_url = reverse("coaching:set_log", args=[row["session_id"]])
    return render(request, f"{SESSION_TEMPLATE}#set-row", {"row": row, "set_url": set_url})


def _exercise_headers(session: ScheduledSession, units: str) -> dict[int, str]:
    """Each exercise's read-only header (name, target, tempo and its pacer, last time,
    cue, notes, how-to link), by prescription: HTML without a form or anything of the
    request, cached until the athlete's data or the library changes."""

    def render_headers() -> dict[int, str]:
        return {
            p.pk: render_to_string(
                f"{SESSION_TEMPLATE}#exercise-header",
                {
                    "p": p,
                    "target": p.target_for(units),
                    "last_load": format_load(getattr(p, "last_load", None), units),
                },
            )
            for p in session.prescriptions.all()
        }

    headers = cached(
        "session-headers",
        [session.athlete_id, LIBRARY],
        (get_language(), template_version(SESSION_TEMPLATE), units, session.pk),
        render_headers,
    )
    if any(p.pk not in headers for p in session.prescriptions.all()):
        # Cached from another read of the session (an exercise added meanwhile).
        headers = render_headers()
    return headers


def _exercise_blocks(session: ScheduledSession, units: str, refused: SetRow | None) -> list[dict]:
    """Each exercise with its set rows and pain form; `refused` replaces the row of a set
    that was not saved, keeping what was typed."""
    log = session.log if session.has_log else None
    set_logs = {(s.prescription_id, s.set_number, s.side): s for s in log.sets.all()} if log else {}
    pains = {f.prescription_id: f.pain for f in log.feedback.all()} if log else {}
    every_kind = session.assignment_id is None
    headers = _exercise_headers(session, units)
    blocks = []
    for prescription in session.prescriptions.all():
        sides = ["L", "R"] if prescription.per_side else [""]
        planned = {(n, side) for n in range(1, (prescription.sets or 1) + 1) for side in sides}
        extra = {(n, side) for (pk, n, side) in set_logs if pk == prescription.pk}
        target = _target_values(prescription, units)  # the same for each of its sets
        rows = [
            _row(
                prescription,
                n,
                side,
                set_logs.get((prescription.pk, n, side)),
                units=units,
                every_kind=every_kind,
                target=target,
            )
            for n, side in sorted(planned | extra)
        ]
        if refused is not None:
            rows = [refused if row["dom_id"] == refused["dom_id"] else row for row in rows]
        blocks.append(
            {
                "pk": prescription.pk,
                "name": prescription.exercise.name,
                "header": headers[prescription.pk],
                "rows": rows,
                "pain_form": PainForm(
                    auto_id=f"id_pain_{prescription.pk}_%s",
                    initial={
                        "prescription": prescription.pk,
                        "pain": pains.get(prescription.pk, 0),
                    },
                ),
            }
        )
    return blocks


def _session_context(
    request: HttpRequest,
    session: ScheduledSession,
    *,
    refused: SetRow | None = None,
    finish_form: FinishForm | None = None,
    comment_form: CommentForm | None = None,
    comments=None,
) -> dict:
    units = units_of(session.athlete)
    log = session.log if session.has_log else None
    if comments is None:
        comments = log.comments.all() if log else []
    return {
        "session": session,
        "log": log,
        "units": units,
        "on_behalf": session.athlete_id != request.user.pk,
        "is_adhoc": session.assignment_id is None,
        "blocks": _exercise_blocks(session, units, refused),
        "finish_form": finish_form or FinishForm(instance=log),
        "comment_form": comment_form or CommentForm(),
        "comments": comments,
    }


def _session_page(request: HttpRequest, session: ScheduledSession, **forms) -> HttpResponse:
    return render(request, SESSION_TEMPLATE, _session_context(request, session, **forms))


@require_GET
@never_cache
@vary_on_headers("HX-Request")
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    # never_cache: the page shows what is logged, which its own HTMX posts change after it
    # loaded. Without no-store, Chrome's Back and Forward show the copy from its HTTP
    # cache, whatever its age (the sets as they were when it first loaded).
    session = selectors.session_for_logging(request.user, pk)
    log = session.log if session.has_log else None
    if log is not None and any(
        not comment.seen_by_recipient and comment.author_id != request.user.pk
        for comment in log.comments.all()
    ):
        services.comments_mark_seen(log=log, reader=request.user)
    template = SESSION_TEMPLATE
    if request.htmx and not request.htmx.history_restore_request:
        template += "#content"
    return render(request, template, _session_context(request, session))


def _prescription_of(session: ScheduledSession, pk) -> ScheduledPrescription:
    for prescription in session.prescriptions.all():
        if str(prescription.pk) == str(pk):
            return prescription
    raise ValidationError(_("That exercise is not part of this session."))


def _pk(value: str | None) -> int | None:
    # A primary key from a form, or None for anything a database would refuse.
    if value and value.isascii() and value.isdigit() and len(value) < 10:
        return int(value)
    return None


@require_POST
@never_cache
def set_log(request: HttpRequest, pk: int) -> HttpResponse:
    # Only the exercise posted, with its session, log and the athlete's units, in one
    # scoped query: the rest of what the page shows is not needed to store a set and
    # redraw its row.
    prescription = selectors.prescription_for_logging(
        request.user, pk, _pk(request.POST.get("prescription"))
    )
    if prescription is None:
        # Someone else's session: 404.
        session = get_object_or_404(selectors.sessions_loggable_by(request.user), pk=pk)
        messages.error(request, _("That exercise is not part of this session."))
        return redirect("coaching:session_detail", pk=session.pk)
    session = prescription.session
    units = prescription.units or KG
    every_kind = session.assignment_id is None
    form = SetLogForm(request.POST, units=units)
    if form.is_valid():
        data = form.cleaned_data
        try:
            logged = services.set_log_record(
                session=session,
                prescription=prescription,
                set_number=data["set_number"],
                side=data["side"] or "",
                by=request.user,
                reps=data["reps"],
                load_kg=to_kg(data["load"], units),
                distance_m=data["distance_m"],
                seconds=data["seconds"],
                note=data["note"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if not request.htmx:
                url = reverse("coaching:session_detail", args=[session.pk])
                return redirect(f"{url}#set-{prescription.pk}")
            row = _row(
                prescription,
                logged.set_number,
                logged.side,
                logged,
                units=units,
                every_kind=every_kind,
            )
            response = _row_response(request, row)
            rest = prescription.rest_seconds or 0
            # Said by the page's live region (static/js/train.js), as the redrawn row is not.
            saved = _("%(set)s: saved.") % {"set": row["name"]}
            return trigger_client_event(response, "set-logged", {"rest": rest, "said": saved})
    # Keep what was typed, with the reason, in the row it came from.
    row = _row(
        prescription,
        form.cleaned_data.get("set_number") or 1,
        form.cleaned_data.get("side") or "",
        None,
        units=units,
        data=request.POST,
        every_kind=every_kind,
    )
    for error in form.non_field_errors():
        row["form"].add_error(None, error)
    row["refused"] = True
    if request.htmx:
        return _row_response(request, row)
    return _session_page(request, selectors.session_for_logging(request.user, pk), refused=row)


@require_POST
@never_cache
def set_undo(request: HttpRequest, pk: int, set_pk: int) -> HttpResponse:
    session = selectors.session_for_logging(request.user, pk)
    logged = get_object_or_404(SetLog, pk=set_pk, log__session=session)
    prescription = _prescription_of(session, logged.prescription_id)
    services.set_log_undo(set_log=logged)
    if not request.htmx:
        return redirect("coaching:session_detail", pk=session.pk)
    row = _row(
        prescription,
        logged.set_number,
        logged.side,
        None,
        units=units_of(session.athlete),
        every_kind=session.assignment_id is None,
    )
    response = _row_response(request, row)
    undone = _("%(set)s: no longer logged.") % {"set": row["name"]}
    return trigger_client_event(response, "set-undone", {"said": undone})


@require_POST
def exercise_pain(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_for_logging(request.user, pk)
    form = PainForm(request.POST)
    if form.is_valid():
        try:
            prescription = _prescription_of(session, form.cleaned_data["prescription"])
            services.exercise_pain_record(
                session=session,
                prescription=prescription,
                pain=form.cleaned_data["pain"],
                by=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Pain %(pain)s noted for %(name)s.")
                % {"pain": form.cleaned_data["pain"], "name": prescription.exercise.name},
            )
    else:
        messages.error(request, _("Choose a pain score from 0 to 10."))
    if request.htmx:
        # Nothing to swap; the body carries only the confirmation toast.
        return HttpResponse("")
    return redirect("coaching:session_detail", pk=session.pk)


@require_POST
@never_cache
def session_finish(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_for_logging(request.user, pk)
    log = session.log if session.has_log else None
    form = FinishForm(request.POST, instance=log)
    if form.is_valid():
        try:
            services.session_finish(
                session=session,
                by=request.user,
                rpe=form.cleaned_data["rpe"],
                duration_minutes=form.cleaned_data["duration_minutes"],
                notes=form.cleaned_data["notes"],
                done_on=form.cleaned_data["done_on"],
            )
        except ValidationError as error:
            form.add_error(None, error)
    if form.is_valid():
        if session.athlete_id != request.user.pk:
            messages.success(
                request,
                _("%(title)s logged for %(athlete)s.")
                % {"title": session.title, "athlete": session.athlete},
            )
            return redirect("coaching:coach_session", pk=session.pk)
        messages.success(request, _("%(title)s logged. Well done.") % {"title": session.title})
        return redirect("coaching:train_history")
    return _session_page(request, session, finish_form=form)


@require_POST
@never_cache
def comment_add(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_for_logging(request.user, pk)
    if not session.has_log:
        messages.error(request, _("Comments go on sessions that have been logged."))
        return redirect("coaching:session_detail", pk=session.pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        services.comment_add(log=session.log, author=request.user, body=form.cleaned_data["body"])
        messages.success(request, _("Comment sent."))
        if not request.htmx:
            url = reverse("coaching:session_detail", args=[session.pk])
            return redirect(f"{url}#comments")
        comments = session.log.comments.select_related("author")
        form = CommentForm()
    else:
        comments = None
    if request.htmx:
        context = {
            "session": session,
            "comments": session.log.comments.all() if comments is None else comments,
            "comment_form": form,
        }
        return render(request, f"{SESSION_TEMPLATE}#comments", context)
    return _session_page(request, session, comment_form=form)


# Unplanned sessions ---------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@athlete_required
def adhoc_session_create(request: HttpRequest) -> HttpResponse:
    today = services.athlete_today(request.user)
    form = AdhocSessionForm(request.POST or None, today=today)
    if request.method == "POST" and form.is_valid():
        session = services.adhoc_session_create(athlete=request.user, **form.cleaned_data)
        messages.success(request, _("Session started. Add the exercises you did."))
        return redirect("coaching:session_detail", pk=session.pk)
    return render(request, "coaching/adhoc_session_create.html", {"form": form})


@require_GET
@athlete_required
@vary_on_headers("HX-Request")
def adhoc_exercise_search(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_object_or_404(
        selectors.sessions_of_athlete(request.user), pk=pk, assignment__isnull=True
    )
    query = request.GET.get("q", "").strip()[:100]
    results = exercise_search(user=request.user, query=query)[:12] if query else []
    template = "coaching/adhoc_exercise_search.html"
    if request.htmx:
        template += "#results"
    return render(request, template, {"session": session, "query": query, "results": results})


@require_POST
@athlete_required
def adhoc_exercise_add(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_object_or_404(
        selectors.sessions_of_athlete(request.user), pk=pk, assignment__isnull=True
    )
    exercise = exercise_from_input(user=request.user, value=request.POST.get("exercise"))
    if exercise is None:
        messages.error(request, _("Choose an exercise from the library."))
    else:
        services.adhoc_exercise_add(session=session, exercise=exercise)
        messages.success(request, _("%(name)s added.") % {"name": exercise.name})
    return redirect("coaching:session_detail", pk=session.pk)


# History and progress ---------------------------------------------------------------


@require_GET
@athlete_required
@never_cache
def train_history(request: HttpRequest) -> HttpResponse:
    athlete = request.user
    today = services.athlete_today(athlete)
    raw = request.GET.get("page", "")
    number = int(raw) if raw.isdigit() and len(raw) < 6 else 1
    template = "coaching/train_history.html"
    # The list is a read-only fragment (links only, no form) of the athlete's data, cached
    # until it changes (caching/versions.py): counting and reading the annotated history,
    # and printing it, cost more than the rest of the page.
    html = cached(
        "history",
        [athlete.pk, LIBRARY],
        (athlete.pk, today, number, get_language(), template_version(template)),
        lambda: render_to_string(
            f"{template}#history", {"page": _history_page(athlete, today, number), "today": today}
        ),
    )
    return render(request, template, {"history_html": html})


def _history_page(athlete, today, number: int) -> dict:
    page = Paginator(selectors.history_of(athlete, today), HISTORY_PER_PAGE).get_page(number)
    sessions = list(page.object_list)
    for session in sessions:
        session.status = session.status_on(today)
    return {
        "sessions": sessions,
        "number": page.number,
        "num_pages": page.paginator.num_pages,
        "previous": page.previous_page_number() if page.has_previous() else None,
        "next": page.next_page_number() if page.has_next() else None,
    }


@require_GET
@athlete_required
@never_cache
def train_progress(request: HttpRequest) -> HttpResponse:
    athlete = request.user
    # What the page is drawn from, cached until the athlete's data or the library
    # changes (caching/versions.py); the chart per exercise, unit and language.
    exercises, units = cached(
        "progress-exercises",
        [athlete.pk, LIBRARY],
        (athlete.pk,),
        lambda: (list(selectors.exercises_logged_by(athlete).order_by("name")), units_of(athlete)),
    )
    chosen = next((e for e in exercises if e.slug == request.GET.get("exercise")), None)
    chosen = chosen or (exercises[0] if exercises else None)
    chart_html = progress_chart_html(athlete, chosen, units=units) if chosen else ""
    return render(
        request,
        "coaching/train_progress.html",
        {"exercises": exercises, "chosen": chosen, "chart_html": chart_html, "units": units},
    )


# Calendar feed -------------------------------------------------------------------


@require_GET
@login_not_required
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    feed = get_object_or_404(
        CalendarFeed.objects.select_related("athlete__athlete_profile"), token=token
    )
    today = timezone.localdate()
    sessions = (
        ScheduledSession.objects.filter(
            athlete=feed.athlete,
            date__gte=today - timedelta(weeks=8),
            date__lte=today + timedelta(weeks=26),
        )
        .exclude(assignment__status="ended", log__isnull=True)
        .select_related("log")
        .prefetch_related("prescriptions__exercise")
    )
    response = HttpResponse(
        calendar_body(sessions, host=request.get_host(), units=units_of(feed.athlete)),
        content_type="text/calendar",
    )
    response["Content-Disposition"] = 'inline; filename="drivephase.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return response


@require_POST
@athlete_required
def calendar_feed_reset(request: HttpRequest) -> HttpResponse:
    services.calendar_feed_reset(athlete=request.user)
    messages.success(
        request, _("New calendar address made. Subscriptions to the old one have stopped.")
    )
    return redirect("coaching:train_home")
