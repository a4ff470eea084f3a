from collections.abc import Callable, Iterable
from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from athletes.models import WEEKDAYS, Squad, User
from coaching.models import (
    Assignment,
    Prescription,
    Programme,
    ScheduledPrescription,
    ScheduledSession,
    SessionLog,
    Workout,
)


class ProgrammeForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        # The builder shows this beside the workout form: ids must not collide.
        kwargs.setdefault("auto_id", "id_programme_%s")
        super().__init__(*args, **kwargs)

    class Meta:
        model = Programme
        fields = ["title", "goal", "weeks", "description"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "weeks": forms.NumberInput(attrs={"min": 1, "max": 52, "inputmode": "numeric"}),
        }


def _week_field(label: str, weeks: int) -> forms.IntegerField:
    """A week of the programme: the browser's number field keeps to its range (the
    widget's min and max come from the field), and the form refuses any other."""
    field = forms.IntegerField(label=label, min_value=1, max_value=weeks)
    field.widget.attrs["inputmode"] = "numeric"
    return field


class WorkoutForm(forms.ModelForm):
    class Meta:
        model = Workout
        fields = ["week", "day", "title", "kind", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, weeks: int, **kwargs):
        kwargs.setdefault("auto_id", "id_workout_%s")
        super().__init__(*args, **kwargs)
        self.fields["week"] = _week_field(_("Week"), weeks)


