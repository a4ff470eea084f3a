from datetime import timedelta

from django import forms
from django.contrib.auth.forms import AuthenticationForm, BaseUserCreationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from athletes.models import (
    WEEKDAYS,
    AthleteProfile,
    CoachProfile,
    Squad,
    User,
    available_time_zones,
)


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its field when the form has one,
    above the form otherwise."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "That email address and password do not match an account. "
            "Check both and try again; the password is case-sensitive."
        ),
    }


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Type the password you sign in with to confirm."),
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("That is not your password. Nothing was deleted; try again."),
                code="password_incorrect",
            )
        return password


class SignUpForm(BaseUserCreationForm):
    ROLE_ATHLETE = "athlete"
    ROLE_COACH = "coach"
    ROLE_BOTH = "both"
    role = forms.ChoiceField(
        label=_("I am joining as"),
        choices=[
            (ROLE_ATHLETE, _("A runner who trains with a coach")),
            (ROLE_COACH, _("A coach of runners")),
            (ROLE_BOTH, _("Both: a runner who plans my own strength work")),
        ],
        widget=forms.RadioSelect,
        initial=ROLE_ATHLETE,
    )

    class Meta:
        model = User
        fields = ("name", "email")
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name", "autofocus": True}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def clean_email(self) -> str:
        email = User.objects.normalize_email(self.cleaned_data["email"]).lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _(
                    "An account with this email address already exists. Sign in instead, "
                    "or reset your password if you have forgotten it."
                ),
                code="email_taken",
            )
        return email

    def save(self, commit: bool = True) -> User:
        user = super().save(commit=False)
        role = self.cleaned_data["role"]
        user.is_athlete = role in {self.ROLE_ATHLETE, self.ROLE_BOTH}
        user.is_coach = role in {self.ROLE_COACH, self.ROLE_BOTH}
        if commit:
            user.save()
        return user


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("Athlete's email address"),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    squad = forms.ChoiceField(label=_("Add to squad"), required=False)
    message = forms.CharField(
        label=_("Personal message (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, squads: list[Squad], **kwargs):
        super().__init__(*args, **kwargs)
        self._squads = {str(squad.pk): squad for squad in squads}
        self.fields["squad"].choices = [("", _("No squad"))] + [
            (str(squad.pk), squad.name) for squad in squads
        ]

    def clean_squad(self) -> Squad | None:
        return self._squads.get(self.cleaned_data.get("squad") or "")


class SquadForm(forms.Form):
    name = forms.CharField(label=_("Squad name"), max_length=80)


class SquadMemberForm(forms.Form):
    athlete = forms.ChoiceField(
        label=_("Add an athlete"),
        error_messages={"invalid_choice": _("Choose an athlete from your roster.")},
    )

    def __init__(self, *args, candidates: list[User], **kwargs):
        super().__init__(*args, **kwargs)
        self._candidates = {str(user.pk): user for user in candidates}
        self.fields["athlete"].choices = [("", _("Choose an athlete"))] + [
            (str(user.pk), str(user)) for user in candidates
        ]

    def clean_athlete(self) -> User:
        athlete = self._candidates.get(self.cleaned_data.get("athlete") or "")
        if athlete is None:
            raise forms.ValidationError(_("Choose an athlete from your roster."))
        return athlete


class RosterFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search athletes"),
        required=False,
        max_length=100,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Name or email"), "autocomplete": "off"}
        ),
    )
    squad = forms.ChoiceField(label=_("Squad"), required=False)

    def __init__(self, *args, squads: list[Squad], **kwargs):
        super().__init__(*args, **kwargs)
        self._squads = {str(squad.pk): squad for squad in squads}
        self.fields["squad"].choices = [("", _("All athletes"))] + [
            (str(squad.pk), squad.name) for squad in squads
        ]

    def filters(self) -> dict:
        self.is_valid()
        data = self.cleaned_data
        return {
            "query": (data.get("q") or "").strip(),
            "squad": self._squads.get(data.get("squad") or ""),
        }


class RaceTimeField(forms.DurationField):
    """A race time typed and shown as h:mm:ss or mm:ss, the way runners write them."""

    def prepare_value(self, value):
        if isinstance(value, timedelta):
            total = int(value.total_seconds())
            hours, rest = divmod(total, 3600)
            minutes, seconds = divmod(rest, 60)
            return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
        return value


class AthleteProfileForm(forms.ModelForm):
    hard_days = forms.TypedMultipleChoiceField(
        label=_("Hard session days"),
        choices=WEEKDAYS,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Intervals, tempo runs or races: strength work goes on other days."),
    )
    time_zone = forms.ChoiceField(label=_("Time zone"))

    class Meta:
        model = AthleteProfile
        fields = [
            "goal_event",
            "goal_date",
            "experience",
            "weekly_km",
            "long_run_day",
            "hard_days",
            "pb_5k",
            "pb_10k",
            "pb_half",
            "pb_marathon",
            "units",
            "time_zone",
            "injury_notes",
        ]
        widgets = {
            "goal_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "pb_5k": forms.TextInput(attrs={"placeholder": "mm:ss"}),
            "pb_10k": forms.TextInput(attrs={"placeholder": "mm:ss"}),
            "pb_half": forms.TextInput(attrs={"placeholder": "h:mm:ss"}),
            "pb_marathon": forms.TextInput(attrs={"placeholder": "h:mm:ss"}),
            "injury_notes": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = dict.fromkeys(("pb_5k", "pb_10k", "pb_half", "pb_marathon"), RaceTimeField)
        error_messages = {
            name: {"invalid": _("Write the time as h:mm:ss or mm:ss, e.g. 3:29:45 or 21:30.")}
            for name in ("pb_5k", "pb_10k", "pb_half", "pb_marathon")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = [(tz, tz) for tz in sorted(available_time_zones())]
        self.fields["weekly_km"].widget.attrs.update({"inputmode": "numeric", "min": 0})

    def clean(self):
        cleaned = super().clean()
        long_run = cleaned.get("long_run_day")
        if long_run is not None and long_run in (cleaned.get("hard_days") or []):
            self.add_error(
                "hard_days",
                _("Your long run day is already a hard day; leave it unticked here."),
            )
        for name in ("pb_5k", "pb_10k", "pb_half", "pb_marathon"):
            value = cleaned.get(name)
            if value is not None and value.total_seconds() <= 0:
                self.add_error(name, _("A race time must be longer than zero."))
        return cleaned


class CoachProfileForm(forms.ModelForm):
    class Meta:
        model = CoachProfile
        fields = ["club", "bio"]
        widgets = {"bio": forms.Textarea(attrs={"rows": 3})}


class AccountForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["name", "is_athlete", "is_coach"]
        labels = {
            "is_athlete": _("I train: show me my sessions"),
            "is_coach": _("I coach: show me my athletes and programmes"),
        }

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("is_athlete") and not cleaned.get("is_coach"):
            raise forms.ValidationError(_("Keep at least one role: athlete or coach."))
        return cleaned
