"""Forms for the library; they shape input, the services decide what is allowed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from staffroom.core.forms import SafeModelChoiceField, SafeModelMultipleChoiceField
from staffroom.core.models import GradeBand, Language, Subject
from staffroom.resources.content import (
    DIFFERENTIATION,
    RATING_DIMENSIONS,
    CostModel,
    Platform,
    StudentAccounts,
)
from staffroom.resources.licences import TERMS, Licence
from staffroom.resources.models import ResourceKind, Setting
from staffroom.resources.standards import FRAMEWORKS, OTHER

LINES_HELP = _("One per line.")


def _licence_choices(allowed=None):
    codes = allowed or Licence.values
    return [(code, f"{Licence(code).label} — {TERMS[code].summary}") for code in codes]


class ResourceForm(forms.Form):
    """The fields every kind shares, then the lesson-plan or tool-review ones."""

    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("What it is and who it is for, in a sentence or two. Markdown works."),
    )
    licence = forms.ChoiceField(label=_("Licence"), widget=forms.RadioSelect)
    language = SafeModelChoiceField(
        queryset=Language.objects.all(), required=False, label=_("Language")
    )
    duration_minutes = forms.IntegerField(
        label=_("Duration in minutes"), required=False, min_value=1, max_value=43200
    )
    subjects = SafeModelMultipleChoiceField(
        queryset=Subject.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Subjects"),
    )
    grade_bands = SafeModelMultipleChoiceField(
        queryset=GradeBand.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Grade levels"),
    )
    note = forms.CharField(label=_("What changed (optional)"), max_length=200, required=False)

    def __init__(self, *args, kind: str, allowed_licences=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.fields["licence"].choices = _licence_choices(allowed_licences)
        self.fields["licence"].initial = (allowed_licences or [Licence.CC_BY])[0]
        extra = REVIEW_FIELDS if kind == ResourceKind.TOOL_REVIEW else PLAN_FIELDS
        for name, field in extra().items():
            self.fields[name] = field

    def content(self) -> dict:
        data = self.cleaned_data
        if self.kind == ResourceKind.TOOL_REVIEW:
            return {
                "tool_name": data["tool_name"],
                "tool_url": data["tool_url"],
                "cost_model": data["cost_model"],
                "platforms": data["platforms"],
                "grade_suitability": data["grade_suitability"],
                "data_collected": data["data_collected"],
                "student_accounts": data["student_accounts"],
                "privacy_notes": data["privacy_notes"],
                "accessibility_notes": data["accessibility_notes"],
                "ratings": {key: data[f"rating_{key}"] for key in RATING_DIMENSIONS},
                "links": parse_links(data.get("links", "")),
            }
        return {
            "objectives": data["objectives"].splitlines(),
            "materials": data["materials"].splitlines(),
            "differentiation": {key: data[f"diff_{key}"] for key in DIFFERENTIATION},
            "assessment": data["assessment"],
            "links": parse_links(data.get("links", "")),
        }


def parse_links(text: str) -> list[dict]:
    """Read “Title | https://…” lines (or bare addresses) into link entries."""
    links = []
    for line in text.splitlines():
        if not line.strip():
            continue
        title, _sep, url = line.rpartition("|")
        links.append({"title": title.strip(), "url": url.strip()})
    return links


def format_links(links: list[dict]) -> str:
    return "\n".join(f"{link['title']} | {link['url']}" for link in links)


def _text(label, rows=3, **kwargs):
    return forms.CharField(
        label=label, required=False, widget=forms.Textarea(attrs={"rows": rows}), **kwargs
    )


def PLAN_FIELDS() -> dict:
    fields = {
        "objectives": _text(_("Learning objectives"), help_text=LINES_HELP),
        "materials": _text(_("Materials"), help_text=LINES_HELP),
    }
    for key, label in DIFFERENTIATION.items():
        fields[f"diff_{key}"] = _text(label, max_length=3000)
    fields["assessment"] = _text(_("Assessment"), rows=4, max_length=4000)
    fields["links"] = _text(_("Links"), help_text=_("One per line: a title, a | and the address."))
    return fields


def REVIEW_FIELDS() -> dict:
    fields = {
        "tool_name": forms.CharField(label=_("Tool name"), max_length=120),
        "tool_url": forms.URLField(
            label=_("Tool's web address"), max_length=500, assume_scheme="https"
        ),
        "cost_model": forms.ChoiceField(label=_("Cost"), choices=CostModel.choices),
        "platforms": forms.MultipleChoiceField(
            label=_("Platforms"),
            choices=Platform.choices,
            required=False,
            widget=forms.CheckboxSelectMultiple,
        ),
        "grade_suitability": forms.CharField(
            label=_("Grades it suits"), max_length=300, required=False
        ),
        "student_accounts": forms.ChoiceField(
            label=_("Student accounts"), choices=StudentAccounts.choices
        ),
        "data_collected": _text(_("What student data it collects"), max_length=3000),
        "privacy_notes": _text(_("Privacy notes"), max_length=3000),
        "accessibility_notes": _text(_("Accessibility notes"), max_length=3000),
    }
    for key, label in RATING_DIMENSIONS.items():
        fields[f"rating_{key}"] = forms.TypedChoiceField(
            label=label,
            choices=[("", _("Not rated"))] + [(str(n), str(n)) for n in range(1, 6)],
            coerce=int,
            empty_value=None,
            required=False,
        )
    fields["links"] = _text(_("Links"), help_text=_("One per line: a title, a | and the address."))
    return fields


