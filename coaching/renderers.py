"""How every form field prints: one field template (templates/includes/field.html, used by
`{{ field.as_field_group }}` and `{{ form }}`), with Bootstrap's classes added to the
widget here, so that a template never writes an <input> by hand and every attribute
(maxlength, min, max, step, required, inputmode) comes from the form field."""

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting

_WIDGET_CLASS = {
    forms.CheckboxInput: "form-check-input",
    forms.Select: "form-select",
    forms.SelectMultiple: "form-select",
    forms.RadioSelect: "form-check-input",
    forms.CheckboxSelectMultiple: "form-check-input",
}


def _widget_class(widget: forms.Widget) -> str | None:
    for kind in type(widget).__mro__:
        if kind in _WIDGET_CLASS:
            return _WIDGET_CLASS[kind]
    if isinstance(widget, forms.widgets.Input | forms.Textarea) and not widget.is_hidden:
        return "form-control"
    return None


class BootstrapBoundField(BoundField):
    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        css = _widget_class(widget)
        if css is None:
            return attrs
        classes = (attrs.get("class") or widget.attrs.get("class") or "").split()
        wanted = [css, "is-invalid"] if self.errors else [css]
        attrs["class"] = " ".join([*classes, *(c for c in wanted if c not in classes)])
        return attrs


class FormRenderer(TemplatesSetting):
    field_template_name = "includes/field.html"
    bound_field_class = BootstrapBoundField
