"""Building programmes: workouts, exercises, copies, balance, templates and import.
Assigning them lives in assignments.py. Every write is atomic and keyword-only."""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from athletes.models import User
from coaching.models import (
    Prescription,
    Programme,
    Workout,
    WorkoutKind,
)
from library.models import Exercise

UNDO_SALT = "coaching.prescription-undo"
UNDO_MAX_AGE = 60 * 60  # an hour to change one's mind


# Programmes -----------------------------------------------------------------------


@transaction.atomic
def programme_create(
    *, coach: User, title: str, goal: str = "", description: str = "", weeks: int = 4
) -> Programme:
    programme = Programme(owner=coach, title=title, goal=goal, description=description, weeks=weeks)
    programme.full_clean()
    programme.save()
    return programme


@transaction.atomic
def programme_update(*, programme: Programme, **values) -> Programme:
    weeks = values.get("weeks", programme.weeks)
    beyond = programme.workouts.filter(week__gt=weeks).aggregate(last=Max("week"))["last"]
    if beyond:
        raise ValidationError(
            {
                "weeks": (
                    _("Week %(first)s still holds workouts.")
                    if beyond == weeks + 1
                    else _("Weeks %(first)s to %(last)s still hold workouts.")
                )
                % {"first": weeks + 1, "last": beyond}
                + " "
                + ngettext(
                    "Delete them first, or keep %(last)s week.",
                    "Delete them first, or keep %(last)s weeks.",
                    beyond,
                )
                % {"last": beyond}
            }
        )
    for name, value in values.items():
        setattr(programme, name, value)
    programme.version = F("version") + 1
    programme.full_clean(exclude=["version"])
    programme.save()
    programme.refresh_from_db()
    return programme


_TITLE_LENGTH = Programme._meta.get_field("title").max_length


def _title_free_for(coach: User, title: str, first: str, more: str) -> str:
    """The title with the first of "… (copy)", "… (copy 2)", … (`first`, then `more` with
    its number) that none of the coach's programmes has. A title that already ends in
    such a suffix is not suffixed twice."""
    base = title
    for pattern in (first, more):
        # The suffix as this language writes it, around the title and the number.
        head, _title, tail = pattern.partition("%(title)s")
        tail = re.escape(tail).replace(re.escape("%(n)s"), r"\d+")
        match = re.fullmatch(f"{re.escape(head)}(.+?){tail}", title)
        if match:
            base = match[1]
            break
    taken = set(
        Programme.objects.filter(owner=coach, title__startswith=base[:60]).values_list(
            "title", flat=True
        )
    )
    number = 1
    while True:
        pattern = first if number == 1 else more
        room = _TITLE_LENGTH - len(pattern % {"title": "", "n": number})
        candidate = pattern % {"title": base[:room], "n": number}
        if candidate not in taken:
            return candidate
        number += 1


@transaction.atomic
def programme_copy(*, programme: Programme, coach: User, title: str = "") -> Programme:
    """A coach's own editable copy of a template (or of one of their programmes), with a
    title that tells it apart from the original and from the coach's earlier copies."""
    copy = Programme.objects.create(
        owner=coach,
        title=title
        or _title_free_for(
            coach, programme.title, _("%(title)s (copy)"), _("%(title)s (copy %(n)s)")
        ),
        goal=programme.goal,
        description=programme.description,
        weeks=programme.weeks,
        copied_from=programme,
    )
    _copy_workouts(list(programme.workouts.all()), into=copy)
    return copy


def _copy_workouts(
    workouts: list[Workout], *, into: Programme, week: int | None = None, day: int | None = None
) -> list[Workout]:
    if not workouts:
        return []
    positions = _next_positions(into)
    new_workouts = []
    for workout in workouts:
        target = (week or workout.week, workout.day if day is None else day)
        new_workouts.append(
            Workout(
                programme=into,
                week=target[0],
                day=target[1],
                position=positions[target],
                title=workout.title,
                kind=workout.kind,
                notes=workout.notes,
            )
        )
        positions[target] += 1
    created = Workout.objects.bulk_create(new_workouts)
    by_source = dict(zip([w.pk for w in workouts], created, strict=True))
    Prescription.objects.bulk_create(
        Prescription(workout=by_source[p.workout_id], **p.copy_values())
        for p in Prescription.objects.filter(workout__in=workouts)
    )
    return created


