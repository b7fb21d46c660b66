from django import forms
from django.utils.translation import gettext_lazy as _

from staffroom.accounts.handles import HANDLE_MAX_LENGTH, validate_handle
from staffroom.accounts.models import TIME_ZONE_CHOICES, Profile
from staffroom.accounts.services import parse_expertise
from staffroom.core.errors import ServiceError
from staffroom.core.forms import SafeModelMultipleChoiceField
from staffroom.core.models import GradeBand, Language, Subject


class ProfileForm(forms.ModelForm):
    # Not a model field here: empty keeps the handle, and the service decides what that means.
    handle = forms.CharField(
        label=_("Handle"),
        required=False,
        # Room for a pasted “@handle” with spaces around it; the validator has the last word.
        max_length=HANDLE_MAX_LENGTH + 10,
        help_text=_(
            "Others mention you with @handle: 2 to 40 letters, digits, underscores, dots and "
            "hyphens, starting and ending with a letter or digit."
        ),
    )
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
        if self.instance.is_complete:
            self.initial.setdefault("handle", self.instance.handle)
        else:
            # A new member still has a placeholder handle; their name makes a better one.
            self.fields["handle"].help_text = _(
                "Others mention you with @handle. Leave it empty to get one made from your "
                "name, or choose 2 to 40 letters, digits, underscores, dots and hyphens, "
                "starting and ending with a letter or digit."
            )

    def clean_handle(self) -> str:
        handle = self.cleaned_data.get("handle", "")
        if not handle.strip():
            return ""
        return validate_handle(handle, exclude_profile_id=self.instance.pk)

    def clean_expertise_text(self) -> list[str]:
        try:
            return parse_expertise(self.cleaned_data.get("expertise_text", ""))
        except ServiceError as error:
            raise forms.ValidationError(error.message) from None
