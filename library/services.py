import hashlib
import json
from dataclasses import dataclass, field

from django.db import transaction

from library.models import (
    Equipment,
    Exercise,
    ExerciseVariation,
    KeyFigure,
    Muscle,
    MuscleGroup,
    Source,
    Status,
    TechniqueGuide,
)
from library.signals import library_changed

_PRESCRIPTION_FIELDS = (
    "sets",
    "reps_min",
    "reps_max",
    "per_side",
    "hold_seconds",
    "distance_m",
    "ground_contacts",
    "duration_seconds",
    "tempo",
    "rest_seconds",
)


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept_curated: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.kept_curated)} left as curated in the admin"
        )


def _checksum(item: dict) -> str:
    return hashlib.sha256(json.dumps(item, sort_keys=True, default=str).encode()).hexdigest()


def _seed_action(model, slug: str, item: dict) -> tuple[str, object | None]:
    """Decide what the loader may do with one seeded row: create it, update it (only while
    no curator has edited it and the seed changed), or leave it alone."""
    row = model.objects.filter(slug=slug).first()
    if row is None:
        return "create", None
    if row.is_curated:
        return "curated", row
    if row.seed_checksum == _checksum(item):
        return "same", row
    return "update", row


@transaction.atomic
def library_load(
    *,
    articles: list[dict],
    groups: list[dict],
    muscles: list[dict],
    equipment: list[dict],
    exercises: list[dict],
    guides: list[dict],
) -> LoadReport:
    """Load the library content idempotently: missing rows are created, rows nobody
    curated follow the content, and a curator's edits are never overwritten."""
    report = LoadReport()
    sources = {}
    for article in articles:
        sources[article["key"]], _ = Source.objects.update_or_create(
            key=article["key"],
            defaults={"title": article["title"], "summary": article.get("summary", "")},
        )
    group_rows = {}
    for position, group in enumerate(groups):
        group_rows[group["slug"]], _ = MuscleGroup.objects.get_or_create(
            slug=group["slug"],
            defaults={
                "name": group["name"],
                "description": group["description"],
                "position": position,
            },
        )
    muscle_rows = {}
    for muscle in muscles:
        muscle_rows[muscle["slug"]], _ = Muscle.objects.get_or_create(
            slug=muscle["slug"],
            defaults={
                "name": muscle["name"],
                "group": group_rows[muscle["group"]],
                "description": muscle.get("description", ""),
            },
        )
    equipment_rows = {}
    for item in equipment:
        equipment_rows[item["slug"]], _ = Equipment.objects.get_or_create(
            slug=item["slug"], defaults={"name": item["name"]}
        )

    loaded_exercises = {}
    for item in exercises:
        action, row = _seed_action(Exercise, item["slug"], item)
        if action in {"curated", "same"}:
            if action == "curated":
                report.kept_curated.append(item["slug"])
            continue
        prescription = item.get("prescription") or {}
        values = {
            "name": item["name"],
            "kind": item["kind"],
            "summary": item["summary"],
            "steps": "\n".join(item.get("steps", [])),
            "cues": "\n".join(item.get("cues", [])),
            "safety": "\n".join(item.get("safety", [])),
            "is_unilateral": item.get("unilateral", False),
            "emphasis": item.get("emphasis") or Exercise.Emphasis.MIXED,
            "prescription_note": prescription.get("note") or "",
            "prescription_from_source": item.get("prescription_from_article", False),
            "status": Status.PUBLISHED,
            "seed_checksum": _checksum(item),
        }
        for name in _PRESCRIPTION_FIELDS:
            value = prescription.get(name)
            values[name] = value if value is not None else ("" if name == "tempo" else None)
        values["per_side"] = bool(prescription.get("per_side"))
        if row is None:
            row = Exercise(slug=item["slug"])
        for name, value in values.items():
            setattr(row, name, value)
        row.full_clean(exclude=["primary_muscles", "secondary_muscles", "equipment", "sources"])
        row.save()
        row.primary_muscles.set([muscle_rows[s] for s in item["primary_muscles"]])
        row.secondary_muscles.set([muscle_rows[s] for s in item.get("secondary_muscles", [])])
        row.equipment.set([equipment_rows[s] for s in item.get("equipment", [])])
        row.sources.set([sources[k] for k in item.get("sources", [])])
        loaded_exercises[item["slug"]] = item
        (report.created if action == "create" else report.updated).append(item["slug"])

    exercise_ids = dict(Exercise.objects.values_list("slug", "pk"))
    for slug, item in loaded_exercises.items():
        ExerciseVariation.objects.filter(exercise_id=exercise_ids[slug]).delete()
        ExerciseVariation.objects.bulk_create(
            [
                ExerciseVariation(
                    exercise_id=exercise_ids[slug],
                    variant_id=exercise_ids[variant],
                    relation=relation,
                )
                for variant, relation in item.get("variations", [])
                if variant in exercise_ids and variant != slug
            ],
            ignore_conflicts=True,
        )

    for item in guides:
        action, row = _seed_action(TechniqueGuide, item["slug"], item)
        if action in {"curated", "same"}:
            if action == "curated":
                report.kept_curated.append(item["slug"])
            continue
        if row is None:
            row = TechniqueGuide(slug=item["slug"])
        row.title = item["title"]
        row.summary = item["summary"]
        row.body = item["body"].strip()
        row.status = Status.PUBLISHED
        row.seed_checksum = _checksum(item)
        row.full_clean(exclude=["exercises", "muscle_groups", "sources"])
        row.save()
        row.exercises.set([exercise_ids[s] for s in item.get("exercises", [])])
        row.muscle_groups.set([group_rows[s] for s in item.get("muscle_groups", [])])
        row.sources.set([sources[k] for k in item.get("sources", [])])
        row.figures.all().delete()
        KeyFigure.objects.bulk_create(
            [
                KeyFigure(
                    guide=row,
                    statement=figure["statement"],
                    study=figure.get("study") or "",
                    position=position,
                )
                for position, figure in enumerate(item.get("figures", []))
            ]
        )
        (report.created if action == "create" else report.updated).append(item["slug"])
    # Rows written with bulk_create send no signal.
    library_changed()
    return report


def library_load_bundled() -> LoadReport:
    """The content written for Drivephase from its source articles (library/content/)."""
    from library.content import anatomy, exercises, guides, sources

    return library_load(
        articles=sources.ARTICLES,
        groups=anatomy.MUSCLE_GROUPS,
        muscles=anatomy.MUSCLES,
        equipment=anatomy.EQUIPMENT,
        exercises=exercises.EXERCISES,
        guides=guides.GUIDES,
    )
