"""The project's form renderer writes the common widgets in Python: they must print what
Django's widget templates print from the same context, hostile values escaped alike."""

import pytest
from django.forms.renderers import TemplatesSetting

from athletes.forms import AccountForm, AthleteProfileForm, InvitationForm, SignUpForm
from coaching.forms import (
    CommentForm,
    FinishForm,
    PainForm,
    PrescriptionForm,
    SetLogForm,
    WorkoutForm,
)
from coaching.renderers import FormRenderer

HOSTILE = "<b>\"x\" & 'y'</b>"


class TemplatesOnly(FormRenderer):
    """The same renderer printing every widget through Django's templates."""

    def render(self, template_name, context, request=None):
        return TemplatesSetting.render(self, template_name, context, request)


@pytest.mark.parametrize(
    ("form_class", "kwargs"),
    [
        (SetLogForm, {"initial": {"prescription": 1, "set_number": 2, "reps": 6, "note": HOSTILE}}),
        (SetLogForm, {"data": {"prescription": "1", "set_number": HOSTILE, "load": HOSTILE}}),
        (PainForm, {"initial": {"prescription": 3, "pain": 3}}),
        (FinishForm, {"data": {"rpe": "11", "notes": HOSTILE, "done_on": HOSTILE}}),
        (CommentForm, {"data": {"body": HOSTILE}}),
        (PrescriptionForm, {"data": {"sets": HOSTILE, "tempo": HOSTILE, "per_side": "on"}}),
        (WorkoutForm, {"weeks": 4, "data": {"week": "9", "title": HOSTILE, "kind": HOSTILE}}),
        (AthleteProfileForm, {"data": {"goal_event": "10k", "injury_notes": HOSTILE}}),
        (AccountForm, {"data": {"name": HOSTILE, "is_coach": "on"}}),
        (SignUpForm, {"data": {"email": HOSTILE, "name": HOSTILE}}),
        (InvitationForm, {"squads": [], "data": {"email": HOSTILE}}),
    ],
)
@pytest.mark.django_db
def test_the_renderer_prints_what_djangos_widget_templates_would(form_class, kwargs):
    fast, slow = form_class(**kwargs), form_class(renderer=TemplatesOnly(), **kwargs)
    fast.is_bound and fast.is_valid()
    slow.is_bound and slow.is_valid()
    for name in fast.fields:
        expected = str(slow[name]).replace("</option>\n\n", "</option>\n")
        assert str(fast[name]) == expected, name
        assert "<b>" not in str(fast[name]), name


def test_fields_print_their_own_limits_and_bootstraps_classes():
    form = SetLogForm(data={"prescription": "1", "set_number": "1", "load": "-3"})
    form.is_valid()
    load, note = str(form["load"]), str(form["note"])
    assert 'max="2000"' in load and 'step="0.5"' in load and 'inputmode="decimal"' in load
    assert 'class="form-control is-invalid"' in load and 'aria-invalid="true"' in load
    assert 'maxlength="300"' in note and 'class="form-control"' in note


def test_a_field_prints_its_label_widget_help_and_errors_tied_together():
    form = FinishForm(data={"rpe": "11", "done_on": "not a day"})
    form.is_valid()
    group = str(form["done_on"].as_field_group())
    assert group.startswith('<div class="mb-3">') and group.endswith("</div>")
    assert '<label class="form-label" for="id_done_on">' in group
    assert 'id="id_done_on_helptext"' in group and 'id="id_done_on_error"' in group
    assert 'aria-describedby="id_done_on_helptext id_done_on_error"' in group
    assert "Enter a valid date." in group


def test_a_checkbox_prints_after_its_box_and_hostile_labels_are_escaped():
    form = AccountForm(data={"name": HOSTILE})
    form.fields["is_coach"].label = HOSTILE
    group = str(form["is_coach"].as_field_group())
    assert group.startswith('<div class="form-check mb-3">\n  <input type="checkbox"')
    assert '<label class="form-check-label" for="id_is_coach">' in group
    assert "<b>" not in group and "&lt;b&gt;" in group
