"""``{% blank_field form.field %}``: a blank form field rendered once per process and language.

Django renders a field group through several templates (label, widget, help text, errors),
about half a millisecond a field. A form whose fields are fixed by its class — no choices,
labels or widgets set per instance — renders a blank field the same way every time, given
the language and its initial value, so that HTML is kept. A form opts in with
``fixed_fields = True``; a bound form (one showing what was typed and its errors) is
always rendered afresh.
"""

from django import template
from django.forms import BoundField
from django.utils.translation import get_language

from staffroom.core.memo import Memo

register = template.Library()

_rendered = Memo("blank form fields", limit=1_000)


@register.simple_tag
def blank_field(field: BoundField):
    form = field.form
    if form.is_bound or getattr(form, "fixed_fields", False) is not True:
        return field.as_field_group()
    key = (
        type(form),
        form.prefix,
        form.auto_id,
        field.name,
        repr(field.value()),
        get_language(),
    )
    html = _rendered.get(key)
    if html is None:
        html = field.as_field_group()
        _rendered.put(key, html)
    return html
