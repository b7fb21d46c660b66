"""Small readers for test responses."""

import html

from django.contrib.messages import get_messages


def text(response) -> str:
    """Return the page as text, with HTML entities decoded."""
    return html.unescape(response.content.decode())


def shown_messages(response) -> list[str]:
    """Return the flash messages the response queued for the next page."""
    return [str(message) for message in get_messages(response.wsgi_request)]
