import re
from datetime import timedelta
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from zoneinfo import TZPATH

from django import forms
from django.contrib.auth.forms import AuthenticationForm, BaseUserCreationForm
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from athletes.models import (
    WEEKDAYS,
    AthleteProfile,
    CoachProfile,
    Squad,
    User,
    available_time_zones,
    validate_time_zone,
)
from athletes.units import distance_unit, km_from, km_to, max_weekly

# The areas of real places' zones: no "Etc/GMT+3", "US/Eastern" or "posixrules".
_AREA_CITY = re.compile(
    r"^(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Z][a-z]"
)
_UTC_NAMES = {"UTC", "UCT", "GMT", "GMT0", "GMT+0", "GMT-0", "Greenwich", "Universal", "Zulu"}


# Pure data, read once per process: the zone names (the widget's template writes them out).
@lru_cache(maxsize=1)
def time_zone_suggestions() -> tuple[str, ...]:
    """The zones offered in the time-zone list: UTC and the canonical Area/City zones, one
    or more per country, as the tz database's zone.tab lists them (no legacy aliases such
    as Asia/Calcutta). Where the system has no zone.tab, the Area/City names Python knows.
    Any zone Python knows is still accepted when typed (a browser may report an alias)."""
    known = available_time_zones()
    for directory in TZPATH:
        table = Path(directory) / "zone.tab"
        if table.is_file():
            names = {
                line.split("\t")[2]
                for line in table.read_text(encoding="utf-8").splitlines()
                if line and not line.startswith("#") and line.count("\t") >= 2
            }
            names = {name for name in names if name in known and _AREA_CITY.match(name)}
            if names:
                break
    else:
        names = {name for name in known if _AREA_CITY.match(name)}
    return ("UTC", *sorted(names))


class TimeZoneInput(forms.TextInput):
    """A text box with the zones as a <datalist> (templates/athletes/widgets/
    time_zone_input.html): the browser filters it as one types. static/js/time-zone.js
    fills in the browser's zone where asked (data-browser-default)."""

    template_name = "athletes/widgets/time_zone_input.html"

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", "spellcheck": "false", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        widget_attrs["list"] = f"{widget_attrs.get('id') or name}-list"
        context["widget"]["zones"] = time_zone_suggestions()
        return context


class TimeZoneField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Time zone"))
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault(
            "help_text", _("Start typing a city, e.g. London or New York, and pick it.")
        )
        super().__init__(validators=[validate_time_zone], widget=TimeZoneInput, **kwargs)

    def validate(self, value):
        super().validate(value)
        # Python also knows "Factory", "posixrules" or "US/Eastern": not places to live.
        if value and value != "UTC" and not _AREA_CITY.match(value):
            raise ValidationError(
                _(
                    "%(value)s is not a time zone we know. Pick one from the list, e.g. "
                    "Europe/London."
                ),
                params={"value": value},
                code="invalid_time_zone",
            )

    def to_python(self, value):
        value = super().to_python(value)
        # Some systems report UTC by another of its names ("Etc/UTC", "GMT").
        if value.replace("Etc/", "") in _UTC_NAMES:
            return "UTC"
        # Typed by hand: "europe/london" or "New York" should still find the zone.
        if value and value not in available_time_zones():
            wanted = value.replace(" ", "_").lower()
            matches = [z for z in available_time_zones() if z.lower() == wanted]
            matches = matches or [
                z for z in time_zone_suggestions() if z.lower().endswith("/" + wanted)
            ]
            if len(matches) == 1:
                return matches[0]
        return value


class PasswordsRetypedMixin:
    """Browsers and Django never send a typed password back into a page: after any error
    the password boxes are empty. Say so, rather than leave people wondering."""

    retype_message = _("For your security, type your password again.")

    def full_clean(self):
        super().full_clean()
        if self.is_bound and self._errors:
            for name in ("password1", "password2"):
                if name in self.fields and self.data.get(self.add_prefix(name)):
                    errors = self._errors.setdefault("password1", self.error_class())
                    if self.retype_message not in errors:
                        errors.append(self.retype_message)
                    break


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


