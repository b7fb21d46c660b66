"""The structured content of each kind of resource: what it holds and how it is checked.

Services call ``clean_content`` with whatever a form or the API sent; it returns the cleaned
document and its rendered Markdown, or raises a ServiceError naming the field at fault.
"""

from urllib.parse import urlsplit

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from staffroom.core.errors import ServiceError
from staffroom.core.markdown import render
from staffroom.resources.models import ResourceKind

MAX_LIST = 30
MAX_LINE = 300
MAX_TEXT = 4000


class CostModel(models.TextChoices):
    FREE = "free", gettext_lazy("Free")
    FREEMIUM = "freemium", gettext_lazy("Free with paid upgrades")
    PAID = "paid", gettext_lazy("Paid")
    SCHOOL = "school", gettext_lazy("School or district licence")


class Platform(models.TextChoices):
    WEB = "web", gettext_lazy("Web browser")
    CHROMEBOOK = "chromebook", "Chromebook"
    WINDOWS = "windows", "Windows"
    MACOS = "macos", "macOS"
    LINUX = "linux", "Linux"
    IOS = "ios", gettext_lazy("iPhone and iPad")
    ANDROID = "android", "Android"


class StudentAccounts(models.TextChoices):
    NONE = "none", gettext_lazy("No student accounts needed")
    OPTIONAL = "optional", gettext_lazy("Student accounts optional")
    REQUIRED = "required", gettext_lazy("Every student needs an account")


RATING_DIMENSIONS = {
    "ease_of_use": gettext_lazy("Ease of use"),
    "learning_impact": gettext_lazy("Impact on learning"),
    "accessibility": gettext_lazy("Accessibility"),
    "privacy": gettext_lazy("Privacy"),
    "value": gettext_lazy("Value for money"),
}
DIFFERENTIATION = {
    "ell": gettext_lazy("English-language learners"),
    "sped": gettext_lazy("Special education"),
    "extension": gettext_lazy("Extension"),
}
# Fields rendered from Markdown and kept in content_html under the same key.
MARKDOWN_FIELDS = ("assessment", "data_collected", "privacy_notes", "accessibility_notes")


def _text(data: dict, key: str, *, limit: int = MAX_TEXT, required: bool = False) -> str:
    value = data.get(key) or ""
    if not isinstance(value, str):
        raise ServiceError(_("This must be text."), field=key)
    value = value.replace("\x00", "").strip()
    if required and not value:
        raise ServiceError(_("This field is required."), field=key)
    if len(value) > limit:
        raise ServiceError(_("Keep this under %(limit)d characters.") % {"limit": limit}, field=key)
    return value


def _lines(data: dict, key: str) -> list[str]:
    value = data.get(key) or []
    if isinstance(value, str):
        value = value.splitlines()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ServiceError(_("Give one item per line."), field=key)
    items = [" ".join(item.replace("\x00", "").split()) for item in value]
    items = [item for item in items if item]
    if len(items) > MAX_LIST:
        raise ServiceError(_("List at most %(max)d items.") % {"max": MAX_LIST}, field=key)
    if any(len(item) > MAX_LINE for item in items):
        raise ServiceError(
            _("Keep each item under %(limit)d characters.") % {"limit": MAX_LINE}, field=key
        )
    return items


def _url(value, field: str, *, required: bool = False) -> str:
    value = str(value or "").strip()
    if not value:
        if required:
            raise ServiceError(_("This field is required."), field=field)
        return ""
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.netloc or len(value) > 500:
        raise ServiceError(_("Give a full web address starting with https://"), field=field)
    return value


