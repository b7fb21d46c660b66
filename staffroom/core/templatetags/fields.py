"""``{% blank_field form.field %}``: a blank form field rendered once per process and language.

Django renders a field group through several templates (label, widget, help text, errors),
about half a millisecond a field. A form whose fields are fixed by its class — no choices,
labels or widgets set per instance — renders a blank field the same way every time, given
the language and its initial value, so that HTML is kept. A form opts in with
``fixed_fields = True``; a bound form (one showing what was typed and its errors) is
always rendered afresh by ``blank_field``. ``filter_field`` keeps bound fields too, for the
short values of a list's filters.
"""

from django import template
from django.forms import BoundField
from django.utils.translation import get_language

from staffroom.core.memo import Memo

register = template.Library()

_rendered = Memo("blank form fields", limit=1_000)
# Longer typed values are rendered afresh: a thousand kept fields stay a few megabytes.
MAX_KEPT = 300


def _kept(field: BoundField) -> str:
    form = field.form
    key = (
        type(form),
        form.prefix,
        form.auto_id,
        field.name,
        form.is_bound,
        repr(field.value()),
        # A bound field shows its errors (and aria-invalid); a blank one has none.
        tuple(field.errors) if form.is_bound else (),
        get_language(),
    )
    html = _rendered.get(key)
    if html is None:
        html = field.as_field_group()
        _rendered.put(key, html)
    return html


@register.simple_tag
def blank_field(field: BoundField):
    form = field.form
    if form.is_bound or getattr(form, "fixed_fields", False) is not True:
        return field.as_field_group()
    return _kept(field)


@register.simple_tag
def filter_field(field: BoundField):
    """A field of a list's filter form, bound or not. Filter values are short (a search box,
    a choice, a slug), so even a bound field's HTML is kept, keyed by its value and errors:
    visitors filter by the same few values again and again."""
    form = field.form
    if getattr(form, "fixed_fields", False) is not True or len(repr(field.value())) > MAX_KEPT:
        return field.as_field_group()
    return _kept(field)
