"""What marks cached training data as changed (coaching/freshness.py).

Saves and deletes of every model whose rows appear in a cached read replace the token of
the athlete they belong to. Writes that bypass signals (QuerySet.update, bulk_create) call
`freshness.touch` themselves, in coaching/services/; so does every place that ends a
coaching relationship, since access to an athlete's sessions depends on it."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from athletes.models import AthleteProfile, Coaching, Squad, User
from coaching import freshness
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
    if isinstance(instance, User):
        return instance.pk
    if isinstance(instance, AthleteProfile):
        return instance.user_id
    if type(instance) in _CHILDREN:
        name, parent_model = _CHILDREN[type(instance)]
        parent = type(instance)._meta.get_field(name).get_cached_value(instance, None)
        if parent is not None:
            return parent.athlete_id
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
    if sender is User and kwargs.get("update_fields") == frozenset({"last_login"}):
        return  # signing in changes nothing shown
    if sender is User:
        # A coach's name appears on the comments of their athletes' sessions.
        freshness.touch([instance.pk], shared=instance.is_coach)
        return
    freshness.touch([_athlete_id(instance)])


def _squad_members_changed(sender, instance, action, pk_set, **kwargs) -> None:
    if action in {"post_add", "post_remove", "post_clear"}:
        # From the squad's side pk_set holds the athletes; clear() leaves it empty.
        ids = (pk_set or []) if isinstance(instance, Squad) else [instance.pk]
        freshness.touch(ids, shared=not ids)


def connect() -> None:
    for model in (
        User,
        AthleteProfile,
        Coaching,
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
    m2m_changed.connect(
        _squad_members_changed, sender=Squad.members.through, dispatch_uid="freshness-squads"
    )
