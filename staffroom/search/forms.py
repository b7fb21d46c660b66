from django import forms
from django.utils.translation import gettext_lazy as _

KIND_CHOICES = [
    ("", _("Everything")),
    ("discussions", _("Threads and replies")),
    ("thread", _("Threads only")),
    ("post", _("Replies only")),
    ("resource", _("Library resources")),
    ("chat", _("Live chat transcripts")),
]
# The document kinds each choice searches; everything when the choice is blank.
KINDS = {
    "discussions": ["thread", "post"],
    "thread": ["thread"],
    "post": ["post"],
    "resource": ["resource"],
    "chat": ["chat"],
}
SOLVED_CHOICES = [("", _("Any")), ("yes", _("Solved questions")), ("no", _("Unsolved questions"))]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=200, required=False)
    community = forms.ChoiceField(label=_("Community"), required=False)
    kind = forms.ChoiceField(label=_("Show"), choices=KIND_CHOICES, required=False)
    solved = forms.ChoiceField(label=_("Questions"), choices=SOLVED_CHOICES, required=False)
    tag = forms.SlugField(label=_("Tag"), max_length=40, required=False, allow_unicode=True)

    def __init__(self, *args, communities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["community"].choices = [("", _("All my communities")), *communities]

    def clean(self):
        data = super().clean()
        if data.get("kind") == "resource" and data.get("solved"):
            self.add_error(
                "solved",
                _("Solved and unsolved are for questions; library resources have neither."),
            )
        if data.get("kind") == "chat" and data.get("solved"):
            self.add_error(
                "solved",
                _("Solved and unsolved are for questions; chat transcripts have neither."),
            )
        return data
