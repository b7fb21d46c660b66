"""Every change to library resources: publish, edit, restore, remix, report, delete."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Avg, Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from staffroom.communities.models import Community
from staffroom.core.errors import ServiceError
from staffroom.core.markdown import MAX_BODY_BYTES, render
from staffroom.core.models import GradeBand, Language, Subject
from staffroom.permissions import resources as perms
from staffroom.resources import standards
from staffroom.resources.content import clean_content
from staffroom.resources.licences import Licence, remix_licences
from staffroom.resources.models import (
    Alignment,
    Resource,
    ResourceKind,
    ResourceVersion,
    Setting,
    Standard,
    TriedReport,
)

MAX_ALIGNMENTS = 20
MAX_DURATION = 60 * 24 * 30  # a month of minutes: long units, never a typo of a year


@dataclass
class ResourceData:
    """Everything a member can set on a resource, as a form or the API sends it."""

    title: str
    summary: str
    kind: str = ResourceKind.LESSON_PLAN
    licence: str = Licence.CC_BY
    language: Language | None = None
    duration_minutes: int | None = None
    subjects: Iterable[Subject] = ()
    grade_bands: Iterable[GradeBand] = ()
    content: dict = field(default_factory=dict)
    # (framework, code, description); the description may be blank for catalogue codes.
    alignments: Iterable[tuple[str, str, str]] = ()


@dataclass
class _Clean:
    title: str
    summary: str
    kind: str
    licence: str
    language: Language | None
    duration_minutes: int | None
    subjects: list
    grade_bands: list
    content: dict
    content_html: dict
    alignments: list[tuple[str, str, str]]


def _clean(data: ResourceData, *, allowed_licences: list[str] | None = None) -> _Clean:
    if data.kind not in ResourceKind.values:
        raise ServiceError(_("Choose a kind of resource."), field="kind")
    title = " ".join(str(data.title or "").replace("\x00", "").split())
    if not title:
        raise ServiceError(_("Give the resource a title."), field="title")
    if len(title) > 200:
        raise ServiceError(_("Keep the title under 200 characters."), field="title")
    summary = str(data.summary or "").replace("\x00", "").strip()
    if not summary:
        raise ServiceError(_("Say in a sentence or two what the resource is."), field="summary")
    if len(summary) > 2000:
        raise ServiceError(_("Keep the summary under 2,000 characters."), field="summary")
    if data.licence not in Licence.values:
        raise ServiceError(_("Choose a licence."), field="licence")
    if allowed_licences is not None and data.licence not in allowed_licences:
        raise ServiceError(
            _("The source's licence allows this adaptation only under: %(licences)s.")
            % {"licences": ", ".join(str(Licence(code).label) for code in allowed_licences)},
            field="licence",
        )
    duration = data.duration_minutes
    if duration is not None and not 1 <= duration <= MAX_DURATION:
        raise ServiceError(_("Give the duration in minutes."), field="duration_minutes")
    content, content_html = clean_content(data.kind, data.content)
    if sum(len(str(value)) for value in content.values()) > MAX_BODY_BYTES:
        raise ServiceError(_("Keep the whole resource under 64 KB of text."), field="content")
    return _Clean(
        title=title,
        summary=summary,
        kind=data.kind,
        licence=data.licence,
        language=data.language,
        duration_minutes=duration,
        subjects=list(data.subjects),
        grade_bands=list(data.grade_bands),
        content=content,
        content_html=content_html,
        alignments=_clean_alignments(data.alignments),
    )


def _clean_alignments(rows: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    rows = [
        (f or "", standards.normalize_code(c), " ".join(str(d or "").split())) for f, c, d in rows
    ]
    rows = [row for row in rows if row[1]]
    if len(rows) > MAX_ALIGNMENTS:
        raise ServiceError(_("Align to at most 20 standards."), field="alignments")
    seen: set[tuple[str, str]] = set()
    imported = {}
    cleaned = []
    for framework, code, description in rows:
        if (framework, code) in seen:
            continue
        seen.add((framework, code))
        if framework not in standards.FRAMEWORKS and framework != standards.OTHER:
            imported.setdefault(
                framework,
                set(Standard.objects.filter(framework=framework).values_list("code", flat=True)),
            )
            if not imported[framework]:
                raise ServiceError(_("Choose a standards framework."), field="alignments")
        error = standards.check_code(framework, code, imported=imported.get(framework))
        if error:
            raise ServiceError(error, field="alignments")
        if not description:
            known = Standard.objects.filter(framework=framework, code=code).first()
            if known is None:
                raise ServiceError(
                    _("Describe %(code)s in a few words; it is not in our catalogue.")
                    % {"code": code},
                    field="alignments",
                )
            description = known.description
        cleaned.append((framework, code, description[:500]))
    return cleaned


def snapshot(resource: Resource) -> dict:
    """Everything an edit can change, as plain data, for versions and comparisons."""
    return {
        "title": resource.title,
        "summary": resource.summary,
        "kind": resource.kind,
        "licence": resource.licence,
        "language": resource.language.slug if resource.language else None,
        "duration_minutes": resource.duration_minutes,
        "subjects": sorted(s.slug for s in resource.subjects.all()),
        "grade_bands": sorted(g.slug for g in resource.grade_bands.all()),
        "content": resource.content,
        "alignments": [
            [a.framework, a.code, a.description] for a in resource.alignments.order_by("position")
        ],
    }


def _apply(resource: Resource, clean: _Clean) -> None:
    resource.title = clean.title
    resource.summary = clean.summary
    resource.summary_html = render(clean.summary)
    resource.kind = clean.kind
    resource.licence = clean.licence
    resource.language = clean.language
    resource.duration_minutes = clean.duration_minutes
    resource.content = clean.content
    resource.content_html = clean.content_html
    resource.save()
    resource.subjects.set(clean.subjects)
    resource.grade_bands.set(clean.grade_bands)
    resource.alignments.all().delete()
    Alignment.objects.bulk_create(
        Alignment(resource=resource, framework=f, code=c, description=d, position=n)
        for n, (f, c, d) in enumerate(clean.alignments)
    )


def _record_version(resource: Resource, editor, note: str) -> ResourceVersion:
    return ResourceVersion.objects.create(
        resource=resource,
        number=resource.version,
        snapshot=snapshot(resource),
        note=" ".join(str(note or "").split())[:200],
        editor=editor,
        editor_name=editor.profile.display_name if editor else "",
    )


def _start_discussion(resource: Resource, author, community: Community | None = None) -> None:
    """Give a resource its own discussion thread, in a community's library space."""
    from staffroom.discussions.services import thread_create

    community = community or resource.community
    space = (
        community.spaces.filter(slug="library").first()
        or community.spaces.order_by("position").first()
    )
    if space is None:
        return
    body = _("Discussion of the library resource [%(title)s](%(url)s).") % {
        "title": resource.title.replace("[", "(").replace("]", ")"),
        "url": resource.get_absolute_url(),
    }
    # Only the link: the summary could carry mentions or images the thread would refuse.
    thread = thread_create(
        author=author, community=community, space=space, title=resource.title, body=body
    )
    Resource.objects.filter(pk=resource.pk).update(thread=thread)
    resource.thread = thread


