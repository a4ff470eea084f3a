"""The access matrix: every URL the project serves, what each persona must get from it,
and a small world of one tenant's objects (a coach and their athlete) to fill the URLs.
test_access_matrix.py walks the resolver against it; test_hostile_input.py posts
generated data to its POST routes."""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.apps import apps
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from athletes import services as people
from coaching import services
from coaching.models import ScheduledSession
from tests.factories import (
    AthleteProfileFactory,
    ExerciseFactory,
    GuideFactory,
    PrescriptionFactory,
    ProgrammeFactory,
    WorkoutFactory,
)

# The tenant's athlete is unmistakable, so a leak of them into a stranger's page shows.
TENANT_NAME = "Zephyrine Quillfeather"
TENANT_EMAIL = "zephyrine.quillfeather@tenant-a.example"
TENANT_NOTE = "Left achilles tendinopathy flared after the Quarry Hill 30k"
TENANT_SECRETS = (TENANT_NAME, TENANT_EMAIL, TENANT_NOTE)

PERSONAS = ["anonymous", "athlete", "other_athlete", "coach", "other_coach", "staff"]
OWNERS = {"athlete", "coach"}

# Expected outcomes: a status code, LOGIN (302 to the sign-in page) or OK (200 for GET;
# 200, 204, 302 or 400 for POST: a refused or accepted form, never a server error).
LOGIN = "login"
OK = "ok"


def _expect(anonymous=LOGIN, athlete=OK, other_athlete=OK, coach=OK, other_coach=OK, staff=OK):
    return {
        "anonymous": anonymous,
        "athlete": athlete,
        "other_athlete": other_athlete,
        "coach": coach,
        "other_coach": other_coach,
        "staff": staff,
    }


PUBLIC = _expect(anonymous=OK)
SIGNED_IN = _expect()
SIGNED_OUT_ONLY = _expect(anonymous=OK, athlete=302, other_athlete=302, coach=302,
                          other_coach=302, staff=302)  # fmt: skip
# Any coach, on their own things (a list, a new object): no tenant object in the URL.
COACH_ROLE = _expect(athlete=403, other_athlete=403, staff=403)
# The tenant coach's object: another coach finds nothing.
COACH_TENANT = _expect(athlete=403, other_athlete=403, other_coach=404, staff=403)
ATHLETE_ROLE = _expect(coach=403, other_coach=403, staff=403)
ATHLETE_TENANT = _expect(other_athlete=404, coach=403, other_coach=403, staff=403)
# A session's page and its logging: the athlete, or their coach logging on their behalf.
SESSION_TENANT = _expect(other_athlete=404, other_coach=404, staff=404)


@dataclass
class World:
    coach: object
    athlete: object
    programme: object
    workout: object
    prescription: object
    assignment: object
    session: object
    set_log: object
    adhoc: object
    squad: object
    invitation: object
    invitation_token: str
    feed: object
    exercise: object
    guide: object
    group: object


