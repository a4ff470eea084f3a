import functools
from collections import defaultdict
from collections.abc import Callable
from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import dateformat
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect, retarget, trigger_client_event

from athletes.decorators import coach_required
from athletes.forms import add_service_errors
from athletes.models import User
from athletes.selectors import athletes_coached_by, squads_of
from caching.templates import template_version
from caching.versions import LIBRARY, cached
from coaching import selectors, services
from coaching.forms import (
    AssignForm,
    PrescriptionForm,
    ProgrammeForm,
    PushForm,
    ScheduledPrescriptionForm,
    SessionAdjustForm,
    SessionMoveForm,
    WeekCopyForm,
    WorkoutCopyForm,
    WorkoutForm,
)
from coaching.models import Assignment, Prescription, Programme, Workout
from library.selectors import exercise_from_input, exercise_search
from library.tempo import describe_tempo

PROGRAMME_CHANGED = "programme-changed"


# Programme list -------------------------------------------------------------------


@require_GET
@coach_required
def programme_list(request: HttpRequest) -> HttpResponse:
    return render(request, "coaching/programme_list.html", _programme_list_context(request))


def _programme_list_context(request: HttpRequest, form: ProgrammeForm | None = None) -> dict:
    return {
        "programmes": selectors.programmes_owned_by(request.user).order_by("-updated_at"),
        "templates": Programme.objects.templates(),
        "form": form or ProgrammeForm(initial={"weeks": 4}),
    }


@require_POST
@coach_required
def programme_create(request: HttpRequest) -> HttpResponse:
    form = ProgrammeForm(request.POST)
    if form.is_valid():
        programme = services.programme_create(coach=request.user, **form.cleaned_data)
        messages.success(request, _("Programme created. Add its first workout below."))
        return redirect(programme)
    return render(request, "coaching/programme_list.html", _programme_list_context(request, form))


