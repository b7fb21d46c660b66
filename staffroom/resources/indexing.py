"""Keep the search index in step with library resources; called after commit."""

import html

from django.utils.html import strip_tags

from staffroom.resources.models import Resource
from staffroom.search import services as search


def _words(value) -> list[str]:
    """Every string inside a content document, in order."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [word for item in value.values() for word in _words(item)]
    if isinstance(value, list):
        return [word for item in value for word in _words(item)]
    return []


def resource_text(resource: Resource) -> str:
    """A resource's searchable words: summary, structured content and its standards."""
    parts = [html.unescape(strip_tags(resource.summary_html)) or resource.summary]
    parts += _words(resource.content)
    parts += [f"{a.code} {a.description}" for a in resource.alignments.all()]
    return "\n".join(part for part in parts if part)


def index_resource(resource_id: int) -> None:
    """Index a resource, or drop it from the index once it is deleted."""
    resource = (
        Resource.objects.prefetch_related("alignments", "subjects", "grade_bands")
        .filter(pk=resource_id)
        .first()
    )
    if resource is None or resource.deleted_at is not None or resource.community_id is None:
        # Portfolio resources have no community to file them under in the index yet.
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
