"""Run a service for a plain-form view and tell the member how it went."""

from django.contrib import messages

from staffroom.core.errors import ServiceError


def report_outcome(request, action, success: str | None = None) -> None:
    """Call ``action``; show its refusal as an error message, or ``success`` if given."""
    try:
        action()
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        if success:
            messages.success(request, success)