@require_POST
@coach_required
def programme_copy(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(selectors.programmes_visible_to(request.user), pk=pk)
    copy = services.programme_copy(programme=source, coach=request.user)
    messages.success(request, _("%(title)s is now yours to adapt.") % {"title": copy.title})
    return redirect(copy)


# The builder ----------------------------------------------------------------------

_BUILDER = "coaching/programme_detail.html"


def _editing(request: HttpRequest) -> int | None:
    return _small_int(request.GET.get("edit", ""))


def _small_int(value: str) -> int | None:
    return int(value) if value.isdigit() and len(value) < 10 else None


def _with_tempo_words(workouts: list[Workout]) -> list[Workout]:
    """Each exercise's tempo in words, which the builder prints beside the digits."""
    for workout in workouts:
        for item in workout.prescriptions.all():
            item.tempo_words = describe_tempo(item.tempo) if item.tempo else ""
    return workouts


def _weeks(programme: Programme, workouts: list[Workout]) -> list[dict]:
    by_week: dict[int, list[Workout]] = defaultdict(list)
    for workout in workouts:
        by_week[workout.week].append(workout)
    return [
        {"number": number, "workouts": by_week[number]} for number in range(1, programme.weeks + 1)
    ]


def _balance(programme: Programme, workouts: list[Workout]) -> dict:
    balance = services.programme_balance(workouts=workouts, weeks=programme.weeks)
    names = [row["name"] for row in balance.chart_rows]
    return {
        "chart_rows": balance.chart_rows,
        # Each value with its group's name, the label a phone shows beside it.
        "week_rows": [
            (week, list(zip(names, values, strict=True))) for week, values in balance.week_rows
        ],
        "posterior_share": balance.posterior_share,
        "leans_on_quads": balance.leans_on_quads,
    }


def _read_only(programme: Programme, name: str, context: Callable[[], dict]) -> str:
    """A fragment of the builder with no form, no token and nothing about the viewer (the
    access check has run): the same for everyone who may open the programme, so kept in
    the cache until the programme changes (every change bumps its version), the library
    does (exercise names and muscles) or the template, per language."""
    parts = (
        programme.pk,
        programme.version,
        programme.updated_at.isoformat(),
        get_language(),
        template_version(_BUILDER),
    )
    return cached(
        f"builder-{name}",
        [LIBRARY],
        parts,
        lambda: render_to_string(f"{_BUILDER}#{name}", _programme_context(programme) | context()),
    )


def _programme_context(programme: Programme) -> dict:
    return {"programme": programme, "editable": not programme.is_template}


def _builder_context(
    programme: Programme,
    *,
    editing: int | None = None,
    undo: dict | None = None,
    **forms,
) -> dict:
    """What the builder page and its fragments print. The forms are those given (refused,
    with what the coach typed), fresh ones otherwise. The plan is read, and the read-only
    fragments fetched from the cache, only if the template prints them: the context
    holds functions, which the template engine calls (each once, functools.cache)."""
    workouts = functools.cache(
        lambda: _with_tempo_words(selectors.workouts_with_prescriptions(programme))
    )
    context = _programme_context(programme) | {"editing": editing, "undo": undo}
    context["balance_html"] = functools.cache(
        lambda: _read_only(
            programme, "balance", lambda: {"balance": _balance(programme, workouts())}
        )
    )
    context["weeks"] = functools.cache(lambda: _weeks(programme, workouts()))
    if editing is None and not undo:
        # Nothing open for editing: no control, no token.
        context["week_list_html"] = functools.cache(
            lambda: _read_only(programme, "week-list", lambda: {"weeks": context["weeks"]()})
        )
    if context["editable"]:
        weeks = programme.weeks
        context |= {
            "programme_form": ProgrammeForm(instance=programme),
            "workout_form": WorkoutForm(weeks=weeks, initial={"week": 1, "day": 1}),
            "week_copy_form": WeekCopyForm(weeks=weeks, initial={"from_week": 1, "to_week": 2}),
        } | forms
    return context


def _one_workout(programme: Programme, pk: int | None) -> Workout | None:
    """One workout with its exercises, for the fragment that replaces it: without the rest
    of the plan or the muscles the balance needs."""
    if pk is None:
        return None
    exercises = Prescription.objects.select_related("exercise")
    workout = (
        programme.workouts.filter(pk=pk)
        .prefetch_related(Prefetch("prescriptions", queryset=exercises))
        .first()
    )
    return workout and _with_tempo_words([workout])[0]


@require_GET
@coach_required
@vary_on_headers("HX-Request", "HX-Target")
def programme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_object_or_404(selectors.programmes_visible_to(request.user), pk=pk)
    editing = _editing(request)
    target = request.htmx.target if request.htmx else ""
    if target == "balance":
        return render(request, f"{_BUILDER}#balance", _builder_context(programme))
    if target and target.startswith("workout-"):
        workout = _one_workout(programme, _small_int(target.removeprefix("workout-")))
        if workout is None:
            return HttpResponse(status=404)
        context = _programme_context(programme) | {"workout": workout, "editing": editing}
        return render(request, f"{_BUILDER}#workout", context)
    undo = None
    if (request.session.get("undo") or {}).get("programme") == programme.pk:
        undo = request.session.pop("undo")
        editing = undo["workout"]
    context = _builder_context(programme, editing=editing, undo=undo)
    context["behind_count"] = _behind_count(request, programme)
    return render(request, _BUILDER, context)


def _behind_count(request: HttpRequest, programme: Programme) -> int:
    """How many of the coach's athletes have this programme at an older version."""
    if programme.owner_id != request.user.pk:
        return 0
    return selectors.assignments_behind(request.user, programme).count()


def _owned(request: HttpRequest, pk: int) -> Programme:
    return get_object_or_404(selectors.programmes_owned_by(request.user), pk=pk)


def _builder_response(
    request: HttpRequest,
    programme: Programme,
    *,
    fragment: str,
    workout=None,
    undo: dict | None = None,
    **forms,
) -> HttpResponse:
    """After a builder change: the changed fragment for htmx, the builder page otherwise.
    A workout that changed stays open for editing."""
    if not request.htmx and not forms:
        if undo:
            request.session["undo"] = undo
        url = programme.get_absolute_url()
        if workout is not None:
            return redirect(f"{url}?edit={workout.pk}#workout-{workout.pk}")
        return redirect(f"{url}#{fragment}")
    # A change bumps the programme's version in the database, and the cached fragments
    # are keyed on it: read it again rather than show what was cached before the change.
    programme.refresh_from_db(fields=["version", "updated_at"])
    if not request.htmx:
        context = _builder_context(programme, **forms)
        context["behind_count"] = _behind_count(request, programme)
        return render(request, _BUILDER, context)
    if fragment == "workout":
        context = _programme_context(programme) | {
            "workout": _one_workout(programme, workout.pk),
            "editing": workout.pk,
            "undo": undo,
        }
    else:
        context = _builder_context(programme, **forms)
    response = render(request, f"{_BUILDER}#{fragment}", context)
    return trigger_client_event(response, PROGRAMME_CHANGED)


@require_POST
@coach_required
def programme_update(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _owned(request, pk)
    form = ProgrammeForm(request.POST, instance=Programme.objects.get(pk=programme.pk))
    if form.is_valid():
        try:
            programme = services.programme_update(programme=programme, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Programme details saved."))
            if request.htmx:
                # The number of weeks shapes the whole page.
                return HttpResponseClientRedirect(programme.get_absolute_url())
            return redirect(programme)
    return _builder_response(request, programme, fragment="programme-header", programme_form=form)


@require_http_methods(["GET", "POST"])
@coach_required
def programme_delete(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _owned(request, pk)
    if request.method == "POST":
        programme.delete()
        messages.success(
            request,
            _("%(title)s deleted. Athletes who had it keep their schedules.")
            % {"title": programme.title},
        )
        return redirect("coaching:programme_list")
    return render(request, "coaching/programme_delete.html", {"programme": programme})


@require_POST
@coach_required
def workout_add(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _owned(request, pk)
    form = WorkoutForm(request.POST, weeks=programme.weeks)
    if form.is_valid():
        try:
            workout = services.workout_add(programme=programme, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Workout added to week %(n)s.") % {"n": workout.week})
            if request.htmx:
                return _builder_response(request, programme, fragment="weeks")
            return redirect(f"{programme.get_absolute_url()}#workout-{workout.pk}")
    return _builder_response(request, programme, fragment="weeks", workout_form=form)


@require_http_methods(["GET", "POST"])
@coach_required
def workout_update(request: HttpRequest, pk: int, workout_pk: int) -> HttpResponse:
    programme = _owned(request, pk)
    workout = selectors.workout_in(programme, workout_pk)
    form = WorkoutForm(request.POST or None, weeks=programme.weeks, instance=workout)
    if request.method == "POST" and form.is_valid():
        try:
            services.workout_update(workout=workout, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Workout saved."))
            return redirect(f"{programme.get_absolute_url()}#workout-{workout.pk}")
    copy_form = WorkoutCopyForm(
        weeks=programme.weeks, initial={"week": workout.week, "day": workout.day}, prefix="copy"
    )
    return render(
        request,
        "coaching/workout_edit.html",
        {"programme": programme, "workout": workout, "form": form, "copy_form": copy_form},
    )


@require_POST
@coach_required
def workout_delete(request: HttpRequest, pk: int, workout_pk: int) -> HttpResponse:
    programme = _owned(request, pk)
    workout = selectors.workout_in(programme, workout_pk)
    services.workout_delete(workout=workout)
    messages.success(request, _("%(title)s deleted.") % {"title": workout.title})
    return _builder_response(request, programme, fragment="weeks")


@require_POST
@coach_required
def workout_copy(request: HttpRequest, pk: int, workout_pk: int) -> HttpResponse:
    programme = _owned(request, pk)
    workout = selectors.workout_in(programme, workout_pk)
    form = WorkoutCopyForm(request.POST, weeks=programme.weeks, prefix="copy")
    if form.is_valid():
        try:
            copy = services.workout_duplicate(workout=workout, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(title)s copied to week %(week)s, %(day)s.")
                % {"title": copy.title, "week": copy.week, "day": copy.get_day_display()},
            )
    else:
        messages.error(request, _("Choose a week and a day to copy to."))
    return _builder_response(request, programme, fragment="weeks")


@require_POST
@coach_required
def week_copy(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _owned(request, pk)
    form = WeekCopyForm(request.POST, weeks=programme.weeks)
    if form.is_valid():
        try:
            copies = services.week_duplicate(programme=programme, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "%(n)s workout copied into week %(week)s.",
                    "%(n)s workouts copied into week %(week)s.",
                    len(copies),
                )
                % {"n": len(copies), "week": form.cleaned_data["to_week"]},
            )
            return _builder_response(request, programme, fragment="weeks")
    return _builder_response(request, programme, fragment="weeks", week_copy_form=form)


# Exercises in a workout ---------------------------------------------------------


@require_GET
@coach_required
def exercise_search_for_workout(request: HttpRequest, pk: int, workout_pk: int) -> HttpResponse:
    programme = _owned(request, pk)
    workout = selectors.workout_in(programme, workout_pk)
    query = request.GET.get("q", "").strip()[:100]
    results = exercise_search(user=request.user, query=query)[:12] if query else []
    context = {"programme": programme, "workout": workout, "query": query, "results": results}
    template = "coaching/exercise_search.html"
    if request.htmx:
        template += "#search-results"
    return render(request, template, context)


@require_POST
@coach_required
def prescription_add(request: HttpRequest, pk: int, workout_pk: int) -> HttpResponse:
    programme = _owned(request, pk)
    workout = selectors.workout_in(programme, workout_pk)
    exercise = exercise_from_input(user=request.user, value=request.POST.get("exercise"))
    if exercise is None:
        messages.error(request, _("Choose an exercise from the library."))
    else:
        services.prescription_add(workout=workout, exercise=exercise)
        messages.success(
            request,
            _("%(exercise)s added to %(workout)s.")
            % {"exercise": exercise.name, "workout": workout.title},
        )
    return _builder_response(request, programme, fragment="workout", workout=workout)


@require_http_methods(["GET", "POST"])
@coach_required
def prescription_update(request: HttpRequest, pk: int, prescription_pk: int) -> HttpResponse:
    programme = _owned(request, pk)
    prescription = selectors.prescription_in(programme, prescription_pk)
    form = PrescriptionForm(request.POST or None, instance=prescription)
    conflict = ""
    if request.method == "POST" and form.is_valid():
        try:
            services.prescription_update(
                prescription=prescription,
                version=form.cleaned_data["version"],
                **form.edit_values(),
            )
        except ValidationError as error:
            if error.code != "conflict":
                add_service_errors(form, error)
            else:
                # Show the other person's version; what this coach typed was not saved.
                prescription.refresh_from_db()
                form = PrescriptionForm(instance=prescription)
                conflict = error.messages[0]
        else:
            messages.success(request, _("%(name)s saved.") % {"name": prescription.exercise.name})
            response = _builder_response(
                request, programme, fragment="workout", workout=prescription.workout
            )
            if request.htmx:
                # The form replaced the exercise's row; the saved workout replaces its card.
                response = retarget(response, f"#workout-{prescription.workout_id}")
            return response
    # The form, fresh or with what the coach typed and why it was refused.
    template = "coaching/prescription_edit.html"
    context = {
        "programme": programme,
        "prescription": prescription,
        "form": form,
        "conflict": conflict,
    }
    return render(request, template + "#prescription-form" if request.htmx else template, context)


@require_POST
@coach_required
def prescription_move(request: HttpRequest, pk: int, prescription_pk: int) -> HttpResponse:
    programme = _owned(request, pk)
    prescription = selectors.prescription_in(programme, prescription_pk)
    offset = -1 if request.POST.get("direction") == "up" else 1
    services.prescription_move(prescription=prescription, offset=offset)
    return _builder_response(request, programme, fragment="workout", workout=prescription.workout)


@require_POST
@coach_required
def prescription_delete(request: HttpRequest, pk: int, prescription_pk: int) -> HttpResponse:
    programme = _owned(request, pk)
    prescription = selectors.prescription_in(programme, prescription_pk)
    workout = prescription.workout
    undo = {
        "token": services.prescription_delete(prescription=prescription),
        "name": prescription.exercise.name,
        "programme": programme.pk,
        "workout": workout.pk,
    }
    return _builder_response(request, programme, fragment="workout", workout=workout, undo=undo)


@require_POST
@coach_required
def prescription_restore(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _owned(request, pk)
    try:
        restored = services.prescription_restore(
            token=request.POST.get("token", ""), programme=programme
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _builder_response(request, programme, fragment="weeks")
    messages.success(request, _("%(name)s is back.") % {"name": restored.exercise.name})
    return _builder_response(request, programme, fragment="workout", workout=restored.workout)


# Assignment -----------------------------------------------------------------------

_ASSIGN = "coaching/programme_assign.html"


@require_http_methods(["GET", "POST"])
@coach_required
def programme_assign(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _owned(request, pk)
    coach = request.user
    previewing = bool(request.htmx) and request.htmx.target == "assign-preview"
    roster = _roster(request, coach, chosen_only=previewing)
    form = AssignForm(
        request.POST or None, athletes=roster, squads=lambda: squads_of(coach), you=coach
    )
    context = {
        "programme": programme,
        "form": form,
        "preview": None,
    }
    if request.method == "POST" and form.is_valid():
        try:
            athletes = services.athletes_for_assignment(
                coach=coach,
                athlete_ids=form.cleaned_data["athletes"],
                squad_ids=form.cleaned_data["squads"],
                roster=roster,
            )
            if request.POST.get("confirm") == "yes":
                assignments = services.programme_assign(
                    coach=coach,
                    programme=programme,
                    athletes=athletes,
                    starts_on=form.cleaned_data["starts_on"],
                )
                if [a.athlete_id for a in assignments] == [coach.pk]:
                    message = _("%(title)s is assigned to you: find it on your training page.")
                else:
                    message = ngettext(
                        "%(title)s assigned to %(n)s athlete.",
                        "%(title)s assigned to %(n)s athletes.",
                        len(assignments),
                    )
                messages.success(
                    request, message % {"title": programme.title, "n": len(assignments)}
                )
                return redirect("coaching:programme_assignments", pk=programme.pk)
            starts_on = form.cleaned_data["starts_on"]
            context["preview"] = preview = _preview(programme, athletes, starts_on)
            context["calendar_html"] = _calendar(programme, preview, starts_on)
        except ValidationError as error:
            add_service_errors(form, error)
    template = _ASSIGN + "#assign-preview" if previewing else _ASSIGN
    return render(request, template, context)


def _roster(request: HttpRequest, coach: User, *, chosen_only: bool) -> list[User]:
    """The coach's athletes, whom the form offers. The htmx preview shows no form: for
    athletes chosen without a squad it needs only those of them on the roster (anyone
    else is then not a valid choice, as on the whole form)."""
    athletes = athletes_coached_by(coach).select_related("athlete_profile").order_by("name")
    if chosen_only and request.method == "POST" and not request.POST.getlist("squads"):
        chosen = [pk for pk in request.POST.getlist("athletes") if _small_int(pk) is not None]
        athletes = athletes.filter(pk__in=chosen)
    return list(athletes)


def _preview(
    programme: Programme, athletes: list[User], starts_on: date
) -> services.AssignmentPreview:
    """The calendar and warnings for these athletes. The programme's workouts, with which
    of them are lower-body strength work, are the same for every athlete and start date:
    read-only data kept in the cache until the programme changes (every change bumps its
    version) or the library does (the muscles exercises work)."""

    def outline() -> tuple[list[Workout], set[int]]:
        workouts = list(programme.workouts.all())
        return workouts, services.lower_body_strength_ids(workouts)

    parts = (programme.pk, programme.version, programme.updated_at.isoformat(), get_language())
    workouts, leg_work = cached("assign-outline", [LIBRARY], parts, outline)
    return services.assignment_preview(
        workouts=workouts, athletes=athletes, starts_on=starts_on, leg_work=leg_work
    )


def _calendar(programme: Programme, preview: services.AssignmentPreview, starts_on: date) -> str:
    """The sessions week by week, the same for every athlete: a read-only fragment (no
    token, no athlete) kept in the cache per start date until the programme changes."""
    parts = (
        programme.pk,
        programme.version,
        programme.updated_at.isoformat(),
        starts_on,
        get_language(),
        template_version(_ASSIGN),
    )
    return cached(
        "assign-calendar",
        [LIBRARY],
        parts,
        lambda: render_to_string(f"{_ASSIGN}#calendar", {"preview": preview}),
    )


_ASSIGNMENTS = "coaching/programme_assignments.html"


def _assignments_context(request: HttpRequest, programme: Programme) -> dict:
    """The programme's athletes; those on an older version with what a push would change
    in their upcoming sessions; and the strength sessions on poor days left in them, each
    with its move. A fixed number of queries however many athletes there are."""
    assignments = list(
        selectors.assignments_of_coach(request.user)
        .filter(programme=programme)
        .select_related("athlete__athlete_profile")
    )
    current = [a for a in assignments if a.status != Assignment.Status.ENDED]
    behind = [a for a in current if a.programme_version < programme.version]
    warnings = services.placement_warnings(assignments=current)
    for warning in warnings:
        # Each move posts the day suggested, a hidden field of its own form.
        if warning.move_to:
            warning.move_form = SessionMoveForm(initial={"date": warning.move_to}, auto_id=False)
    return {
        "programme": programme,
        "assignments": assignments,
        "behind_ids": {a.pk for a in behind},
        "plans": services.programme_changes(programme=programme, assignments=behind),
        "warnings": warnings,
        "push_form": PushForm(assignments=current, initial={"assignments": [a.pk for a in behind]}),
    }


@require_GET
@coach_required
def programme_assignments(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _owned(request, pk)
    template = _ASSIGNMENTS
    if request.htmx and request.htmx.target == "programme-assignments":
        template += "#programme-assignments"
    return render(request, template, _assignments_context(request, programme))


@require_POST
@coach_required
def programme_push(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _owned(request, pk)
    assignments = [
        a
        for a in selectors.assignments_of_coach(request.user).filter(programme=programme)
        if a.status != Assignment.Status.ENDED
    ]
    form = PushForm(request.POST, assignments=assignments)
    if form.is_valid():
        chosen = [a for a in assignments if a.pk in form.cleaned_data["assignments"]]
        result = services.assignment_push_template(programme=programme, assignments=chosen)
        messages.success(request, _push_message(result))
    else:
        messages.error(request, _("Choose the athletes whose upcoming sessions to update."))
    return redirect("coaching:programme_assignments", pk=programme.pk)


def _push_message(result: services.PushResult) -> str:
    if result.sessions:
        # Each count in its own plural form, put together by one translatable sentence.
        message = _("%(sessions)s updated for %(athletes)s.") % {
            "sessions": ngettext(
                "%(n)s upcoming session", "%(n)s upcoming sessions", result.sessions
            )
            % {"n": result.sessions},
            "athletes": ngettext("%(n)s athlete", "%(n)s athletes", result.athletes)
            % {"n": result.athletes},
        }
    else:
        message = _("Nothing to update: their upcoming sessions already match the programme.")
    if result.kept:
        message += " " + ngettext(
            "%(n)s session you adjusted for one athlete was kept as it is.",
            "%(n)s sessions you adjusted for one athlete were kept as they are.",
            result.kept,
        ) % {"n": result.kept}
    return message


@require_POST
@coach_required
def assignment_status(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    assignment = get_object_or_404(selectors.assignments_of_coach(request.user), pk=pk)
    change = {
        "pause": services.assignment_pause,
        "resume": services.assignment_resume,
        "end": services.assignment_end,
    }.get(action)
    if change is None:
        return HttpResponse(status=404)
    try:
        change(assignment=assignment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(title)s for %(athlete)s: %(status)s.")
            % {
                "title": assignment.title,
                "athlete": assignment.athlete,
                "status": assignment.get_status_display().lower(),
            },
        )
    if assignment.programme_id and assignment.programme.owner_id == request.user.pk:
        return redirect("coaching:programme_assignments", pk=assignment.programme_id)
    return redirect("coaching:coach_athlete", pk=assignment.athlete_id)


@require_http_methods(["GET", "POST"])
@coach_required
def session_adjust(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_with_prescriptions(selectors.sessions_coached_by(request.user), pk)
    prescriptions = list(session.prescriptions.all())
    data = request.POST or None
    form = SessionAdjustForm(data, instance=session)
    item_forms = [
        ScheduledPrescriptionForm(data, instance=p, prefix=f"p{p.pk}") for p in prescriptions
    ]
    if request.method == "POST" and form.is_valid() and all(f.is_valid() for f in item_forms):
        try:
            services.session_adjust(
                session=session,
                date=form.cleaned_data["date"],
                title=form.cleaned_data["title"],
                notes=form.cleaned_data["notes"],
                prescriptions=[{"instance": f.instance, **f.cleaned_data} for f in item_forms],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(title)s for %(athlete)s saved.")
                % {"title": session.title, "athlete": session.athlete},
            )
            return redirect("coaching:coach_athlete", pk=session.athlete_id)
    return render(
        request,
        "coaching/session_adjust.html",
        {
            "session": session,
            "form": form,
            "items": list(zip(prescriptions, item_forms, strict=True)),
        },
    )


@require_POST
@coach_required
def session_move(request: HttpRequest, pk: int) -> HttpResponse:
    """One click from a placement warning: the session moves to the day suggested, as the
    coach's adjustment of it for this athlete."""
    session = get_object_or_404(
        selectors.sessions_coached_by(request.user).select_related(
            "athlete", "assignment__programme"
        ),
        pk=pk,
    )
    athlete, assignment = session.athlete, session.assignment
    form = SessionMoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    else:
        try:
            session = services.session_move(session=session, to=form.cleaned_data["date"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(title)s for %(athlete)s moved to %(date)s.")
                % {
                    "title": session.title,
                    "athlete": athlete,
                    "date": dateformat.format(session.date, "D j M"),
                },
            )
    programme = assignment.programme if assignment else None
    if programme is None or programme.owner_id != request.user.pk:
        url = reverse("coaching:coach_athlete", args=[athlete.pk])
        return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    if request.htmx:
        context = _assignments_context(request, programme)
        return render(request, f"{_ASSIGNMENTS}#programme-assignments", context)
    return redirect("coaching:programme_assignments", pk=programme.pk)
