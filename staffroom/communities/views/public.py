"""Pages every visitor meets: the directory, a community, joining and leaving."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from staffroom.communities import selectors, services
from staffroom.communities.forms import (
    CommunityForm,
    DirectoryFilterForm,
    JoinRequestForm,
    MemberFilterForm,
)
from staffroom.communities.models import Invitation
from staffroom.core.errors import ServiceError
from staffroom.core.htmx import render_page
from staffroom.orgs.selectors import organizations_managed_by
from staffroom.permissions import communities as perms


@require_safe
def directory(request):
    form = DirectoryFilterForm(request.GET or None)
    filters = selectors.DirectoryFilters()
    if form.is_valid():
        data = form.cleaned_data
        filters = selectors.DirectoryFilters(
            q=data["q"].strip(),
            subject=data["subject"].slug if data["subject"] else "",
            grade_band=data["grade_band"].slug if data["grade_band"] else "",
            language=data["language"].slug if data["language"] else "",
            kind=data["kind"],
        )
    page = selectors.community_directory(
        viewer=request.user, filters=filters, cursor=request.GET.get("after")
    )
    query = request.GET.copy()
    query.pop("after", None)
    return render_page(
        request,
        "communities/directory.html",
        partial="results",
        context={
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "filtered": any(v for k, v in request.GET.items() if k != "after"),
            "can_create": perms.can_create_community(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def create(request):
    organizations = organizations_managed_by(request.user)
    form = CommunityForm(request.POST or None, organizations=organizations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            community = services.community_create(
                creator=request.user,
                name=data["name"],
                slug=data["slug"],
                tagline=data["tagline"],
                domain_statement=data["domain_statement"],
                visibility=data["visibility"],
                join_policy=data["join_policy"],
                subjects=data["subjects"],
                grade_bands=data["grade_bands"],
                languages=data["languages"],
                organization=data.get("organization"),
                restricted_to_organization=data.get("restricted_to_organization", False),
            )
        except ServiceError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("Your community is ready. Invite your colleagues!"))
            return redirect(community.get_absolute_url())
    return render(request, "communities/create.html", {"form": form})


@require_safe
def detail(request, slug: str):
    community = perms.access_community(request.user, slug)
    can_manage = perms.can_manage_community(request.user, community)
    page = selectors.community_page(
        viewer=request.user,
        community=community,
        include_pending=can_manage,
        include_stewards=perms.can_read_community(request.user, community),
    )
    community = page.community
    return render(
        request,
        "communities/detail.html",
        {
            "community": community,
            "page": page,
            "can_read": perms.can_read_community(request.user, community),
            "can_join": perms.can_join_community(request.user, community),
            "can_request": perms.can_request_to_join(request.user, community),
            "can_leave": perms.can_leave_community(request.user, community),
            "can_manage": can_manage,
            "can_moderate": perms.can_moderate_community(request.user, community),
            "request_form": JoinRequestForm(),
        },
    )


@login_required
@require_POST
def join(request, slug: str):
    community = perms.access_community(request.user, slug)
    try:
        services.community_join(user=request.user, community=community)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Welcome to %(name)s!") % {"name": community.name})
    return redirect(community.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def request_join(request, slug: str):
    community = perms.access_community(request.user, slug)
    form = JoinRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.community_request_join(
                user=request.user, community=community, message=form.cleaned_data["message"]
            )
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("Your request is with the stewards. You will see here when they decide.")
            )
        return redirect(community.get_absolute_url())
    return render(request, "communities/request_join.html", {"community": community, "form": form})


@login_required
@require_POST
def leave(request, slug: str):
    community = perms.access_community(request.user, slug)
    try:
        services.community_leave(user=request.user, community=community)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(community.get_absolute_url())
    messages.success(request, _("You have left %(name)s.") % {"name": community.name})
    if perms.can_view_community(request.user, community):
        return redirect(community.get_absolute_url())
    return redirect("communities:directory")


@require_safe
def members(request, slug: str):
    community = perms.access_community(request.user, slug)
    perms.check_can_read_community(request.user, community)
    form = MemberFilterForm(request.GET or None)
    filters = selectors.MemberFilters()
    if form.is_valid():
        data = form.cleaned_data
        filters = selectors.MemberFilters(
            q=data["q"].strip(),
            subject=data["subject"].slug if data["subject"] else "",
            grade_band=data["grade_band"].slug if data["grade_band"] else "",
            country=data["country"],
            role=data["role"],
            mentoring=data["mentoring"],
        )
    page = selectors.member_directory(
        community=community, filters=filters, cursor=request.GET.get("after")
    )
    query = request.GET.copy()
    query.pop("after", None)
    return render_page(
        request,
        "communities/members.html",
        partial="results",
        context={"community": community, "form": form, "page": page, "query": query.urlencode()},
    )


@require_http_methods(["GET", "POST"])
def invitation(request, token: str):
    invite = (
        Invitation.objects.select_related("community__organization").filter(token=token).first()
    )
    if invite is None:
        raise Http404
    community = invite.community
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{_login_url()}?next={request.path}")
        try:
            services.invitation_accept(user=request.user, invitation=invite)
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Welcome to %(name)s!") % {"name": community.name})
            return redirect(community.get_absolute_url())
    return render(
        request,
        "communities/invitation.html",
        {
            "invitation": invite,
            "community": community,
            "can_accept": perms.can_accept_invitation(request.user, invite),
            "already_member": perms.can_post_in_community(request.user, community),
            # A dead link to a secret community must not reveal what it was.
            "show_details": invite.is_usable or perms.can_view_community(request.user, community),
        },
    )


def _login_url() -> str:
    from django.urls import reverse

    return reverse("account_login")
