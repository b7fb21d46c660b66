"""Steward pages: settings, spaces, members and requests, invitations, stewardship."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from staffroom.communities import selectors, services
from staffroom.communities.forms import (
    BanForm,
    CommunityForm,
    InvitationForm,
    RoleForm,
    SpaceForm,
    TransferForm,
)
from staffroom.communities.models import Community, Membership, MembershipState, Role
from staffroom.core.errors import ServiceError
from staffroom.core.outcome import report_outcome
from staffroom.orgs.selectors import organizations_for_community
from staffroom.permissions import communities as perms


def _managed(request, slug: str) -> Community:
    """Fetch a community the viewer stewards; others get the same 404 as for a missing one."""
    community = perms.access_community(request.user, slug)
    if not perms.can_manage_community(request.user, community):
        raise Http404
    return community


def _moderated(request, slug: str) -> Community:
    community = perms.access_community(request.user, slug)
    if not perms.can_moderate_community(request.user, community):
        raise Http404
    return community


@login_required
@require_http_methods(["GET", "POST"])
def settings_view(request, slug: str):
    community = _managed(request, slug)
    form = CommunityForm(
        request.POST or None,
        instance=community,
        organizations=organizations_for_community(request.user, community),
        editing=True,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {key: data[key] for key in form.fields if key in data}
        try:
            services.community_update(actor=request.user, community=community, **fields)
        except ServiceError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("Settings saved."))
            return redirect("communities:manage", slug=community.slug)
    return render(
        request,
        "communities/manage/settings.html",
        {"community": community, "form": form, "section": "settings"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def spaces(request, slug: str):
    community = _managed(request, slug)
    form = SpaceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.space_create(
                actor=request.user,
                community=community,
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
            )
        except ServiceError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("Space added."))
            return redirect("communities:manage_spaces", slug=slug)
    return render(
        request,
        "communities/manage/spaces.html",
        {
            "community": community,
            "spaces": list(community.spaces.all()),
            "form": form,
            "section": "spaces",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def space_edit(request, slug: str, space_id: int):
    community = _managed(request, slug)
    space = get_object_or_404(community.spaces, pk=space_id)
    form = SpaceForm(
        request.POST or None, initial={"name": space.name, "description": space.description}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.space_update(
                actor=request.user,
                space=space,
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
            )
        except ServiceError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("Space saved."))
            return redirect("communities:manage_spaces", slug=slug)
    return render(
        request,
        "communities/manage/space_edit.html",
        {"community": community, "space": space, "form": form, "section": "spaces"},
    )


@login_required
@require_POST
def space_move(request, slug: str, space_id: int):
    community = _managed(request, slug)
    space = get_object_or_404(community.spaces, pk=space_id)
    services.space_move(
        actor=request.user, space=space, direction=request.POST.get("direction", "")
    )
    return redirect("communities:manage_spaces", slug=slug)


@login_required
@require_POST
def space_delete(request, slug: str, space_id: int):
    community = _managed(request, slug)
    space = get_object_or_404(community.spaces, pk=space_id)
    report_outcome(
        request,
        lambda: services.space_delete(actor=request.user, space=space),
        _("Space “%(name)s” deleted.") % {"name": space.name},
    )
    return redirect("communities:manage_spaces", slug=slug)


@login_required
@require_safe
def members(request, slug: str):
    community = _moderated(request, slug)
    return render(
        request,
        "communities/manage/members.html",
        {
            "community": community,
            "pending": selectors.pending_requests(community=community),
            "memberships": selectors.members_for_management(community=community),
            "roles": Role.choices,
            "can_manage": perms.can_manage_community(request.user, community),
            "section": "members",
        },
    )


def _membership(community: Community, membership_id: int) -> Membership:
    return get_object_or_404(
        Membership.objects.select_related("user__profile", "community"),
        pk=membership_id,
        community=community,
    )


@login_required
@require_POST
def member_decide(request, slug: str, membership_id: int):
    community = _managed(request, slug)
    membership = _membership(community, membership_id)
    name = membership.user.profile.display_name
    if request.POST.get("decision") == "approve":
        report_outcome(
            request,
            lambda: services.membership_approve(actor=request.user, membership=membership),
            _("%(name)s is now a member.") % {"name": name},
        )
    elif request.POST.get("decision") == "decline":
        report_outcome(
            request,
            lambda: services.membership_decline(actor=request.user, membership=membership),
            _("You declined %(name)s's request.") % {"name": name},
        )
    else:
        messages.error(request, _("Choose approve or decline."))
    return redirect("communities:manage_members", slug=slug)


@login_required
@require_POST
def member_role(request, slug: str, membership_id: int):
    community = _managed(request, slug)
    membership = _membership(community, membership_id)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid role."))
    else:
        report_outcome(
            request,
            lambda: services.membership_set_role(
                actor=request.user, membership=membership, role=form.cleaned_data["role"]
            ),
            _("%(name)s is now %(role)s.")
            % {
                "name": membership.user.profile.display_name,
                "role": Role(form.cleaned_data["role"]).label.lower(),
            },
        )
    return redirect("communities:manage_members", slug=slug)


@login_required
@require_POST
def member_ban(request, slug: str, membership_id: int):
    community = _moderated(request, slug)
    membership = _membership(community, membership_id)
    form = BanForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Keep the reason under 500 characters."))
    else:
        report_outcome(
            request,
            lambda: services.membership_ban(
                actor=request.user,
                community=community,
                user=membership.user,
                reason=form.cleaned_data["reason"],
            ),
            _("%(name)s is banned.") % {"name": membership.user.profile.display_name},
        )
    return redirect("communities:manage_members", slug=slug)


@login_required
@require_POST
def member_unban(request, slug: str, membership_id: int):
    community = _moderated(request, slug)
    membership = _membership(community, membership_id)
    if membership.state != MembershipState.BANNED:
        messages.error(request, _("That person is not banned."))
    else:
        report_outcome(
            request,
            lambda: services.membership_unban(actor=request.user, membership=membership),
            _("The ban on %(name)s is lifted.") % {"name": membership.user.profile.display_name},
        )
    return redirect("communities:manage_members", slug=slug)


@login_required
@require_POST
def member_remove(request, slug: str, membership_id: int):
    community = _managed(request, slug)
    membership = _membership(community, membership_id)
    report_outcome(
        request,
        lambda: services.membership_remove(actor=request.user, membership=membership),
        _("%(name)s was removed.") % {"name": membership.user.profile.display_name},
    )
    return redirect("communities:manage_members", slug=slug)


@login_required
@require_http_methods(["GET", "POST"])
def invitations(request, slug: str):
    community = _managed(request, slug)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invite = services.invitation_create(
                actor=request.user,
                community=community,
                days=form.cleaned_data["days"],
                max_uses=form.cleaned_data["max_uses"],
                note=form.cleaned_data["note"],
            )
        except ServiceError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(
                request,
                _("New invitation link: %(url)s")
                % {"url": request.build_absolute_uri(invite.get_absolute_url())},
            )
            return redirect("communities:manage_invitations", slug=slug)
    return render(
        request,
        "communities/manage/invitations.html",
        {
            "community": community,
            "form": form,
            "invitations": list(community.invitations.select_related("created_by__profile")),
            "section": "invitations",
        },
    )


@login_required
@require_POST
def invitation_revoke(request, slug: str, invitation_id: int):
    community = _managed(request, slug)
    invite = get_object_or_404(community.invitations, pk=invitation_id)
    report_outcome(
        request,
        lambda: services.invitation_revoke(actor=request.user, invitation=invite),
        _("The link no longer works."),
    )
    return redirect("communities:manage_invitations", slug=slug)


@login_required
@require_http_methods(["GET", "POST"])
def transfer(request, slug: str):
    community = _managed(request, slug)
    candidates = [
        m
        for m in selectors.members_for_management(community=community)
        if m.state == MembershipState.ACTIVE and m.user_id != request.user.pk
    ]
    form = TransferForm(request.POST or None, members=candidates)
    if request.method == "POST" and form.is_valid():
        target = next(m for m in candidates if m.user_id == form.cleaned_data["member"])
        try:
            services.stewardship_transfer(
                actor=request.user, community=community, to_user=target.user
            )
        except ServiceError as error:
            form.add_error("member", error.message)
        else:
            messages.success(
                request,
                _("%(name)s is now a steward; you stay on as a moderator.")
                % {"name": target.user.profile.display_name},
            )
            return redirect(reverse("communities:detail", args=[slug]))
    return render(
        request,
        "communities/manage/transfer.html",
        {"community": community, "form": form, "section": "transfer"},
    )
