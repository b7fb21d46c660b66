"""Small helpers for text that arrives in URLs."""

import re

# Community tags keep accented and non-Latin letters in their slugs (“lecture-à-voix-haute”).
_SLUG = re.compile(r"^[-\w]{1,60}\Z")


def clean_slug(value: str | None) -> str:
    """Return ``value`` if it looks like a slug, else "" (PostgreSQL refuses NUL and such)."""
    return value if value and _SLUG.match(value) else ""