class SignUpForm(PasswordsRetypedMixin, BaseUserCreationForm):
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
    time_zone = TimeZoneField(
        required=False,
        help_text=_("Your training days follow it. Start typing a city and pick it."),
    )

    class Meta:
        model = User
        fields = ("name", "email")
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name", "autofocus": True}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def __init__(self, *args, invited: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if invited:
            # An invitation brings a runner to their coach: the only role is athlete.
            del self.fields["role"]
        self.fields["time_zone"].initial = "UTC"
        if not self.is_bound:
            self.fields["time_zone"].widget.attrs["data-browser-default"] = ""
        # Asked last, after the account itself.
        self.order_fields([name for name in self.fields if name != "time_zone"] + ["time_zone"])

    @property
    def chosen_role(self) -> str:
        return self.cleaned_data.get("role") or self.ROLE_ATHLETE

    def clean_time_zone(self) -> str:
        return self.cleaned_data.get("time_zone") or "UTC"

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
        role = self.chosen_role
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
    time_zone = TimeZoneField()
    weekly_km = forms.DecimalField(
        label=_("Weekly running"),
        required=False,
        min_value=0,
        max_digits=6,
        decimal_places=2,
        help_text=_("A typical week's running volume."),
    )

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
        # Running volume is typed in the unit its label shows: the saved units'. Changing
        # the units converts what is kept (50 km reads 31.07 mi afterwards).
        self.distance_unit = unit = distance_unit(self.instance.units)
        field = self.fields["weekly_km"]
        field.label = _("Weekly running (mi)") if unit == "mi" else _("Weekly running (km)")
        field.max_value = max_weekly(unit)
        field.validators.append(MaxValueValidator(field.max_value))
        field.widget.attrs.update({"inputmode": "decimal", "min": 0, "step": "any"})
        if not self.is_bound:
            self.fields["time_zone"].widget.attrs["data-browser-suggest"] = _(
                "Use this device\u2019s time zone: %s"
            )
        if self.instance.weekly_km is not None:
            self.initial["weekly_km"] = km_to(self.instance.weekly_km, unit)

    def clean_weekly_km(self) -> Decimal | None:
        value = self.cleaned_data.get("weekly_km")
        return None if value is None else km_from(value, self.distance_unit)

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
    self_coached = forms.BooleanField(
        label=_("I plan my own strength work"),
        required=False,
        help_text=_(
            "You become your own coach: copy or build a programme, assign it to yourself "
            "and follow your own progress on the coach pages. Other coaches keep coaching "
            "you as before."
        ),
    )

    class Meta:
        model = User
        fields = ["name", "is_athlete", "is_coach"]
        labels = {
            "is_athlete": _("I train: show me my sessions"),
            "is_coach": _("I coach: show me my athletes and programmes"),
        }

    def __init__(self, *args, self_coached: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["self_coached"].initial = self_coached

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("self_coached"):
            if not cleaned.get("is_athlete") and not self.initial.get("is_athlete"):
                # A coach who starts planning their own work starts training too.
                cleaned["is_athlete"] = True
            if not cleaned.get("is_athlete"):
                raise forms.ValidationError(
                    _(
                        "Planning your own strength work means you train too: keep "
                        "\u201cI train\u201d ticked, or untick \u201cI plan my own strength "
                        "work\u201d."
                    )
                )
            if not cleaned.get("is_coach") and self.initial.get("is_coach"):
                raise forms.ValidationError(
                    _(
                        "Planning your own strength work makes you your own coach: keep "
                        "\u201cI coach\u201d ticked, or untick \u201cI plan my own strength "
                        "work\u201d."
                    )
                )
            # An athlete who starts planning their own work becomes their own coach.
            cleaned["is_coach"] = True
        if not cleaned.get("is_athlete") and not cleaned.get("is_coach"):
            raise forms.ValidationError(_("Keep at least one role: athlete or coach."))
        return cleaned
