from django import forms
from django.utils.translation import gettext_lazy as _


class DomainForm(forms.Form):
    domain = forms.CharField(
        label=_("E-mail domain"),
        max_length=253,
        help_text=_("Staff with a confirmed address on this domain join the organisation."),
    )


class AdminForm(forms.Form):
    make_admin = forms.BooleanField(required=False)