@transaction.atomic
def resource_discussion_start(*, user, resource: Resource, community: Community) -> Resource:
    """Open the discussion of a portfolio resource in a public community the member posts in.

    A portfolio has no community of its own; the discussion lives where colleagues gather, and
    only in a public one, so it is as open as the resource it discusses.
    """
    resource = Resource.objects.select_for_update().get(pk=resource.pk)
    if not perms.can_start_discussion(user, resource, community):
        raise ServiceError(
            _("Choose a public community you post in for this discussion."), field="community"
        )
    if resource.thread_id is not None:
        raise ServiceError(_("This resource already has its discussion."))
    _start_discussion(resource, user, community)
    if resource.thread is None:
        raise ServiceError(_("That community has no space for discussions yet."), field="community")
    return resource


@transaction.atomic
def resource_create(*, author, community: Community | None, data: ResourceData) -> Resource:
    """Publish a resource into a community, or into the author's portfolio when none."""
    if not perms.can_publish(author, community):
        raise ServiceError(_("Only active members of this community can publish here."))
    clean = _clean(data)
    resource = Resource(community=community, author=author, author_name=author.profile.display_name)
    _apply(resource, clean)
    _record_version(resource, author, _("First version"))
    if community is not None:
        _start_discussion(resource, author)
    transaction.on_commit(lambda: _index(resource.pk))
    return resource


