from dataclasses import dataclass
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import trigger_client_event

from athletes.decorators import athlete_required
from athletes.selectors import profile_of
from coaching import selectors, services
from coaching.charts import progress_chart
from coaching.forms import AdhocSessionForm, CommentForm, FinishForm, PainForm, SetLogForm
from coaching.ics import calendar_body
from coaching.models import CalendarFeed, ScheduledPrescription, ScheduledSession, SetLog
from library.selectors import exercise_from_input, exercise_search

HISTORY_PER_PAGE = 20


def _units(user) -> str:
    profile = profile_of(user)
    return profile.units if profile else "kg"


@require_GET
@athlete_required
def train_home(request: HttpRequest) -> HttpResponse:
    today = services.athlete_today(request.user)
    context = selectors.train_overview(request.user, today)
    context["feed"] = services.calendar_feed_for(athlete=request.user)
    context["feedback"] = list(selectors.unread_feedback_for_athlete(request.user)[:10])
    return render(request, "coaching/train_home.html", context)


# The session page ---------------------------------------------------------------


@dataclass
class SetRow:
    prescription: ScheduledPrescription
    number: int
    side: str
    log: SetLog | None
    form: SetLogForm

    @property
    def dom_id(self) -> str:
        return f"set-{self.prescription.pk}-{self.number}{self.side}"

    @property
    def label(self) -> str:
        sides = {"L": _("left"), "R": _("right")}
        text = _("Set %(n)s") % {"n": self.number}
        return f"{text} {sides[self.side]}" if self.side else text


def _row(prescription, number, side, log, units, form=None) -> SetRow:
    if form is None:
        if log is not None:
            values = {
                "reps": log.reps,
                "load": services.from_kg(log.load_kg, units),
                "distance_m": log.distance_m,
                "seconds": log.seconds,
                "note": log.note,
            }
        else:
            target = services.set_log_target_values(prescription)
            load = target["load_kg"] or getattr(prescription, "last_load", None)
            values = {
                "reps": target["reps"],
                "load": services.from_kg(load, units),
                "distance_m": target["distance_m"],
                "seconds": target["seconds"],
            }
        form = SetLogForm(
            initial={"prescription": prescription.pk, "set_number": number, "side": side} | values,
            units=units,
            auto_id=f"id_{prescription.pk}_{number}{side}_%s",
        )
    return SetRow(prescription=prescription, number=number, side=side, log=log, form=form)


def _exercise_blocks(session: ScheduledSession, units: str) -> list[dict]:
    log = getattr(session, "log", None) if _has_log(session) else None
    set_logs = {(s.prescription_id, s.set_number, s.side): s for s in log.sets.all()} if log else {}
    pains = {f.prescription_id: f.pain for f in log.feedback.all()} if log else {}
    blocks = []
    for prescription in session.prescriptions.all():
        sides = ["L", "R"] if prescription.per_side else [""]
        planned = {(n, side) for n in range(1, (prescription.sets or 1) + 1) for side in sides}
        extra = {(n, side) for (pk, n, side) in set_logs if pk == prescription.pk}
        rows = [
            _row(prescription, n, side, set_logs.get((prescription.pk, n, side)), units)
            for n, side in sorted(planned | extra)
        ]
        blocks.append(
            {
                "prescription": prescription,
                "rows": rows,
                "pain": pains.get(prescription.pk),
                "pain_form": PainForm(
                    initial={
                        "prescription": prescription.pk,
                        "pain": pains.get(prescription.pk, 0),
                    },
                    auto_id=f"id_pain_{prescription.pk}_%s",
                ),
                "done": sum(1 for row in rows if row.log),
                "last_load": services.from_kg(getattr(prescription, "last_load", None), units),
            }
        )
    return blocks


def _has_log(session: ScheduledSession) -> bool:
    try:
        return session.log is not None
    except ScheduledSession.log.RelatedObjectDoesNotExist:
        return False


def _session_context(request: HttpRequest, session: ScheduledSession, **extra) -> dict:
    units = _units(session.athlete)
    log = session.log if _has_log(session) else None
    return {
        "comments": log.comments.all() if log else [],
        "comment_form": extra.get("comment_form") or CommentForm(),
        "on_behalf": session.athlete_id != request.user.pk,
        "session": session,
        "log": log,
        "units": units,
        "blocks": _exercise_blocks(session, units),
        "finish_form": extra.get("finish_form") or FinishForm(instance=log),
        "is_adhoc": session.assignment_id is None,
    }


@require_GET
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_for_logging(request.user, pk)
    if _has_log(session):
        services.comments_mark_seen(log=session.log, reader=request.user)
    return render(request, "coaching/session_detail.html", _session_context(request, session))


def _prescription_of(session: ScheduledSession, pk) -> ScheduledPrescription:
    for prescription in session.prescriptions.all():
        if str(prescription.pk) == str(pk):
            return prescription
    raise ValidationError(_("That exercise is not part of this session."))


