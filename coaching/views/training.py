from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from functools import lru_cache
from html import unescape
from types import MappingProxyType

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.html import conditional_escape, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import trigger_client_event

from athletes.decorators import athlete_required
from athletes.shortcuts import (
    CSRF_PLACEHOLDER,
    csrf_input,
    with_csrf,
)
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
# A session renders some twenty set rows. Each row's inputs are written by hand in the
# template from the values computed here (SetLogForm still validates every POST): Django's
# widget templates, {% translate %} and {% url %} per row made the page cost ~45 ms.

SET_FIELDS = ("reps", "load", "distance_m", "seconds", "note")


def _texts(units: str) -> Mapping[str, SafeString]:
    return _texts_in(get_language(), units)


@lru_cache(maxsize=16)
def _texts_in(language: str, units: str) -> Mapping[str, SafeString]:
    """The words every exercise and set row repeats, translated and escaped once per
    language and unit ({% translate %} costs three variable lookups' worth at each use)."""
    texts = {
        "set": _("Set %(n)s"),
        "L": _("left"),
        "R": _("right"),
        "logged": _("(logged)"),
        "reps": _("Reps"),
        "load": _("Load (%(units)s)") % {"units": units},
        "metres": _("Metres"),
        "seconds": _("Seconds"),
        "done": _("Done"),
        "update": _("Update"),
        "undo": _("Undo"),
        "note": _("Note"),
        "not_saved": _("Not saved:"),
        "fix": _("Fix it and tap again."),
        "offline": _("Not saved: no connection. Your numbers are kept; tap again to retry."),
        "lower": _("Lower"),
        "pause": _("Pause"),
        "lift": _("Lift"),
        "pacer": _("Tempo pacer"),
        "last_time": _("Last time:"),
        "cue": _("Cue:"),
        "how": _("How to do it"),
        "save": _("Save"),
    }
    return MappingProxyType({key: conditional_escape(text) for key, text in texts.items()})


def _html(value) -> SafeString:
    # A value as a widget prints it (nothing for None), escaped here once so that the
    # template's many lookups of it skip escaping. Numbers need no escaping.
    if value is None or value == "":
        return SafeString("")
    if isinstance(value, int | Decimal):
        return SafeString(value)
    return conditional_escape(value)


@lru_cache(maxsize=64)  # bounded: `selected` may come from a POST
def _options(choices: tuple[tuple[str, str], ...], selected: str) -> SafeString:
    """A select's <option>s with one selected; the same few strings on every page."""
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((value, " selected" if value == selected else "", label) for value, label in choices),
    )


PAIN_CHOICES = tuple((str(v), str(label)) for v, label in PainForm.base_fields["pain"].choices)
RPE_CHOICES = tuple(
    (str(v), str(label)) for v, label in FinishForm.base_fields["rpe"].widget.choices
)


@dataclass(slots=True)
class SetRow:
    """Everything one set row prints, as ready (escaped) strings: the template only looks
    them up."""

    prescription: ScheduledPrescription
    log: SetLog | None
    dom_id: SafeString
    field_id: SafeString
    label: SafeString
    name: SafeString
    set_url: str
    undo_url: str
    prescription_id: SafeString
    set_number: SafeString
    side: str
    values: dict[str, SafeString]
    show: dict[str, bool]
    errors: list[str]
    invalid: frozenset[str]

    def __getitem__(self, name: str):
        # The template engine tries row[name] before row.name: answering it spares an
        # exception on each of the row's forty lookups.
        try:
            return getattr(self, name)
        except AttributeError:
            raise KeyError(name) from None


