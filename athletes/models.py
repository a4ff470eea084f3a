import zoneinfo
from datetime import timedelta
from functools import lru_cache

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("A superuser must have is_staff and is_superuser set.")
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, email: str):
        return self.get(email__iexact=email)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with an email address: a coach, an athlete, or both."""

    email = models.EmailField(_("email address"), unique=True)
    name = models.CharField(_("name"), max_length=150)
    is_coach = models.BooleanField(
        _("coach"), default=False, help_text=_("Builds programmes and coaches athletes.")
    )
    is_athlete = models.BooleanField(
        _("athlete"), default=False, help_text=_("Follows programmes and logs sessions.")
    )
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Can sign in to the admin site and curate the library."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["name", "email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.name or self.email

    def clean(self) -> None:
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        return self.name.split(" ")[0] if self.name else self.email

    @property
    def role_names(self) -> list[str]:
        roles = []
        if self.is_coach:
            roles.append(_("Coach"))
        if self.is_athlete:
            roles.append(_("Athlete"))
        if self.is_staff:
            roles.append(_("Library curator"))
        return roles


WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


def validate_time_zone(value: str) -> None:
    if value not in available_time_zones():
        raise ValidationError(
            _("%(value)s is not a time zone we know. Pick one from the list, e.g. Europe/London."),
            params={"value": value},
            code="invalid_time_zone",
        )


@lru_cache(maxsize=1)
def available_time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


class AthleteProfile(models.Model):
    class GoalEvent(models.TextChoices):
        FIVE_K = "5k", _("5 km")
        TEN_K = "10k", _("10 km")
        HALF = "half", _("Half marathon")
        MARATHON = "marathon", _("Marathon")
        ULTRA = "ultra", _("Ultra")
        TRAIL = "trail", _("Trail or mountain race")
        NONE = "", _("No race planned")

    class Experience(models.TextChoices):
        BEGINNER = "beginner", _("New to running (under a year)")
        INTERMEDIATE = "intermediate", _("Regular runner (1-3 years)")
        ADVANCED = "advanced", _("Experienced (3+ years, races often)")
        ELITE = "elite", _("Competitive or elite")

    class Units(models.TextChoices):
        KG = "kg", _("Kilograms (kg)")
        LB = "lb", _("Pounds (lb)")

    user = models.OneToOneField(
        User, on_delete=models.CASCADE, related_name="athlete_profile", verbose_name=_("athlete")
    )
    goal_event = models.CharField(_("goal event"), max_length=10, choices=GoalEvent, blank=True)
    goal_date = models.DateField(_("goal date"), null=True, blank=True)
    experience = models.CharField(
        _("experience"), max_length=12, choices=Experience, default=Experience.INTERMEDIATE
    )
    # Kept in km with two decimals, so a volume typed in miles reads back as typed.
    weekly_km = models.DecimalField(
        _("weekly running (km)"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(400)],
        help_text=_("A typical week's running volume."),
    )
    pb_5k = models.DurationField(_("5 km best"), null=True, blank=True)
    pb_10k = models.DurationField(_("10 km best"), null=True, blank=True)
    pb_half = models.DurationField(_("half marathon best"), null=True, blank=True)
    pb_marathon = models.DurationField(_("marathon best"), null=True, blank=True)
    long_run_day = models.PositiveSmallIntegerField(
        _("long run day"), choices=WEEKDAYS, null=True, blank=True
    )
    hard_days = models.JSONField(
        _("hard session days"),
        default=list,
        blank=True,
        help_text=_("Days of intervals, tempo runs or races: strength work goes elsewhere."),
    )
    units = models.CharField(_("units"), max_length=2, choices=Units, default=Units.KG)
    injury_notes = models.TextField(
        _("injuries and niggles"),
        blank=True,
        help_text=_("Current or past injuries your coach should know about."),
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_time_zone]
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("athlete profile")
        verbose_name_plural = _("athlete profiles")
        constraints = [
            models.CheckConstraint(
                condition=Q(long_run_day__isnull=True) | Q(long_run_day__lte=6),
                name="athlete_profile_long_run_weekday",
            ),
        ]

    def __str__(self) -> str:
        return str(self.user)

    def clean(self) -> None:
        super().clean()
        days = self.hard_days or []
        if not isinstance(days, list) or any(
            not isinstance(d, int) or not 0 <= d <= 6 for d in days
        ):
            raise ValidationError({"hard_days": _("Choose days of the week.")})
        self.hard_days = sorted(set(days))

    @property
    def hard_day_names(self) -> list[str]:
        names = dict(WEEKDAYS)
        return [str(names[d]) for d in self.hard_days if d in names]

    @property
    def personal_bests(self) -> list[tuple[str, timedelta]]:
        return [
            (str(self._meta.get_field(name).verbose_name), value)
            for name in ("pb_5k", "pb_10k", "pb_half", "pb_marathon")
            if (value := getattr(self, name))
        ]


class CoachProfile(models.Model):
    user = models.OneToOneField(
        User, on_delete=models.CASCADE, related_name="coach_profile", verbose_name=_("coach")
    )
    club = models.CharField(_("club or team"), max_length=120, blank=True)
    bio = models.TextField(_("about you"), blank=True, help_text=_("Shown to your athletes."))

    class Meta:
        verbose_name = _("coach profile")
        verbose_name_plural = _("coach profiles")

    def __str__(self) -> str:
        return str(self.user)


class CoachingQuerySet(models.QuerySet):
    def active(self):
        return self.filter(ended_at__isnull=True)


class Coaching(models.Model):
    """Who coaches whom. Ending it keeps the history; nothing of the athlete's is deleted."""

    coach = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="coaching_athletes", verbose_name=_("coach")
    )
    athlete = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="coached_by", verbose_name=_("athlete")
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)

    objects = CoachingQuerySet.as_manager()

    class Meta:
        verbose_name = _("coaching relationship")
        verbose_name_plural = _("coaching relationships")
        constraints = [
            models.UniqueConstraint(
                fields=["coach", "athlete"],
                condition=Q(ended_at__isnull=True),
                name="coaching_one_active_per_pair",
            ),
        ]
        indexes = [models.Index(fields=["athlete", "ended_at"])]

    def __str__(self) -> str:
        return f"{self.coach} → {self.athlete}"


