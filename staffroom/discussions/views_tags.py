"""Steward pages for the community's tags: list and add, rename, delete with confirmation."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from staffroom.communities.models import Community
from staffroom.core.errors import ServiceError
from staffroom.core.outcome import report_outcome
from staffroom.discussions import tags
from staffroom.discussions.models import Tag
from staffroom.permissions.communities import access_community
from staffroom.permissions.discussions import can_manage_tags


class TagForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Tag name"),
        max_length=tags.MAX_NAME_CHARS,
        help_text=gettext_lazy("Short and plain, e.g. “fractions” or “behaviour”."),
    )


def _managed(request, slug: str) -> Community:
    """Fetch a community whose tags the viewer manages; others get the 404 of a missing one."""
    community = access_community(request.user, slug)
    if not can_manage_tags(request.user, community):
        raise Http404
    return community


def _tag(community: Community, tag_id: int) -> Tag:
    tag = get_object_or_404(Tag, pk=tag_id, community=community)
    tag.community = community  # keep the cached membership answers
    return tag


def _save(request, form: TagForm, action) -> Tag | None:
    """Run the service with the form's name; put its refusal on the form."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return action(form.cleaned_data["name"])
    except ServiceError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return None


@login_required
@require_http_methods(["GET", "POST"])
def manage(request, slug: str):
    community = _managed(request, slug)
    form = TagForm(request.POST if request.method == "POST" else None)
    added = _save(
        request,
        form,
        lambda name: tags.tag_create(actor=request.user, community=community, name=name),
    )
    if added is not None:
        messages.success(request, _("Tag “%(name)s” added.") % {"name": added.name})
        return redirect("discussion_tags:manage", slug=slug)
    return render(
        request,
        "discussions/tag_manage.html",
        {
            "community": community,
            "tags": list(tags.tags_for_management(community=community)),
            "form": form,
            "section": "tags",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, slug: str, tag_id: int):
    community = _managed(request, slug)
    tag = _tag(community, tag_id)
    old_name = tag.name
    form = TagForm(request.POST if request.method == "POST" else None, initial={"name": tag.name})
    if _save(request, form, lambda name: tags.tag_rename(actor=request.user, tag=tag, name=name)):
        messages.success(
            request, _("Tag “%(old)s” is now “%(new)s”.") % {"old": old_name, "new": tag.name}
        )
        return redirect("discussion_tags:manage", slug=slug)
    return render(
        request,
        "discussions/tag_manage_edit.html",
        {"community": community, "tag": tag, "form": form, "section": "tags"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def delete(request, slug: str, tag_id: int):
    community = _managed(request, slug)
    tag = _tag(community, tag_id)
    if request.method == "POST":
        report_outcome(
            request,
            lambda: tags.tag_delete(actor=request.user, tag=tag),
            _("Tag “%(name)s” deleted.") % {"name": tag.name},
        )
        return redirect("discussion_tags:manage", slug=slug)
    return render(
        request,
        "discussions/tag_manage_confirm.html",
        {
            "community": community,
            "tag": tag,
            "thread_count": tag.threads.count(),
            "section": "tags",
        },
    )
