from django import forms
from django.contrib.auth.forms import AuthenticationForm, BaseUserCreationForm
from django.utils.translation import gettext_lazy as _

from athletes.models import User


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
