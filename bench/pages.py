"""The pages `make bench` measures. To bench a new page, add one `Page` to PAGES (and, if
its URL needs an id from the seeded data, one entry to URL_VALUES)."""

from dataclasses import dataclass, field

ANONYMOUS, ATHLETE, COACH = "anonymous", "athlete", "coach"

# The accounts that sign in, as (role, number) in seed_demo's numbering: athlete 1 is
# coached by coach 1.
SIGN_IN = {ATHLETE: ("athlete", 1), COACH: ("coach", 1)}

HTMX_LIBRARY_RESULTS = {"HX-Request": "true", "HX-Target": "exercise-results"}


@dataclass(kw_only=True)
class Page:
    name: str
    # A path, or a template whose {placeholders} are filled from URL_VALUES.
    url: str
    user: str = ANONYMOUS
    method: str = "GET"
    headers: dict[str, str] = field(default_factory=dict)
    # POST only: the form fields, and the page (same user) whose form gives the CSRF
    # token. The runner adds csrfmiddlewaretoken and sends the csrftoken cookie, as a
    # browser does; Django accepts the same token for every request of the session.
    form: dict[str, str] = field(default_factory=dict)
    csrf_from: str = ""
    status: int = 200
    # An HTMX fragment: checked to be no full page, and has no first-load weight.
    fragment: bool = False


PAGES = [
    Page(name="healthz", url="/healthz/"),
    Page(name="landing", url="/"),
    Page(name="sign-in", url="/accounts/login/"),
    Page(name="home (athlete)", url="/home/", user=ATHLETE),
    Page(name="home (coach)", url="/home/", user=COACH),
    Page(name="library", url="/library/", user=ATHLETE),
    Page(name="library search", url="/library/?q=hamstring", user=ATHLETE),
    Page(
        name="library search (htmx)",
        url="/library/?q=hamstring",
        user=ATHLETE,
        headers=HTMX_LIBRARY_RESULTS,
        fragment=True,
    ),
    Page(name="exercise", url="/library/exercises/romanian-deadlift/", user=ATHLETE),
    Page(name="guide", url="/library/guides/hip-extension-drive-phase/", user=ATHLETE),
    Page(name="muscle group", url="/library/muscles/hamstrings/", user=ATHLETE),
    Page(name="train", url="/train/", user=ATHLETE),
    Page(name="session", url="/train/sessions/{session_id}/", user=ATHLETE),
    Page(
        name="log a set (htmx)",
        url="/train/sessions/{session_id}/sets/",
        user=ATHLETE,
        method="POST",
        headers={"HX-Request": "true"},
        form={"prescription": "{prescription_id}", "set_number": "1", "reps": "8", "load": "20"},
        csrf_from="/train/sessions/{session_id}/",
        fragment=True,
    ),
    Page(name="history", url="/train/history/", user=ATHLETE),
    Page(name="progress", url="/train/progress/", user=ATHLETE),
    Page(name="coach dashboard", url="/coach/", user=COACH),
    Page(name="roster", url="/coach/athletes/", user=COACH),
    Page(name="programme builder", url="/coach/programmes/{programme_id}/", user=COACH),
    Page(
        name="assignment preview (htmx)",
        url="/coach/programmes/{programme_id}/assign/",
        user=COACH,
        method="POST",
        headers={"HX-Request": "true", "HX-Target": "assign-preview"},
        form={"athletes": "{athlete_id}", "starts_on": "{next_monday}"},
        csrf_from="/coach/programmes/{programme_id}/assign/",
        fragment=True,
    ),
    Page(name="coach's athlete", url="/coach/athletes/{athlete_id}/training/", user=COACH),
    Page(
        name="CSV export (one athlete)",
        url="/coach/export/?athlete={athlete_id}&download=1",
        user=COACH,
        fragment=True,
    ),
    # A POST looks like this (not benched: signing in is slow on purpose, PBKDF2):
    # Page(name="sign in (POST)", url="/accounts/login/", method="POST",
    #      csrf_from="/accounts/login/", status=302,
    #      form={"username": "...", "password": "..."}),
]

# The reference every page's throughput is compared with, measured in the same run.
REFERENCE = "healthz"


def _user_id(role: str):
    return lambda users: users[role].pk


# Placeholders for URL templates, computed in the Django process from the seeded data.
# Each maps to a function of `users` ({"athlete": User, "coach": User}, the accounts that
# sign in), e.g. "programme_id": lambda users: Programme.objects.filter(...).first().pk
def _next_session(users):
    from coaching.models import ScheduledSession

    # The athlete's last planned session: unlogged in a new database. Not "the last
    # unlogged one", which each `inprocess timing` run of the set-logging POST would move.
    return ScheduledSession.objects.filter(athlete=users[ATHLETE]).order_by("-date").first()


def _programme_id(users):
    from coaching.models import Programme

    return Programme.objects.filter(owner=users[COACH]).order_by("pk").first().pk


def _next_monday(users):
    import datetime

    today = datetime.date.today()
    return (today + datetime.timedelta(days=7 - today.weekday())).isoformat()


URL_VALUES = {
    "athlete_id": _user_id(ATHLETE),
    "coach_id": _user_id(COACH),
    "session_id": lambda users: _next_session(users).pk,
    "prescription_id": lambda users: _next_session(users).prescriptions.order_by("pk").first().pk,
    "programme_id": _programme_id,
    "next_monday": _next_monday,
}
