"""Every page each persona can reach from their home, at 375 px: none scrolls sideways,
no table hides columns in a scrolling box, and one page of each URL pattern passes axe.

Demo-like data (the library, the templates, the demo roster with three weeks of logs, a
partly logged session, a self-coached runner), then a breadth-first walk over the
same-origin links of each persona's pages, GET only."""

import io
import re
from collections import deque
from decimal import Decimal
from urllib.parse import urldefrag, urlsplit

import pytest
from django.core.management import call_command
from django.urls import Resolver404, resolve
from django.utils import timezone

from athletes.models import AthleteProfile, User
from coaching import services
from coaching.demo import (
    DEMO_PASSWORD,
    demo_data_load,
    demo_solo_training_load,
    demo_training_load,
)
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import ExerciseFactory

pytestmark = pytest.mark.django_db(transaction=True)

MAX_PAGES = 150
PER_PATTERN = 8  # pages of one URL pattern: enough to meet its variants, not all exercises
SKIP = re.compile(
    r"logout|export|\.ics$|\.json$|\.csv$|/delete/|/remove/|/static/|/media/|"
    r"/admin/.+/(add|history)/|/admin/jsi18n|/admin/r/|password_reset"
)

# The widest elements that stick out of the page: the outermost ones, not those inside
# something that scrolls or clips its own overflow.
WIDEST = """() => {
  const width = window.innerWidth;
  const found = [];
  for (const el of document.body.querySelectorAll('*')) {
    const rect = el.getBoundingClientRect();
    if (rect.right <= width + 0.5 || rect.width === 0) continue;
    let inside = false;
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      const overflow = getComputedStyle(up).overflowX;
      if (overflow !== 'visible') { inside = true; break; }
      if (up.getBoundingClientRect().right > width + 0.5) { inside = true; break; }
    }
    if (inside) continue;
    const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (el.classList.length ? '.' + [...el.classList].join('.') : '');
    found.push(`${name} (${Math.round(rect.width)} px wide, right edge at ` +
      `${Math.round(rect.right)} px): ${(el.textContent || '').trim().slice(0, 60)}`);
  }
  return found.slice(0, 3);
}"""

# A table in a scrolling box hides its right-hand columns on a phone: every table's
# columns must show without scrolling (stacked rows, see .table-stack in app.css).
SCROLLING_TABLES = """() => [...document.querySelectorAll('table')]
  .filter(t => t.getClientRects().length && t.getBoundingClientRect().width >
    t.parentElement.getBoundingClientRect().width + 0.5)
  .map(t => `${t.className} (${Math.round(t.getBoundingClientRect().width)} px): ` +
    `${t.querySelector('th, td')?.textContent.trim().slice(0, 40)}`)"""


def _realistic_world() -> None:
    for command in ("load_library", "load_templates"):
        call_command(command, stdout=io.StringIO())
    demo_data_load()
    demo_training_load()
    demo_solo_training_load()  # the self-coached demo runner
    today = timezone.localdate()
    runner = User.objects.get(email="runner@example.com")
    # A session started early and not finished, and a long comment on a log.
    upcoming = runner.scheduled_sessions.filter(date__gt=today).order_by("date").first()
    services.set_log_record(
        session=upcoming,
        prescription=upcoming.prescriptions.first(),
        set_number=1,
        side="",
        by=runner,
        reps=5,
    )
    # What people paste: a watch link in a comment and in the injury notes, and an
    # unplanned session with a long exercise name, one set of three done.
    strava = "https://www.strava.com/activities/16054828371/overview?share_token=a8b1c2d3e4f5"
    log = runner.session_logs.filter(completed_at__isnull=False).first()
    services.comment_add(log=log, author=runner, body=f"Felt it here: {strava}")
    AthleteProfile.objects.filter(user=runner).update(injury_notes=f"Physio notes: {strava}")
    adhoc = services.adhoc_session_create(
        athlete=runner, date=today, title="Hotel gym, single-leg work", kind="strength"
    )
    exercise = ExerciseFactory(
        name="Single-leg Romanian deadlift to knee drive (kettlebell, contralateral)",
        slug="single-leg-rdl-knee-drive",
        per_side=True,
    )
    prescription = services.adhoc_exercise_add(session=adhoc, exercise=exercise)
    services.set_log_record(
        session=adhoc,
        prescription=prescription,
        set_number=1,
        side="L",
        by=runner,
        reps=8,
        load_kg=Decimal("16"),
        note=f"Video: {strava}",
    )


