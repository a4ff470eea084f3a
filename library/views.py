"""The library's pages. The library reads the same for every signed-in user, so what a page
shows of it is rendered once and cached until the library changes (caching.versions,
owner LIBRARY, replaced by library/signals.py): read-only HTML rendered from a partial of
the page's template, with the language and the template's version in the key. The page
around it (navbar, CSRF token) and the search form, which shows the request's values,
are rendered on every request."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from caching.templates import template_version
from caching.versions import LIBRARY, cached
from library import selectors
from library.forms import ExerciseFilterForm

EXERCISES_PER_PAGE = 24
# Searches with a longer query string are rendered but not kept: nobody types them, and
# the cache should not fill with whatever a client sends.
LONGEST_CACHED_QUERY = 300

LIST = "library/exercise_list.html"
EXERCISE = "library/exercise_detail.html"
GUIDE = "library/guide_detail.html"
MUSCLE_GROUP = "library/muscle_group_detail.html"
BODY_MAP = "includes/body_map.html"


def _cached_html(name: str, parts: tuple, templates: tuple[str, ...], render_html):
    """render_html(), kept until the library changes, per language and template source."""
    return cached(
        f"library-{name}",
        [LIBRARY],
        (*parts, get_language(), template_version(*templates)),
        render_html,
    )


@require_GET
@vary_on_headers("HX-Request")
def exercise_list(request: HttpRequest) -> HttpResponse:
    choices = cached("library-filter-choices", [LIBRARY], (), selectors.filter_choices)
    form = ExerciseFilterForm(request.GET, **choices)

    def render_results() -> SafeString:
        page = Paginator(selectors.exercise_search(**form.filters()), EXERCISES_PER_PAGE)
        page = page.get_page(request.GET.get("page"))
        context = {
            "form": form,
            "page": page,
            "exercises": selectors.with_card_data(page.object_list),
            # The other pages' links keep the search and filters.
            "query": request.GET,
        }
        return render_to_string(f"{LIST}#exercise-results", context)

    if len(request.META.get("QUERY_STRING", "")) > LONGEST_CACHED_QUERY:
        results = render_results()
    else:
        # The page links repeat the whole query: every value is part of the key.
        results = _cached_html("results", tuple(request.GET.lists()), (LIST,), render_results)
    if request.htmx and not request.htmx.history_restore_request:
        return HttpResponse(results)
    return render(request, LIST, {"form": form, "results": results})


@require_GET
def exercise_detail(request: HttpRequest, slug: str) -> HttpResponse:
    def render_parts() -> tuple[str, SafeString]:
        exercise = selectors.exercise_for_page(slug=slug)
        primary = exercise.primary_muscles.all()
        secondary = exercise.secondary_muscles.all()
        primary_groups = list(dict.fromkeys(m.group for m in primary))
        secondary_groups = [
            g for g in dict.fromkeys(m.group for m in secondary) if g not in primary_groups
        ]
        context = {
            "exercise": exercise,
            "variations": selectors.exercise_variations(exercise=exercise),
            "primary_groups": primary_groups,
            "secondary_groups": secondary_groups,
            "primary_slugs": {g.slug for g in primary_groups},
            "secondary_slugs": {g.slug for g in secondary_groups},
        }
        return exercise.name, render_to_string(f"{EXERCISE}#content", context)

    title, content = _cached_html("exercise", (slug,), (EXERCISE, BODY_MAP), render_parts)
    return render(request, EXERCISE, {"title": title, "content": content})


@require_GET
def guide_list(request: HttpRequest) -> HttpResponse:
    guides = selectors.guides_published().only("slug", "title", "summary")
    return render(request, "library/guide_list.html", {"guides": guides})


@require_GET
def guide_detail(request: HttpRequest, slug: str) -> HttpResponse:
    def render_parts() -> tuple[str, SafeString]:
        guide = get_object_or_404(
            selectors.guides_published().prefetch_related("figures", "muscle_groups", "sources"),
            slug=slug,
        )
        exercises = selectors.with_card_data(selectors.exercises_published().filter(guides=guide))
        context = {"guide": guide, "exercises": exercises}
        return guide.title, render_to_string(f"{GUIDE}#content", context)

    title, content = _cached_html("guide", (slug,), (GUIDE, LIST), render_parts)
    return render(request, GUIDE, {"title": title, "content": content})


@require_GET
def muscle_group_list(request: HttpRequest) -> HttpResponse:
    groups = selectors.muscle_groups_with_counts()
    return render(request, "library/muscle_group_list.html", {"groups": groups})


@require_GET
def muscle_group_detail(request: HttpRequest, slug: str) -> HttpResponse:
    def render_parts() -> tuple[str, SafeString]:
        group = selectors.muscle_group_for_page(slug=slug)
        primary, secondary = selectors.exercises_for_group(group=group)
        guides = selectors.guides_published().filter(muscle_groups=group)
        context = {
            "group": group,
            "primary": selectors.with_card_data(primary),
            "secondary": selectors.with_card_data(secondary),
            "guides": guides.only("slug", "title", "summary"),
            "map_slugs": {group.slug},
            "map_names": [group.name],
            "no_slugs": set(),
        }
        return group.name, render_to_string(f"{MUSCLE_GROUP}#content", context)

    templates = (MUSCLE_GROUP, LIST, BODY_MAP)
    title, content = _cached_html("muscle-group", (slug,), templates, render_parts)
    return render(request, MUSCLE_GROUP, {"title": title, "content": content})
