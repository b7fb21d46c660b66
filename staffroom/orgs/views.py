from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from staffroom.core.errors import ServiceError
from staffroom.orgs import selectors, services
from staffroom.orgs.forms import DomainForm
from staffroom.orgs.models import OrganizationMembership, OrgRole
from staffroom.permissions.orgs import (
    access_managed_organization,
    access_organization,
    can_manage_organization,
)


@require_safe
def detail(request, slug: str):
    organization = access_organization(request.user, slug)
    return render(
        request,
        "orgs/detail.html",
        {
            "organization": organization,
            "can_manage": can_manage_organization(request.user, organization),
            **selectors.organization_page(viewer=request.user, organization=organization),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def manage(request, slug: str):
    organization = access_managed_organization(request.user, slug)
    form = DomainForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.organization_domain_add(
                actor=request.user, organization=organization, domain=form.cleaned_data["domain"]
            )
        except ServiceError as error:
            form.add_error("domain", error.message)
        else:
            messages.success(request, _("Domain added; staff on it are now members."))
            return redirect("orgs:manage", slug=slug)
    return render(
        request,
        "orgs/manage.html",
        {
            "organization": organization,
            "form": form,
            "domains": list(organization.domains.all()),
            "members": selectors.organization_members(organization=organization),
        },
    )


@login_required
@require_POST
def domain_remove(request, slug: str, domain_id: int):
    organization = access_managed_organization(request.user, slug)
    domain = get_object_or_404(organization.domains, pk=domain_id)
    try:
        services.organization_domain_remove(actor=request.user, domain=domain)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(domain)s removed.") % {"domain": domain.domain})
    return redirect("orgs:manage", slug=slug)


@login_required
@require_POST
def member_admin(request, slug: str, membership_id: int):
    organization = access_managed_organization(request.user, slug)
    membership = get_object_or_404(
        OrganizationMembership.objects.select_related("user__profile"),
        pk=membership_id,
        organization=organization,
    )
    make_admin = request.POST.get("make_admin") == "1"
    try:
        services.organization_admin_set(
            actor=request.user, organization=organization, user=membership.user, is_admin=make_admin
        )
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        role = OrgRole.ADMIN.label if make_admin else OrgRole.MEMBER.label
        messages.success(
            request,
            _("%(name)s is now: %(role)s.")
            % {"name": membership.user.profile.display_name, "role": role},
        )
    return redirect("orgs:manage", slug=slug)
