from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    prefetch_related_objects,
)
from django.shortcuts import get_object_or_404

from library.models import (
    Equipment,
    Exercise,
    ExerciseVariation,
    Muscle,
    MuscleGroup,
    Status,
    TechniqueGuide,
)

# The library is shared by every signed-in user; drafts live only in the admin. What its
# pages show is cached once for everyone (library/views.py): a rule that depended on the
# user would have to go into the cache keys.


def exercises_published() -> QuerySet[Exercise]:
    return Exercise.objects.published()


def guides_published() -> QuerySet[TechniqueGuide]:
    return TechniqueGuide.objects.published()


def exercise_search(
    *,
    user: object = None,
    query: str = "",
    group: MuscleGroup | None = None,
    kind: str = "",
    equipment: Equipment | None = None,
    emphasis: str = "",
) -> QuerySet[Exercise]:
    # `user` is unused (the library is the same for everyone); the builder still passes it.
    exercises = exercises_published()
    if query:
        # A muscle or group name finds the exercises that train it ("hamstring").
        muscle_match = Muscle.objects.filter(
            Q(name__icontains=query) | Q(group__name__icontains=query),
        )
        exercises = exercises.filter(
            Q(name__icontains=query)
            | Q(summary__icontains=query)
            | Exists(muscle_match.filter(primary_for=OuterRef("pk")))
        )
    if group is not None:
        exercises = exercises.filter(
            Exists(Muscle.objects.filter(group=group, primary_for=OuterRef("pk")))
            | Exists(Muscle.objects.filter(group=group, secondary_for=OuterRef("pk")))
        )
    if kind:
        exercises = exercises.filter(kind=kind)
    if equipment is not None:
        exercises = exercises.filter(equipment=equipment)
    if emphasis:
        exercises = exercises.filter(emphasis=emphasis)
    return exercises


def with_card_data(exercises) -> list[Exercise]:
    """The exercises with what their cards show besides their own fields: the primary
    muscles' names, read for the whole list in one query."""
    exercises = list(exercises)
    prefetch_related_objects(
        exercises, Prefetch("primary_muscles", queryset=Muscle.objects.only("pk", "name"))
    )
    return exercises


def exercise_for_page(*, slug: str) -> Exercise:
    return get_object_or_404(
        exercises_published().prefetch_related(
            Prefetch("primary_muscles", queryset=Muscle.objects.select_related("group")),
            Prefetch("secondary_muscles", queryset=Muscle.objects.select_related("group")),
            "equipment",
            "sources",
            Prefetch("guides", queryset=guides_published().only("slug", "title", "summary")),
        ),
        slug=slug,
    )


def exercise_variations(*, exercise: Exercise) -> dict[str, list[Exercise]]:
    """Easier, harder and alternative exercises, read from links in either direction."""
    links = (
        ExerciseVariation.objects.filter(Q(exercise=exercise) | Q(variant=exercise))
        .filter(exercise__status=Status.PUBLISHED, variant__status=Status.PUBLISHED)
        .select_related("exercise", "variant")
    )
    grouped: dict[str, list[Exercise]] = {"regression": [], "progression": [], "alternative": []}
    seen = set()
    for link in links:
        if link.exercise_id == exercise.pk:
            other, relation = link.variant, link.relation
        else:
            other, relation = link.exercise, ExerciseVariation.INVERSE[link.relation]
        if other.pk not in seen:
            seen.add(other.pk)
            grouped[relation].append(other)
    for others in grouped.values():
        others.sort(key=lambda e: e.name)
    return grouped


def filter_choices() -> dict:
    return {
        "groups": list(MuscleGroup.objects.all()),
        "equipment": list(Equipment.objects.all()),
    }


def muscle_group_for_page(*, slug: str) -> MuscleGroup:
    return get_object_or_404(MuscleGroup.objects.prefetch_related("muscles"), slug=slug)


def exercises_for_group(*, group: MuscleGroup) -> tuple[list[Exercise], list[Exercise]]:
    """The exercises that train the group first, then those that also work it, read in one
    query: an exercise with a primary muscle in the group is only in the first list."""
    trains_first = Exists(Muscle.objects.filter(group=group, primary_for=OuterRef("pk")))
    also_works = Exists(Muscle.objects.filter(group=group, secondary_for=OuterRef("pk")))
    exercises = (
        exercises_published().annotate(trains_first=trains_first).filter(trains_first | also_works)
    )
    primary, secondary = [], []
    for exercise in exercises:
        (primary if exercise.trains_first else secondary).append(exercise)
    return primary, secondary


def muscle_groups_with_counts() -> QuerySet[MuscleGroup]:
    published = Q(muscles__primary_for__status=Status.PUBLISHED)
    return MuscleGroup.objects.annotate(
        exercise_count=Count("muscles__primary_for", filter=published, distinct=True)
    )


def exercise_from_input(*, user: object = None, value: object) -> Exercise | None:
    """The published exercise a form field names by id, or None for anything else."""
    try:
        pk = int(str(value))
    except (TypeError, ValueError):
        return None
    return exercises_published().filter(pk=pk).first()