def allowed_licences(resource: Resource) -> list[str] | None:
    """The licences an adaptation may switch to, from the credit it keeps of its source.

    The lineage, not the source row, decides: it survives the source being deleted.
    """
    return remix_licences(resource.lineage[0]["licence"]) if resource.lineage else None


@transaction.atomic
def resource_edit(*, editor, resource: Resource, data: ResourceData, note: str = "") -> bool:
    """Save a new version if anything changed; returns whether it did."""
    resource = Resource.objects.select_for_update().get(pk=resource.pk)
    if not perms.can_edit_resource(editor, resource):
        raise ServiceError(_("Only the author or the community's moderators can edit this."))
    allowed = allowed_licences(resource)
    clean = _clean(data, allowed_licences=allowed)
    before = snapshot(resource)
    _apply(resource, clean)
    if snapshot(resource) == before:
        return False
    resource.version += 1
    resource.save(update_fields=["version"])
    _record_version(resource, editor, note)
    transaction.on_commit(lambda: _index(resource.pk))
    return True


def _data_from_snapshot(snap: dict) -> ResourceData:
    return ResourceData(
        title=snap["title"],
        summary=snap["summary"],
        kind=snap["kind"],
        licence=snap["licence"],
        language=Language.objects.filter(slug=snap.get("language")).first()
        if snap.get("language")
        else None,
        duration_minutes=snap.get("duration_minutes"),
        subjects=Subject.objects.filter(slug__in=snap.get("subjects", [])),
        grade_bands=GradeBand.objects.filter(slug__in=snap.get("grade_bands", [])),
        content=snap.get("content", {}),
        alignments=[tuple(row) for row in snap.get("alignments", [])],
    )


@transaction.atomic
def resource_restore(*, editor, resource: Resource, number: int) -> bool:
    """Make an older version current again, as a new version that says where it came from."""
    version = ResourceVersion.objects.filter(resource=resource, number=number).first()
    if version is None:
        raise ServiceError(_("There is no such version."))
    return resource_edit(
        editor=editor,
        resource=resource,
        data=_data_from_snapshot(version.snapshot),
        note=_("Restored version %(number)d") % {"number": number},
    )


@transaction.atomic
def resource_remix(
    *, user, source: Resource, community: Community | None, licence: str | None = None
) -> Resource:
    """Duplicate and adapt: the member's own copy, crediting every resource it came from."""
    if not perms.can_remix(user, source):
        if perms.can_read_resource(user, source):
            raise ServiceError(
                _("All rights are reserved on this resource; ask its author before adapting it.")
            )
        raise ServiceError(_("You cannot adapt this resource."))
    if not perms.can_publish(user, community):
        raise ServiceError(_("Only active members of this community can publish here."))
    if not perms.can_remix_into(source, community):
        raise ServiceError(
            _("This resource belongs to a private community; adaptations stay in that community."),
            field="destination",
        )
    allowed = remix_licences(source.licence)
    data = _data_from_snapshot(snapshot(source))
    data.licence = licence or (source.licence if source.licence in allowed else allowed[0])
    clean = _clean(data, allowed_licences=allowed)
    remix = Resource(
        community=community,
        author=user,
        author_name=user.profile.display_name,
        source=source,
        lineage=[_credit(source), *source.lineage],
    )
    _apply(remix, clean)
    _record_version(
        remix,
        user,
        _("Adapted from “%(title)s” by %(name)s")
        % {
            "title": source.title,
            "name": source.author_name,
        },
    )
    Resource.objects.filter(pk=source.pk).update(remix_count=F("remix_count") + 1)
    if community is not None:
        _start_discussion(remix, user)
    transaction.on_commit(lambda: _index(remix.pk))
    return remix


