from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from library import selectors
from library.forms import ExerciseFilterForm

EXERCISES_PER_PAGE = 24


@require_GET
@vary_on_headers("HX-Request")
def exercise_list(request: HttpRequest) -> HttpResponse:
    choices = selectors.filter_choices()
    form = ExerciseFilterForm(request.GET, **choices)
    exercises = selectors.exercise_search(user=request.user, **form.filters())
    page = Paginator(exercises, EXERCISES_PER_PAGE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, **choices}
    template = "library/exercise_list.html"
    if request.htmx and request.htmx.target == "exercise-results":
        template += "#exercise-results"
    return render(request, template, context)


@require_GET
def exercise_detail(request: HttpRequest, slug: str) -> HttpResponse:
    exercise = selectors.exercise_for_page(user=request.user, slug=slug)
    primary = exercise.primary_muscles.all()
    secondary = exercise.secondary_muscles.all()
    primary_groups = list(dict.fromkeys(m.group for m in primary))
    secondary_groups = [
        g for g in dict.fromkeys(m.group for m in secondary) if g not in primary_groups
    ]
    return render(
        request,
        "library/exercise_detail.html",
        {
            "exercise": exercise,
            "variations": selectors.exercise_variations(user=request.user, exercise=exercise),
            "primary_groups": primary_groups,
            "secondary_groups": secondary_groups,
            "primary_slugs": {g.slug for g in primary_groups},
            "secondary_slugs": {g.slug for g in secondary_groups},
        },
    )


@require_GET
def guide_list(request: HttpRequest) -> HttpResponse:
    guides = selectors.guides_visible_to(request.user).only("slug", "title", "summary")
    return render(request, "library/guide_list.html", {"guides": guides})


@require_GET
def guide_detail(request: HttpRequest, slug: str) -> HttpResponse:
    guide = get_object_or_404(
        selectors.guides_visible_to(request.user).prefetch_related(
            "figures", "muscle_groups", "sources"
        ),
        slug=slug,
    )
    exercises = selectors.with_card_data(
        selectors.exercises_visible_to(request.user).filter(guides=guide)
    )
    return render(request, "library/guide_detail.html", {"guide": guide, "exercises": exercises})


@require_GET
def muscle_group_list(request: HttpRequest) -> HttpResponse:
    groups = selectors.muscle_groups_with_counts(user=request.user)
    return render(request, "library/muscle_group_list.html", {"groups": groups})


@require_GET
def muscle_group_detail(request: HttpRequest, slug: str) -> HttpResponse:
    group = selectors.muscle_group_for_page(slug=slug)
    primary, secondary = selectors.exercises_for_group(user=request.user, group=group)
    guides = selectors.guides_visible_to(request.user).filter(muscle_groups=group)
    return render(
        request,
        "library/muscle_group_detail.html",
        {
            "group": group,
            "primary_exercises": primary,
            "secondary_exercises": secondary,
            "guides": guides.only("slug", "title", "summary"),
            "map_slugs": {group.slug},
            "map_names": [group.name],
            "no_slugs": set(),
        },
    )