@require_POST
def set_log(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_for_logging(request.user, pk)
    units = _units(session.athlete)
    form = SetLogForm(request.POST, units=units)
    if form.is_valid():
        data = form.cleaned_data
        try:
            prescription = _prescription_of(session, data["prescription"])
            logged = services.set_log_record(
                session=session,
                prescription=prescription,
                set_number=data["set_number"],
                side=data["side"] or "",
                by=request.user,
                reps=data["reps"],
                load_kg=services.to_kg(data["load"], units),
                distance_m=data["distance_m"],
                seconds=data["seconds"],
                note=data["note"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if not request.htmx:
                return redirect(f"{request.path.rsplit('sets/', 1)[0]}#set-{prescription.pk}")
            row = _row(prescription, logged.set_number, logged.side, logged, units)
            response = render(request, "coaching/session_detail.html#set-row", {"row": row})
            rest = prescription.rest_seconds or 0
            return trigger_client_event(response, "set-logged", {"rest": rest})
    # Keep what was typed, with the reason, in the row it came from.
    prescription = next(
        (p for p in session.prescriptions.all() if str(p.pk) == request.POST.get("prescription")),
        None,
    )
    if prescription is None:
        messages.error(request, _("That exercise is not part of this session."))
        return redirect("coaching:session_detail", pk=session.pk)
    number = form.cleaned_data.get("set_number") or 1
    side = form.cleaned_data.get("side") or ""
    form.auto_id = f"id_{prescription.pk}_{number}{side}_%s"
    row = _row(prescription, number, side, None, units, form=form)
    if request.htmx:
        return render(request, "coaching/session_detail.html#set-row", {"row": row})
    context = _session_context(request, session)
    for block in context["blocks"]:
        block["rows"] = [row if r.dom_id == row.dom_id else r for r in block["rows"]]
    return render(request, "coaching/session_detail.html", context)


@require_POST
def set_undo(request: HttpRequest, pk: int, set_pk: int) -> HttpResponse:
    session = selectors.session_for_logging(request.user, pk)
    logged = get_object_or_404(SetLog, pk=set_pk, log__session=session)
    prescription = _prescription_of(session, logged.prescription_id)
    services.set_log_undo(set_log=logged)
    if not request.htmx:
        return redirect("coaching:session_detail", pk=session.pk)
    row = _row(prescription, logged.set_number, logged.side, None, _units(session.athlete))
    return render(request, "coaching/session_detail.html#set-row", {"row": row})


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
def session_finish(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_for_logging(request.user, pk)
    log = session.log if _has_log(session) else None
    form = FinishForm(request.POST, instance=log)
    if form.is_valid():
        services.session_finish(
            session=session,
            by=request.user,
            rpe=form.cleaned_data["rpe"],
            duration_minutes=form.cleaned_data["duration_minutes"],
            notes=form.cleaned_data["notes"],
        )
        if session.athlete_id != request.user.pk:
            messages.success(
                request,
                _("%(title)s logged for %(athlete)s.")
                % {"title": session.title, "athlete": session.athlete},
            )
            return redirect("coaching:coach_session", pk=session.pk)
        messages.success(request, _("%(title)s logged. Well done.") % {"title": session.title})
        return redirect("coaching:train_history")
    context = _session_context(request, session, finish_form=form)
    return render(request, "coaching/session_detail.html", context)


@require_POST
def comment_add(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_for_logging(request.user, pk)
    if not _has_log(session):
        messages.error(request, _("Comments go on sessions that have been logged."))
        return redirect("coaching:session_detail", pk=session.pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        services.comment_add(log=session.log, author=request.user, body=form.cleaned_data["body"])
        messages.success(request, _("Comment sent."))
        if request.htmx:
            context = _session_context(request, session)
            context["comments"] = session.log.comments.select_related("author")
            return render(request, "coaching/session_detail.html#comments", context)
        return redirect(f"{request.path.rsplit('comments/', 1)[0]}#comments")
    context = _session_context(request, session, comment_form=form)
    template = "coaching/session_detail.html"
    return render(request, template + "#comments" if request.htmx else template, context)


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
def train_history(request: HttpRequest) -> HttpResponse:
    today = services.athlete_today(request.user)
    page = Paginator(selectors.history_of(request.user, today), HISTORY_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "coaching/train_history.html", {"page": page, "today": today})


@require_GET
@athlete_required
def train_progress(request: HttpRequest) -> HttpResponse:
    exercises = list(selectors.exercises_logged_by(request.user).order_by("name"))
    chosen = next((e for e in exercises if e.slug == request.GET.get("exercise")), None)
    chosen = chosen or (exercises[0] if exercises else None)
    units = _units(request.user)
    chart = None
    if chosen is not None:
        chart = progress_chart(selectors.progress_points(request.user, chosen), units=units)
    return render(
        request,
        "coaching/train_progress.html",
        {"exercises": exercises, "chosen": chosen, "chart": chart, "units": units},
    )


# Calendar feed -------------------------------------------------------------------


@require_GET
@login_not_required
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    feed = get_object_or_404(CalendarFeed.objects.select_related("athlete"), token=token)
    today = timezone.localdate()
    sessions = (
        ScheduledSession.objects.filter(
            athlete=feed.athlete,
            date__gte=today - timedelta(weeks=8),
            date__lte=today + timedelta(weeks=26),
        )
        .exclude(assignment__status="ended", log__isnull=True)
        .prefetch_related("prescriptions__exercise")
    )
    response = HttpResponse(
        calendar_body(sessions, host=request.get_host()), content_type="text/calendar"
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
