"""Access is decided before any cache is read: a coaching link ended without a signal
(QuerySet.update(), as a data migration, a restore or a bulk write would end it) shuts the
former coach out of the athlete on the very next request, with every cache warm."""

import pytest
from django.urls import reverse
from django.utils import timezone

from athletes.models import Coaching
from tests.security.matrix import MATRIX, OK, TENANT_SECRETS, build_world, client_for
from tests.security.test_access_matrix import athlete  # noqa: F401 - the tenant's athlete

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def world(coach, athlete, other_coach, other_athlete, staff):  # noqa: F811
    return build_world(coach, athlete)


def _coach_pages(world) -> list[tuple[str, str]]:
    """Every URL the coach may GET, as a page and as an HTMX request."""
    urls = []
    for name, route in sorted(MATRIX.items()):
        if route.get is not None and route.get["coach"] == OK:
            url = reverse(name, kwargs=route.kwargs(world))
            urls += [(name, url), (f"{name} (htmx)", url)]
    export = reverse("coaching:coach_export")
    return [*urls, ("CSV export", f"{export}?athlete={world.athlete.pk}&download=1")]


def _get(client, label: str, url: str):
    response = client.get(url, **(HTMX if label.endswith("(htmx)") else {}))
    body = b"".join(response) if response.streaming else response.content
    return response.status_code, body.decode(errors="replace")


def test_a_link_ended_by_update_shuts_the_former_coach_out_at_once(request, world):
    client = client_for(request, "coach")
    pages = _coach_pages(world)
    showed_the_athlete = set()
    for label, url in pages:
        for _warm in range(2):  # the second request is served from whatever was cached
            status, body = _get(client, label, url)
        if status == 200 and any(secret in body for secret in TENANT_SECRETS):
            showed_the_athlete.add(label)
    # The world's athlete-facing pages did show the athlete before: the test bites.
    assert {"coaching:coach_athlete", "coaching:coach_session", "roster:athlete_list"} <= (
        showed_the_athlete
    )

    Coaching.objects.filter(coach=world.coach, athlete=world.athlete).update(
        ended_at=timezone.now()
    )

    leaks = []
    for label, url in pages:
        status, body = _get(client, label, url)
        leaked = [secret for secret in TENANT_SECRETS if secret in body]
        if status == 200 and leaked:
            leaks.append(f"{label} {url}: 200 with {leaked}")
    assert leaks == []
    # The athlete's own pages are gone, not merely emptied.
    for name in ("coaching:coach_athlete", "coaching:coach_session", "roster:athlete_detail"):
        url = reverse(name, kwargs=MATRIX[name].kwargs(world))
        assert client.get(url).status_code == 404, name
        assert client.get(url, **HTMX).status_code == 404, f"{name} (htmx)"
