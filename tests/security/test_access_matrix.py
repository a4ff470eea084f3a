import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from athletes.services import roster_add
from tests.factories import AthleteFactory
from tests.security.matrix import (
    LOGIN,
    MATRIX,
    OK,
    OWNERS,
    PERSONAS,
    TENANT_EMAIL,
    TENANT_NAME,
    TENANT_SECRETS,
    build_world,
    client_for,
    served_urls,
    snapshot,
)


@pytest.fixture
def athlete(db, coach):
    # The tenant's athlete, with a name and email no other page could contain by chance.
    athlete = AthleteFactory(email=TENANT_EMAIL, name=TENANT_NAME)
    roster_add(coach=coach, athlete=athlete)
    return athlete


@pytest.fixture
def world(coach, athlete, other_coach, other_athlete, staff):
    return build_world(coach, athlete)


def _assert_status(expected, response, method: str, where: str) -> None:
    status = response.status_code
    if expected == LOGIN:
        assert status == 302, f"{where}: {status}, expected a redirect to sign in"
        assert response.url.startswith(reverse("login")), f"{where}: to {response.url}"
    elif expected == OK:
        allowed = {200} if method == "get" else {200, 204, 302, 400}
        assert status in allowed, f"{where}: {status}, expected one of {sorted(allowed)}"
    else:
        assert status == expected, f"{where}: {status}, expected {expected}"


def test_access_matrix_covers_every_url_pattern():
    served = {url.name: url.pattern for url in served_urls() if not url.admin}
    missing = sorted(
        f"{name} ({pattern})" for name, pattern in served.items() if name not in MATRIX
    )
    assert missing == [], f"URL patterns without an entry in the access matrix: {missing}"
    stale = sorted(set(MATRIX) - set(served))
    assert stale == [], f"Matrix entries for URLs that no longer exist: {stale}"


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_access_matrix(request, world, name):
    route = MATRIX[name]
    for persona in PERSONAS:
        for method, expectations in (("get", route.get), ("post", route.post)):
            if expectations is not None:
                _request_as(request, world, name, persona, method, expectations[persona])


def _request_as(request, world, name: str, persona: str, method: str, expected) -> None:
    route = MATRIX[name]
    client = client_for(request, persona)
    url = reverse(name, kwargs=route.kwargs(world))
    where = f"{method.upper()} {url} ({name}) as {persona}"
    # Each request runs in a savepoint rolled back afterwards, so every persona meets the
    # same world even after an owner deleted something.
    with transaction.atomic():
        before = snapshot() if method == "post" and expected in (LOGIN, 403, 404) else None
        response = client.get(url) if method == "get" else client.post(url, route.data(world))
        body = b"".join(response) if response.streaming else response.content
        if before is not None:
            assert snapshot() == before, f"{where}: refused, yet data changed"
        transaction.set_rollback(True)
    _assert_status(expected, response, method, where)
    if persona not in OWNERS:
        text = body.decode(errors="replace")
        leaked = [secret for secret in TENANT_SECRETS if secret in text]
        assert leaked == [], f"{where}: the tenant's {leaked} in the body"


def test_access_matrix_methods_not_served_are_refused(request, world):
    # A GET on a POST-only URL must not act: 405, or the sign-in redirect when anonymous.
    for name, route in MATRIX.items():
        if route.get is not None or route.post is None:
            continue
        url = reverse(name, kwargs=route.kwargs(world))
        response = client_for(request, "coach").get(url)
        assert response.status_code in (302, 405), f"GET {url} ({name}): {response.status_code}"


@pytest.mark.parametrize("persona", ["anonymous", "athlete", "coach"])
def test_access_matrix_admin_is_for_staff_only(request, db, persona):
    response = client_for(request, persona).get(reverse("admin:index"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_access_matrix_admin_index_opens_for_staff(client, staff):
    client.force_login(staff)
    assert client.get(reverse("admin:index")).status_code == 200


def test_access_matrix_posts_need_a_csrf_token(world, coach):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coach)
    url = reverse("coaching:programme_delete", kwargs={"pk": world.programme.pk})
    assert client.post(url).status_code == 403
    assert client.get(url).status_code == 200