def _steps(data: dict) -> list[dict]:
    steps = data.get("steps") or []
    if not isinstance(steps, list) or len(steps) > MAX_LIST:
        raise ServiceError(_("List at most %(max)d steps.") % {"max": MAX_LIST}, field="steps")
    cleaned = []
    for step in steps:
        if not isinstance(step, dict):
            raise ServiceError(_("Each step needs a title."), field="steps")
        title = " ".join(str(step.get("title") or "").replace("\x00", "").split())
        description = str(step.get("description") or "").replace("\x00", "").strip()
        minutes = step.get("minutes")
        if not title and not description and minutes in (None, ""):
            continue
        if not title or len(title) > 120:
            raise ServiceError(_("Give each step a title of up to 120 characters."), field="steps")
        if len(description) > MAX_TEXT:
            raise ServiceError(_("Keep each step under 4,000 characters."), field="steps")
        try:
            minutes = None if minutes in (None, "") else int(minutes)
        except (TypeError, ValueError):
            minutes = -1
        if minutes is not None and not 0 <= minutes <= 600:
            raise ServiceError(_("Give each step's timing in minutes, 0 to 600."), field="steps")
        cleaned.append({"title": title, "minutes": minutes, "description": description})
    return cleaned


def _links(data: dict) -> list[dict]:
    links = data.get("links") or []
    if not isinstance(links, list) or len(links) > 20:
        raise ServiceError(_("Add at most 20 links."), field="links")
    cleaned = []
    for link in links:
        if not isinstance(link, dict):
            raise ServiceError(_("Each link needs a web address."), field="links")
        url = _url(link.get("url"), "links")
        title = " ".join(str(link.get("title") or "").replace("\x00", "").split())[:200]
        if url:
            cleaned.append({"title": title or url, "url": url})
        elif title:
            raise ServiceError(_("Each link needs a web address."), field="links")
    return cleaned


def _plan(data: dict) -> dict:
    differentiation = data.get("differentiation") or {}
    if not isinstance(differentiation, dict):
        raise ServiceError(_("This must be text."), field="differentiation")
    return {
        "objectives": _lines(data, "objectives"),
        "materials": _lines(data, "materials"),
        "steps": _steps(data),
        "differentiation": {
            key: _text(differentiation, key, limit=3000) for key in DIFFERENTIATION
        },
        "assessment": _text(data, "assessment"),
        "links": _links(data),
    }


def _review(data: dict) -> dict:
    cost = data.get("cost_model") or ""
    if cost not in CostModel.values:
        raise ServiceError(_("Choose how the tool is paid for."), field="cost_model")
    platforms = data.get("platforms") or []
    if not isinstance(platforms, list) or not set(platforms) <= set(Platform.values):
        raise ServiceError(_("Choose platforms from the list."), field="platforms")
    accounts = data.get("student_accounts") or ""
    if accounts not in StudentAccounts.values:
        raise ServiceError(_("Say whether students need accounts."), field="student_accounts")
    ratings = data.get("ratings") or {}
    if not isinstance(ratings, dict) or not set(ratings) <= set(RATING_DIMENSIONS):
        raise ServiceError(_("Rate the tool on the listed dimensions."), field="ratings")
    cleaned_ratings = {}
    for key, value in ratings.items():
        if value in (None, ""):
            continue
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = 0
        if not 1 <= number <= 5:
            raise ServiceError(_("Ratings go from 1 to 5."), field="ratings")
        cleaned_ratings[key] = number
    return {
        "tool_name": " ".join(_text(data, "tool_name", limit=120, required=True).split()),
        "tool_url": _url(data.get("tool_url"), "tool_url", required=True),
        "cost_model": cost,
        "platforms": [p for p in Platform.values if p in platforms],
        "grade_suitability": _text(data, "grade_suitability", limit=300),
        "data_collected": _text(data, "data_collected", limit=3000),
        "student_accounts": accounts,
        "privacy_notes": _text(data, "privacy_notes", limit=3000),
        "accessibility_notes": _text(data, "accessibility_notes", limit=3000),
        "ratings": cleaned_ratings,
        "links": _links(data),
    }


def clean_content(kind: str, data) -> tuple[dict, dict]:
    """Check a kind's content; return it cleaned, with its Markdown rendered once."""
    if not isinstance(data, dict):
        raise ServiceError(_("The resource's details are missing."), field="content")
    content = _review(data) if kind == ResourceKind.TOOL_REVIEW else _plan(data)
    html: dict = {key: render(content[key]) for key in MARKDOWN_FIELDS if content.get(key)}
    if "steps" in content:
        html["steps"] = [render(step["description"]) for step in content["steps"]]
    if "differentiation" in content:
        html["differentiation"] = {
            key: render(value) for key, value in content["differentiation"].items() if value
        }
    return content, html
