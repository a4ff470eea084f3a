from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect, trigger_client_event

from athletes.decorators import coach_required
from athletes.forms import add_service_errors
from athletes.selectors import athletes_coached_by, squads_of
from coaching import selectors, services
from coaching.forms import (
    AssignForm,
    PrescriptionForm,
    ProgrammeForm,
    PushForm,
    ScheduledPrescriptionForm,
    SessionAdjustForm,
    WeekCopyForm,
    WorkoutCopyForm,
    WorkoutForm,
)
from coaching.models import Assignment, Programme
from library.selectors import exercise_from_input, exercise_search

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


def _builder_context(programme: Programme, **forms) -> dict:
    workouts = selectors.workouts_with_prescriptions(programme)
    weeks = [
        {"number": number, "workouts": [w for w in workouts if w.week == number]}
        for number in range(1, programme.weeks + 1)
    ]
    return {
        "programme": programme,
        "weeks": weeks,
        "balance": services.programme_balance(workouts=workouts, weeks=programme.weeks),
        "programme_form": forms.get("programme_form") or ProgrammeForm(instance=programme),
        "workout_form": forms.get("workout_form")
        or WorkoutForm(weeks=programme.weeks, initial={"week": 1, "day": 1}),
        "week_copy_form": forms.get("week_copy_form")
        or WeekCopyForm(weeks=programme.weeks, initial={"from_week": 1, "to_week": 2}),
        "editable": not programme.is_template,
    }


@require_GET
@coach_required
@vary_on_headers("HX-Request")
def programme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_object_or_404(selectors.programmes_visible_to(request.user), pk=pk)
    template = "coaching/programme_detail.html"
    context = _builder_context(programme)
    target = request.htmx.target if request.htmx else ""
    if target == "balance":
        template += "#balance"
    elif target and target.startswith("workout-"):
        context["workout"] = next(
            (
                w
                for week in context["weeks"]
                for w in week["workouts"]
                if target == f"workout-{w.pk}"
            ),
            None,
        )
        if context["workout"] is None:
            return HttpResponse(status=404)
        template += "#workout"
    undo = request.session.get("undo")
    if undo and undo.get("programme") == programme.pk:
        context["undo"] = request.session.pop("undo")
    return render(request, template, context)


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
    """After a builder change: the changed fragment for htmx, the builder page otherwise."""
    if not request.htmx:
        if undo:
            request.session["undo"] = undo
        if forms:
            return render(
                request, "coaching/programme_detail.html", _builder_context(programme, **forms)
            )
        return redirect(f"{programme.get_absolute_url()}#{fragment}")
    context = _builder_context(programme, **forms) | {"undo": undo}
    if workout is not None:
        context["workout"] = next(
            (w for week in context["weeks"] for w in week["workouts"] if w.pk == workout.pk),
            None,
        )
    response = render(request, f"coaching/programme_detail.html#{fragment}", context)
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
                _("%(n)s workouts copied into week %(week)s.")
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
            return _builder_response(
                request, programme, fragment="workout", workout=prescription.workout
            )
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


@require_http_methods(["GET", "POST"])
@coach_required
def programme_assign(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _owned(request, pk)
    coach = request.user
    roster = list(athletes_coached_by(coach).order_by("name"))
    squads = list(squads_of(coach))
    form = AssignForm(request.POST or None, athletes=roster, squads=squads)
    context = {"programme": programme, "form": form, "preview": None}
    if request.method == "POST" and form.is_valid():
        try:
            athletes = services.athletes_for_assignment(
                coach=coach,
                athlete_ids=form.cleaned_data["athletes"],
                squad_ids=form.cleaned_data["squads"],
            )
            if request.POST.get("confirm") == "yes":
                assignments = services.programme_assign(
                    coach=coach,
                    programme=programme,
                    athletes=athletes,
                    starts_on=form.cleaned_data["starts_on"],
                )
                messages.success(
                    request,
                    _("%(title)s assigned to %(n)s athletes.")
                    % {"title": programme.title, "n": len(assignments)},
                )
                return redirect("coaching:programme_assignments", pk=programme.pk)
            context["preview"] = services.assignment_preview(
                workouts=selectors.workouts_with_prescriptions(programme),
                athletes=athletes,
                starts_on=form.cleaned_data["starts_on"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
    template = "coaching/programme_assign.html"
    if request.htmx and request.htmx.target == "assign-preview":
        template += "#assign-preview"
    return render(request, template, context)


@require_GET
@coach_required
def programme_assignments(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _owned(request, pk)
    assignments = list(selectors.assignments_of_coach(request.user).filter(programme=programme))
    return render(
        request,
        "coaching/programme_assignments.html",
        {
            "programme": programme,
            "assignments": assignments,
            "push_form": PushForm(
                assignments=[a for a in assignments if a.status != Assignment.Status.ENDED]
            ),
        },
    )


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
        changed = services.assignment_push_template(programme=programme, assignments=chosen)
        messages.success(
            request,
            _("Upcoming sessions updated for %(n)s athletes (%(s)s sessions).")
            % {"n": len(chosen), "s": changed},
        )
    else:
        messages.error(request, _("Choose the athletes whose upcoming sessions to update."))
    return redirect("coaching:programme_assignments", pk=programme.pk)


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