def _pattern(path: str) -> str:
    try:
        match = resolve(path)
    except Resolver404:
        return path
    return match.route or match.view_name


def _crawl(page, home: str, checked: set[str]) -> tuple[list[str], dict[str, str]]:
    """Pages visited and, for each URL pattern, the first page of it. The first page of
    each pattern not in `checked` is run through axe-core (the admin's own pages aside)."""
    origin = page.base_url
    queue = deque([home])
    seen = {home}
    came_from = {home: "(home)"}
    per_pattern: dict[str, int] = {}
    first_of: dict[str, str] = {}
    visited: list[str] = []
    problems: list[str] = []
    # Anything a page asks for that is not there (a script, an image, an htmx request).
    current = {"path": home}

    def missing(response) -> None:
        if response.status >= 400 and response.request.resource_type != "document":
            problems.append(f"{current['path']} asked for {response.url}: {response.status}")

    page.on("response", missing)
    while queue and len(visited) < MAX_PAGES:
        path = queue.popleft()
        pattern = _pattern(urlsplit(path).path)
        if per_pattern.get(pattern, 0) >= PER_PATTERN:
            continue
        per_pattern[pattern] = per_pattern.get(pattern, 0) + 1
        page.console_errors.clear()
        current["path"] = path
        response = page.goto(f"{origin}{path}")
        assert response is not None and response.ok, (
            f"{path}, linked from {came_from[path]}: {response and response.status}"
        )
        visited.append(path)
        first_of.setdefault(pattern, path)
        if pattern not in checked and not path.startswith("/admin/"):
            checked.add(pattern)
            assert_accessible(page)
        wide = page.evaluate("document.documentElement.scrollWidth")
        if wide > page.evaluate("window.innerWidth"):
            problems.append(f"{path} is {wide} px wide: {page.evaluate(WIDEST)}")
        # Django admin's change lists scroll in their own box, the object's name first:
        # its design, left as it is (the page itself must still fit).
        if not path.startswith("/admin/"):
            for table in page.evaluate(SCROLLING_TABLES):
                problems.append(f"{path}: a table scrolls sideways on its own: {table}")
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            url, _fragment = urldefrag(href)
            if not url.startswith(origin):
                continue
            target = url[len(origin) :] or "/"
            if target not in seen and not SKIP.search(target):
                seen.add(target)
                came_from[target] = path
                queue.append(target)
    page.remove_listener("response", missing)
    assert problems == [], "\n".join(problems)
    return visited, first_of


# Each persona, and pages their crawl must reach (so a broken link cannot shrink it).
PERSONAS = [
    (
        "coach@example.com",
        "coach",
        {"coach/athletes/<int:pk>/training/", "coach/sessions/<int:pk>/"},
    ),
    ("runner@example.com", "athlete", {"train/sessions/<int:pk>/", "train/history/"}),
    ("solo@example.com", "self-coached", {"train/", "coach/programmes/<int:pk>/"}),
    ("admin@example.com", "staff", {"library/exercises/<slug:slug>/"}),
]


def test_no_page_scrolls_sideways_at_phone_width(page):
    _realistic_world()
    report = []
    checked: set[str] = set()
    for email, persona, expected in PERSONAS:
        page.context.clear_cookies()
        sign_in(page, email, DEMO_PASSWORD)
        visited, first_of = _crawl(page, urlsplit(page.url).path, checked)
        report.append(f"{persona}: {len(visited)} pages, {len(first_of)} patterns")
        assert expected <= set(first_of), (persona, sorted(first_of))
    assert len(checked) > 20, checked
    print("\n".join(report), f"\naxe-core on {len(checked)} patterns")