def _row(
    prescription: ScheduledPrescription,
    number: int,
    side: str,
    log: SetLog | None,
    *,
    units: str,
    texts: Mapping[str, SafeString],
    set_url: str,
    form: SetLogForm | None = None,
    posted: frozenset[str] = frozenset(),
    exercise_name: SafeString | None = None,
    every_kind: bool = False,
) -> SetRow:
    """One set row: its log's values, else the target (or last time's load), else what a
    bound SetLogForm received, with its errors. `posted` names the fields a POST
    carried: the page showed them, so the redrawn row keeps them. `every_kind` shows
    every value a set can have (an unplanned session has no prescription to go by)."""
    p = prescription
    errors: list[str] = []
    invalid: frozenset[str] = frozenset()
    if form is not None:
        values = {name: _html(form[name].value()) for name in SET_FIELDS}
        errors = [
            f"{form[name].label}: {error}"
            for name, field_errors in form.errors.items()
            if name != NON_FIELD_ERRORS
            for error in field_errors
        ] + list(form.non_field_errors())
        invalid = frozenset(form.errors)
    elif log is not None:
        values = {
            "reps": _html(log.reps),
            # As typed, in the athlete's unit: 26.5 lb, never 26.46.
            "load": _html(from_kg(log.load_kg, units)),
            "distance_m": _html(log.distance_m),
            "seconds": _html(log.seconds),
            "note": _html(log.note),
        }
    else:
        # A coach's 12 kg shows to a runner in pounds as 26.5 lb, the value "Done" sends.
        target = services.set_log_target_values(p, units)
        load = target["load_kg"] or getattr(p, "last_load", None)
        values = {
            "reps": _html(target["reps"]),
            "load": _html(from_kg(load, units)),
            "distance_m": _html(target["distance_m"]),
            "seconds": _html(target["seconds"]),
            "note": _html(""),
        }
    show = {
        "reps": bool(p.reps_min or (log and log.reps) or "reps" in posted),
        "load": bool(
            p.load_kind in ("kg", "rpe", "pct")
            or (log and log.load_kg)
            or getattr(p, "last_load", None)
            or "load" in posted
        ),
        "distance_m": bool(p.distance_m or (log and log.distance_m) or "distance_m" in posted),
        "seconds": bool(
            p.hold_seconds or p.duration_seconds or (log and log.seconds) or "seconds" in posted
        ),
    }
    if every_kind:
        show = dict.fromkeys(show, True)
    # Escaped pieces joined with numbers and the side letter (validated: "", L or R).
    label = mark_safe(texts["set"] % {"n": number})  # noqa: S308
    if side:
        label = mark_safe(f"{label} {texts[side]}")  # noqa: S308
    return SetRow(
        prescription=p,
        log=log,
        dom_id=mark_safe(f"set-{p.pk}-{number}{side}"),  # noqa: S308
        field_id=mark_safe(f"id_{p.pk}_{number}{side}"),  # noqa: S308
        label=label,
        name=mark_safe(f"{exercise_name or _html(p.exercise.name)}, {label}"),  # noqa: S308
        set_url=set_url,
        undo_url=mark_safe(f"{set_url}{log.pk}/undo/") if log is not None else "",  # noqa: S308
        prescription_id=_html(p.pk),
        set_number=_html(number),
        side=side,
        values=values,
        show=show,
        errors=errors,
        invalid=invalid,
    )


def _set_url(session_pk: int) -> SafeString:
    # A path of digits and slashes: safe to print as it is, in every row.
    return mark_safe(reverse("coaching:set_log", args=[session_pk]))  # noqa: S308


def _row_response(
    request: HttpRequest, row: SetRow, texts: Mapping[str, SafeString]
) -> HttpResponse:
    # The row prints only what is given here: no context processors to run.
    context = {"row": row, "t": texts, "csrf_input": csrf_input(request)}
    return HttpResponse(render_to_string("coaching/session_detail.html#set-row", context))


def _exercise_blocks(
    session: ScheduledSession, units: str, texts: Mapping[str, SafeString], set_url: str
) -> list[dict]:
    log = session.log if session.has_log else None
    set_logs = {(s.prescription_id, s.set_number, s.side): s for s in log.sets.all()} if log else {}
    pains = {f.prescription_id: f.pain for f in log.feedback.all()} if log else {}
    every_kind = session.assignment_id is None
    blocks = []
    for prescription in session.prescriptions.all():
        sides = ["L", "R"] if prescription.per_side else [""]
        planned = {(n, side) for n in range(1, (prescription.sets or 1) + 1) for side in sides}
        extra = {(n, side) for (pk, n, side) in set_logs if pk == prescription.pk}
        exercise = prescription.exercise
        name = _html(exercise.name)
        rows = [
            _row(
                prescription,
                n,
                side,
                set_logs.get((prescription.pk, n, side)),
                units=units,
                texts=texts,
                set_url=set_url,
                exercise_name=name,
                every_kind=every_kind,
            )
            for n, side in sorted(planned | extra)
        ]
        blocks.append(
            {
                "pk": _html(prescription.pk),
                "name": name,
                "superset": _html(prescription.superset),
                "target": _html(prescription.target_for(units)),
                "tempo": _html(prescription.tempo),
                "tempo_words": _html(prescription.tempo_in_words if prescription.tempo else ""),
                "cue": _html(exercise.key_cue),
                "notes": _html(prescription.notes),
                "url": exercise.get_absolute_url(),
                "rows": rows,
                "pain_label": _("Pain during %(name)s (0 none – 10 worst)")
                % {"name": exercise.name},
                "pain_options": _options(PAIN_CHOICES, str(pains.get(prescription.pk, 0))),
                "last_load": format_load(getattr(prescription, "last_load", None), units),
            }
        )
    return blocks