def _next_positions(programme: Programme) -> dict[tuple[int, int], int]:
    positions: dict[tuple[int, int], int] = defaultdict(int)
    for week, day, last in programme.workouts.values_list("week", "day").annotate(
        last=Max("position")
    ):
        positions[(week, day)] = last + 1
    return positions


def _touch(programme: Programme) -> None:
    Programme.objects.filter(pk=programme.pk).update(
        version=F("version") + 1, updated_at=timezone.now()
    )


def _weeks_error(weeks: int) -> str:
    return ngettext(
        "This programme has only week %(n)s.", "This programme has weeks 1 to %(n)s.", weeks
    ) % {"n": weeks}


# Workouts -------------------------------------------------------------------------


@transaction.atomic
def workout_add(
    *, programme: Programme, week: int, day: int, title: str, kind: str, notes: str = ""
) -> Workout:
    if not 1 <= week <= programme.weeks:
        raise ValidationError({"week": _weeks_error(programme.weeks)})
    workout = Workout(
        programme=programme,
        week=week,
        day=day,
        title=title,
        kind=kind,
        notes=notes,
        position=_next_positions(programme)[(week, day)],
    )
    workout.full_clean()
    workout.save()
    _touch(programme)
    return workout


@transaction.atomic
def workout_update(*, workout: Workout, **values) -> Workout:
    for name, value in values.items():
        setattr(workout, name, value)
    if not 1 <= workout.week <= workout.programme.weeks:
        raise ValidationError({"week": _weeks_error(workout.programme.weeks)})
    workout.full_clean()
    workout.save()
    _touch(workout.programme)
    return workout


@transaction.atomic
def workout_delete(*, workout: Workout) -> None:
    programme = workout.programme
    workout.delete()
    _touch(programme)


@transaction.atomic
def workout_duplicate(*, workout: Workout, week: int, day: int) -> Workout:
    programme = workout.programme
    if not 1 <= week <= programme.weeks:
        raise ValidationError({"week": _weeks_error(programme.weeks)})
    (copy,) = _copy_workouts([workout], into=programme, week=week, day=day)
    _touch(programme)
    return copy


@transaction.atomic
def week_duplicate(*, programme: Programme, from_week: int, to_week: int) -> list[Workout]:
    """Copy every workout of one week into another, after what that week already holds."""
    if from_week == to_week:
        raise ValidationError({"to_week": _("Choose a different week to copy into.")})
    for name, value in (("from_week", from_week), ("to_week", to_week)):
        if not 1 <= value <= programme.weeks:
            raise ValidationError({name: _weeks_error(programme.weeks)})
    workouts = list(programme.workouts.filter(week=from_week))
    if not workouts:
        raise ValidationError({"from_week": _("Week %(n)s has no workouts.") % {"n": from_week}})
    copies = _copy_workouts(workouts, into=programme, week=to_week)
    _touch(programme)
    return copies


# Prescriptions --------------------------------------------------------------------

_DEFAULT_FIELDS = (
    "sets", "reps_min", "reps_max", "per_side", "hold_seconds", "distance_m",
    "ground_contacts", "duration_seconds", "tempo", "rest_seconds",
)  # fmt: skip


