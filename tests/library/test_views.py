import pytest
from django.urls import reverse

from library.models import Exercise, ExerciseVariation, KeyFigure, Status, TechniqueGuide
from tests.conftest import PERSONAS
from tests.factories import (
    EquipmentFactory,
    ExerciseFactory,
    GuideFactory,
    MuscleFactory,
    MuscleGroupFactory,
)


@pytest.fixture
def hamstring_library(db):
    hamstrings = MuscleGroupFactory(slug="hamstrings", name="Hamstrings")
    quads = MuscleGroupFactory(slug="quadriceps", name="Quadriceps")
    biceps_femoris = MuscleFactory(slug="biceps-femoris", name="Biceps femoris", group=hamstrings)
    rectus = MuscleFactory(slug="rectus-femoris", name="Rectus femoris", group=quads)
    ball = EquipmentFactory(slug="stability-ball", name="Stability ball")
    curl = ExerciseFactory(
        name="Stability ball curl",
        slug="ball-curl",
        primary_muscles=[biceps_femoris],
        equipment=[ball],
        emphasis="eccentric",
    )
    nordic = ExerciseFactory(
        name="Nordic curl", slug="nordic-curl", primary_muscles=[biceps_femoris]
    )
    squat = ExerciseFactory(
        name="Back squat",
        slug="back-squat",
        primary_muscles=[rectus],
        secondary_muscles=[biceps_femoris],
        emphasis="concentric",
    )
    draft = ExerciseFactory(name="Secret draft", slug="secret-draft", status=Status.DRAFT)
    ExerciseVariation.objects.create(exercise=curl, variant=nordic, relation="progression")
    guide = GuideFactory(title="Hamstrings and speed", slug="hamstrings-speed", exercises=[curl])
    guide.muscle_groups.set([hamstrings])
    KeyFigure.objects.create(guide=guide, statement="About 20% more pull.", study="Doe 2010")
    return {"curl": curl, "nordic": nordic, "squat": squat, "draft": draft, "guide": guide}


def _library_urls(lib):
    return [
        reverse("library:exercise_list"),
        reverse("library:exercise_detail", args=["ball-curl"]),
        reverse("library:guide_list"),
        reverse("library:guide_detail", args=["hamstrings-speed"]),
        reverse("library:muscle_group_list"),
        reverse("library:muscle_group_detail", args=["hamstrings"]),
    ]


@pytest.mark.parametrize("persona", PERSONAS)
def test_library_pages_access(as_persona, persona, hamstring_library):
    client = as_persona(persona)
    for url in _library_urls(hamstring_library):
        response = client.get(url)
        if persona == "anonymous":
            assert response.status_code == 302, url
            assert response.url.startswith(reverse("login")), url
        else:
            assert response.status_code == 200, url


@pytest.mark.parametrize(
    "url",
    [
        "/library/exercises/no-such-exercise/",
        "/library/guides/no-such-guide/",
        "/library/muscles/no-such-group/",
        "/library/exercises/secret-draft/",
    ],
)
def test_unknown_or_draft_slugs_are_404(client, athlete, hamstring_library, url):
    client.force_login(athlete)
    assert client.get(url).status_code == 404


def test_drafts_never_listed(client, staff, hamstring_library):
    client.force_login(staff)
    body = client.get(reverse("library:exercise_list")).content.decode()
    assert "Stability ball curl" in body
    assert "Secret draft" not in body
    assert client.get("/library/exercises/secret-draft/").status_code == 404


def test_search_finds_by_muscle_group_name(client, athlete, hamstring_library):
    client.force_login(athlete)
    body = client.get(reverse("library:exercise_list"), {"q": "hamstring"}).content.decode()
    assert "Stability ball curl" in body
    assert "Nordic curl" in body
    assert "Back squat" not in body  # hamstrings only secondary there
    assert "2 exercises" in body


@pytest.mark.parametrize(
    ("params", "shown", "hidden"),
    [
        ({"group": "hamstrings"}, ["Nordic curl", "Back squat"], []),
        ({"group": "quadriceps"}, ["Back squat"], ["Nordic curl"]),
        ({"equipment": "stability-ball"}, ["Stability ball curl"], ["Nordic curl"]),
        ({"emphasis": "eccentric"}, ["Stability ball curl"], ["Back squat"]),
        ({"kind": "plyometric"}, [], ["Nordic curl"]),
    ],
)
def test_filters_narrow_the_list(client, athlete, hamstring_library, params, shown, hidden):
    client.force_login(athlete)
    body = client.get(reverse("library:exercise_list"), params).content.decode()
    for name in shown:
        assert name in body
    for name in hidden:
        assert name not in body


@pytest.mark.parametrize(
    "params",
    [
        {"group": "nonsense"},
        {"kind": "dance"},
        {"equipment": "<script>"},
        {"q": "x" * 500},
        {"page": "999"},
        {"page": "abc"},
        {"emphasis": ["a", "b"]},
    ],
)
def test_bad_filter_values_are_explained_never_500(client, athlete, hamstring_library, params):
    client.force_login(athlete)
    response = client.get(reverse("library:exercise_list"), params)
    assert response.status_code == 200
    body = response.content.decode()
    if "page" not in params:
        assert "were not understood and were left out" in body
    assert "<script>" not in body


