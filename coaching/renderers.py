"""How every form field prints, for `{{ field.as_field_group }}`, `{{ form }}` and
`{{ field }}`: Bootstrap 5's markup with the widget's classes added here, so that a
template never writes an <input> by hand and every attribute (maxlength, min, max, step,
required, inputmode) comes from the form field.

A field prints as its label, widget, help text and errors (`_field_group`), the help and
error ids those Django puts in the widget's aria-describedby.

The common widgets (inputs, textareas, plain selects) are written here in Python, the
same markup Django's widget templates print from the same context: through those
templates (three nested includes and a loop over the attributes each) the session page's
hundred and fifty widgets cost more than the rest of the page. Anything else (radio
lists, multi-widgets, a project widget template) goes through the templates.
Widget.render marks what a renderer returns as safe, as it does a template's output, so
every value is escaped here; tests/coaching/test_renderers.py checks both print the same,
hostile values escaped alike."""

import html

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
_INPUT_TEMPLATES = frozenset(
    f"django/forms/widgets/{kind}.html"
    for kind in (
        "input", "text", "number", "email", "url", "password", "hidden", "date", "datetime",
        "time", "search", "tel", "color", "checkbox",
    )
)  # fmt: skip


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


def _text(value) -> str:
    # What a template's autoescaping prints: safe strings as they are, anything else escaped.
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def _attrs(attrs: dict) -> str:
    # As django/forms/widgets/attrs.html prints them: True as a bare name, False left out.
    return "".join(
        f" {_text(name)}" if value is True else f' {_text(name)}="{_text(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _input(widget: dict) -> str:
    value = "" if widget["value"] is None else f' value="{_text(widget["value"])}"'
    attrs = _attrs(widget["attrs"])
    return f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"{value}{attrs}>'


def _textarea(widget: dict) -> str:
    value = _text(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>\n{value}</textarea>'


def _select(widget: dict) -> str:
    options = "".join(
        f'\n  <option value="{_text(option["value"])}"{_attrs(option["attrs"])}>'
        f"{_text(option['label'])}</option>"
        for _group, options, _index in widget["optgroups"]
        for option in options
    )
    return f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>{options}\n</select>'


def _field_group(field: BoundField) -> str:
    auto_id = _text(field.auto_id)
    label = _text(field.label) if field.label else ""
    if field.use_fieldset:
        described = f' aria-describedby="{auto_id}_helptext"' if field.help_text and auto_id else ""
        legend = f'<legend class="form-label fs-6">{label}</legend>' if label else ""
        start, widget, end = (
            f'<fieldset class="mb-3"{described}>{legend}',
            str(field),
            "</fieldset>",
        )
    elif field.widget_type == "checkbox":
        start, end = '<div class="form-check mb-3">', "</div>"
        for_label = _text(field.id_for_label)
        widget = f'{field}<label class="form-check-label" for="{for_label}">{label}</label>'
    else:
        start, end = '<div class="mb-3">', "</div>"
        for_label = _text(field.id_for_label)
        widget = f'<label class="form-label" for="{for_label}">{label}</label>' if label else ""
        widget += str(field)
    help_text = (
        f'<div class="form-text" id="{auto_id}_helptext">{_text(field.help_text)}</div>'
        if field.help_text
        else ""
    )
    errors = (
        f'<div class="invalid-feedback d-block" id="{auto_id}_error">'
        f"{' '.join(_text(error) for error in field.errors)}</div>"
        if field.errors
        else ""
    )
    return f"{start}\n  {widget}\n  {help_text}{errors}\n{end}"


class FormRenderer(TemplatesSetting):
    # Written in Python (_field_group), like the common widgets: one field printed through
    # a template cost about 0.25 ms, and the builder prints a dozen.
    field_template_name = "coaching/field-group"
    bound_field_class = BootstrapBoundField

    def render(self, template_name, context, request=None):
        if template_name == self.field_template_name:
            return _field_group(context["field"])
        widget = context.get("widget")
        if widget is not None:
            if template_name in _INPUT_TEMPLATES:
                return _input(widget)
            if template_name == "django/forms/widgets/textarea.html":
                return _textarea(widget)
            if template_name == "django/forms/widgets/select.html" and not any(
                group for group, _options, _index in widget["optgroups"]
            ):
                return _select(widget)
        return super().render(template_name, context, request)
