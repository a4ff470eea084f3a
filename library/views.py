from urllib.parse import quote

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from library import selectors
from library.cache import cached_each, cached_render
from library.forms import ExerciseFilterForm

EXERCISES_PER_PAGE = 24
# Searches with a longer query string are rendered but not kept: nobody types them, and
# the cache should not fill with whatever a client sends.
LONGEST_CACHED_QUERY = 300

# The library's pages are rendered once per library version (library/cache.py): each view
# renders its content to strings on a miss, from the same data for every signed-in user,
# and the page around them (navbar, CSRF token) on every request.


def _context(parts: dict[str, str]) -> dict[str, str]:
    """The cached parts for the page template: rendered HTML stays as it is (whatever the
    cache backend makes of SafeString), plain text such as the title is escaped there."""
    return {
        name: value if name == "title" else mark_safe(value)  # noqa: S308 - rendered by us
        for name, value in parts.items()
    }


def _cards(exercises) -> list[str]:
    """Each exercise's card, kept in the cache per exercise: searches, guides and muscle
    groups list the same cards."""
    exercises = list(exercises)

    def render_cards(missing: list) -> list[str]:
        template = get_template("library/exercise_list.html#exercise-card")
        return [template.render({"exercise": e}) for e in selectors.with_card_data(missing)]

    html = cached_each("card", {exercise.pk: exercise for exercise in exercises}, render_cards)
    return [mark_safe(html[exercise.pk]) for exercise in exercises]  # noqa: S308 - rendered by us


@require_GET
@vary_on_headers("HX-Request")
def exercise_list(request: HttpRequest) -> HttpResponse:
    data = request.GET
    template = "library/exercise_list.html"
    form: ExerciseFilterForm | None = None

    def bound_form() -> ExerciseFilterForm:
        nonlocal form
        if form is None:
            form = ExerciseFilterForm(data, **selectors.filter_choices())
        return form

    def render_results() -> str:
        filters = bound_form().filters()
        exercises = selectors.exercise_search(user=request.user, **filters)
        page = Paginator(exercises, EXERCISES_PER_PAGE).get_page(data.get("page"))
        context = {
            "fields": bound_form().fields_to_render(),
            "page": page,
            "cards": _cards(page.object_list),
            # The other pages' links keep the search and filters.
            "page_query": "".join(
                f"{quote(key, safe='/')}={quote(value, safe='/')}&"
                for key, value in data.items()
                if key != "page"
            ),
        }
        return render_to_string(f"{template}#exercise-results", context)

    def render_filters() -> str:
        context = {
            "fields": bound_form().fields_to_render(),
            "list_url": reverse("library:exercise_list"),
        }
        return render_to_string(f"{template}#filters", context)

    def kept(name: str, key: tuple, render_part) -> str:
        if len(request.META.get("QUERY_STRING", "")) > LONGEST_CACHED_QUERY:
            return render_part()
        return cached_render(name, key, render_part)

    # The results' page links repeat the whole query; the form reads one value per field.
    results = kept("exercise-results", tuple(data.lists()), render_results)
    if request.htmx and request.htmx.target == "exercise-results":
        return HttpResponse(results)
    filters_key = tuple(data.get(name) for name in ExerciseFilterForm.base_fields)
    filters = kept("exercise-filters", filters_key, render_filters)
    return render(
        request,
        template,
        {"filters": mark_safe(filters), "results": mark_safe(results)},  # noqa: S308 - ours
    )


@require_GET
def exercise_detail(request: HttpRequest, slug: str) -> HttpResponse:
    def render_parts() -> dict[str, str]:
        exercise = selectors.exercise_for_page(user=request.user, slug=slug)
        primary = exercise.primary_muscles.all()
        secondary = exercise.secondary_muscles.all()
        primary_groups = list(dict.fromkeys(m.group for m in primary))
        secondary_groups = [
            g for g in dict.fromkeys(m.group for m in secondary) if g not in primary_groups
        ]
        context = {
            "exercise": exercise,
            "variations": selectors.exercise_variations(user=request.user, exercise=exercise),
            "primary_groups": primary_groups,
            "secondary_groups": secondary_groups,
            "primary_slugs": {g.slug for g in primary_groups},
            "secondary_slugs": {g.slug for g in secondary_groups},
        }
        return {
            "title": exercise.name,
            "content": render_to_string("library/exercise_detail.html#content", context),
        }

    parts = cached_render("exercise", (slug,), render_parts)
    return render(request, "library/exercise_detail.html", _context(parts))


@require_GET
def guide_list(request: HttpRequest) -> HttpResponse:
    guides = selectors.guides_visible_to(request.user).only("slug", "title", "summary")
    return render(request, "library/guide_list.html", {"guides": guides})


@require_GET
def guide_detail(request: HttpRequest, slug: str) -> HttpResponse:
    def render_parts() -> dict[str, str]:
        guide = get_object_or_404(
            selectors.guides_visible_to(request.user).prefetch_related(
                "figures", "muscle_groups", "sources"
            ),
            slug=slug,
        )
        exercises = selectors.exercises_visible_to(request.user).filter(guides=guide)
        context = {"guide": guide, "cards": _cards(exercises)}
        return {
            "title": guide.title,
            "content": render_to_string("library/guide_detail.html#content", context),
        }

    parts = cached_render("guide", (slug,), render_parts)
    return render(request, "library/guide_detail.html", _context(parts))


@require_GET
def muscle_group_list(request: HttpRequest) -> HttpResponse:
    groups = selectors.muscle_groups_with_counts(user=request.user)
    return render(request, "library/muscle_group_list.html", {"groups": groups})


@require_GET
def muscle_group_detail(request: HttpRequest, slug: str) -> HttpResponse:
    def render_parts() -> dict[str, str]:
        group = selectors.muscle_group_for_page(slug=slug)
        primary, secondary = selectors.exercises_for_group(user=request.user, group=group)
        guides = selectors.guides_visible_to(request.user).filter(muscle_groups=group)
        context = {
            "group": group,
            "primary_cards": _cards(primary),
            "secondary_cards": _cards(secondary),
            "guides": guides.only("slug", "title", "summary"),
            "map_slugs": {group.slug},
            "map_names": [group.name],
            "no_slugs": set(),
        }
        return {
            "title": group.name,
            "content": render_to_string("library/muscle_group_detail.html#content", context),
        }

    parts = cached_render("muscle-group", (slug,), render_parts)
    return render(request, "library/muscle_group_detail.html", _context(parts))
