"""schema.org LearningResource (LRMI) for a resource page, and the JSON download."""

from django.utils.translation import gettext as _

from staffroom.resources.licences import terms
from staffroom.resources.models import Resource, ResourceKind
from staffroom.resources.standards import FRAMEWORKS

# LRMI's learningResourceType uses plain terms; these are the closest for each kind.
RESOURCE_TYPES = {
    ResourceKind.LESSON_PLAN: "Lesson Plan",
    ResourceKind.UNIT: "Unit Plan",
    ResourceKind.ACTIVITY: "Activity",
    ResourceKind.ASSESSMENT: "Assessment",
    ResourceKind.TEMPLATE: "Template",
    ResourceKind.TOOL_REVIEW: "Review",
}


def _duration(minutes: int | None) -> str | None:
    if not minutes:
        return None
    hours, rest = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest else "")


def learning_resource(resource: Resource, *, base_url: str, alignments, subjects, grades) -> dict:
    """Describe a resource for search engines and OER harvesters."""
    licence = terms(resource.licence)
    data = {
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "@id": base_url + resource.get_absolute_url(),
        "url": base_url + resource.get_absolute_url(),
        "name": resource.title,
        "description": resource.summary,
        "learningResourceType": RESOURCE_TYPES[resource.kind],
        "educationalLevel": [str(grade) for grade in grades],
        "about": [str(subject) for subject in subjects],
        "author": {"@type": "Person", "name": resource.author_name or _("A former member")},
        "dateCreated": resource.created_at.isoformat(),
        "dateModified": resource.updated_at.isoformat(),
        "version": resource.version,
        "license": licence.deed_url or None,
        "copyrightNotice": None if licence.deed_url else licence.name,
        "inLanguage": resource.language.slug if resource.language else None,
        "timeRequired": _duration(resource.duration_minutes),
        "teaches": [a.description for a in alignments],
        "educationalAlignment": [
            {
                "@type": "AlignmentObject",
                "alignmentType": "teaches",
                "educationalFramework": (
                    FRAMEWORKS[a.framework].name if a.framework in FRAMEWORKS else a.framework
                ),
                "targetName": a.code,
                "targetDescription": a.description,
            }
            for a in alignments
        ],
        "isBasedOn": [
            {"@type": "LearningResource", "name": credit["title"], "author": credit["author"]}
            for credit in resource.lineage[:1]
        ]
        or None,
    }
    return {key: value for key, value in data.items() if value not in (None, [], "")}


def export(resource: Resource, *, base_url: str, alignments, subjects, grades, attachments) -> dict:
    """The whole resource as data, with links to its attachments, for download."""
    return {
        "id": resource.pk,
        "url": base_url + resource.get_absolute_url(),
        "kind": resource.kind,
        "title": resource.title,
        "summary": resource.summary,
        "author": resource.author_name,
        "community": resource.community.slug if resource.community else None,
        "licence": {
            "code": resource.licence,
            "name": terms(resource.licence).name,
            "url": terms(resource.licence).deed_url or None,
        },
        "language": resource.language.slug if resource.language else None,
        "duration_minutes": resource.duration_minutes,
        "subjects": [s.slug for s in subjects],
        "grade_bands": [g.slug for g in grades],
        "alignments": [
            {"framework": a.framework, "code": a.code, "description": a.description}
            for a in alignments
        ],
        "content": resource.content,
        "version": resource.version,
        "created_at": resource.created_at.isoformat(),
        "updated_at": resource.updated_at.isoformat(),
        "based_on": resource.lineage,
        "attachments": attachments,
        "tried": {
            "teachers": resource.tried_teachers,
            "countries": resource.tried_countries,
            "reports": resource.rating_count,
            "average_rating": resource.rating_average,
        },
        "learning_resource": learning_resource(
            resource, base_url=base_url, alignments=alignments, subjects=subjects, grades=grades
        ),
    }
