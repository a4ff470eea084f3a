import hashlib
import hmac
import secrets
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from athletes.mail import mail_send
from athletes.models import AthleteProfile, Coaching, CoachProfile, Invitation, Squad, User
from athletes.selectors import is_self_coached

# Builds the absolute accept URL for a raw token; views pass request.build_absolute_uri.
AcceptUrl = Callable[[str], str]


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _new_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(32)
    return token, _token_hash(token)


def athlete_profile_ensure(*, user: User) -> AthleteProfile:
    profile, _created = AthleteProfile.objects.get_or_create(user=user)
    return profile


def athlete_profile_set_time_zone(*, user: User, time_zone: str) -> AthleteProfile:
    profile = athlete_profile_ensure(user=user)
    if time_zone and profile.time_zone != time_zone:
        profile.time_zone = time_zone
        profile.full_clean(validate_unique=False, validate_constraints=False)
        profile.save(update_fields=["time_zone", "updated_at"])
    return profile


def coach_profile_ensure(*, user: User) -> CoachProfile:
    profile, _created = CoachProfile.objects.get_or_create(user=user)
    return profile


def _send_invitation(*, invitation: Invitation, token: str, accept_url: AcceptUrl) -> None:
    context = {"invitation": invitation, "coach": invitation.coach, "url": accept_url(token)}
    mail_send(
        subject=render_to_string("athletes/email/invitation_subject.txt", context).strip(),
        body=render_to_string("athletes/email/invitation_body.txt", context),
        to=[invitation.email],
    )


@transaction.atomic
def invitation_create(
    *,
    coach: User,
    email: str,
    accept_url: AcceptUrl,
    squad: Squad | None = None,
    message: str = "",
) -> Invitation:
    email = User.objects.normalize_email(email).strip().lower()
    if email == coach.email.lower():
        raise ValidationError({"email": _self_invite_message(coach)})
    if Coaching.objects.active().filter(coach=coach, athlete__email__iexact=email).exists():
        raise ValidationError(
            {"email": _("%(email)s is already on your roster.") % {"email": email}}
        )
    if squad is not None and squad.coach_id != coach.pk:
        raise ValidationError({"squad": _("Choose one of your own squads.")})
    pending = Invitation.objects.pending().filter(coach=coach, email__iexact=email).first()
    if pending is not None:
        # Inviting the same person twice refreshes the invitation instead of piling up links.
        pending.squad = squad or pending.squad
        pending.message = message or pending.message
        pending.save(update_fields=["squad", "message"])
        return invitation_resend(invitation=pending, accept_url=accept_url)
    token, token_hash = _new_token()
    now = timezone.now()
    invitation = Invitation.objects.create(
        coach=coach,
        email=email,
        squad=squad,
        message=message,
        token_hash=token_hash,
        sent_at=now,
        expires_at=now + Invitation.VALID_FOR,
    )
    _send_invitation(invitation=invitation, token=token, accept_url=accept_url)
    return invitation


@transaction.atomic
def invitation_resend(*, invitation: Invitation, accept_url: AcceptUrl) -> Invitation:
    """Send a fresh link: the old one stops working and the 14 days start again."""
    if invitation.accepted_at:
        raise ValidationError(_("This invitation has already been accepted."))
    token, token_hash = _new_token()
    now = timezone.now()
    invitation.token_hash = token_hash
    invitation.sent_at = now
    invitation.expires_at = now + Invitation.VALID_FOR
    invitation.revoked_at = None
    invitation.send_count += 1
    invitation.save(
        update_fields=["token_hash", "sent_at", "expires_at", "revoked_at", "send_count"]
    )
    _send_invitation(invitation=invitation, token=token, accept_url=accept_url)
    return invitation


def invitation_revoke(*, invitation: Invitation) -> Invitation:
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
    return invitation