class Squad(models.Model):
    coach = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="squads", verbose_name=_("coach")
    )
    name = models.CharField(_("name"), max_length=80)
    members = models.ManyToManyField(
        User, related_name="squads_joined", blank=True, verbose_name=_("athletes")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("squad")
        verbose_name_plural = _("squads")
        constraints = [
            models.UniqueConstraint(
                Lower("name"), "coach", name="squad_name_unique_per_coach",
                violation_error_message=_("You already have a squad with this name."),
            ),
        ]  # fmt: skip

    def __str__(self) -> str:
        return self.name


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


class Invitation(models.Model):
    """A coach's invitation by email. Only a hash of the token is stored: the link in the
    email is the only copy, so a database leak does not let anyone accept it."""

    VALID_FOR = timedelta(days=14)

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        REVOKED = "revoked", _("Revoked")
        EXPIRED = "expired", _("Expired")

    coach = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="invitations_sent", verbose_name=_("coach")
    )
    email = models.EmailField(_("email address"))
    squad = models.ForeignKey(
        Squad,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name=_("squad"),
    )
    message = models.TextField(_("personal message"), blank=True, max_length=1000)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(_("last sent"), default=timezone.now)
    send_count = models.PositiveSmallIntegerField(default=1)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        indexes = [models.Index(fields=["coach", "accepted_at", "revoked_at"])]

    def __str__(self) -> str:
        return f"{self.coach} invites {self.email}"

    @property
    def state(self) -> str:
        if self.accepted_at:
            return self.State.ACCEPTED
        if self.revoked_at:
            return self.State.REVOKED
        if self.expires_at <= timezone.now():
            return self.State.EXPIRED
        return self.State.PENDING

    def get_state_display(self) -> str:
        return self.State(self.state).label

    @property
    def is_pending(self) -> bool:
        return self.state == self.State.PENDING
