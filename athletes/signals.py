"""What marks an athlete's cached data as changed (athletes/freshness.py): their account,
profile, coaches and squads. coaching/signals.py does the same for training data."""

from django.core.signals import request_finished, request_started
from django.db.models.signals import m2m_changed, post_delete, post_save

from athletes import freshness
from athletes.models import AthleteProfile, Coaching, Squad, User


def _user_changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw") or kwargs.get("update_fields") == frozenset({"last_login"}):
        return  # loaddata, or signing in: nothing shown changes
    # A coach's name appears on what their athletes see (comments, feedback).
    freshness.touch([instance.pk], shared=instance.is_coach)


def _profile_changed(sender, instance, **kwargs) -> None:
    if not kwargs.get("raw"):
        freshness.touch([instance.user_id])


def _coaching_changed(sender, instance, **kwargs) -> None:
    # Starting or ending a coaching link changes who may read the athlete's data.
    if not kwargs.get("raw"):
        freshness.touch([instance.athlete_id])


def _squad_members_changed(sender, instance, action, pk_set, **kwargs) -> None:
    if action in {"post_add", "post_remove", "post_clear"}:
        # From the squad's side pk_set holds the athletes; clear() leaves it empty.
        ids = (pk_set or []) if isinstance(instance, Squad) else [instance.pk]
        freshness.touch(ids, shared=not ids)


def connect() -> None:
    request_started.connect(freshness.remember_tokens_read, dispatch_uid="freshness-start")
    request_finished.connect(freshness.forget_tokens_read, dispatch_uid="freshness-end")
    for model, receiver in (
        (User, _user_changed),
        (AthleteProfile, _profile_changed),
        (Coaching, _coaching_changed),
    ):
        uid = f"freshness-{model.__name__}"
        post_save.connect(receiver, sender=model, dispatch_uid=uid)
        post_delete.connect(receiver, sender=model, dispatch_uid=f"{uid}-deleted")
    m2m_changed.connect(
        _squad_members_changed, sender=Squad.members.through, dispatch_uid="freshness-squads"
    )