def build_world(coach, athlete) -> World:
    """One tenant: the coach's programme assigned to their athlete, a session logged
    today, an unplanned session, a squad, a pending invitation and a calendar feed."""
    today = timezone.localdate()
    AthleteProfileFactory(user=athlete, injury_notes=TENANT_NOTE, time_zone="UTC")
    exercise = ExerciseFactory(name="Nordic lower")
    guide = GuideFactory(exercises=[exercise])
    programme = ProgrammeFactory(owner=coach, weeks=2, title="Spring hamstrings")
    workout = WorkoutFactory(programme=programme, week=1, day=today.weekday(), title="Hams A")
    prescription = PrescriptionFactory(workout=workout, exercise=exercise, sets=3)
    WorkoutFactory(programme=programme, week=2, day=today.weekday(), title="Hams B")
    (assignment,) = services.programme_assign(
        coach=coach, programme=programme, athletes=[athlete], starts_on=today
    )
    session = ScheduledSession.objects.get(assignment=assignment, date=today)
    scheduled = session.prescriptions.get()
    set_log = services.set_log_record(
        session=session, prescription=scheduled, set_number=1, side="", by=athlete, reps=6
    )
    services.exercise_pain_record(session=session, prescription=scheduled, pain=2, by=athlete)
    adhoc = services.adhoc_session_create(
        athlete=athlete, date=today - timedelta(days=1), title="Hill strides", kind="drills"
    )
    squad = people.squad_create(coach=coach, name="Tuesday club")
    people.squad_add_athlete(squad=squad, athlete=athlete)
    tokens = []
    invitation = people.invitation_create(
        coach=coach, email="invitee@tenant-a.example", accept_url=lambda t: tokens.append(t) or t
    )
    return World(
        coach=coach,
        athlete=athlete,
        programme=programme,
        workout=workout,
        prescription=prescription,
        assignment=assignment,
        session=session,
        set_log=set_log,
        adhoc=adhoc,
        squad=squad,
        invitation=invitation,
        invitation_token=tokens[0],
        feed=services.calendar_feed_for(athlete=athlete),
        exercise=exercise,
        guide=guide,
        group=exercise.primary_muscles.first().group,
    )


@dataclass(frozen=True)
class Route:
    get: dict | None = None
    post: dict | None = None
    kwargs: Callable[[World], dict] = lambda w: {}
    # Minimal POST data for the matrix; the hostile-input test generates its own.
    data: Callable[[World], dict] = lambda w: {}
    # The fields the view reads from a POST, for the hostile-input test. None: the view
    # reads nothing from the body (a button), so a few examples are enough.
    fields: Callable[[World], tuple] | tuple | None = None
    # Who may use it, for the hostile-input test.
    owner: str = "coach"
    files: tuple = ()

    def field_names(self, world: World) -> tuple:
        value = self.fields(world) if callable(self.fields) else self.fields
        return tuple(value or ())


def _programme(w):
    return {"pk": w.programme.pk}


def _workout(w):
    return {"pk": w.programme.pk, "workout_pk": w.workout.pk}


def _prescription(w):
    return {"pk": w.programme.pk, "prescription_pk": w.prescription.pk}


def _session(w):
    return {"pk": w.session.pk}


def _athlete(w):
    return {"pk": w.athlete.pk}


def _squad(w):
    return {"pk": w.squad.pk}


PROGRAMME_FIELDS = ("title", "goal", "weeks", "description")
WORKOUT_FIELDS = ("week", "day", "title", "kind", "notes")
PRESCRIPTION_FIELDS = (
    "sets", "reps_min", "reps_max", "per_side", "load_kind", "load_value", "tempo",
    "hold_seconds", "distance_m", "ground_contacts", "duration_seconds", "rest_seconds",
    "superset", "notes", "version",
)  # fmt: skip
SCHEDULED_FIELDS = (
    "sets", "reps_min", "reps_max", "per_side", "load_kind", "load_value", "tempo",
    "hold_seconds", "distance_m", "rest_seconds", "notes",
)  # fmt: skip
SET_FIELDS = ("prescription", "set_number", "side", "reps", "load", "distance_m", "seconds", "note")
PROFILE_FIELDS = (
    "account-name", "account-is_athlete", "account-is_coach", "athlete-goal_event",
    "athlete-goal_date", "athlete-experience", "athlete-weekly_km", "athlete-long_run_day",
    "athlete-hard_days", "athlete-pb_5k", "athlete-pb_10k", "athlete-pb_half",
    "athlete-pb_marathon", "athlete-units", "athlete-time_zone", "athlete-injury_notes",
    "coach-club", "coach-bio",
)  # fmt: skip
SIGNUP_FIELDS = ("name", "email", "role", "password1", "password2")


def _session_adjust_fields(w) -> tuple:
    prefixes = [f"p{p.pk}-" for p in w.session.prescriptions.all()]
    return ("date", "title", "notes", *(p + f for p in prefixes for f in SCHEDULED_FIELDS))


