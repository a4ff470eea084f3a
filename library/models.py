from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from library.tempo import Tempo, describe_tempo, normalise_tempo, validate_tempo


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)


class Source(models.Model):
    """An article the library's content was drawn from."""

    key = models.SlugField(_("key"), max_length=20, unique=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        ordering = ["key"]
        verbose_name = _("source article")
        verbose_name_plural = _("source articles")

    def __str__(self) -> str:
        return self.title


class MuscleGroup(models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("muscle group")
        verbose_name_plural = _("muscle groups")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("library:muscle_group_detail", args=[self.slug])


class Muscle(models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=80, unique=True)
    group = models.ForeignKey(
        MuscleGroup, on_delete=models.PROTECT, related_name="muscles", verbose_name=_("group")
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("muscle")
        verbose_name_plural = _("muscles")

    def __str__(self) -> str:
        return self.name


class Equipment(models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=80, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("equipment")
        verbose_name_plural = _("equipment")

    def __str__(self) -> str:
        return self.name


class PrescriptionFields(models.Model):
    """What to do: sets of reps, holds, distances or contacts, with tempo and rest.
    The library's default prescription and a coach's programme share these fields."""

    sets = models.PositiveSmallIntegerField(
        _("sets"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    reps_min = models.PositiveSmallIntegerField(
        _("reps (from)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    reps_max = models.PositiveSmallIntegerField(
        _("reps (to)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Same as 'from' for a fixed number; higher for a range such as 8-12."),
    )
    per_side = models.BooleanField(
        _("per side"), default=False, help_text=_("Reps, holds or distance are for each leg.")
    )
    hold_seconds = models.PositiveSmallIntegerField(
        _("hold (s)"), null=True, blank=True, validators=[MaxValueValidator(600)]
    )
    distance_m = models.PositiveSmallIntegerField(
        _("distance (m)"), null=True, blank=True, validators=[MaxValueValidator(2000)]
    )
    ground_contacts = models.PositiveSmallIntegerField(
        _("ground contacts"), null=True, blank=True, validators=[MaxValueValidator(500)]
    )
    duration_seconds = models.PositiveSmallIntegerField(
        _("duration (s)"), null=True, blank=True, validators=[MaxValueValidator(3600)]
    )
    tempo = models.CharField(
        _("tempo"),
        max_length=11,
        blank=True,
        validators=[validate_tempo],
        help_text=_("Lowering-pause-lifting-pause in seconds, e.g. 3-0-1-0; X is explosive."),
    )
    rest_seconds = models.PositiveSmallIntegerField(
        _("rest (s)"), null=True, blank=True, validators=[MaxValueValidator(900)]
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(reps_min__isnull=True)
                | Q(reps_max__isnull=True)
                | Q(reps_min__lte=F("reps_max")),
                name="%(app_label)s_%(class)s_reps_range",
                violation_error_message=_("The lowest reps cannot be above the highest."),
            ),
            models.CheckConstraint(
                condition=Q(sets__isnull=True) | Q(sets__gte=1),
                name="%(app_label)s_%(class)s_sets_positive",
                violation_error_message=_("Sets must be at least 1."),
            ),
        ]

    def clean(self) -> None:
        super().clean()
        if self.tempo:
            self.tempo = normalise_tempo(self.tempo)
        if self.reps_min and not self.reps_max:
            self.reps_max = self.reps_min
        if self.reps_max and not self.reps_min:
            self.reps_min = self.reps_max
        if self.reps_min and self.reps_max and self.reps_min > self.reps_max:
            raise ValidationError(
                {"reps_max": _("The highest reps must be at least the lowest reps.")}
            )

    @property
    def tempo_in_words(self) -> str:
        return describe_tempo(self.tempo)

    @property
    def parsed_tempo(self) -> Tempo | None:
        try:
            return Tempo.parse(self.tempo) if self.tempo else None
        except ValidationError:
            return None

    @property
    def reps_text(self) -> str:
        if not self.reps_min:
            return ""
        if self.reps_max and self.reps_max != self.reps_min:
            return f"{self.reps_min}–{self.reps_max}"
        return str(self.reps_min)

    @property
    def target_text(self) -> str:
        """The prescription in words, e.g. "3 × 8–10 reps per side · 90 s rest"."""
        side = " " + str(_("per side")) if self.per_side else ""
        work = []
        if self.reps_text:
            work.append(
                ngettext("%(reps)s rep", "%(reps)s reps", self.reps_max or 0)
                % {"reps": self.reps_text}
            )
        if self.hold_seconds:
            work.append(_("hold %(s)s s") % {"s": self.hold_seconds})
        if self.distance_m:
            work.append(_("%(m)s m") % {"m": self.distance_m})
        if self.ground_contacts:
            work.append(_("%(n)s contacts") % {"n": self.ground_contacts})
        if self.duration_seconds:
            work.append(_duration(self.duration_seconds))
        text = " + ".join(str(w) for w in work) + side if work else ""
        if self.sets:
            label = ngettext("%(n)s set", "%(n)s sets", self.sets) % {"n": self.sets}
            text = f"{self.sets} × {text}" if text else label
        if self.rest_seconds:
            text += " · " + str(_("%(s)s rest") % {"s": _duration(self.rest_seconds)})
        return text.strip()


def _duration(seconds: int) -> str:
    if seconds >= 60 and seconds % 60 == 0:
        return _("%(m)s min") % {"m": seconds // 60}
    if seconds > 60:
        return _("%(m)s min %(s)s s") % {"m": seconds // 60, "s": seconds % 60}
    return _("%(s)s s") % {"s": seconds}


class CuratedContent(models.Model):
    """Content that `load_library` seeds and curators may take over in the admin."""

    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.DRAFT, db_index=True
    )
    is_curated = models.BooleanField(
        _("edited by a curator"),
        default=False,
        help_text=_(
            "Set when someone saves this in the admin: the library loader then never "
            "overwrites it. Untick to accept the loader's version again."
        ),
    )
    seed_checksum = models.CharField(max_length=64, blank=True, editable=False)
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


class Exercise(PrescriptionFields, CuratedContent):
    class Kind(models.TextChoices):
        STRENGTH = "strength", _("Strength")
        PLYOMETRIC = "plyometric", _("Plyometric drill")
        RUNNING_DRILL = "running_drill", _("Running drill")
        MOBILITY = "mobility", _("Mobility or stretch")
        ACTIVATION = "activation", _("Activation")

    class Emphasis(models.TextChoices):
        ECCENTRIC = "eccentric", _("Eccentric (slow lowering)")
        CONCENTRIC = "concentric", _("Concentric (lifting)")
        ISOMETRIC = "isometric", _("Isometric (holding)")
        MIXED = "mixed", _("Mixed")

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, db_index=True)
    summary = models.TextField(_("summary"))
    steps = models.TextField(_("steps"), blank=True, help_text=_("One step per line, in order."))
    cues = models.TextField(
        _("coaching cues"),
        blank=True,
        help_text=_("One cue per line; the first is the key cue shown between sets."),
    )
    safety = models.TextField(_("safety notes"), blank=True, help_text=_("One note per line."))
    primary_muscles = models.ManyToManyField(
        Muscle, related_name="primary_for", verbose_name=_("primary muscles")
    )
    secondary_muscles = models.ManyToManyField(
        Muscle, related_name="secondary_for", blank=True, verbose_name=_("secondary muscles")
    )
    equipment = models.ManyToManyField(
        Equipment, related_name="exercises", blank=True, verbose_name=_("equipment")
    )
    is_unilateral = models.BooleanField(
        _("one side at a time"), default=False, help_text=_("Worked one leg or arm at a time.")
    )
    emphasis = models.CharField(
        _("contraction emphasis"), max_length=12, choices=Emphasis, default=Emphasis.MIXED
    )
    prescription_note = models.TextField(_("prescription note"), blank=True)
    prescription_from_source = models.BooleanField(
        _("prescription from a source article"),
        default=False,
        help_text=_("The default sets, reps, distance or tempo are the figures an article gives."),
    )

    class Meta(PrescriptionFields.Meta):
        ordering = ["name"]
        verbose_name = _("exercise")
        verbose_name_plural = _("exercises")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("library:exercise_detail", args=[self.slug])

    @cached_property
    def step_list(self) -> list[str]:
        return _lines(self.steps)

    @cached_property
    def cue_list(self) -> list[str]:
        return _lines(self.cues)

    @cached_property
    def safety_list(self) -> list[str]:
        return _lines(self.safety)

    @property
    def key_cue(self) -> str:
        return self.cue_list[0] if self.cue_list else ""


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class ExerciseVariation(models.Model):
    """A directed link: `variant` is harder, easier or an alternative to `exercise`."""

    class Relation(models.TextChoices):
        PROGRESSION = "progression", _("Progression (harder)")
        REGRESSION = "regression", _("Regression (easier)")
        ALTERNATIVE = "alternative", _("Alternative")

    INVERSE = {
        Relation.PROGRESSION: Relation.REGRESSION,
        Relation.REGRESSION: Relation.PROGRESSION,
        Relation.ALTERNATIVE: Relation.ALTERNATIVE,
    }

    exercise = models.ForeignKey(
        Exercise, on_delete=models.CASCADE, related_name="variations", verbose_name=_("exercise")
    )
    variant = models.ForeignKey(
        Exercise, on_delete=models.CASCADE, related_name="variation_of", verbose_name=_("variant")
    )
    relation = models.CharField(_("relation"), max_length=12, choices=Relation)

    class Meta:
        verbose_name = _("variation")
        verbose_name_plural = _("variations")
        constraints = [
            models.UniqueConstraint(fields=["exercise", "variant"], name="variation_unique_pair"),
            models.CheckConstraint(
                condition=~Q(exercise=F("variant")),
                name="variation_not_itself",
                violation_error_message=_("An exercise cannot be a variation of itself."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.exercise} → {self.variant} ({self.get_relation_display()})"


class TechniqueGuide(CuratedContent):
    title = models.CharField(_("title"), max_length=160, unique=True)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    summary = models.TextField(_("summary"))
    body = models.TextField(_("body"), help_text=_("Markdown. HTML is cleaned when shown."))
    exercises = models.ManyToManyField(
        Exercise, related_name="guides", blank=True, verbose_name=_("related exercises")
    )
    muscle_groups = models.ManyToManyField(
        MuscleGroup, related_name="guides", blank=True, verbose_name=_("muscle groups")
    )

    class Meta:
        ordering = ["title"]
        verbose_name = _("technique guide")
        verbose_name_plural = _("technique guides")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("library:guide_detail", args=[self.slug])


class KeyFigure(models.Model):
    """A number worth knowing, with where it comes from: a cited study or the article."""

    guide = models.ForeignKey(
        TechniqueGuide, on_delete=models.CASCADE, related_name="figures", verbose_name=_("guide")
    )
    statement = models.TextField(_("statement"))
    study = models.CharField(
        _("study"),
        max_length=300,
        blank=True,
        help_text=_("The study as the source article cites it; blank if the article's own."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["guide", "position", "pk"]
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")

    def __str__(self) -> str:
        return self.statement[:80]

    @property
    def is_from_study(self) -> bool:
        return bool(self.study)
