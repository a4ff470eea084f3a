"""What marks an athlete's cached data as changed (caching/versions.py): their account,
profile, coaches and squads, and a coach's squads and invitations for their roster page.
coaching/signals.py does the same for training data."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from athletes.models import AthleteProfile, Coaching, Invitation, Squad, User
from caching.versions import EVERYONE, changed, roster_owner


def _rosters_of(athlete_ids: list[int]) -> list[str]:
    """The roster owners (selectors.roster_owner) of these athletes' coaches: each coach's
    roster page shows their athletes' names, profiles and squads."""
    links = Coaching.objects.filter(athlete_id__in=athlete_ids, ended_at__isnull=True)
    return [roster_owner(pk) for pk in set(links.values_list("coach_id", flat=True))]


def _user_changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw") or kwargs.get("update_fields") == frozenset({"last_login"}):
        return  # loaddata, or signing in: nothing shown changes
    # A coach's name appears on what their athletes see (comments, feedback). A new
    # account is on no roster yet.
    rosters = [] if kwargs.get("created") else _rosters_of([instance.pk])
    changed([instance.pk, *rosters, EVERYONE if instance.is_coach else None])


def _profile_changed(sender, instance, **kwargs) -> None:
    if not kwargs.get("raw"):
        changed([instance.user_id, *_rosters_of([instance.user_id])])


def _coaching_changed(sender, instance, **kwargs) -> None:
    # Starting or ending a coaching link changes who may read the athlete's data.
    if not kwargs.get("raw"):
        changed([instance.athlete_id, roster_owner(instance.coach_id)])


def _squad_members_changed(sender, instance, action, pk_set, **kwargs) -> None:
    if action in {"post_add", "post_remove", "post_clear"}:
        # From the squad's side pk_set holds the athletes; clear() leaves it empty.
        if isinstance(instance, Squad):
            ids, rosters = list(pk_set or []), [roster_owner(instance.coach_id)]
        else:
            squad_coaches = Squad.objects.filter(pk__in=pk_set or []).values_list("coach_id")
            ids = [instance.pk]
            rosters = {*_rosters_of(ids), *(roster_owner(pk) for (pk,) in squad_coaches)}
        changed([*ids, *rosters, None if ids else EVERYONE])


def _roster_changed(sender, instance, **kwargs) -> None:
    # A squad or an invitation of the coach: their roster page lists both. Deleting a
    # squad removes its members without m2m_changed: this covers it.
    if not kwargs.get("raw"):
        changed([roster_owner(instance.coach_id)])


def connect() -> None:
    for model, receiver in (
        (User, _user_changed),
        (AthleteProfile, _profile_changed),
        (Coaching, _coaching_changed),
        (Squad, _roster_changed),
        (Invitation, _roster_changed),
    ):
        uid = f"freshness-{model.__name__}"
        post_save.connect(receiver, sender=model, dispatch_uid=uid)
        post_delete.connect(receiver, sender=model, dispatch_uid=f"{uid}-deleted")
    m2m_changed.connect(
        _squad_members_changed, sender=Squad.members.through, dispatch_uid="freshness-squads"
    )
