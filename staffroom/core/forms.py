"""Form fields that turn every bad value into a field error."""

from django import forms
from django.core.exceptions import ValidationError


class SafeModelChoiceField(forms.ModelChoiceField):
    """A model choice whose out-of-range ids are “not a valid choice”, not a database error."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except OverflowError:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from None


class SafeModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A multiple model choice whose out-of-range ids are a field error (SQLite overflows)."""

    def _check_values(self, value):
        try:
            return super()._check_values(value)
        except OverflowError:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": "…"},
            ) from None
