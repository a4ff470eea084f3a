"""What marks cached training data as changed (caching/versions.py).

Saves and deletes of every training model replace the token of the athlete the row
belongs to; athletes/signals.py does the same for accounts, profiles, coaching links and
squads. Writes that bypass signals (QuerySet.update, bulk_create) call `changed`
themselves, in coaching/services/ and athletes/services.py."""

from django.db.models.signals import post_delete, post_save

from caching.versions import changed
from coaching.models import (
    Assignment,
    CalendarFeed,
    Comment,
    ExerciseFeedback,
    ScheduledPrescription,
    ScheduledSession,
    SessionLog,
    SetLog,
)

# Rows that belong to an athlete through their parent (a session log or a session).
_CHILDREN = {
    SetLog: ("log", SessionLog),
    ExerciseFeedback: ("log", SessionLog),
    Comment: ("log", SessionLog),
    ScheduledPrescription: ("session", ScheduledSession),
}


def _athlete_id(instance) -> int | None:
    """The athlete a row belongs to, with a query only when the row does not hold its
    parent already."""
    if type(instance) in _CHILDREN:
        name, parent_model = _CHILDREN[type(instance)]
        if getattr(type(instance), name).is_cached(instance):
            return getattr(instance, name).athlete_id
        return (
            parent_model.objects.filter(pk=getattr(instance, f"{name}_id"))
            .values_list("athlete_id", flat=True)
            .first()
        )
    return instance.athlete_id


def _cascaded(sender, kwargs) -> bool:
    """A child deleted because its parent (or the user) is: the parent's own signal
    touches the athlete, so the child need not look its parent up, row by row."""
    origin = kwargs.get("origin")
    model = getattr(origin, "model", type(origin))
    return "origin" in kwargs and sender in _CHILDREN and model is not sender


def _changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):  # loaddata
        return
    if _cascaded(sender, kwargs):
        return
    changed([_athlete_id(instance)])


def connect() -> None:
    for model in (
        Assignment,
        ScheduledSession,
        ScheduledPrescription,
        SessionLog,
        SetLog,
        ExerciseFeedback,
        Comment,
        CalendarFeed,
    ):
        post_save.connect(_changed, sender=model, dispatch_uid=f"freshness-{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"freshness-d-{model.__name__}")