def _row_number(prefix: str | None) -> int | None:
    """The 1-based row of a formset form, so each row's labels say which row they belong to."""
    try:
        return int(str(prefix).rsplit("-", 1)[1]) + 1
    except (IndexError, ValueError):
        return None


class StepForm(forms.Form):
    title = forms.CharField(label=_("Step"), max_length=120, required=False)
    minutes = forms.IntegerField(label=_("Minutes"), min_value=0, max_value=600, required=False)
    description = forms.CharField(
        label=_("What happens"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        number = _row_number(self.prefix)
        if number:
            self.fields["title"].label = _("Step %(n)d") % {"n": number}
            self.fields["minutes"].label = _("Minutes for step %(n)d") % {"n": number}
            self.fields["description"].label = _("What happens in step %(n)d") % {"n": number}


class AlignmentForm(forms.Form):
    framework = forms.ChoiceField(label=_("Framework"), required=False)
    code = forms.CharField(label=_("Code"), max_length=80, required=False)
    description = forms.CharField(
        label=_("Description"),
        max_length=500,
        required=False,
        help_text=_("Filled in from the catalogue when left blank."),
    )

    def __init__(self, *args, frameworks=(), **kwargs):
        super().__init__(*args, **kwargs)
        number = _row_number(self.prefix)
        if number:
            self.fields["framework"].label = _("Framework of standard %(n)d") % {"n": number}
            self.fields["code"].label = _("Code of standard %(n)d") % {"n": number}
            self.fields["description"].label = _("Description of standard %(n)d") % {"n": number}
        self.fields["framework"].choices = [
            ("", _("Choose…")),
            *[(f.key, f.name) for f in FRAMEWORKS.values()],
            *frameworks,
            (OTHER, _("Another framework")),
        ]


StepFormSet = forms.formset_factory(StepForm, extra=0, max_num=30, absolute_max=30)
AlignmentFormSet = forms.formset_factory(AlignmentForm, extra=0, max_num=20, absolute_max=20)


class RemixForm(forms.Form):
    destination = forms.ChoiceField(label=_("Publish your adaptation in"))
    licence = forms.ChoiceField(label=_("Licence"), widget=forms.RadioSelect)

    def __init__(self, *args, destinations, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["destination"].choices = destinations
        self.fields["licence"].choices = _licence_choices(allowed)
        self.fields["licence"].initial = allowed[0] if allowed else None


class DiscussForm(forms.Form):
    community = forms.ChoiceField(label=_("Discuss it in"))

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["community"].choices = choices


class TriedForm(forms.Form):
    grade = forms.CharField(label=_("Grade or year"), max_length=40)
    grade_band = SafeModelChoiceField(
        queryset=GradeBand.objects.all(), required=False, label=_("Grade band")
    )
    class_size = forms.IntegerField(label=_("Class size"), min_value=1, max_value=500)
    setting = forms.ChoiceField(
        label=_("Setting"), choices=Setting.choices, widget=forms.RadioSelect
    )
    adapted = forms.CharField(
        label=_("What you adapted"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    worked = forms.CharField(
        label=_("What worked"), max_length=3000, widget=forms.Textarea(attrs={"rows": 3})
    )
    change_next = forms.CharField(
        label=_("What you would change next time"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    rating = forms.TypedChoiceField(
        label=_("How did it go?"),
        choices=[
            ("5", _("5 — excellent")),
            ("4", _("4 — good")),
            ("3", _("3 — mixed")),
            ("2", _("2 — disappointing")),
            ("1", _("1 — did not work")),
        ],
        coerce=int,
        widget=forms.RadioSelect,
    )


class LibraryFilterForm(forms.Form):
    """The library's filters; anything unknown is ignored rather than an error."""

    # Fields, labels and choices are the same for every instance: {% filter_field %} may keep
    # their HTML.
    fixed_fields = True

    q = forms.CharField(label=_("Search"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    subject = forms.SlugField(label=_("Subject"), required=False, max_length=60)
    grade = forms.SlugField(label=_("Grade level"), required=False, max_length=60)
    licence = forms.ChoiceField(label=_("Licence"), required=False)
    standard = forms.CharField(label=_("Standard code"), max_length=80, required=False)
    language = forms.SlugField(label=_("Language"), required=False, max_length=20)
    max_minutes = forms.IntegerField(
        label=_("At most (minutes)"), required=False, min_value=1, max_value=43200
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("newest", _("Newest")),
            ("tried", _("Most tried")),
            ("rated", _("Best rated")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Any kind")), *ResourceKind.choices]
        self.fields["licence"].choices = [("", _("Any licence")), *Licence.choices]
