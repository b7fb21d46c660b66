from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from staffroom.communities.models import Community, JoinPolicy, Role, Space, Visibility
from staffroom.core.forms import SafeModelChoiceField, SafeModelMultipleChoiceField
from staffroom.core.models import GradeBand, Language, Subject
from staffroom.orgs.models import Organization


def _multi(model, label):
    return SafeModelMultipleChoiceField(
        model.objects.all(), required=False, widget=forms.CheckboxSelectMultiple, label=label
    )


class CommunityForm(forms.ModelForm):
    subjects = _multi(Subject, _("Subjects"))
    grade_bands = _multi(GradeBand, _("Grade bands"))
    languages = _multi(Language, _("Languages"))
    visibility = forms.ChoiceField(
        choices=Visibility.choices, widget=forms.RadioSelect, label=_("Who can see it")
    )
    join_policy = forms.ChoiceField(
        choices=JoinPolicy.choices, widget=forms.RadioSelect, label=_("How people join")
    )

    class Meta:
        model = Community
        fields = [
            "name",
            "slug",
            "tagline",
            "domain_statement",
            "subjects",
            "grade_bands",
            "languages",
            "visibility",
            "join_policy",
            "organization",
            "restricted_to_organization",
        ]
        widgets = {"domain_statement": forms.Textarea(attrs={"rows": 6})}
        field_classes = {"organization": SafeModelChoiceField}
        help_texts = {
            "slug": _("Letters, numbers and hyphens; used in the community's web address.")
        }

    def __init__(self, *args, organizations=None, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations or Organization.objects.none()
        self.fields["organization"].required = False
        self.fields["organization"].empty_label = _("None — an informal community")
        if editing:
            # The address is part of every shared link; it does not change after creation.
            del self.fields["slug"]
        if not self.fields["organization"].queryset.exists():
            del self.fields["organization"]
            del self.fields["restricted_to_organization"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("restricted_to_organization") and not cleaned.get("organization"):
            self.add_error(
                "restricted_to_organization",
                _("Choose an owning organisation first."),
            )
        return cleaned

    def _post_clean(self):
        # Validation happens here and in the service; the instance itself is not touched.
        pass


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the stewards (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Say a little about yourself and why you would like to join."),
    )


class SpaceForm(forms.ModelForm):
    class Meta:
        model = Space
        fields = ["name", "description"]


class InvitationForm(forms.Form):
    days = forms.IntegerField(label=_("Valid for (days)"), min_value=1, max_value=90, initial=14)
    max_uses = forms.IntegerField(
        label=_("Maximum uses"),
        min_value=1,
        max_value=10000,
        required=False,
        help_text=_("Leave empty for no limit."),
    )
    note = forms.CharField(label=_("Note for stewards"), max_length=200, required=False)


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=Role.choices, label=_("Role"))


class BanForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500, required=False)


class TransferForm(forms.Form):
    member = forms.TypedChoiceField(label=_("New steward"), coerce=int, choices=())

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].choices = [(m.user_id, m.user.profile.display_name) for m in members]


def _term_filter(model, label, any_label) -> SafeModelChoiceField:
    """A select over one vocabulary, by slug so filtered URLs are readable and shareable."""
    return SafeModelChoiceField(
        model.objects.all(),
        required=False,
        to_field_name="slug",
        label=label,
        empty_label=any_label,
    )


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    subject = _term_filter(Subject, _("Subject"), _("Any subject"))
    grade_band = _term_filter(GradeBand, _("Grade band"), _("Any grade band"))
    language = _term_filter(Language, _("Language"), _("Any language"))
    kind = forms.ChoiceField(
        required=False,
        label=_("Kind"),
        choices=[
            ("", _("Formal and informal")),
            ("formal", _("Formal (a school, district or university)")),
            ("informal", _("Informal (open to educators anywhere)")),
        ],
    )


class MemberFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    subject = _term_filter(Subject, _("Subject"), _("Any subject"))
    grade_band = _term_filter(GradeBand, _("Grade band"), _("Any grade band"))
    country = forms.ChoiceField(
        required=False, label=_("Country"), choices=[("", _("Any country")), *countries]
    )
    role = forms.ChoiceField(
        required=False, label=_("Role"), choices=[("", _("Any role")), *Role.choices]
    )
    mentoring = forms.BooleanField(required=False, label=_("Open to mentoring"))
