"""``{% blank_field %}`` keeps a blank field's HTML per language and initial value only for
forms whose fields are fixed by their class; anything else renders afresh."""

import re

import pytest
from django import forms
from django.template import Context, Template
from django.utils import translation

from staffroom.core.memo import forget_all
from staffroom.discussions.forms import FollowForm, ReplyForm


@pytest.fixture(autouse=True)
def fresh_memos():
    forget_all()
    yield
    forget_all()


def render(form, field: str) -> str:
    template = Template("{% load fields %}{% blank_field form." + field + " %}")
    return template.render(Context({"form": form}))


def selected(html: str) -> list[str]:
    return re.findall(r'<option value="(\w+)"[^>]*selected', html)


def test_each_language_gets_its_own_copy():
    with translation.override("en"):
        english = render(ReplyForm(), "body")
    with translation.override("fr"):
        french = render(ReplyForm(), "body")
    with translation.override("en"):
        again = render(ReplyForm(), "body")
    assert "Your reply" in english and "Votre réponse" not in english
    assert "Votre réponse" in french
    assert again == english


def test_each_initial_value_gets_its_own_copy():
    assert selected(render(FollowForm(initial={"level": "watch"}), "level")) == ["watch"]
    assert selected(render(FollowForm(initial={"level": "mute"}), "level")) == ["mute"]
    assert selected(render(FollowForm(initial={"level": "watch"}), "level")) == ["watch"]


def test_a_bound_form_shows_what_was_typed_and_its_errors():
    render(ReplyForm(), "body")
    form = ReplyForm(data={"body": ""})
    form.is_valid()
    html = render(form, "body")
    assert "This field is required." in html
    typed = render(ReplyForm(data={"body": "Try a number line first."}), "body")
    assert "Try a number line first." in typed
    refused = ReplyForm(data={"body": "Try a number line first."})
    refused.add_error("body", "Say a little more.")
    assert "Say a little more." in render(refused, "body")


def test_a_form_that_changes_per_instance_is_never_kept():
    class Question(forms.Form):
        answer = forms.CharField(label="Answer")

    first, second = Question(), Question()
    second.fields["answer"].label = "Your answer for Year 3"
    assert "Answer" in render(first, "answer")
    assert "Your answer for Year 3" in render(second, "answer")


def render_filter(form, field: str) -> str:
    template = Template("{% load fields %}{% filter_field form." + field + " %}")
    return template.render(Context({"form": form}))


def library_form(data: dict):
    from staffroom.resources.forms import LibraryFilterForm

    form = LibraryFilterForm(data)
    form.is_valid()
    return form


def test_a_filter_field_is_kept_per_typed_value_and_shows_its_own_errors():
    from staffroom.core.templatetags import fields

    valid = render_filter(library_form({"max_minutes": "30"}), "max_minutes")
    refused = render_filter(library_form({"max_minutes": "abc"}), "max_minutes")
    again = render_filter(library_form({"max_minutes": "30"}), "max_minutes")
    blank = render_filter(library_form({}), "max_minutes")

    assert 'value="30"' in valid and "aria-invalid" not in valid
    assert 'value="abc"' in refused and "Enter a whole number." in refused
    assert 'aria-invalid="true"' in refused
    assert again == valid
    assert "value=" not in blank
    # The same value with an error of its own is not the kept copy without one.
    refused_too = library_form({"max_minutes": "30"})
    refused_too.add_error("max_minutes", "Longer than one lesson.")
    assert "Longer than one lesson." in render_filter(refused_too, "max_minutes")
    forget_all()
    valid = render_filter(library_form({"max_minutes": "30"}), "max_minutes")
    render_filter(library_form({"max_minutes": "abc"}), "max_minutes")
    render_filter(library_form({}), "max_minutes")
    assert len(fields._rendered._data) == 3
    with translation.override("fr"):
        french = render_filter(library_form({"max_minutes": "30"}), "max_minutes")
    assert french != valid
    assert len(fields._rendered._data) == 4


def test_a_long_typed_filter_value_is_rendered_but_not_kept():
    from staffroom.core.templatetags import fields

    html = render_filter(library_form({"q": "fractions " * 100}), "q")

    assert "fractions fractions" in html
    assert len(fields._rendered._data) == 0


def test_filter_fields_of_a_form_that_changes_per_instance_are_never_kept():
    from staffroom.core.templatetags import fields

    class Filters(forms.Form):
        place = forms.CharField(label="Place", required=False)

    form = Filters({"place": "Leeds"})
    form.fields["place"].label = "Your school's town"

    assert "Your school&#x27;s town" in render_filter(form, "place")
    assert len(fields._rendered._data) == 0
