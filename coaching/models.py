from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from athletes.models import WEEKDAYS
from coaching import units
from library.models import Exercise, PrescriptionFields

LOWER_BODY_GROUPS = {"hamstrings", "glutes", "quadriceps", "calves", "adductors", "hip-flexors"}


class WorkoutKind(models.TextChoices):
    STRENGTH = "strength", _("Strength")
    ACTIVATION = "activation", _("Activation before a run")
    DRILLS = "drills", _("Running drills")
    PLYOMETRIC = "plyometric", _("Plyometrics")
    MOBILITY = "mobility", _("Mobility and stretching")


class LoadKind(models.TextChoices):
    NONE = "", _("No load")
    KG = "kg", _("Weight (kg)")
    PERCENT_1RM = "pct", _("% of one-rep max")
    BODYWEIGHT = "bw", _("Bodyweight")
    RPE = "rpe", _("RPE target")


class LoadFields(models.Model):
    """How heavy: a weight, a share of one-rep max, bodyweight, or an effort target."""

    load_kind = models.CharField(_("load"), max_length=3, choices=LoadKind, blank=True)
    load_value = models.DecimalField(
        _("load value"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1000)],
        help_text=_("Kilograms, percent of one-rep max, or RPE 1-10."),
    )

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        kind, value = self.load_kind, self.load_value
        if kind in {LoadKind.KG, LoadKind.PERCENT_1RM, LoadKind.RPE} and value is None:
            raise ValidationError({"load_value": _("Give a number for this kind of load.")})
        if kind == LoadKind.PERCENT_1RM and value is not None and not 0 < value <= 110:
            raise ValidationError({"load_value": _("A share of one-rep max is 1 to 110 %.")})
        if kind == LoadKind.RPE and value is not None and not 1 <= value <= 10:
            raise ValidationError({"load_value": _("RPE goes from 1 to 10.")})
        if kind in {LoadKind.NONE, LoadKind.BODYWEIGHT}:
            self.load_value = None

    @property
    def load_text(self) -> str:
        """The load as the coach wrote it, in kg."""
        return self.load_text_for(units.KG)

    def load_text_for(self, unit: str) -> str:
        """The load as an athlete who uses `unit` reads it: "26.5 lb" for 12 kg."""
        value = self.load_value
        if self.load_kind == LoadKind.KG:
            return units.format_prescribed(value, unit)
        if value is not None:
            value = units.format_number(value)
        if self.load_kind == LoadKind.PERCENT_1RM:
            return _("%(value)s%% 1RM") % {"value": value}
        if self.load_kind == LoadKind.RPE:
            return _("RPE %(value)s") % {"value": value}
        if self.load_kind == LoadKind.BODYWEIGHT:
            return str(_("bodyweight"))
        return ""


class ProgrammeQuerySet(models.QuerySet):
    def templates(self):
        return self.filter(owner__isnull=True, is_published=True)


class Programme(models.Model):
    """A coach's plan, or (with no owner) a template curated by staff for every coach."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="programmes",
        verbose_name=_("coach"),
        help_text=_("Leave empty for a template every coach can copy."),
    )
    title = models.CharField(_("title"), max_length=120)
    slug = models.SlugField(
        _("template key"), max_length=120, blank=True, help_text=_("Templates only.")
    )
    goal = models.CharField(_("goal"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    weeks = models.PositiveSmallIntegerField(
        _("length in weeks"), default=4, validators=[MinValueValidator(1), MaxValueValidator(52)]
    )
    is_published = models.BooleanField(
        _("published"), default=True, help_text=_("Templates only: offered to coaches.")
    )
    copied_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="copies"
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [
            models.UniqueConstraint(
                fields=["slug"],
                condition=Q(owner__isnull=True) & ~Q(slug=""),
                name="programme_template_slug_unique",
            ),
            models.CheckConstraint(
                condition=Q(weeks__gte=1) & Q(weeks__lte=52), name="programme_weeks_range"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("coaching:programme_detail", args=[self.pk])

    @property
    def is_template(self) -> bool:
        return self.owner_id is None


class Workout(models.Model):
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="workouts", verbose_name=_("programme")
    )
    week = models.PositiveSmallIntegerField(
        _("week"), validators=[MinValueValidator(1), MaxValueValidator(52)]
    )
    day = models.PositiveSmallIntegerField(_("day"), choices=WEEKDAYS)
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("title"), max_length=120)
    kind = models.CharField(
        _("kind"), max_length=12, choices=WorkoutKind, default=WorkoutKind.STRENGTH
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["week", "day", "position", "pk"]
        verbose_name = _("workout")
        verbose_name_plural = _("workouts")
        constraints = [
            models.CheckConstraint(condition=Q(day__lte=6), name="workout_day_is_weekday"),
            models.CheckConstraint(condition=Q(week__gte=1), name="workout_week_positive"),
        ]
        indexes = [models.Index(fields=["programme", "week", "day"])]

    def __str__(self) -> str:
        return f"{self.title} (week {self.week}, {self.get_day_display()})"


class PrescriptionBase(PrescriptionFields, LoadFields):
    exercise = models.ForeignKey(
        Exercise, on_delete=models.PROTECT, related_name="+", verbose_name=_("exercise")
    )
    position = models.PositiveSmallIntegerField(default=0)
    superset = models.CharField(
        _("superset"),
        max_length=1,
        blank=True,
        help_text=_("Exercises with the same letter are done back to back."),
    )
    notes = models.CharField(_("notes"), max_length=300, blank=True)

    class Meta(PrescriptionFields.Meta):
        abstract = True

    def clean(self) -> None:
        PrescriptionFields.clean(self)
        LoadFields.clean(self)
        self.superset = (self.superset or "").strip().upper()
        if self.superset and not self.superset.isalpha():
            raise ValidationError({"superset": _("Use a letter, e.g. A.")})
        if not any([self.sets, self.duration_seconds, self.distance_m, self.hold_seconds]):
            raise ValidationError(_("Give at least sets, a distance, a hold or a duration."))

    @property
    def target_with_load(self) -> str:
        return self.target_for(units.KG)

    def target_for(self, unit: str) -> str:
        """Sets, reps and load in `unit`, the athlete's: "3 × 6 reps @ 26.5 lb"."""
        load = self.load_text_for(unit)
        return f"{self.target_text} @ {load}" if load else self.target_text

    COPIED_FIELDS = (
        "exercise_id", "position", "superset", "notes", "sets", "reps_min", "reps_max",
        "per_side", "hold_seconds", "distance_m", "ground_contacts", "duration_seconds",
        "tempo", "rest_seconds", "load_kind", "load_value",
    )  # fmt: skip

    def copy_values(self) -> dict:
        return {name: getattr(self, name) for name in self.COPIED_FIELDS}


