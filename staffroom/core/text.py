"""Small helpers for text that arrives in URLs."""

import re

_SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,60}$")


def clean_slug(value: str | None) -> str:
    """Return ``value`` if it looks like a slug, else "" (PostgreSQL refuses NUL and such)."""
    return value if value and _SLUG.match(value) else ""
