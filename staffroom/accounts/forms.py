from django import forms
from django.utils.translation import gettext_lazy as _

from staffroom.accounts.models import TIME_ZONE_CHOICES, Profile
from staffroom.accounts.services import parse_expertise
from staffroom.core.errors import ServiceError
from staffroom.core.forms import SafeModelMultipleChoiceField
from staffroom.core.models import GradeBand, Language, Subject


class ProfileForm(forms.ModelForm):
    expertise_text = forms.CharField(
        label=_("Expertise"),
        required=False,
        max_length=600,
        help_text=_("Comma-separated, e.g. “formative assessment, Desmos, co-teaching”."),
    )
    subjects = SafeModelMultipleChoiceField(
        Subject.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Subjects you teach"),
    )
    grade_bands = SafeModelMultipleChoiceField(
        GradeBand.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Grade bands"),
    )
    languages = SafeModelMultipleChoiceField(
        Language.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Languages you teach or talk in"),
    )
    time_zone = forms.ChoiceField(choices=TIME_ZONE_CHOICES, label=_("Time zone"))
    years_experience = forms.IntegerField(
        label=_("Years of teaching experience"), required=False, min_value=0, max_value=60
    )

    class Meta:
        model = Profile
        fields = [
            "display_name",
            "role",
            "headline",
            "bio",
            "subjects",
            "grade_bands",
            "languages",
            "country",
            "time_zone",
            "ui_language",
            "years_experience",
            "open_to_mentoring",
        ]
        widgets = {"bio": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance and self.instance.pk and not self.is_bound:
            self.initial["expertise_text"] = ", ".join(self.instance.expertise)

    def clean_expertise_text(self) -> list[str]:
        try:
            return parse_expertise(self.cleaned_data.get("expertise_text", ""))
        except ServiceError as error:
            raise forms.ValidationError(error.message) from None
