"""Reads for the library: filtered lists, a resource's page, its history and diffs."""

import difflib
import json
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet, Value
from django.utils.translation import gettext

from staffroom.communities.models import Community
from staffroom.core.pagination import Page, keyset_page
from staffroom.permissions.resources import readable_resources
from staffroom.resources.models import Alignment, Resource, ResourceVersion, TriedReport
from staffroom.resources.standards import normalize_code

RESOURCES_PER_PAGE = 24
SORTS = {
    "newest": ("-created_at", "-pk"),
    "tried": ("-tried_teachers", "-pk"),
    "rated": ("-rating_average", "-pk"),
}


@dataclass
class LibraryFilters:
    kind: str = ""
    subject: str = ""
    grade: str = ""
    licence: str = ""
    standard: str = ""
    language: str = ""
    max_minutes: int | None = None
    sort: str = "newest"
    ids: list[int] | None = None  # from a full-text search, already ranked


# What a library card shows, and the orders' columns; the rest of a resource (its content,
# rendered HTML, lineage) is read only on its own page. Decoding every card's JSON content
# was most of the list's database time.
LIST_FIELDS = (
    "title",
    "kind",
    "licence",
    "author_name",
    "community__name",
    "duration_minutes",
    "created_at",
    "tried_teachers",
    "rating_count",
    "rating_average",
)


def _tagged(through, **condition) -> Exists:
    return Exists(through.objects.filter(resource_id=OuterRef("pk"), **condition))


def library(
    *,
    viewer,
    filters: LibraryFilters,
    community: Community | None = None,
    cursor: str | None = None,
    size: int = RESOURCES_PER_PAGE,
) -> Page:
    """List the resources the viewer may read, filtered, in a keyset-paginated order.

    Subjects, grade bands and standards filter through EXISTS, not joins: a join can repeat a
    resource (a code in two frameworks), and the DISTINCT that removed repeats made the
    database gather and sort every match before it could return the first page.
    """
    queryset: QuerySet = readable_resources(viewer)
    if community is not None:
        queryset = queryset.filter(community=community)
    if filters.ids is not None:
        queryset = queryset.filter(pk__in=filters.ids)
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.subject:
        subjects = Resource.subjects.through
        queryset = queryset.filter(_tagged(subjects, subject__slug=filters.subject))
    if filters.grade:
        grades = Resource.grade_bands.through
        queryset = queryset.filter(_tagged(grades, gradeband__slug=filters.grade))
    if filters.licence:
        queryset = queryset.filter(licence=filters.licence)
    if filters.standard:
        code = normalize_code(filters.standard)
        queryset = queryset.filter(_tagged(Alignment, code=code))
    if filters.language:
        queryset = queryset.filter(language__slug=filters.language)
    if filters.max_minutes:
        queryset = queryset.filter(duration_minutes__lte=filters.max_minutes)
    queryset = queryset.select_related("community").only(*LIST_FIELDS)
    order = SORTS.get(filters.sort, SORTS["newest"])
    page = keyset_page(queryset, order=order, cursor=cursor, size=size)
    _attach_labels(page.items)
    return page


def _attach_labels(resources: list[Resource]) -> None:
    """Give each card the names of its subjects and grade bands, in the vocabulary's order,
    read in one query for the page (a prefetch per vocabulary was two, and a model a label)."""
    ids = [resource.pk for resource in resources]
    if not ids:
        return
    # The constant goes last: a union's columns come in that order on every Django version.
    subjects = (
        Resource.subjects.through.objects.filter(resource_id__in=ids)
        .annotate(vocabulary=Value(0))
        .values_list("resource_id", "subject__position", "subject__name", "vocabulary")
    )
    grades = (
        Resource.grade_bands.through.objects.filter(resource_id__in=ids)
        .annotate(vocabulary=Value(1))
        .values_list("resource_id", "gradeband__position", "gradeband__name", "vocabulary")
    )
    names: dict[int, tuple[list, list]] = {pk: ([], []) for pk in ids}
    rows = sorted(subjects.union(grades, all=True), key=lambda r: (r[0], r[3], r[1], r[2]))
    for resource_id, _position, name, vocabulary in rows:
        # Seeded names are in the message catalogue, as VocabularyTerm.__str__ shows them.
        names[resource_id][vocabulary].append(gettext(name))
    for resource in resources:
        resource.subject_names, resource.grade_names = names[resource.pk]


@dataclass
class ResourcePage:
    resource: Resource
    alignments: list
    reports: list
    remixes: list
    versions: int


def resource_page(*, viewer, resource: Resource) -> ResourcePage:
    """Everything the resource page shows, in a fixed number of queries.

    Most resources have no adaptations and no tried-it reports yet; the counters the services
    keep on the resource say so, and save the page those two queries.
    """
    remixes, reports = [], []
    if resource.remix_count:
        remixes = list(
            readable_resources(viewer, Resource.objects.filter(source=resource)).order_by(
                "-created_at"
            )[:20]
        )
    if resource.rating_count:
        reports = list(
            TriedReport.objects.filter(resource=resource)
            .select_related("grade_band")
            .order_by("-created_at")[:50]
        )
    return ResourcePage(
        resource=resource,
        alignments=list(resource.alignments.all()),
        reports=reports,
        remixes=remixes,
        versions=resource.version,
    )


def versions(*, resource: Resource) -> list[ResourceVersion]:
    return list(resource.versions.select_related("editor__profile").order_by("-number"))


@dataclass
class FieldChange:
    field: str
    lines: list[tuple[str, str]]  # (marker, text): "+" added, "-" removed, " " context


def _as_lines(value) -> list[str]:
    if isinstance(value, str):
        return value.splitlines() or [""]
    return json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True).splitlines()


def version_diff(*, resource: Resource, number: int) -> tuple[ResourceVersion, list[FieldChange]]:
    """Compare a version with the one before it, field by field."""
    wanted = list(
        ResourceVersion.objects.filter(resource=resource, number__in=[number - 1, number])
        .select_related("editor__profile")
        .order_by("number")
    )
    if not wanted or wanted[-1].number != number:
        raise ResourceVersion.DoesNotExist
    current = wanted[-1]
    previous = wanted[0].snapshot if len(wanted) == 2 else {}
    changes = []
    for key, value in current.snapshot.items():
        before = previous.get(key)
        if before == value:
            continue
        if isinstance(value, dict) and isinstance(before, dict):
            for sub in sorted(set(value) | set(before)):
                if value.get(sub) != before.get(sub):
                    changes.append(_change(f"{key}.{sub}", before.get(sub), value.get(sub)))
        else:
            changes.append(_change(key, before, value))
    return current, changes


def _change(field: str, before, after) -> FieldChange:
    old = _as_lines(before) if before is not None else []
    new = _as_lines(after) if after is not None else []
    lines = [(line[0], line[2:]) for line in difflib.ndiff(old, new) if not line.startswith("?")]
    return FieldChange(field=field, lines=lines)