@transaction.atomic
def prescription_add(*, workout: Workout, exercise: Exercise) -> Prescription:
    """Add a library exercise with the library's default prescription filled in."""
    last = workout.prescriptions.aggregate(last=Max("position"))["last"]
    values = {name: getattr(exercise, name) for name in _DEFAULT_FIELDS}
    if not any(values[n] for n in ("sets", "duration_seconds", "distance_m", "hold_seconds")):
        values["sets"] = 1
    prescription = Prescription(
        workout=workout,
        exercise=exercise,
        position=0 if last is None else last + 1,
        load_kind="bw" if not exercise.equipment.exclude(slug="bodyweight").exists() else "",
        **values,
    )
    prescription.full_clean()
    prescription.save()
    _touch(workout.programme)
    return prescription


@transaction.atomic
def prescription_update(*, prescription: Prescription, version: int, **values) -> Prescription:
    """Save a coach's edit unless someone else saved the same row since it was opened."""
    current = Prescription.objects.select_for_update().get(pk=prescription.pk)
    if current.version != version:
        raise ValidationError(
            _(
                "Someone else changed this exercise after you opened it. Your changes were "
                "not saved; the form now shows the latest version."
            ),
            code="conflict",
        )
    for name, value in values.items():
        setattr(current, name, value)
    current.full_clean()
    current.version = version + 1
    current.save()
    _touch(current.workout.programme)
    return current


@transaction.atomic
def prescription_move(*, prescription: Prescription, offset: int) -> None:
    siblings = list(prescription.workout.prescriptions.order_by("position", "pk"))
    index = next(i for i, p in enumerate(siblings) if p.pk == prescription.pk)
    target = index + offset
    if not 0 <= target < len(siblings):
        return
    siblings[index], siblings[target] = siblings[target], siblings[index]
    for position, item in enumerate(siblings):
        item.position = position
    Prescription.objects.bulk_update(siblings, ["position"])
    _touch(prescription.workout.programme)


@transaction.atomic
def prescription_delete(*, prescription: Prescription) -> str:
    """Delete, and return a signed token that `prescription_restore` accepts for an hour."""
    token = signing.dumps(
        {"workout": prescription.workout_id, "values": _jsonable(prescription.copy_values())},
        salt=UNDO_SALT,
    )
    programme = prescription.workout.programme
    prescription.delete()
    _touch(programme)
    return token


@transaction.atomic
def prescription_restore(*, token: str, programme: Programme) -> Prescription:
    try:
        data = signing.loads(token, salt=UNDO_SALT, max_age=UNDO_MAX_AGE)
    except signing.BadSignature:
        raise ValidationError(_("This undo has expired.")) from None
    workout = Workout.objects.filter(pk=data["workout"], programme=programme).first()
    if workout is None:
        raise ValidationError(_("The workout this exercise belonged to is gone."))
    values = data["values"]
    exercise = Exercise.objects.filter(pk=values.pop("exercise_id")).first()
    if exercise is None:
        raise ValidationError(_("That exercise is no longer in the library."))
    workout.prescriptions.filter(position__gte=values["position"]).update(
        position=F("position") + 1
    )
    prescription = Prescription.objects.create(workout=workout, exercise=exercise, **values)
    _touch(programme)
    return prescription


def _jsonable(values: dict) -> dict:
    return {k: (str(v) if hasattr(v, "as_tuple") else v) for k, v in values.items()}


# Balance --------------------------------------------------------------------------

POSTERIOR = ("hamstrings", "glutes")
ANTERIOR = ("quadriceps",)