def _form_values(form, names) -> dict:
    """A form's labels, values and errors as strings, for inputs written by hand."""
    return {
        "labels": {name: form[name].label for name in names},
        "values": {name: _html(form[name].value()) for name in names},
        "errors": {name: " ".join(form.errors[name]) for name in names if name in form.errors},
    }


def _exercise_context(
    session: ScheduledSession,
    units: str,
    texts: Mapping[str, SafeString],
    row: SetRow | None = None,
) -> dict:
    """What the exercises partial prints; `row` replaces one row with a refused set's
    input."""
    blocks = _exercise_blocks(session, units, texts, _set_url(session.pk))
    if row is not None:
        for block in blocks:
            block["rows"] = [row if r.dom_id == row.dom_id else r for r in block["rows"]]
    return {"blocks": blocks, "pain_url": reverse("coaching:exercise_pain", args=[session.pk])}


def _session_context(request: HttpRequest, session: ScheduledSession, **extra) -> dict:
    """What the page's content and its comments print, with CSRF_PLACEHOLDER for the
    token."""
    units = units_of(session.athlete)
    log = session.log if session.has_log else None
    texts = _texts(units)
    finish_form = extra.get("finish_form") or FinishForm(instance=log)
    comment_form = extra.get("comment_form") or CommentForm()
    finish = _form_values(finish_form, ["rpe", "duration_minutes", "notes", "done_on"])
    finish["help_done_on"] = finish_form.fields["done_on"].help_text
    return {
        "comments": extra["comments"] if "comments" in extra else log.comments.all() if log else [],
        "comment": _form_values(comment_form, ["body"])
        | {"placeholder": comment_form.fields["body"].widget.attrs["placeholder"]},
        "on_behalf": session.athlete_id != request.user.pk,
        "session": session,
        "log": log,
        "user": request.user,
        "units": units,
        "t": texts,
        "csrf_input": CSRF_PLACEHOLDER,
        "finish": finish,
        "rpe_options": _options(RPE_CHOICES, finish["values"]["rpe"]),
        "is_adhoc": session.assignment_id is None,
    }


def _session_content(
    request: HttpRequest, session: ScheduledSession, *, row: SetRow | None = None, **extra
) -> str:
    context = _session_context(request, session, **extra)
    context |= _exercise_context(session, context["units"], context["t"], row)
    return render_to_string("coaching/session_detail.html#content", context)


def _comments_response(request: HttpRequest, session: ScheduledSession, **extra) -> HttpResponse:
    context = _session_context(request, session, **extra)
    html = render_to_string("coaching/session_detail.html#comments", context)
    return HttpResponse(with_csrf(html, request))


def _session_page(request: HttpRequest, title: str, content: str) -> HttpResponse:
    response = render(
        request,
        "coaching/session_detail.html",
        {"title": title, "content": with_csrf(content, request)},
    )
    return _uncached(response)


def _uncached(response: HttpResponse) -> HttpResponse:
    # The page shows what is logged, which its own HTMX posts change after it loaded: no
    # copy of it may be kept. Without no-store, Chrome's Back and Forward show the copy
    # from its HTTP cache, whatever its age (the sets as they were when it first loaded).
    add_never_cache_headers(response)
    return response


def _session_detail_parts(request: HttpRequest, pk: int) -> dict:
    session = selectors.session_for_logging(request.user, pk)
    return {
        "title": session.title,
        "content": _session_content(request, session),
        # Whether some comments are new to this reader (opening the page marks them seen).
        "unseen": session.has_log
        and any(
            not comment.seen_by_recipient and comment.author_id != request.user.pk
            for comment in session.log.comments.all()
        ),
    }


