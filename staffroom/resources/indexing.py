"""Keep the search index in step with library resources; called after commit."""

import html

from django.utils.html import strip_tags

from staffroom.resources.content import DIFFERENTIATION
from staffroom.resources.models import Resource
from staffroom.search import services as search

# Not prose: a tool's address and settings. Platforms and cost stay searchable ("chromebook",
# "free") but go last, so that snippets show sentences rather than a list of settings.
_NOT_TEXT = {"tool_url", "cost_model", "platforms", "student_accounts", "ratings"}
_SETTINGS = ("platforms", "cost_model")
# PostgreSQL's jsonb keeps keys in its own order; the index reads them in the form's order,
# the same on every database.
_ORDER = (
    "tool_name",
    "grade_suitability",
    "objectives",
    "materials",
    "steps",
    "differentiation",
    "assessment",
    "data_collected",
    "privacy_notes",
    "accessibility_notes",
    "links",
)


def _plain(rendered: str) -> str:
    return html.unescape(strip_tags(rendered))


def _words(value) -> list[str]:
    """Every string inside a content document, in order."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [word for item in value.values() for word in _words(item)]
    if isinstance(value, list):
        return [word for item in value for word in _words(item)]
    return []


def _content_words(content: dict, rendered: dict) -> list[str]:
    """The prose of a content document; Markdown parts as the reader sees them."""
    words: list[str] = []
    keys = sorted(
        content, key=lambda key: (_ORDER.index(key) if key in _ORDER else len(_ORDER), key)
    )
    for key in keys:
        value = content[key]
        if key in _NOT_TEXT:
            continue
        if key == "links":
            words += [link.get("title", "") for link in value]
        elif key == "steps":
            step_html = rendered.get("steps") or []
            for number, step in enumerate(value):
                described = _plain(step_html[number]) if number < len(step_html) else ""
                words += [step.get("title", ""), described or step.get("description", "")]
        elif key in rendered and isinstance(value, dict):
            parts = [part for part in DIFFERENTIATION if part in value] + [
                part for part in sorted(value) if part not in DIFFERENTIATION
            ]
            words += [_plain(rendered[key].get(part, "")) or value[part] for part in parts]
        elif key in rendered:
            words.append(_plain(rendered[key]) or value)
        else:
            words += _words(value)
    return words


def resource_text(resource: Resource) -> str:
    """A resource's searchable words: summary, structured content and its standards."""
    parts = [_plain(resource.summary_html) or resource.summary]
    parts += _content_words(resource.content or {}, resource.content_html or {})
    parts += [f"{a.code} {a.description}" for a in resource.alignments.all()]
    parts.append(" ".join(word for key in _SETTINGS for word in _words(resource.content.get(key))))
    return "\n".join(part.strip() for part in parts if part and part.strip())


def index_resource(resource_id: int) -> None:
    """Index a resource, or drop it from the index once it is deleted.

    A portfolio resource has no community and is public; so is its document.
    """
    resource = (
        Resource.objects.prefetch_related("alignments", "subjects", "grade_bands")
        .filter(pk=resource_id)
        .first()
    )
    if resource is None or resource.deleted_at is not None:
        search.document_delete(kind="resource", object_id=resource_id)
        return
    search.document_upsert(
        kind="resource",
        object_id=resource.pk,
        community_id=resource.community_id,
        title=resource.title,
        body=resource_text(resource),
        tags=[s.slug for s in resource.subjects.all()]
        + [g.slug for g in resource.grade_bands.all()],
        thread_kind=resource.kind,
        attrs={
            "url": resource.get_absolute_url(),
            "author": resource.author_name,
            "resource_kind": resource.kind,
            "licence": resource.licence,
        },
        created_at=resource.created_at,
    )
