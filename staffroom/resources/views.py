"""The library pages: browse, read, publish, edit, compare versions, adapt and report."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from staffroom.communities.models import Community, Membership, MembershipState
from staffroom.core.errors import ServiceError
from staffroom.core.outcome import report_outcome
from staffroom.permissions import communities as community_perms
from staffroom.permissions import resources as perms
from staffroom.permissions.actors import remember_membership
from staffroom.resources import jsonld, selectors, services
from staffroom.resources.content import (
    DIFFERENTIATION,
    RATING_DIMENSIONS,
    CostModel,
    Platform,
    StudentAccounts,
)
from staffroom.resources.forms import (
    AlignmentFormSet,
    DiscussForm,
    LibraryFilterForm,
    RemixForm,
    ResourceForm,
    StepFormSet,
    TriedForm,
    format_links,
)
from staffroom.resources.licences import TERMS, remix_licences
from staffroom.resources.models import Attachment, Resource, ResourceKind, ResourceVersion, Standard


def _base_url(request) -> str:
    return f"{request.scheme}://{request.get_host()}"


# --- browsing -----------------------------------------------------------------------------------


def _library_page(request, community: Community | None):
    form = LibraryFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.LibraryFilters(
        kind=data.get("kind") or "",
        subject=data.get("subject") or "",
        grade=data.get("grade") or "",
        licence=data.get("licence") or "",
        standard=data.get("standard") or "",
        language=data.get("language") or "",
        max_minutes=data.get("max_minutes"),
        sort=data.get("sort") or "newest",
    )
    query = (data.get("q") or "").strip()
    if query:
        filters.ids = _search_ids(request.user, query, community)
    page = selectors.library(
        viewer=request.user, filters=filters, community=community, cursor=request.GET.get("after")
    )
    params = request.GET.copy()
    params.pop("after", None)
    return render(
        request,
        "resources/library.html",
        {
            "community": community,
            "form": form,
            "page": page,
            "query": params.urlencode(),
            "can_publish": perms.can_publish(request.user, community),
        },
    )


def _search_ids(user, query: str, community) -> list[int]:
    from staffroom.search import selectors as search

    results = search.search(viewer=user, q=query, kind="resource", community=community, limit=100)
    return [hit.object_id for hit in results.results]


@require_safe
def library(request):
    return _library_page(request, None)


@require_safe
def community_library(request, slug: str):
    community = community_perms.access_community(request.user, slug)
    community_perms.check_can_read_community(request.user, community)
    return _library_page(request, community)


# --- one resource -------------------------------------------------------------------------------


@require_safe
def detail(request, resource_id: int):
    resource = perms.access_resource(request.user, resource_id)
    page = selectors.resource_page(viewer=request.user, resource=resource)
    subjects = list(resource.subjects.all())
    grades = list(resource.grade_bands.all())
    attachments = list(resource.attachments.all())
    structured = jsonld.learning_resource(
        resource,
        base_url=_base_url(request),
        alignments=page.alignments,
        subjects=subjects,
        grades=grades,
    )
    return render(
        request,
        "resources/detail.html",
        {
            "resource": resource,
            "community": resource.community,
            "page": page,
            "subjects": subjects,
            "grades": grades,
            "attachments": attachments,
            "licence": TERMS[resource.licence],
            "jsonld": json.dumps(structured, ensure_ascii=False).replace("<", "\\u003c"),
            "differentiation": DIFFERENTIATION,
            "rating_dimensions": RATING_DIMENSIONS,
            "can_edit": perms.can_edit_resource(request.user, resource),
            "can_remix": perms.can_remix(request.user, resource),
            "can_report": perms.can_report_tried(request.user, resource),
            **_content_display(resource),
        },
    )


def _content_display(resource: Resource) -> dict:
    """Pair stored content with its rendered HTML and human labels for the template."""
    content, html = resource.content, resource.content_html
    if resource.is_tool_review:
        ratings = content.get("ratings", {})
        return {
            "tool_cost": CostModel(content["cost_model"]).label,
            "tool_platforms": [Platform(p).label for p in content.get("platforms", [])],
            "tool_accounts": StudentAccounts(content["student_accounts"]).label,
            "tool_ratings": [
                (label, ratings[key]) for key, label in RATING_DIMENSIONS.items() if key in ratings
            ],
        }
    steps = content.get("steps", [])
    step_html = html.get("steps", [])
    diff_html = html.get("differentiation", {})
    return {
        "steps": list(zip(steps, step_html + [""] * (len(steps) - len(step_html)), strict=True)),
        "differentiation_rows": [
            (label, diff_html[key]) for key, label in DIFFERENTIATION.items() if diff_html.get(key)
        ],
    }


@require_safe
def download(request, resource_id: int):
    resource = perms.access_resource(request.user, resource_id)
    attachments = [
        {
            "name": item.original_name,
            "content_type": item.content_type,
            "size": item.size,
            "url": _base_url(request)
            + reverse("resources:attachment", args=[resource.pk, item.pk]),
        }
        for item in resource.attachments.all()
    ]
    data = jsonld.export(
        resource,
        base_url=_base_url(request),
        alignments=list(resource.alignments.all()),
        subjects=list(resource.subjects.all()),
        grades=list(resource.grade_bands.all()),
        attachments=attachments,
    )
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="resource-{resource.pk}.json"'
    return response


@require_safe
def attachment(request, resource_id: int, attachment_id: int):
    """Send an attachment, only to those who may read its resource."""
    resource = perms.access_resource(request.user, resource_id)
    item = get_object_or_404(Attachment, pk=attachment_id, resource=resource)
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    inline = item.content_type.startswith("image/") or item.content_type == "application/pdf"
    response = FileResponse(handle, content_type=item.content_type)
    name = item.original_name.encode("ascii", "ignore").decode() or f"attachment-{item.pk}"
    name = name.replace('"', "").replace("\\", "")
    response["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


# --- publishing and editing ---------------------------------------------------------------------


def _imported_frameworks() -> list[tuple[str, str]]:
    return list(
        Standard.objects.exclude(source="bundled")
        .values_list("framework", "framework_name")
        .distinct()
        .order_by("framework_name")
    )


def _formsets(request, *, steps=(), alignments=(), bound: bool):
    frameworks = _imported_frameworks()
    more_steps = 3 if "more_steps" in request.POST else 0
    more_alignments = 2 if "more_alignments" in request.POST else 0
    if bound:
        step_set = StepFormSet(request.POST, prefix="steps")
        alignment_set = AlignmentFormSet(
            request.POST, prefix="alignments", form_kwargs={"frameworks": frameworks}
        )
        if more_steps or more_alignments:
            # Redisplay what was typed with room for more, without saving anything.
            step_set = StepFormSet(initial=_rows(step_set) + [{}] * more_steps, prefix="steps")
            alignment_set = AlignmentFormSet(
                initial=_rows(alignment_set) + [{}] * more_alignments,
                prefix="alignments",
                form_kwargs={"frameworks": frameworks},
            )
        return step_set, alignment_set
    step_set = StepFormSet(initial=[*list(steps), {}, {}], prefix="steps")
    alignment_set = AlignmentFormSet(
        initial=[*list(alignments), {}],
        prefix="alignments",
        form_kwargs={"frameworks": frameworks},
    )
    return step_set, alignment_set


def _rows(formset) -> list[dict]:
    rows = []
    for form in formset.forms:
        form.is_valid()
        rows.append({name: form.data.get(form.add_prefix(name), "") for name in form.fields})
    return rows


def _data_from(form: ResourceForm, step_set, alignment_set, kind: str) -> services.ResourceData:
    content = form.content()
    if kind != ResourceKind.TOOL_REVIEW:
        content["steps"] = [f.cleaned_data for f in step_set.forms if f.cleaned_data]
    data = form.cleaned_data
    return services.ResourceData(
        title=data["title"],
        summary=data["summary"],
        kind=kind,
        licence=data["licence"],
        language=data.get("language"),
        duration_minutes=data.get("duration_minutes"),
        subjects=data.get("subjects") or (),
        grade_bands=data.get("grade_bands") or (),
        content=content,
        alignments=[
            (
                f.cleaned_data.get("framework", ""),
                f.cleaned_data.get("code", ""),
                f.cleaned_data.get("description", ""),
            )
            for f in alignment_set.forms
            if f.cleaned_data
        ],
    )


def _publishable(user) -> list[Community]:
    """The communities a member may publish in, read with their memberships in one query."""
    memberships = (
        Membership.objects.filter(user=user, state=MembershipState.ACTIVE)
        .select_related("community")
        .order_by("community__name")
    )
    communities = []
    for membership in memberships:
        # The permission checks below then reuse this row instead of asking again.
        remember_membership(user, membership.community, membership)
        if perms.can_publish(user, membership.community):
            communities.append(membership.community)
    return communities


def _destinations(user, communities: list[Community] | None = None) -> list[tuple[str, str]]:
    """Where a member may publish: their portfolio, or a community they post in."""
    communities = _publishable(user) if communities is None else communities
    return [("", _("My portfolio (public)"))] + [(c.slug, c.name) for c in communities]


def _initial(resource: Resource) -> tuple[dict, list, list]:
    content = resource.content
    initial = {
        "title": resource.title,
        "summary": resource.summary,
        "licence": resource.licence,
        "language": resource.language,
        "duration_minutes": resource.duration_minutes,
        "subjects": list(resource.subjects.all()),
        "grade_bands": list(resource.grade_bands.all()),
        "links": format_links(content.get("links", [])),
    }
    if resource.is_tool_review:
        initial.update(
            {
                key: content.get(key, "")
                for key in (
                    "tool_name",
                    "tool_url",
                    "cost_model",
                    "platforms",
                    "grade_suitability",
                    "data_collected",
                    "student_accounts",
                    "privacy_notes",
                    "accessibility_notes",
                )
            }
        )
        for key in RATING_DIMENSIONS:
            initial[f"rating_{key}"] = content.get("ratings", {}).get(key)
    else:
        initial["objectives"] = "\n".join(content.get("objectives", []))
        initial["materials"] = "\n".join(content.get("materials", []))
        initial["assessment"] = content.get("assessment", "")
        for key in DIFFERENTIATION:
            initial[f"diff_{key}"] = content.get("differentiation", {}).get(key, "")
    alignments = [
        {"framework": a.framework, "code": a.code, "description": a.description}
        for a in resource.alignments.all()
    ]
    return initial, content.get("steps", []), alignments


@login_required
@require_http_methods(["GET", "POST"])
def create(request):
    kind = request.GET.get("kind") or request.POST.get("kind_choice")
    destinations = _destinations(request.user)
    slug = request.GET.get("community", "")
    if slug and slug not in {value for value, _label in destinations}:
        raise Http404
    if kind not in ResourceKind.values:
        return render(
            request,
            "resources/choose_kind.html",
            {"kinds": ResourceKind.choices, "community_slug": slug},
        )
    bound = request.method == "POST"
    form = ResourceForm(request.POST if bound else None, kind=kind)
    form.fields["destination"] = _destination_field(destinations, slug)
    step_set, alignment_set = _formsets(request, bound=bound)
    adding_rows = "more_steps" in request.POST or "more_alignments" in request.POST
    if bound and not adding_rows and _all_valid(form, step_set, alignment_set):
        community = Community.objects.filter(slug=form.cleaned_data["destination"]).first()
        try:
            resource = services.resource_create(
                author=request.user,
                community=community,
                data=_data_from(form, step_set, alignment_set, kind),
            )
        except ServiceError as error:
            _show_error(form, error)
        else:
            messages.success(request, _("Published. Thank you for sharing your practice."))
            return redirect(resource)
    elif adding_rows:
        form.errors.clear()
    return render(
        request,
        "resources/form.html",
        {
            "form": form,
            "steps": step_set,
            "alignments": alignment_set,
            "kind": kind,
            "kind_label": ResourceKind(kind).label,
            "creating": True,
        },
    )


def _destination_field(destinations, slug: str):
    from django import forms

    return forms.ChoiceField(
        label=_("Publish in"), choices=destinations, initial=slug, required=False
    )


def _all_valid(*parts) -> bool:
    return all([part.is_valid() for part in parts])


def _show_error(form, error: ServiceError) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, resource_id: int):
    resource = perms.access_resource(request.user, resource_id)
    if not perms.can_edit_resource(request.user, resource):
        raise Http404
    allowed = services.allowed_licences(resource)
    bound = request.method == "POST"
    initial, steps, alignments = _initial(resource)
    form = ResourceForm(
        request.POST if bound else None,
        kind=resource.kind,
        allowed_licences=allowed,
        initial=initial,
    )
    step_set, alignment_set = _formsets(request, steps=steps, alignments=alignments, bound=bound)
    adding_rows = "more_steps" in request.POST or "more_alignments" in request.POST
    if bound and not adding_rows and _all_valid(form, step_set, alignment_set):
        try:
            changed = services.resource_edit(
                editor=request.user,
                resource=resource,
                data=_data_from(form, step_set, alignment_set, resource.kind),
                note=form.cleaned_data.get("note", ""),
            )
        except ServiceError as error:
            _show_error(form, error)
        else:
            messages.success(
                request, _("Saved as a new version.") if changed else _("Nothing had changed.")
            )
            return redirect(resource)
    elif adding_rows:
        form.errors.clear()
    return render(
        request,
        "resources/form.html",
        {
            "form": form,
            "steps": step_set,
            "alignments": alignment_set,
            "kind": resource.kind,
            "kind_label": resource.get_kind_display(),
            "resource": resource,
            "creating": False,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def delete(request, resource_id: int):
    resource = perms.access_resource(request.user, resource_id)
    if not perms.can_edit_resource(request.user, resource):
        raise Http404
    if request.method == "POST":
        services.resource_delete(user=request.user, resource=resource)
        messages.success(request, _("The resource is deleted."))
        return redirect("resources:library")
    return render(request, "resources/delete.html", {"resource": resource})


# --- history ------------------------------------------------------------------------------------


@require_safe
def history(request, resource_id: int):
    resource = perms.access_resource(request.user, resource_id)
    return render(
        request,
        "resources/history.html",
        {
            "resource": resource,
            "versions": selectors.versions(resource=resource),
            "can_edit": perms.can_edit_resource(request.user, resource),
        },
    )


@require_safe
def version(request, resource_id: int, number: int):
    resource = perms.access_resource(request.user, resource_id)
    try:
        current, changes = selectors.version_diff(resource=resource, number=number)
    except ResourceVersion.DoesNotExist:
        raise Http404 from None
    return render(
        request,
        "resources/version.html",
        {
            "resource": resource,
            "version": current,
            "changes": changes,
            "can_edit": perms.can_edit_resource(request.user, resource),
        },
    )


@login_required
@require_POST
def restore(request, resource_id: int, number: int):
    resource = perms.access_resource(request.user, resource_id)
    report_outcome(
        request,
        lambda: services.resource_restore(editor=request.user, resource=resource, number=number),
        _("Version %(number)d is current again, saved as a new version.") % {"number": number},
    )
    return redirect("resources:history", resource.pk)


# --- remix and reports --------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def remix(request, resource_id: int):
    resource = perms.access_resource(request.user, resource_id)
    allowed = remix_licences(resource.licence)
    if not perms.can_remix(request.user, resource):
        messages.error(
            request,
            _("All rights are reserved on this resource; ask its author before adapting it."),
        )
        return redirect(resource)
    communities = _publishable(request.user)
    destinations = [
        (slug, name)
        for slug, name in _destinations(request.user, communities)
        if perms.can_remix_into(resource, next((c for c in communities if c.slug == slug), None))
    ]
    form = RemixForm(request.POST or None, destinations=destinations, allowed=allowed)
    if request.method == "POST" and form.is_valid():
        community = Community.objects.filter(slug=form.cleaned_data["destination"]).first()
        try:
            copy = services.resource_remix(
                user=request.user,
                source=resource,
                community=community,
                licence=form.cleaned_data["licence"],
            )
        except ServiceError as error:
            _show_error(form, error)
        else:
            messages.success(
                request, _("Your adaptation is ready to edit. The original is credited.")
            )
            return redirect("resources:edit", copy.pk)
    return render(request, "resources/remix.html", {"resource": resource, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def tried(request, resource_id: int):
    resource = perms.access_resource(request.user, resource_id)
    if not perms.can_report_tried(request.user, resource):
        raise Http404
    form = TriedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.tried_report_create(
                user=request.user,
                resource=resource,
                data=services.TriedData(
                    grade=data["grade"],
                    grade_band=data.get("grade_band"),
                    class_size=data["class_size"],
                    setting=data["setting"],
                    adapted=data["adapted"],
                    worked=data["worked"],
                    change_next=data["change_next"],
                    rating=data["rating"],
                ),
            )
        except ServiceError as error:
            _show_error(form, error)
        else:
            messages.success(request, _("Thank you: your report helps the next teacher."))
            return redirect(resource.get_absolute_url() + "#tried")
    return render(request, "resources/tried_form.html", {"resource": resource, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def discuss(request, resource_id: int):
    """Open a portfolio resource's discussion in a public community the member chooses."""
    resource = perms.access_resource(request.user, resource_id)
    if resource.thread_id and resource.thread:
        return redirect(resource.thread.get_absolute_url())
    choices = [
        (community.slug, community.name)
        for community in _publishable(request.user)
        if perms.can_start_discussion(request.user, resource, community)
    ]
    form = DiscussForm(request.POST or None, choices=choices)
    if request.method == "POST" and form.is_valid():
        community = Community.objects.filter(slug=form.cleaned_data["community"]).first()
        try:
            resource = services.resource_discussion_start(
                user=request.user, resource=resource, community=community
            )
        except ServiceError as error:
            _show_error(form, error)
        else:
            return redirect(resource.thread.get_absolute_url())
    return render(
        request, "resources/discuss.html", {"resource": resource, "form": form, "choices": choices}
    )