def _reset_kwargs(w):
    # The token depends on the last sign-in, which signing in as a persona just changed.
    w.athlete.refresh_from_db()
    return {
        "uidb64": urlsafe_base64_encode(force_bytes(w.athlete.pk)),
        "token": default_token_generator.make_token(w.athlete),
    }


MATRIX: dict[str, Route] = {
    "healthz": Route(get=PUBLIC),
    # Accounts.
    "login": Route(
        get=SIGNED_OUT_ONLY,
        post=SIGNED_OUT_ONLY,
        fields=("username", "password"),
        owner="anonymous",
    ),  # fmt: skip
    "logout": Route(
        post=_expect(
            anonymous=302, athlete=302, other_athlete=302, coach=302, other_coach=302, staff=302
        )
    ),  # fmt: skip
    "signup": Route(
        get=SIGNED_OUT_ONLY, post=SIGNED_OUT_ONLY, fields=SIGNUP_FIELDS, owner="anonymous"
    ),  # fmt: skip
    "profile": Route(get=SIGNED_IN, post=SIGNED_IN, fields=PROFILE_FIELDS, owner="athlete"),
    "account_delete": Route(get=SIGNED_IN, post=SIGNED_IN, fields=("password",), owner="athlete"),
    "invitation_accept": Route(
        get=PUBLIC,
        post=PUBLIC,
        kwargs=lambda w: {"token": w.invitation_token},
        fields=(*SIGNUP_FIELDS, "confirm_other_account"),
        owner="anonymous",
    ),
    "password_change": Route(
        get=SIGNED_IN,
        post=SIGNED_IN,
        fields=("old_password", "new_password1", "new_password2"),
        owner="athlete",
    ),
    "password_change_done": Route(get=SIGNED_IN),
    "password_reset": Route(get=PUBLIC, post=PUBLIC, fields=("email",), owner="anonymous"),
    "password_reset_done": Route(get=PUBLIC),
    # A valid reset link: whoever holds it is sent on to choose a new password.
    "password_reset_confirm": Route(
        get=_expect(
            anonymous=302, athlete=302, other_athlete=302, coach=302, other_coach=302, staff=302
        ),  # fmt: skip
        kwargs=_reset_kwargs,
    ),
    "password_reset_complete": Route(get=PUBLIC),
    # The coach's roster.
    "roster:athlete_list": Route(get=COACH_ROLE),
    "roster:athlete_detail": Route(get=COACH_TENANT, kwargs=_athlete),
    "roster:athlete_remove": Route(get=COACH_TENANT, post=COACH_TENANT, kwargs=_athlete),
    "roster:athlete_squad_toggle": Route(
        post=COACH_TENANT, kwargs=lambda w: {"pk": w.athlete.pk, "squad_pk": w.squad.pk}
    ),
    "roster:invitation_create": Route(post=COACH_ROLE, fields=("email", "squad", "message")),
    "roster:invitation_resend": Route(post=COACH_TENANT, kwargs=lambda w: {"pk": w.invitation.pk}),
    "roster:invitation_revoke": Route(post=COACH_TENANT, kwargs=lambda w: {"pk": w.invitation.pk}),
    "roster:squad_create": Route(post=COACH_ROLE, fields=("name",)),
    "roster:squad_detail": Route(get=COACH_TENANT, kwargs=_squad),
    "roster:squad_rename": Route(post=COACH_TENANT, kwargs=_squad, fields=("name",)),
    "roster:squad_delete": Route(get=COACH_TENANT, post=COACH_TENANT, kwargs=_squad),
    "roster:squad_member_add": Route(post=COACH_TENANT, kwargs=_squad, fields=("athlete",)),
    "roster:squad_member_remove": Route(
        post=COACH_TENANT, kwargs=lambda w: {"pk": w.squad.pk, "athlete_pk": w.athlete.pk}
    ),
    # The library, shared by everyone signed in.
    "library:exercise_list": Route(get=SIGNED_IN),
    "library:exercise_detail": Route(get=SIGNED_IN, kwargs=lambda w: {"slug": w.exercise.slug}),
    "library:guide_list": Route(get=SIGNED_IN),
    "library:guide_detail": Route(get=SIGNED_IN, kwargs=lambda w: {"slug": w.guide.slug}),
    "library:muscle_group_list": Route(get=SIGNED_IN),
    "library:muscle_group_detail": Route(get=SIGNED_IN, kwargs=lambda w: {"slug": w.group.slug}),
    # Pages.
    "coaching:landing": Route(
        get=_expect(
            anonymous=OK, athlete=302, other_athlete=302, coach=302, other_coach=302, staff=302
        )  # fmt: skip
    ),
    "coaching:home": Route(get=SIGNED_IN),
    # Programmes.
    "coaching:programme_list": Route(get=COACH_ROLE),
    "coaching:programme_create": Route(post=COACH_ROLE, fields=PROGRAMME_FIELDS),
    "coaching:programme_detail": Route(get=COACH_TENANT, kwargs=_programme),
    "coaching:programme_copy": Route(post=COACH_TENANT, kwargs=_programme),
    "coaching:programme_update": Route(
        post=COACH_TENANT, kwargs=_programme, fields=PROGRAMME_FIELDS
    ),
    "coaching:programme_delete": Route(get=COACH_TENANT, post=COACH_TENANT, kwargs=_programme),
    "coaching:workout_add": Route(post=COACH_TENANT, kwargs=_programme, fields=WORKOUT_FIELDS),
    "coaching:week_copy": Route(
        post=COACH_TENANT, kwargs=_programme, fields=("from_week", "to_week")
    ),
    "coaching:workout_update": Route(
        get=COACH_TENANT, post=COACH_TENANT, kwargs=_workout, fields=WORKOUT_FIELDS
    ),
    "coaching:workout_delete": Route(post=COACH_TENANT, kwargs=_workout),
    "coaching:workout_copy": Route(
        post=COACH_TENANT, kwargs=_workout, fields=("copy-week", "copy-day")
    ),
    "coaching:exercise_search": Route(get=COACH_TENANT, kwargs=_workout),
    "coaching:prescription_add": Route(post=COACH_TENANT, kwargs=_workout, fields=("exercise",)),
    "coaching:prescription_update": Route(
        get=COACH_TENANT, post=COACH_TENANT, kwargs=_prescription, fields=PRESCRIPTION_FIELDS
    ),
    "coaching:prescription_move": Route(
        post=COACH_TENANT, kwargs=_prescription, fields=("direction",)
    ),
    "coaching:prescription_delete": Route(post=COACH_TENANT, kwargs=_prescription),
    "coaching:prescription_restore": Route(post=COACH_TENANT, kwargs=_programme, fields=("token",)),
    "coaching:programme_assign": Route(
        get=COACH_TENANT,
        post=COACH_TENANT,
        kwargs=_programme,
        fields=("athletes", "squads", "starts_on", "confirm"),
    ),
    "coaching:programme_assignments": Route(get=COACH_TENANT, kwargs=_programme),
    "coaching:programme_push": Route(post=COACH_TENANT, kwargs=_programme, fields=("assignments",)),
    "coaching:programme_export": Route(get=COACH_TENANT, kwargs=_programme),
    "coaching:programme_import": Route(get=COACH_ROLE, post=COACH_ROLE, files=("file",)),
    "coaching:assignment_status": Route(
        post=COACH_TENANT, kwargs=lambda w: {"pk": w.assignment.pk, "action": "pause"}
    ),
    # Coach review.
    "coaching:coach_dashboard": Route(get=COACH_ROLE),
    "coaching:coach_news": Route(get=COACH_ROLE),
    "coaching:coach_news_count": Route(get=COACH_ROLE),
    "coaching:coach_athlete": Route(get=COACH_TENANT, kwargs=_athlete),
    "coaching:coach_athlete_export": Route(get=COACH_TENANT, kwargs=_athlete),
    "coaching:coach_export": Route(get=COACH_ROLE),
    "coaching:coach_session": Route(get=COACH_TENANT, kwargs=_session),
    "coaching:coach_comment_add": Route(post=COACH_TENANT, kwargs=_session, fields=("body",)),
    "coaching:session_adjust": Route(
        get=COACH_TENANT, post=COACH_TENANT, kwargs=_session, fields=_session_adjust_fields
    ),
    "coaching:session_move": Route(post=COACH_TENANT, kwargs=_session, fields=("date",)),
    # Training.
    "coaching:train_home": Route(get=ATHLETE_ROLE),
    "coaching:adhoc_session_create": Route(
        get=ATHLETE_ROLE, post=ATHLETE_ROLE, fields=("date", "title", "kind"), owner="athlete"
    ),
    "coaching:session_detail": Route(get=SESSION_TENANT, kwargs=_session),
    "coaching:set_log": Route(
        post=SESSION_TENANT,
        kwargs=_session,
        data=lambda w: {"prescription": "0"},
        fields=SET_FIELDS,
        owner="athlete",
    ),
    "coaching:set_undo": Route(
        post=SESSION_TENANT,
        kwargs=lambda w: {"pk": w.session.pk, "set_pk": w.set_log.pk},
        owner="athlete",
    ),
    "coaching:exercise_pain": Route(
        post=SESSION_TENANT, kwargs=_session, fields=("prescription", "pain"), owner="athlete"
    ),
    "coaching:session_finish": Route(
        post=SESSION_TENANT,
        kwargs=_session,
        fields=("rpe", "duration_minutes", "notes"),
        owner="athlete",
    ),
    "coaching:comment_add": Route(
        post=SESSION_TENANT, kwargs=_session, fields=("body",), owner="athlete"
    ),
    "coaching:adhoc_exercise_search": Route(
        get=ATHLETE_TENANT, kwargs=lambda w: {"pk": w.adhoc.pk}
    ),
    "coaching:adhoc_exercise_add": Route(
        post=ATHLETE_TENANT,
        kwargs=lambda w: {"pk": w.adhoc.pk},
        fields=("exercise",),
        owner="athlete",
    ),
    "coaching:train_history": Route(get=ATHLETE_ROLE),
    "coaching:train_progress": Route(get=ATHLETE_ROLE),
    "coaching:athlete_export": Route(get=ATHLETE_ROLE),
    "coaching:calendar_feed_reset": Route(post=ATHLETE_ROLE, owner="athlete"),
    # A private address for calendar apps: the token is the key, whoever holds it.
    "coaching:calendar_feed": Route(get=PUBLIC, kwargs=lambda w: {"token": w.feed.token}),
}