def _credit(resource: Resource) -> dict:
    return {
        "id": resource.pk,
        "title": resource.title,
        "author": resource.author_name,
        "licence": resource.licence,
        "version": resource.version,
    }


@dataclass
class TriedData:
    grade: str
    class_size: int
    setting: str
    worked: str
    rating: int
    adapted: str = ""
    change_next: str = ""
    grade_band: GradeBand | None = None


@transaction.atomic
def tried_report_create(*, user, resource: Resource, data: TriedData) -> TriedReport:
    """Record how the resource went in a member's class, and update its totals."""
    if not perms.can_report_tried(user, resource):
        raise ServiceError(_("Only members who can post here can report trying it."))
    grade = " ".join(str(data.grade or "").split())
    if not grade or len(grade) > 40:
        raise ServiceError(_("Say which grade or year, in up to 40 characters."), field="grade")
    if not isinstance(data.class_size, int) or not 1 <= data.class_size <= 500:
        raise ServiceError(_("Give the class size, 1 to 500."), field="class_size")
    if data.setting not in Setting.values:
        raise ServiceError(_("Choose in person, remote or hybrid."), field="setting")
    if not isinstance(data.rating, int) or not 1 <= data.rating <= 5:
        raise ServiceError(_("Rate how it went from 1 to 5."), field="rating")
    texts = {}
    for name in ("worked", "adapted", "change_next"):
        value = str(getattr(data, name) or "").replace("\x00", "").strip()
        if len(value) > 3000:
            raise ServiceError(_("Keep this under 3,000 characters."), field=name)
        texts[name] = value
    if not texts["worked"]:
        raise ServiceError(_("Say what worked, even if it was little."), field="worked")
    report = TriedReport.objects.create(
        resource=resource,
        user=user,
        author_name=user.profile.display_name,
        country=str(user.profile.country or ""),
        grade=grade,
        grade_band=data.grade_band,
        class_size=data.class_size,
        setting=data.setting,
        rating=data.rating,
        **texts,
    )
    refresh_tried_totals(resource.pk)
    return report


def refresh_tried_totals(resource_id: int) -> None:
    reports = TriedReport.objects.filter(resource_id=resource_id)
    totals = reports.aggregate(
        teachers=Count("user", distinct=True),
        countries=Count("country", distinct=True, filter=~Q(country="")),
        count=Count("pk"),
        average=Avg("rating"),
    )
    Resource.objects.filter(pk=resource_id).update(
        tried_teachers=totals["teachers"],
        tried_countries=totals["countries"],
        rating_count=totals["count"],
        rating_average=round(totals["average"] or 0, 2),
    )


@transaction.atomic
def resource_delete(*, user, resource: Resource) -> None:
    """Take a resource down; remixes keep their credit to it through their lineage."""
    if not perms.can_edit_resource(user, resource):
        raise ServiceError(_("Only the author or the community's moderators can delete this."))
    deleted = Resource.objects.filter(pk=resource.pk, deleted_at__isnull=True).update(
        deleted_at=timezone.now()
    )
    # A second delete arriving at the same moment must not count the adaptation off twice.
    if deleted and resource.source_id:
        Resource.objects.filter(pk=resource.source_id, remix_count__gt=0).update(
            remix_count=F("remix_count") - 1
        )
    transaction.on_commit(lambda: _index(resource.pk))


def _index(resource_id: int) -> None:
    from staffroom.resources import indexing

    indexing.index_resource(resource_id)
