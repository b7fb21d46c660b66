"""Every change to organisations: domains, administrators, memberships from e-mail."""

import re

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils.translation import gettext as _

from staffroom.communities.models import Membership, MembershipState, Role
from staffroom.communities.services import member_counts_refresh
from staffroom.core.errors import ServiceError
from staffroom.orgs.models import (
    Organization,
    OrganizationDomain,
    OrganizationMembership,
    OrgMembershipSource,
    OrgRole,
)
from staffroom.permissions.orgs import can_manage_organization

DOMAIN_RE = re.compile(r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
# Anyone can get an address on these, so they can never vouch for a school's staff.
PUBLIC_MAIL_DOMAINS = {
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
    "yahoo.com", "yahoo.co.uk", "icloud.com", "me.com", "aol.com", "proton.me",
    "protonmail.com", "gmx.com", "gmx.de", "web.de", "mail.com", "yandex.com", "zoho.com",
    "fastmail.com", "qq.com", "163.com",
}  # fmt: skip


def email_domain(address: str) -> str:
    return address.rsplit("@", 1)[-1].strip().lower()


def normalise_domain(raw: str) -> str:
    return raw.strip().lower().lstrip("@").rstrip(".")


@transaction.atomic
def organization_domain_add(
    *, actor, organization: Organization, domain: str
) -> OrganizationDomain:
    """Vouch for an e-mail domain; everyone with a confirmed address on it joins the org."""
    if not can_manage_organization(actor, organization):
        raise ServiceError(_("Only an administrator of this organisation can add domains."))
    domain = normalise_domain(domain)
    if not DOMAIN_RE.match(domain):
        raise ServiceError(_("Enter a domain such as “springfield.k12.us”."), field="domain")
    if domain in PUBLIC_MAIL_DOMAINS:
        raise ServiceError(
            _("%(domain)s is a public e-mail service; add your organisation's own domain.")
            % {"domain": domain},
            field="domain",
        )
    existing = OrganizationDomain.objects.filter(domain=domain).select_related("organization")
    if existing:
        raise ServiceError(
            _("%(domain)s already belongs to %(org)s.")
            % {"domain": domain, "org": existing[0].organization.name},
            field="domain",
        )
    record = OrganizationDomain.objects.create(
        organization=organization, domain=domain, added_by=actor
    )
    for user_id in _users_confirmed_on(domain):
        OrganizationMembership.objects.get_or_create(
            organization=organization,
            user_id=user_id,
            defaults={"source": OrgMembershipSource.DOMAIN},
        )
    return record


@transaction.atomic
def organization_domain_remove(*, actor, domain: OrganizationDomain) -> None:
    """Stop vouching for a domain; memberships that came only from it end."""
    organization = domain.organization
    if not can_manage_organization(actor, organization):
        raise ServiceError(_("Only an administrator of this organisation can remove domains."))
    user_ids = list(_users_confirmed_on(domain.domain))
    domain.delete()
    for user_id in user_ids:
        _sync(user_id)


def _users_confirmed_on(domain: str):
    return (
        EmailAddress.objects.filter(verified=True, email__iendswith="@" + domain)
        .values_list("user_id", flat=True)
        .distinct()
    )


@transaction.atomic
def org_memberships_sync(*, user) -> None:
    """Bring a user's domain-based memberships in line with their confirmed addresses."""
    _sync(user.pk)


def _sync(user_id: int) -> None:
    domains = {
        email_domain(address)
        for address in EmailAddress.objects.filter(user_id=user_id, verified=True).values_list(
            "email", flat=True
        )
    }
    entitled = set(
        OrganizationDomain.objects.filter(domain__in=domains).values_list(
            "organization_id", flat=True
        )
    )
    current = {m.organization_id: m for m in OrganizationMembership.objects.filter(user_id=user_id)}
    for org_id in entitled - set(current):
        OrganizationMembership.objects.create(
            organization_id=org_id, user_id=user_id, source=OrgMembershipSource.DOMAIN
        )
    ended = []
    for org_id, membership in current.items():
        if (
            org_id not in entitled
            and membership.source == OrgMembershipSource.DOMAIN
            and membership.role != OrgRole.ADMIN
        ):
            membership.delete()
            ended.append(org_id)
    if ended:
        _leave_restricted_communities(user_id, ended)


def _leave_restricted_communities(user_id: int, organization_ids: list[int]) -> None:
    """End memberships that only the organisation entitled someone to.

    Active stewards stay until they hand over, so no formal community is left without one;
    bans stay so they cannot be lifted by changing address.
    """
    memberships = (
        Membership.objects.filter(
            user_id=user_id,
            community__organization_id__in=organization_ids,
            community__restricted_to_organization=True,
        )
        .exclude(state=MembershipState.BANNED)
        .exclude(role=Role.STEWARD, state=MembershipState.ACTIVE)
    )
    community_ids = set(memberships.values_list("community_id", flat=True))
    memberships.delete()
    member_counts_refresh(community_ids=community_ids)


@transaction.atomic
def organization_admin_set(
    *, actor, organization: Organization, user, is_admin: bool
) -> OrganizationMembership:
    """Make a member an administrator of the organisation, or take that away."""
    if not can_manage_organization(actor, organization):
        raise ServiceError(_("Only an administrator of this organisation can change admins."))
    membership, _created = OrganizationMembership.objects.get_or_create(
        organization=organization,
        user=user,
        defaults={"source": OrgMembershipSource.MANUAL},
    )
    if not is_admin and membership.role == OrgRole.ADMIN:
        others = OrganizationMembership.objects.filter(
            organization=organization, role=OrgRole.ADMIN
        ).exclude(pk=membership.pk)
        if not others.exists() and not actor.is_staff:
            raise ServiceError(_("An organisation always needs at least one administrator."))
    membership.role = OrgRole.ADMIN if is_admin else OrgRole.MEMBER
    membership.save(update_fields=["role", "updated_at"])
    user.__dict__.pop("_org_role_cache", None)
    return membership
