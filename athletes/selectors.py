"""Who may see whom. Every view that reaches an athlete goes through these functions."""

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from athletes.models import AthleteProfile, Coaching, Invitation, Squad, User


def athletes_coached_by(coach: User) -> QuerySet[User]:
    if not coach.is_authenticated or not coach.is_coach:
        return User.objects.none()
    # A join rather than an Exists subquery: as exact, since a pair has at most one active
    # link (coaching_one_active_per_pair), and a third cheaper for the ORM to build.
    return User.objects.filter(coached_by__coach=coach, coached_by__ended_at__isnull=True)


def roster_ids(coach: User) -> list[int]:
    """The pks of athletes_coached_by(coach), from the coaching links alone: the query that
    keys the roster page's cache, run on every request."""
    if not coach.is_authenticated or not coach.is_coach:
        return []
    links = Coaching.objects.filter(coach_id=coach.pk, ended_at__isnull=True)
    return sorted(links.values_list("athlete_id", flat=True))


def is_self_coached(user: User) -> bool:
    """Plans their own training: an active coaching link from the user to themself."""
    return (
        user.is_authenticated
        and user.is_coach
        and Coaching.objects.active().filter(coach=user, athlete=user).exists()
    )


def others_coached_by(coach: User) -> QuerySet[User]:
    """The coach's athletes other than the coach themself."""
    return athletes_coached_by(coach).exclude(pk=coach.pk)


def coaches_of(athlete: User) -> QuerySet[User]:
    return User.objects.filter(
        Exists(Coaching.objects.active().filter(athlete=athlete, coach=OuterRef("pk")))
    )


def roster_for(coach: User, *, query: str = "", squad: Squad | None = None) -> QuerySet[User]:
    athletes = athletes_coached_by(coach)
    if query:
        athletes = athletes.filter(Q(name__icontains=query) | Q(email__icontains=query))
    if squad is not None:
        athletes = athletes.filter(squads_joined=squad)
    return (
        athletes.select_related("athlete_profile")
        .prefetch_related(
            Prefetch(
                "squads_joined", queryset=Squad.objects.filter(coach=coach), to_attr="roster_squads"
            )
        )
        .order_by("name", "email")
    )


def athlete_for_coach(coach: User, athlete_pk: int) -> User:
    """One athlete of this coach's roster, or 404: another coach's athlete does not exist."""
    return get_object_or_404(
        athletes_coached_by(coach)
        .select_related("athlete_profile")
        .prefetch_related(
            Prefetch(
                "squads_joined", queryset=Squad.objects.filter(coach=coach), to_attr="roster_squads"
            )
        ),
        pk=athlete_pk,
    )


def squads_of(coach: User) -> QuerySet[Squad]:
    if not coach.is_authenticated or not coach.is_coach:
        return Squad.objects.none()
    return Squad.objects.filter(coach=coach)


def invitations_of(coach: User) -> QuerySet[Invitation]:
    if not coach.is_authenticated or not coach.is_coach:
        return Invitation.objects.none()
    return Invitation.objects.filter(coach=coach).select_related("squad")


def profile_of(user: User) -> AthleteProfile | None:
    try:
        return user.athlete_profile
    except AthleteProfile.DoesNotExist:
        return None