@require_GET
@vary_on_headers("HX-Request")
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    # Access first, on every request: the scoped query says whose session it is or
    # answers 404, before the cache is asked. The content as it prints is then cached per
    # viewer until the athlete's or the viewer's data changes (caching/versions.py).
    athlete_id = selectors.session_owner_for(request.user, pk)
    parts = cached(
        "session-page",
        [athlete_id, request.user.pk, LIBRARY],
        (
            request.user.pk,
            pk,
            get_language(),
            timezone.get_current_timezone_name(),
            template_version("coaching/session_detail.html"),
        ),
        lambda: _session_detail_parts(request, pk),
    )
    if parts["unseen"]:
        session = selectors.session_for_logging(request.user, pk)
        services.comments_mark_seen(log=session.log, reader=request.user)
    if request.htmx and not request.htmx.history_restore_request:
        return _uncached(HttpResponse(with_csrf(parts["content"], request)))
    return _session_page(request, parts["title"], parts["content"])


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
def set_log(request: HttpRequest, pk: int) -> HttpResponse:
    # Only the exercise posted, with its session and the athlete's units, in one query:
    # the rest of what the page shows is not needed to store a set and redraw its row.
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
    form = SetLogForm(request.POST, units=units)
    posted = frozenset(name for name in SET_FIELDS if name in request.POST)
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
                return redirect(f"{request.path.rsplit('sets/', 1)[0]}#set-{prescription.pk}")
            texts = _texts(units)
            row = _row(
                prescription,
                logged.set_number,
                logged.side,
                logged,
                units=units,
                texts=texts,
                set_url=_set_url(session.pk),
                # An unplanned session's row showed every field, so the POST carried them
                # all and `posted` keeps them shown.
                posted=posted,
            )
            response = _row_response(request, row, texts)
            rest = prescription.rest_seconds or 0
            # Said by the page's live region (static/js/train.js), as the redrawn row is not.
            saved = _("%(set)s: saved.") % {"set": unescape(row.name)}
            return trigger_client_event(response, "set-logged", {"rest": rest, "said": saved})
    # Keep what was typed, with the reason, in the row it came from.
    number = form.cleaned_data.get("set_number") or 1
    side = form.cleaned_data.get("side") or ""
    texts = _texts(units)
    row = _row(
        prescription,
        number,
        side,
        None,
        units=units,
        texts=texts,
        set_url=_set_url(session.pk),
        form=form,
        posted=posted,
    )
    if request.htmx:
        return _row_response(request, row, texts)
    session = selectors.session_for_logging(request.user, pk)
    return _session_page(request, session.title, _session_content(request, session, row=row))


@require_POST
def set_undo(request: HttpRequest, pk: int, set_pk: int) -> HttpResponse:
    session = selectors.session_for_logging(request.user, pk)
    logged = get_object_or_404(SetLog, pk=set_pk, log__session=session)
    prescription = _prescription_of(session, logged.prescription_id)
    services.set_log_undo(set_log=logged)
    if not request.htmx:
        return redirect("coaching:session_detail", pk=session.pk)
    units = units_of(session.athlete)
    texts = _texts(units)
    row = _row(
        prescription,
        logged.set_number,
        logged.side,
        None,
        units=units,
        texts=texts,
        set_url=_set_url(session.pk),
        every_kind=session.assignment_id is None,
    )
    response = _row_response(request, row, texts)
    undone = _("%(set)s: no longer logged.") % {"set": unescape(row.name)}
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
    content = _session_content(request, session, finish_form=form)
    return _session_page(request, session.title, content)


@require_POST
def comment_add(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_for_logging(request.user, pk)
    if not session.has_log:
        messages.error(request, _("Comments go on sessions that have been logged."))
        return redirect("coaching:session_detail", pk=session.pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        services.comment_add(log=session.log, author=request.user, body=form.cleaned_data["body"])
        messages.success(request, _("Comment sent."))
        if request.htmx:
            return _comments_response(
                request, session, comments=session.log.comments.select_related("author")
            )
        return redirect(f"{request.path.rsplit('comments/', 1)[0]}#comments")
    if request.htmx:
        return _comments_response(request, session, comment_form=form)
    content = _session_content(request, session, comment_form=form)
    return _session_page(request, session.title, content)


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