@dataclass
class MuscleBalance:
    weeks: int
    group_names: dict[str, str]
    weekly_sets: dict[int, dict[str, float]] = field(default_factory=dict)

    @property
    def average_sets(self) -> list[tuple[str, str, float]]:
        """(slug, name, average weekly sets), most worked first."""
        totals: dict[str, float] = defaultdict(float)
        for sets in self.weekly_sets.values():
            for slug, value in sets.items():
                totals[slug] += value
        rows = [
            (slug, self.group_names[slug], round(total / max(self.weeks, 1), 1))
            for slug, total in totals.items()
        ]
        return sorted(rows, key=lambda row: (-row[2], row[1]))

    @property
    def chart_rows(self) -> list[dict]:
        rows = self.average_sets
        top = max((row[2] for row in rows), default=0) or 1
        return [
            {
                "slug": slug,
                "name": name,
                "sets": sets,
                "percent": round(100 * sets / top),
                "side": "posterior"
                if slug in POSTERIOR
                else "anterior"
                if slug in ANTERIOR
                else "other",
            }
            for slug, name, sets in rows
        ]

    @property
    def week_rows(self) -> list[tuple[int, list[float]]]:
        """Per week, the sets of each group in the order of `average_sets`."""
        order = [slug for slug, _name, _sets in self.average_sets]
        return [
            (week, [round(self.weekly_sets.get(week, {}).get(slug, 0), 1) for slug in order])
            for week in range(1, self.weeks + 1)
        ]

    @property
    def posterior_sets(self) -> float:
        return sum(s.get(g, 0) for s in self.weekly_sets.values() for g in POSTERIOR)

    @property
    def quad_sets(self) -> float:
        return sum(s.get(g, 0) for s in self.weekly_sets.values() for g in ANTERIOR)

    @property
    def posterior_share(self) -> int | None:
        total = self.posterior_sets + self.quad_sets
        return round(100 * self.posterior_sets / total) if total else None

    @property
    def leans_on_quads(self) -> bool:
        share = self.posterior_share
        return share is not None and share < 50


def programme_balance(*, workouts: list[Workout], weeks: int) -> MuscleBalance:
    """Weekly sets per muscle group: a full set for each group an exercise works first,
    half a set for each it works second. Needs workouts from workouts_with_prescriptions."""
    balance = MuscleBalance(weeks=weeks, group_names={})
    # A plan repeats its exercises week after week: find each one's groups once.
    groups_of: dict[int, tuple[list[str], list[str]]] = {}
    for workout in workouts:
        week = balance.weekly_sets.setdefault(workout.week, defaultdict(float))
        for prescription in workout.prescriptions.all():
            sets = prescription.sets or 1
            groups = groups_of.get(prescription.exercise_id)
            if groups is None:
                exercise = prescription.exercise
                primary = {m.group for m in exercise.primary_muscles.all()}
                secondary = {m.group for m in exercise.secondary_muscles.all()} - primary
                for group in primary | secondary:
                    balance.group_names[group.slug] = group.name
                groups = groups_of[prescription.exercise_id] = (
                    [g.slug for g in primary],
                    [g.slug for g in secondary],
                )
            for slug in groups[0]:
                week[slug] += sets
            for slug in groups[1]:
                week[slug] += sets / 2
    return balance


# Templates ------------------------------------------------------------------------


@transaction.atomic
def programme_templates_load(*, templates: list[dict]) -> list[str]:
    """Create the curated templates that are missing. A template that exists is left
    exactly as staff have shaped it; returns the slugs created."""
    created = []
    for item in templates:
        if Programme.objects.filter(owner__isnull=True, slug=item["slug"]).exists():
            continue
        _programme_from_data(owner=None, data=item, slug=item["slug"])
        created.append(item["slug"])
    return created


MAX_IMPORT_WORKOUTS = 400
MAX_IMPORT_EXERCISES = 40
_IMPORTED_FIELDS = (
    "sets", "reps_min", "reps_max", "per_side", "hold_seconds", "distance_m",
    "ground_contacts", "duration_seconds", "tempo", "rest_seconds", "load_kind",
    "load_value", "superset", "notes",
)  # fmt: skip


@transaction.atomic
def programme_import(*, coach: User, data: object) -> Programme:
    """A programme from another coach's JSON export, checked field by field. Any problem
    raises a ValidationError naming where it is, and nothing is saved."""
    from coaching.exports import PROGRAMME_FORMAT

    if not isinstance(data, dict) or data.get("format") != PROGRAMME_FORMAT:
        raise ValidationError(_("This file is not a Drivephase programme export."))
    title = data.get("title")
    if isinstance(title, str) and Programme.objects.filter(owner=coach, title=title).exists():
        # Told apart from the coach's programme of the same name (often its original).
        title = _title_free_for(
            coach, title, _("%(title)s (imported)"), _("%(title)s (imported %(n)s)")
        )
        data = {**data, "title": title}
    return _programme_from_data(owner=coach, data=data)


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ValidationError(message)