def test_htmx_search_returns_only_the_results_fragment(client, athlete, hamstring_library):
    client.force_login(athlete)
    response = client.get(
        reverse("library:exercise_list"),
        {"q": "nordic"},
        headers={"HX-Request": "true", "HX-Target": "exercise-results"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body
    assert body.lstrip().startswith('<section id="exercise-results"')
    assert "Nordic curl" in body and "Stability ball curl" not in body
    assert response.headers["Vary"].count("HX-Request") == 1


def test_exercise_page_shows_prescription_tempo_variations_and_body_map(
    client, athlete, hamstring_library
):
    client.force_login(athlete)
    body = client.get(reverse("library:exercise_detail", args=["nordic-curl"])).content.decode()
    assert "3 × 8–10 reps" in body
    assert "Lower for 3 s, no pause, lift in 1 s" in body
    assert "Easier" in body and "Stability ball curl" in body  # inverse of the progression
    assert 'data-group="hamstrings"' in body
    assert 'bm-region bm-primary" data-group="hamstrings"' in body


def test_guide_renders_markdown_and_marks_study_figures(client, athlete, hamstring_library):
    client.force_login(athlete)
    body = client.get(reverse("library:guide_detail", args=["hamstrings-speed"])).content.decode()
    assert "<h2>Why it matters</h2>" in body
    assert "<strong>pull</strong>" in body
    assert "Study" in body and "Doe 2010" in body
    assert "Stability ball curl" in body


def test_guide_body_with_script_or_onerror_renders_harmless(client, athlete, db):
    GuideFactory(
        slug="hostile",
        body='Hi <script>alert(1)</script> <img src=x onerror="alert(2)"> '
        '[link](javascript:alert(3)) <a href="https://ok.example" onclick="x()">ok</a>',
    )
    client.force_login(athlete)
    body = client.get(reverse("library:guide_detail", args=["hostile"])).content.decode()
    article = body.split('<div class="prose">', 1)[1].split("</div>", 1)[0]
    assert "<script" not in article
    assert "onerror" not in article
    assert "onclick" not in article
    assert "javascript:" not in article
    assert 'href="https://ok.example"' in article


def test_muscle_group_page_lists_primary_then_secondary(client, athlete, hamstring_library):
    client.force_login(athlete)
    body = client.get(reverse("library:muscle_group_detail", args=["hamstrings"])).content.decode()
    primary, secondary = body.split("Exercises that also work them")
    assert "Nordic curl" in primary and "Back squat" not in primary
    assert "Back squat" in secondary
    assert "Hamstrings and speed" in body


def _grow_library(count: int):
    groups = [MuscleGroupFactory(slug=f"g{i}") for i in range(3)]
    muscles = [MuscleFactory(group=groups[i % 3]) for i in range(6)]
    kit = [EquipmentFactory() for _ in range(3)]
    exercises = Exercise.objects.bulk_create(
        Exercise(
            name=f"Bulk {i}",
            slug=f"bulk-{i}",
            kind="strength",
            summary="s",
            status=Status.PUBLISHED,
            sets=3,
            reps_min=8,
            reps_max=8,
        )
        for i in range(count)
    )
    Primary = Exercise.primary_muscles.through
    Secondary = Exercise.secondary_muscles.through
    Kit = Exercise.equipment.through
    Primary.objects.bulk_create(
        Primary(exercise=e, muscle=muscles[i % 6]) for i, e in enumerate(exercises)
    )
    Secondary.objects.bulk_create(
        Secondary(exercise=e, muscle=muscles[(i + 1) % 6]) for i, e in enumerate(exercises)
    )
    Kit.objects.bulk_create(Kit(exercise=e, equipment=kit[i % 3]) for i, e in enumerate(exercises))
    ExerciseVariation.objects.bulk_create(
        ExerciseVariation(exercise=exercises[0], variant=e, relation="alternative")
        for e in exercises[1 : count // 10]
    )
    guide = GuideFactory(slug="big-guide")
    guide.exercises.set(exercises[: count // 10])
    guide.muscle_groups.set(groups)
    return exercises[0]


@pytest.mark.parametrize(
    "url",
    [
        "/library/",
        "/library/?q=bulk&group=g1",
        "/library/?equipment=kit-0&page=2",
        "/library/exercises/bulk-0/",
        "/library/guides/",
        "/library/guides/big-guide/",
        "/library/muscles/",
        "/library/muscles/g0/",
    ],
)
def test_library_query_count_does_not_grow_with_the_library(
    client, athlete, django_assert_num_queries, url
):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # Counted twice at each size: rendered afresh (an empty cache) and served from the cache.
    client.force_login(athlete)
    _grow_library(50)
    cache.clear()
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as small_warm:
        assert client.get(url).status_code == 200
    assert len(small_warm) <= len(small)
    Exercise.objects.all().delete()
    TechniqueGuide.objects.all().delete()
    _grow_library(2000)
    cache.clear()
    with django_assert_num_queries(len(small)):
        assert client.get(url).status_code == 200
    with django_assert_num_queries(len(small_warm)):
        assert client.get(url).status_code == 200
