import json
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from coaching import exports
from tests.security.matrix import MATRIX, build_world, client_for, snapshot

# Routes that read nothing from the body (buttons) get a few examples, not the full count.
BUTTON_EXAMPLES = 5
# Known failures, each reported to the owner of the view: a strict xfail turns red the
# moment the view is fixed, so the mark is removed then.
KNOWN_FAILURES = {}
POST_ROUTES = [
    pytest.param(
        name,
        marks=pytest.mark.xfail(
            strict=True, raises=KNOWN_FAILURES[name], reason="500 on a non-numeric exercise id"
        ),
    )
    if name in KNOWN_FAILURES
    else name
    for name in sorted(name for name, route in MATRIX.items() if route.post is not None)
]

_TEXT = st.characters(exclude_categories=("Cs",))  # lone surrogates cannot be sent as UTF-8
_NASTY = [
    "", " ", "0", "-1", "-0", "1e309", "-1e309", "1e-400", "NaN", "Infinity", "-Infinity",
    "9" * 40, "-" + "9" * 40, "0x10", "1_000", "١٢", "½", "Ⅻ", "None", "null", "true", "[]",
    "{}", "2026-02-30", "0000-00-00", "9999-12-31", "-0001-01-01", "31/12/2026", "99:99",
    "1:2:3:4", "25:61:61", "P1D", "\x00", "a\x00b", "<script>alert(1)</script>",
    "' OR 1=1 --", "../../etc/passwd", "%00", "\u202e", "𝟘𝟙", "Z̸̢͈a̶l̷g̵o", "🏃‍♀️" * 50,
    "yes", "no", "on", "L", "R", "up", "down", "kg", "pct", "rpe", "bw", "both", "coach",
    "athlete", "strength", "drills", "Europe/London", "Mars/Olympus_Mons", "3-0-1-0",
    "X-X-X-X", "a@b", "nobody@example.com", "coach@test.example", "3:29:45", "21:30",
]  # fmt: skip


def _hostile_value(known_ids: list[str]):
    text = st.one_of(
        st.sampled_from(_NASTY),
        st.sampled_from(known_ids),
        st.integers(min_value=-(2**70), max_value=2**70).map(str),
        st.decimals(allow_nan=True, allow_infinity=True).map(str),
        st.floats().map(repr),
        st.dates().map(str),
        st.text(_TEXT, max_size=40),
        # Very long: past every max_length, in one repeated character.
        st.builds(
            lambda c, n: c * n, st.characters(exclude_categories=("Cs",)), st.integers(300, 20_000)
        ),  # fmt: skip
    )
    # A list is a field sent more than once: the wrong type for a single-value field.
    return st.one_of(text, st.lists(text, max_size=3))


def _json_document(export: dict):
    leaf = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.floats(allow_nan=False),
        st.sampled_from(_NASTY),
        st.text(_TEXT, max_size=30),
    )
    anything = st.recursive(
        leaf,
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
        ),
        max_leaves=20,
    )

    def mutate(document, keys, value):
        # Replace one value somewhere in a real export with something hostile.
        node = document
        for key in keys[:-1]:
            if isinstance(node, dict) and node:
                node = node[sorted(node)[key % len(node)]]
            elif isinstance(node, list) and node:
                node = node[key % len(node)]
        if isinstance(node, dict) and node:
            node[sorted(node)[keys[-1] % len(node)]] = value
        elif isinstance(node, list) and node:
            node[keys[-1] % len(node)] = value
        return document

    mutated = st.builds(
        mutate,
        st.just(None).map(lambda _: json.loads(json.dumps(export))),
        st.lists(st.integers(0, 50), min_size=1, max_size=5),
        anything,
    )
    as_bytes = st.one_of(
        mutated.map(lambda d: json.dumps(d).encode()),
        anything.map(lambda d: json.dumps(d).encode()),
        st.binary(max_size=200),
        st.just(b"[" * 5000 + b"]" * 5000),
        st.just(b'{"format": ' * 3000),
    )
    return as_bytes.map(lambda data: SimpleUploadedFile("programme.json", data))


def _known_ids(world, other_athlete) -> list[str]:
    # Real ids, the tenant's and a stranger's, so examples reach past "not found".
    scheduled = list(world.session.prescriptions.values_list("pk", flat=True))
    ids = [world.athlete.pk, other_athlete.pk, world.squad.pk, world.assignment.pk,
           world.exercise.pk, world.prescription.pk, world.session.pk, *scheduled]  # fmt: skip
    return sorted({str(i) for i in ids})


@pytest.mark.parametrize("name", POST_ROUTES)
def test_hostile_input_is_refused_cleanly(request, coach, athlete, other_athlete, name):
    world = build_world(coach, athlete)
    route = MATRIX[name]
    fields = route.field_names(world)
    client = client_for(request, route.owner)
    url = reverse(name, kwargs=route.kwargs(world))
    before = snapshot()
    value = _hostile_value(_known_ids(world, other_athlete))
    payloads = st.fixed_dictionaries({}, optional=dict.fromkeys(fields, value))
    if route.files:
        export = exports.programme_export(world.programme)
        payloads = st.fixed_dictionaries({}, optional={"file": _json_document(export)})
    examples = settings.default.max_examples if fields or route.files else BUTTON_EXAMPLES

    @settings(max_examples=examples)
    @given(payload=payloads, htmx=st.booleans())
    def post(payload, htmx):
        cache.clear()
        headers = {"HX-Request": "true"} if htmx else {}
        # Each example starts from the same world and leaves it as it was.
        with transaction.atomic():
            response = client.post(url, payload, headers=headers)
            assert response.status_code < 500, (response.status_code, payload)
            if not htmx and response.status_code == 200:
                # A re-rendered form: whatever was refused must not be half saved.
                assert snapshot() == before, f"{name}: a refused form changed data: {payload}"
            transaction.set_rollback(True)

    post()


def test_hostile_input_oversized_import_is_refused(client, coach):
    client.force_login(coach)
    big = SimpleUploadedFile("programme.json", b'{"x": "' + b"a" * (1024 * 1024 + 1) + b'"}')
    response = client.post(reverse("coaching:programme_import"), {"file": big})
    assert response.status_code == 200
    assert "larger than 1 MB" in response.content.decode()


def test_hostile_input_decimal_edge_is_stored_as_typed(client, coach, athlete):
    # A load at the very top of the allowed range round-trips exactly.
    world = build_world(coach, athlete)
    client.force_login(athlete)
    scheduled = world.session.prescriptions.get()
    url = reverse("coaching:set_log", kwargs={"pk": world.session.pk})
    response = client.post(
        url, {"prescription": scheduled.pk, "set_number": 2, "side": "", "load": "999.99"}
    )
    assert response.status_code == 302
    assert scheduled.set_logs.get(set_number=2).load_kg == Decimal("999.99")