def _programme_from_data(*, owner: User | None, data: dict, slug: str = "") -> Programme:
    _require(isinstance(data.get("title"), str), _("The programme needs a title."))
    _require(
        isinstance(data.get("weeks"), int) and not isinstance(data.get("weeks"), bool),
        _("The number of weeks must be a whole number."),
    )
    workouts = data.get("workouts")
    _require(isinstance(workouts, list), _("The programme has no list of workouts."))
    _require(
        len(workouts) <= MAX_IMPORT_WORKOUTS,
        ngettext(
            "A programme holds at most %(n)s workout.",
            "A programme holds at most %(n)s workouts.",
            MAX_IMPORT_WORKOUTS,
        )
        % {"n": MAX_IMPORT_WORKOUTS},
    )
    programme = Programme(
        owner=owner,
        slug=slug,
        title=data["title"],
        goal=data.get("goal") or "",
        description=data.get("description") or "",
        weeks=data["weeks"],
    )
    _clean(programme, _("Programme"))
    programme.save()
    exercises = dict(Exercise.objects.published().values_list("slug", "pk"))
    positions: dict[tuple[int, int], int] = defaultdict(int)
    for number, entry in enumerate(workouts, start=1):
        where = _("Workout %(n)s") % {"n": number}
        _require(isinstance(entry, dict), f"{where}: {_('not a workout.')}")
        items = entry.get("exercises") or []
        _require(isinstance(items, list), f"{where}: {_('exercises must be a list.')}")
        _require(
            len(items) <= MAX_IMPORT_EXERCISES,
            f"{where}: {_('too many exercises.')}",
        )
        week, day = entry.get("week"), entry.get("day")
        _require(
            isinstance(week, int) and isinstance(day, int) and 1 <= week <= programme.weeks,
            f"{where}: {_('its week must be within the programme.')}",
        )
        workout = Workout(
            programme=programme,
            week=week,
            day=day,
            position=positions[(week, day)],
            title=entry.get("title"),
            kind=entry.get("kind") or WorkoutKind.STRENGTH,
            notes=entry.get("notes") or "",
        )
        positions[(week, day)] += 1
        _clean(workout, where)
        workout.save()
        for index, values in enumerate(items):
            item_where = f"{where}, {_('exercise %(n)s') % {'n': index + 1}}"
            _require(isinstance(values, dict), f"{item_where}: {_('not an exercise.')}")
            slug_value = values.get("exercise")
            _require(
                slug_value in exercises,
                f"{item_where}: "
                + _("%(slug)s is not in this library.") % {"slug": str(slug_value)[:60]},
            )
            fields = {name: values.get(name) for name in _IMPORTED_FIELDS if name in values}
            for text in ("tempo", "superset", "notes", "load_kind"):
                if fields.get(text) is None:
                    fields[text] = ""
            fields["per_side"] = bool(fields.get("per_side"))
            prescription = Prescription(
                workout=workout, exercise_id=exercises[slug_value], position=index, **fields
            )
            _clean(prescription, item_where)
            prescription.save()
    return programme


def _clean(instance, where: str) -> None:
    try:
        instance.full_clean()
    except ValidationError as error:
        messages = [
            f"{field}: {message}" if field != "__all__" else message
            for field, field_messages in error.message_dict.items()
            for message in field_messages
        ]
        raise ValidationError(f"{where}: {'; '.join(messages)}") from None
    except (TypeError, ValueError, ArithmeticError):
        raise ValidationError(f"{where}: {_('a value has the wrong type.')}") from None


def programme_templates_load_bundled() -> list[str]:
    from coaching.content.programmes import TEMPLATES

    return programme_templates_load(templates=TEMPLATES)