class WorkoutCopyForm(forms.Form):
    day = forms.TypedChoiceField(label=_("Day"), coerce=int, choices=WEEKDAYS)

    def __init__(self, *args, weeks: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["week"] = _week_field(_("Copy to week"), weeks)
        self.order_fields(["week", "day"])


class WeekCopyForm(forms.Form):
    def __init__(self, *args, weeks: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["from_week"] = _week_field(_("Copy week"), weeks)
        self.fields["to_week"] = _week_field(_("into week"), weeks)


class PrescriptionForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Prescription
        fields = [
            "sets",
            "reps_min",
            "reps_max",
            "per_side",
            "load_kind",
            "load_value",
            "tempo",
            "hold_seconds",
            "distance_m",
            "ground_contacts",
            "duration_seconds",
            "rest_seconds",
            "superset",
            "notes",
        ]
        widgets = {
            name: forms.NumberInput(attrs={"inputmode": "numeric", "min": 0})
            for name in (
                "sets",
                "reps_min",
                "reps_max",
                "hold_seconds",
                "distance_m",
                "ground_contacts",
                "duration_seconds",
                "rest_seconds",
            )
        } | {
            "load_value": forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.5"}),
            "tempo": forms.TextInput(attrs={"placeholder": "3-0-1-0", "autocapitalize": "off"}),
            "superset": forms.TextInput(attrs={"maxlength": 1, "size": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version
        # Field ids must be unique when many forms share the builder page.
        self.auto_id = f"id_p{self.instance.pk}_%s" if self.instance.pk else "id_%s"

    def edit_values(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}


class AssignForm(forms.Form):
    athletes = forms.TypedMultipleChoiceField(
        label=_("Athletes"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    squads = forms.TypedMultipleChoiceField(
        label=_("Squads"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    starts_on = forms.DateField(
        label=_("Start date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Week 1 is the seven days from this date."),
    )

    def __init__(
        self,
        *args,
        athletes: list[User],
        squads: Callable[[], Iterable[Squad]],
        you: User | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        # A self-coached runner is on their own roster (athletes.services.self_coaching_start).
        you_pk = you.pk if you is not None else None
        self.fields["athletes"].choices = [
            (a.pk, _("%(name)s (you)") % {"name": a} if a.pk == you_pk else str(a))
            for a in athletes
        ]
        if not self.is_bound and you_pk is not None and [a.pk for a in athletes] == [you_pk]:
            self.initial.setdefault("athletes", [you_pk])
        # Asked for when the squads are shown or a chosen one is checked: a preview for
        # athletes alone neither queries them nor builds the query.
        self.fields["squads"].choices = lambda: [(s.pk, s.name) for s in squads()]
        if not self.is_bound:
            today = timezone.localdate()
            self.initial.setdefault("starts_on", today + timedelta(days=(7 - today.weekday()) % 7))

    def clean_starts_on(self):
        starts_on = self.cleaned_data["starts_on"]
        if starts_on < timezone.localdate() - timedelta(days=28):
            raise forms.ValidationError(_("Choose a start date no more than four weeks ago."))
        if starts_on > timezone.localdate() + timedelta(days=366):
            raise forms.ValidationError(_("Choose a start date within the next year."))
        return starts_on

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("athletes") and not cleaned.get("squads"):
            raise forms.ValidationError(_("Choose at least one athlete or squad."))
        return cleaned


class PushForm(forms.Form):
    assignments = forms.TypedMultipleChoiceField(
        label=_("Athletes to update"), coerce=int, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, assignments: list[Assignment], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignments"].choices = [
            (a.pk, f"{a.athlete} · {a.get_status_display()}") for a in assignments
        ]


class SessionAdjustForm(forms.ModelForm):
    class Meta:
        model = ScheduledSession
        fields = ["date", "title", "notes"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    def clean_date(self):
        value = self.cleaned_data["date"]
        if value < timezone.localdate():
            raise forms.ValidationError(_("Move a session to today or later."))
        return value


class SessionMoveForm(forms.Form):
    date = forms.DateField(
        label=_("Move to"),
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Choose a day to move the session to."),
            "invalid": _("Choose a day to move the session to."),
        },
    )


class ScheduledPrescriptionForm(forms.ModelForm):
    class Meta:
        model = ScheduledPrescription
        fields = [
            "sets",
            "reps_min",
            "reps_max",
            "per_side",
            "load_kind",
            "load_value",
            "tempo",
            "hold_seconds",
            "distance_m",
            "rest_seconds",
            "notes",
        ]
        widgets = PrescriptionForm.Meta.widgets


class SetLogForm(forms.Form):
    """One set as done. Load is typed in the athlete's own units."""

    prescription = forms.IntegerField(widget=forms.HiddenInput)
    set_number = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=50)
    side = forms.ChoiceField(
        widget=forms.HiddenInput, required=False, choices=[("", ""), ("L", "L"), ("R", "R")]
    )
    reps = forms.IntegerField(
        label=_("Reps"),
        required=False,
        min_value=0,
        max_value=500,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    load = forms.DecimalField(
        label=_("Load"),
        required=False,
        min_value=0,
        max_value=2000,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.5"}),
    )
    distance_m = forms.IntegerField(
        label=_("Metres"),
        required=False,
        min_value=0,
        max_value=10000,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    seconds = forms.IntegerField(
        label=_("Seconds"),
        required=False,
        min_value=0,
        max_value=3600,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=300)

    def __init__(self, *args, units: str = "kg", **kwargs):
        super().__init__(*args, **kwargs)
        self.units = units
        self.fields["load"].label = _("Load (%(units)s)") % {"units": units}


class PainForm(forms.Form):
    prescription = forms.IntegerField(widget=forms.HiddenInput)
    pain = forms.TypedChoiceField(
        label=_("Pain"),
        coerce=int,
        choices=[(n, str(n)) for n in range(11)],
        help_text=_("0 is none, 10 the worst you can imagine."),
    )


class FinishForm(forms.ModelForm):
    class Meta:
        model = SessionLog
        fields = ["rpe", "duration_minutes", "notes", "done_on"]
        labels = {
            "rpe": _("How hard was the session? (RPE 1-10)"),
            "done_on": _("Done on"),
        }
        help_texts = {"done_on": _("Change it if you are logging a session done on another day.")}
        widgets = {
            "done_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "rpe": forms.Select(choices=[("", "—")] + [(n, str(n)) for n in range(1, 11)]),
            "duration_minutes": forms.NumberInput(attrs={"inputmode": "numeric", "min": 1}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rpe"].required = True
        # Empty means today, where the athlete is: the service fills it in.
        self.fields["done_on"].required = False


class AdhocSessionForm(forms.ModelForm):
    class Meta:
        model = ScheduledSession
        fields = ["date", "title", "kind"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        labels = {"title": _("What did you do?")}

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        if not self.is_bound:
            self.initial.setdefault("date", today)
        # The date picker offers no day after the athlete's today; clean_date says why.
        self.fields["date"].widget.attrs["max"] = today.isoformat()

    def clean_date(self):
        value = self.cleaned_data["date"]
        # `today` is the athlete's own (their time zone's) date, so no day of slack.
        if value > self.today:
            raise forms.ValidationError(
                _("%(date)s is in the future. Log sessions for today or the past.")
                % {"date": date_format(value, "j F Y")}
            )
        if value < self.today - timedelta(days=365):
            raise forms.ValidationError(_("Choose a date within the last year."))
        return value


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Comment"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2, "placeholder": _("How did it go?")}),
    )


class ExportForm(forms.Form):
    athlete = forms.TypedChoiceField(label=_("Athlete"), coerce=int, required=False)
    squad = forms.TypedChoiceField(label=_("Squad"), coerce=int, required=False)
    date_from = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label=_("To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, athletes: list[User], squads: list[Squad], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["athlete"].choices = [("", _("All athletes"))] + [
            (a.pk, str(a)) for a in athletes
        ]
        self.fields["squad"].choices = [("", _("All squads"))] + [(s.pk, s.name) for s in squads]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(_("The start date is after the end date."))
        return cleaned


class ProgrammeImportForm(forms.Form):
    MAX_BYTES = 1024 * 1024
    file = forms.FileField(
        label=_("Programme file (.json)"),
        help_text=_("A file exported from Drivephase, at most 1 MB."),
    )

    def clean_file(self):
        import json

        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 1 MB."))
        try:
            return json.loads(upload.read().decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            raise forms.ValidationError(_("The file is not valid JSON.")) from None