def invitation_find(*, token: str) -> Invitation | None:
    """The invitation a link's token opens, whatever its state; None for a made-up token."""
    if not token or len(token) > 100:
        return None
    wanted = _token_hash(token)
    invitation = Invitation.objects.select_related("coach", "squad").filter(token_hash=wanted)
    invitation = invitation.first()
    if invitation is None or not hmac.compare_digest(invitation.token_hash, wanted):
        return None
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Coaching:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_pending:
        raise ValidationError(_("This invitation can no longer be accepted."))
    if user.pk == invitation.coach_id:
        raise ValidationError(_("You cannot accept your own invitation."))
    if not user.is_athlete:
        user.is_athlete = True
        user.save(update_fields=["is_athlete"])
    athlete_profile_ensure(user=user)
    coaching = roster_add(coach=invitation.coach, athlete=user)
    if invitation.squad_id:
        invitation.squad.members.add(user)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return coaching


def _self_invite_message(coach: User) -> str:
    if is_self_coached(coach):
        return _("This is your own address: you already plan your own training.")
    return _(
        "This is your own address. To plan your own training, tick \u201cI plan my own "
        "strength work\u201d in your profile."
    )


@transaction.atomic
def self_coaching_start(*, user: User) -> Coaching:
    """Make the user their own coach: a coach and an athlete with an active coaching link
    to themself, so that assigning, training, the dashboard and review all work for them
    through the same scoped selectors as for anyone else. The link opens nothing to
    anybody else: both of its ends are the same person."""
    changed = [name for name in ("is_coach", "is_athlete") if not getattr(user, name)]
    for name in changed:
        setattr(user, name, True)
    if changed:
        user.save(update_fields=changed)
    athlete_profile_ensure(user=user)
    coach_profile_ensure(user=user)
    return roster_add(coach=user, athlete=user)


def self_coaching_stop(*, user: User) -> None:
    """Stop planning one's own training. Roles, schedules and logs stay as they are."""
    roster_remove(coach=user, athlete=user)


def roster_add(*, coach: User, athlete: User) -> Coaching:
    existing = Coaching.objects.active().filter(coach=coach, athlete=athlete).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            return Coaching.objects.create(coach=coach, athlete=athlete)
    except IntegrityError:
        # Two accepts at once: the other one made the link.
        return Coaching.objects.active().get(coach=coach, athlete=athlete)


@transaction.atomic
def roster_remove(*, coach: User, athlete: User) -> None:
    """End the coaching link. The athlete keeps their account, profile and history."""
    # Saved row by row (one at most) so that post_save tells the caches that access ended.
    for link in Coaching.objects.active().filter(coach=coach, athlete=athlete):
        link.ended_at = timezone.now()
        link.save(update_fields=["ended_at"])
    for squad in Squad.objects.filter(coach=coach, members=athlete):
        squad.members.remove(athlete)


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete a person's account and what is theirs alone. An athlete's profile, schedules,
    logs and calendar feed go with it. A coach's athletes are released, not deleted: the
    coaching links, squads, invitations and programmes go, while each athlete keeps their
    account and their own copy of every plan (an assignment's coach becomes empty)."""
    user.delete()


def squad_create(*, coach: User, name: str) -> Squad:
    squad = Squad(coach=coach, name=name.strip())
    squad.full_clean()
    squad.save()
    return squad


def squad_rename(*, squad: Squad, name: str) -> Squad:
    squad.name = name.strip()
    squad.full_clean()
    squad.save(update_fields=["name"])
    return squad


def squad_add_athlete(*, squad: Squad, athlete: User) -> None:
    if not Coaching.objects.active().filter(coach=squad.coach, athlete=athlete).exists():
        raise ValidationError(_("Only athletes on your roster can join your squads."))
    squad.members.add(athlete)


def squad_remove_athlete(*, squad: Squad, athlete: User) -> None:
    squad.members.remove(athlete)


def squad_delete(*, squad: Squad) -> None:
    """Deleting a squad only dissolves the group; its athletes stay on the roster."""
    squad.delete()
