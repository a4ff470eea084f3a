from django import forms
from django.utils.translation import gettext_lazy as _

from library.models import Equipment, Exercise, MuscleGroup


class ExerciseFilterForm(forms.Form):
    """The library's search and filters. An unknown value is reported on the form and
    otherwise ignored, so a stale shared link still shows a useful list."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "placeholder": _("Exercise or muscle, e.g. hamstring"),
                "autocomplete": "off",
                "enterkeyhint": "search",
            }
        ),
    )
    group = forms.ChoiceField(label=_("Muscle group"), required=False, widget=forms.Select)
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("Any kind")), *Exercise.Kind.choices],
        widget=forms.Select,
    )
    equipment = forms.ChoiceField(label=_("Equipment"), required=False, widget=forms.Select)
    emphasis = forms.ChoiceField(
        label=_("Emphasis"),
        required=False,
        choices=[("", _("Any emphasis")), *Exercise.Emphasis.choices],
        widget=forms.Select,
    )

    def __init__(self, data, *, groups: list[MuscleGroup], equipment: list[Equipment]):
        super().__init__(data)
        self._groups = {group.slug: group for group in groups}
        self._equipment = {item.slug: item for item in equipment}
        self.fields["group"].choices = [("", _("Any muscle group"))] + [
            (group.slug, group.name) for group in groups
        ]
        self.fields["equipment"].choices = [("", _("Any equipment"))] + [
            (item.slug, item.name) for item in equipment
        ]

    def filters(self) -> dict:
        self.is_valid()
        data = self.cleaned_data
        return {
            "query": (data.get("q") or "").strip(),
            "group": self._groups.get(data.get("group") or ""),
            "kind": data.get("kind") or "",
            "equipment": self._equipment.get(data.get("equipment") or ""),
            "emphasis": data.get("emphasis") or "",
        }