@dataclass(frozen=True)
class Served:
    name: str
    pattern: str
    admin: bool = field(default=False)


def served_urls(patterns=None, namespace: str = "", prefix: str = "") -> list[Served]:
    """Every URL pattern the project serves, named namespace:name, through includes."""
    found = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = entry.namespace or ""
            full = ":".join(part for part in (namespace, inner) if part)
            found += served_urls(entry.url_patterns, full, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            name = ":".join(part for part in (namespace, entry.name or "") if part)
            found.append(
                Served(
                    name=name if entry.name else f"<unnamed {prefix}{entry.pattern}>",
                    pattern=prefix + str(entry.pattern),
                    admin=namespace.split(":")[0] == "admin",
                )
            )
    return found


def snapshot() -> str:
    """A digest of every row of our apps: equal digests, no data changed."""
    digest = hashlib.sha256()
    for label in ("athletes", "coaching", "library"):
        for model in apps.get_app_config(label).get_models():
            names = [f.attname for f in model._meta.concrete_fields if f.name != "last_login"]
            rows = model._default_manager.order_by("pk").values_list(*names)
            digest.update(repr((model._meta.label, list(rows))).encode())
    return digest.hexdigest()


def client_for(request, persona: str) -> Client:
    client = Client()
    user = request.getfixturevalue(persona)
    if user is not None:
        client.force_login(user)
    return client
