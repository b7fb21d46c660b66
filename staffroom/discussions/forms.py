from django import forms
from django.utils.translation import gettext_lazy as _

from staffroom.core.forms import SafeModelChoiceField, SafeModelMultipleChoiceField
from staffroom.core.models import GradeBand, Subject
from staffroom.discussions.models import FollowLevel, ReactionKind, ThreadKind


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    """Several image files from one input; their content is checked by the service."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget",
            MultipleImageInput(attrs={"accept": "image/png,image/jpeg,image/gif,image/webp"}),
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleImageField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


class ImagesMixin(forms.Form):
    images = MultipleImageField(
        label=_("Images (optional)"),
        required=False,
        help_text=_("Up to 6 PNG, JPEG, GIF or WebP images, 5 MB each."),
    )
    image_description = forms.CharField(
        label=_("Describe the images (optional)"),
        max_length=200,
        required=False,
        help_text=_(
            "Read aloud to members who cannot see them, e.g. “Photo of our fraction wall”."
        ),
    )


class ThreadForm(ImagesMixin, forms.Form):
    space = SafeModelChoiceField(queryset=None, label=_("Space"), empty_label=None)
    kind = forms.ChoiceField(label=_("Kind"), widget=forms.RadioSelect)
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("For a question, ask it in one sentence, e.g. “How do I teach ratio tables?”"),
    )
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Markdown works: **bold**, _italic_, lists, links, > quotes, tables."),
    )
    tags = SafeModelMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Tags"),
        help_text=_("Up to five."),
    )
    subjects = SafeModelMultipleChoiceField(
        queryset=None, required=False, widget=forms.CheckboxSelectMultiple, label=_("Subjects")
    )
    grade_bands = SafeModelMultipleChoiceField(
        queryset=None, required=False, widget=forms.CheckboxSelectMultiple, label=_("Grade bands")
    )

    field_order = ["space", "kind", "title", "body", "tags", "subjects", "grade_bands"]

    def __init__(self, *args, community, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["space"].queryset = community.spaces.all()
        self.fields["tags"].queryset = community.tags.all()
        if not self.fields["tags"].queryset.exists():
            del self.fields["tags"]
        # A community's own vocabulary keeps the lists short; otherwise offer the shared one.
        subjects = community.subjects.all()
        grade_bands = community.grade_bands.all()
        self.fields["subjects"].queryset = subjects if subjects.exists() else Subject.objects.all()
        self.fields["grade_bands"].queryset = (
            grade_bands if grade_bands.exists() else GradeBand.objects.all()
        )
        self.fields["kind"].choices = [(k, ThreadKind(k).label) for k in kinds]
        self.fields["kind"].initial = ThreadKind.DISCUSSION


class PostForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Markdown works. Quote someone with > at the start of a line; mention a member with @handle."
        ),
    )


class ReplyForm(ImagesMixin, PostForm):
    # The same fields for every thread: a blank one renders once ({% blank_field %}).
    fixed_fields = True


class HideForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300)


class AcceptForm(forms.Form):
    label = forms.CharField(
        label=_("Works for… (optional)"),
        max_length=80,
        required=False,
        help_text=_("The context this answer fits, e.g. “grade 3”, “English-language learners”."),
    )


class ReactForm(forms.Form):
    kind = forms.ChoiceField(choices=ReactionKind.choices)


class VoteForm(forms.Form):
    value = forms.TypedChoiceField(choices=[("1", "1"), ("0", "0"), ("-1", "-1")], coerce=int)


class FollowForm(forms.Form):
    fixed_fields = True

    level = forms.ChoiceField(choices=FollowLevel.choices, label=_("Notifications"))


class ModerateForm(forms.Form):
    locked = forms.BooleanField(required=False, label=_("Locked"))
    pinned = forms.BooleanField(required=False, label=_("Pinned"))


CONTEXT_SUGGESTIONS = [
    _("grade 3"),
    _("middle school"),
    _("English-language learners"),
    _("low-tech classroom"),
    _("large classes"),
    _("remote teaching"),
    _("special education"),
]