class Prescription(PrescriptionBase):
    """An exercise in a programme's workout, with its sets, load and tempo."""

    workout = models.ForeignKey(
        Workout, on_delete=models.CASCADE, related_name="prescriptions", verbose_name=_("workout")
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta(PrescriptionBase.Meta):
        ordering = ["position", "pk"]
        verbose_name = _("prescription")
        verbose_name_plural = _("prescriptions")

    def __str__(self) -> str:
        return f"{self.exercise} {self.target_text}"


class Assignment(models.Model):
    """A programme given to one athlete from a date. The athlete's schedule is a copy."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        PAUSED = "paused", _("Paused")
        ENDED = "ended", _("Ended")

    programme = models.ForeignKey(
        Programme,
        on_delete=models.SET_NULL,
        null=True,
        related_name="assignments",
        verbose_name=_("programme"),
    )
    title = models.CharField(_("title"), max_length=120)
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="assignments_given",
        verbose_name=_("coach"),
        help_text=_("Empty once the coach's account is gone; the athlete keeps the plan."),
    )
    athlete = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="assignments",
        verbose_name=_("athlete"),
    )
    starts_on = models.DateField(_("starts on"))
    status = models.CharField(
        _("status"), max_length=8, choices=Status, default=Status.ACTIVE, db_index=True
    )
    programme_version = models.PositiveIntegerField(
        default=1, help_text=_("The programme's version this athlete's sessions were made from.")
    )
    paused_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "pk"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        indexes = [models.Index(fields=["athlete", "status"])]

    def __str__(self) -> str:
        return f"{self.title} → {self.athlete}"


class ScheduledSession(models.Model):
    """One day of an athlete's schedule: their own copy of a workout, or an ad-hoc session."""

    assignment = models.ForeignKey(
        Assignment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sessions",
        verbose_name=_("assignment"),
    )
    athlete = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="scheduled_sessions",
        verbose_name=_("athlete"),
    )
    source_workout = models.ForeignKey(
        Workout, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    date = models.DateField(_("date"), db_index=True)
    week = models.PositiveSmallIntegerField(_("programme week"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=120)
    kind = models.CharField(
        _("kind"), max_length=12, choices=WorkoutKind, default=WorkoutKind.STRENGTH
    )
    notes = models.TextField(_("notes"), blank=True)
    adjusted_by_coach = models.BooleanField(
        default=False, help_text=_("Changed for this athlete alone: pushes leave it be.")
    )

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("scheduled session")
        verbose_name_plural = _("scheduled sessions")
        indexes = [models.Index(fields=["athlete", "date"])]

    def __str__(self) -> str:
        return f"{self.title} on {self.date}"

    @property
    def is_past(self) -> bool:
        return self.date < timezone.localdate()

    def status_on(self, today) -> str:
        """One word for where the session stands on the athlete's `today`: "done" once
        finished (whenever that was), "partial" with a log not yet finished, "missed"
        when its planned day has passed with neither, else "planned"."""
        log = self.log if self.has_log else None
        if log is not None:
            return "done" if log.completed_at else "partial"
        return "missed" if self.date < today else "planned"

    @property
    def has_log(self) -> bool:
        """Whether the session has been logged. Reads the log a query fetched with the
        session (select_related or prefetch_related) without asking the database again."""
        try:
            return self.log is not None
        except SessionLog.DoesNotExist:
            return False


class ScheduledPrescription(PrescriptionBase):
    session = models.ForeignKey(
        ScheduledSession,
        on_delete=models.CASCADE,
        related_name="prescriptions",
        verbose_name=_("session"),
    )

    class Meta(PrescriptionBase.Meta):
        ordering = ["position", "pk"]
        verbose_name = _("scheduled exercise")
        verbose_name_plural = _("scheduled exercises")

    def __str__(self) -> str:
        return f"{self.exercise} {self.target_text}"


class SessionLog(models.Model):
    """What an athlete did on a scheduled (or ad-hoc) session. One log per session."""

    session = models.OneToOneField(
        ScheduledSession, on_delete=models.CASCADE, related_name="log", verbose_name=_("session")
    )
    athlete = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="session_logs",
        verbose_name=_("athlete"),
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("logged by"),
    )
    # The athlete's local date the session was actually done: the scheduled session keeps
    # the planned date, and compliance, history and exports read this one.
    done_on = models.DateField(_("done on"))
    started_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    rpe = models.PositiveSmallIntegerField(
        _("session RPE"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (min)"), null=True, blank=True, validators=[MaxValueValidator(600)]
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-done_on", "-pk"]
        verbose_name = _("session log")
        verbose_name_plural = _("session logs")
        indexes = [models.Index(fields=["athlete", "done_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(rpe__isnull=True) | (Q(rpe__gte=1) & Q(rpe__lte=10)),
                name="session_log_rpe_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.athlete} {self.done_on}"


class SetLog(models.Model):
    """One set as done. Unique per exercise, set number and side, so a repeated submit
    or a second tab updates the same row instead of adding another."""

    class Side(models.TextChoices):
        BOTH = "", _("Both")
        LEFT = "L", _("Left")
        RIGHT = "R", _("Right")

    log = models.ForeignKey(
        SessionLog, on_delete=models.CASCADE, related_name="sets", verbose_name=_("session log")
    )
    prescription = models.ForeignKey(
        ScheduledPrescription,
        on_delete=models.CASCADE,
        related_name="set_logs",
        verbose_name=_("exercise"),
    )
    set_number = models.PositiveSmallIntegerField(
        _("set"), validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    side = models.CharField(_("side"), max_length=1, choices=Side, blank=True, default="")
    reps = models.PositiveSmallIntegerField(
        _("reps"), null=True, blank=True, validators=[MaxValueValidator(500)]
    )
    # Four decimals so that a load typed in pounds (to two decimals) reads back exactly.
    load_kg = models.DecimalField(
        _("load (kg)"),
        max_digits=9,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1000)],
    )
    distance_m = models.PositiveIntegerField(
        _("distance (m)"), null=True, blank=True, validators=[MaxValueValidator(10000)]
    )
    seconds = models.PositiveIntegerField(
        _("seconds"), null=True, blank=True, validators=[MaxValueValidator(3600)]
    )
    done = models.BooleanField(_("done"), default=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    logged_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["prescription__position", "set_number", "side"]
        verbose_name = _("set")
        verbose_name_plural = _("sets")
        constraints = [
            models.UniqueConstraint(
                fields=["log", "prescription", "set_number", "side"], name="set_log_once"
            ),
        ]

    def __str__(self) -> str:
        return f"Set {self.set_number}{self.side}"


class ExerciseFeedback(models.Model):
    """Per exercise of a logged session: pain from 0 (none) to 10."""

    log = models.ForeignKey(SessionLog, on_delete=models.CASCADE, related_name="feedback")
    prescription = models.ForeignKey(
        ScheduledPrescription, on_delete=models.CASCADE, related_name="feedback"
    )
    pain = models.PositiveSmallIntegerField(
        _("pain (0-10)"), validators=[MaxValueValidator(10)], default=0
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["log", "prescription"], name="feedback_once"),
            models.CheckConstraint(condition=Q(pain__lte=10), name="feedback_pain_range"),
        ]

    def __str__(self) -> str:
        return f"Pain {self.pain}"


class CalendarFeed(models.Model):
    """A private address for an athlete's calendar app. The token is the only key, so it
    is long and random, and resetting it cuts off every old subscription."""

    athlete = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return f"Calendar of {self.athlete}"

    def get_absolute_url(self) -> str:
        return reverse("coaching:calendar_feed", args=[self.token])


class Comment(models.Model):
    """Feedback on a logged session: a thread between the athlete and their coach."""

    log = models.ForeignKey(
        SessionLog, on_delete=models.CASCADE, related_name="comments", verbose_name=_("log")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    body = models.TextField(_("comment"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)
    seen_by_recipient = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [models.Index(fields=["log", "seen_by_recipient"])]

    def __str__(self) -> str:
        return self.body[:60]

    @property
    def by_athlete(self) -> bool:
        return self.author_id == self.log.athlete_id


class CoachNewsRead(models.Model):
    """Up to when a coach has read their "what's new" list."""

    coach = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="news_read"
    )
    read_until = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("news read marker")
        verbose_name_plural = _("news read markers")

    def __str__(self) -> str:
        return f"{self.coach} read news until {self.read_until}"
