"""Put the demo instance from ``staffroom.demo.data`` into the database.

The loader creates whatever is missing and leaves what exists alone: running it again
changes nothing, and anything people changed while trying the demo survives a restart.
"""

from dataclasses import dataclass
from datetime import timedelta
from functools import cached_property

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import slugify

from staffroom.accounts.models import User
from staffroom.accounts.services import parse_expertise, profile_update
from staffroom.communities.models import (
    Community,
    JoinPolicy,
    Membership,
    MembershipState,
    Role,
)
from staffroom.communities.services import (
    community_create,
    community_request_join,
    invitation_create,
    membership_ban,
    space_create,
    space_update,
)
from staffroom.core.models import GradeBand, Language, Subject
from staffroom.demo.data import (
    COMMUNITIES,
    DEMO_PASSWORD,
    ORGANIZATIONS,
    PEOPLE,
    CommunitySpec,
    OrganizationSpec,
    Person,
)
from staffroom.orgs.models import Organization, OrganizationDomain, OrganizationMembership, OrgRole
from staffroom.orgs.services import (
    org_memberships_sync,
    organization_admin_set,
    organization_domain_add,
)
from staffroom.permissions.communities import can_manage_community

# Accounts are backdated by a couple of years so every community joining date comes after them.
ACCOUNT_AGE_DAYS = 760


@dataclass(frozen=True)
class DemoSummary:
    """How much the demo holds, for the command's closing line."""

    people: int
    communities: int
    organizations: int


@transaction.atomic
def load_demo() -> DemoSummary:
    """Create the demo people, organisations and communities that do not exist yet."""
    loader = _Loader()
    loader.load_people()
    loader.load_organizations()
    for spec in COMMUNITIES:
        loader.load_community(spec)
    _recount_members([spec.slug for spec in COMMUNITIES])
    return DemoSummary(
        people=len(PEOPLE), communities=len(COMMUNITIES), organizations=len(ORGANIZATIONS)
    )


class _Loader:
    def __init__(self) -> None:
        self.now = timezone.now()
        self.users: dict[str, User] = {}
        self.new_users: list[User] = []
        self.organizations: dict[str, Organization] = {}
        self.vocabulary = {
            model: {term.slug: term for term in model.objects.all()}
            for model in (Subject, GradeBand, Language)
        }

    @cached_property
    def password_hash(self) -> str:
        # PBKDF2 is deliberately slow (a large fraction of a second per hash). Every demo
        # account shares one password, so one hash serves them all and a reload needs none.
        return make_password(DEMO_PASSWORD)

    @property
    def admin(self) -> User:
        return self.users["admin"]

    def load_people(self) -> None:
        """Create each demo account with a confirmed address and a completed profile."""
        existing = User.objects.in_bulk([person.email for person in PEOPLE], field_name="email")
        for index, person in enumerate(PEOPLE):
            user = existing.get(person.email)
            if user is None:
                user = User.objects.create(
                    email=person.email,
                    password=self.password_hash,
                    is_staff=person.staff,
                    is_superuser=person.staff,
                    date_joined=self.now - timedelta(days=ACCOUNT_AGE_DAYS - 4 * index),
                )
                self.new_users.append(user)
            self.users[person.key] = user
            # allauth refuses to sign in an account whose address was never confirmed.
            EmailAddress.objects.get_or_create(
                user=user, email=person.email, defaults={"verified": True, "primary": True}
            )
            if not user.profile.is_complete:
                self._fill_profile(user, person)

    def _fill_profile(self, user: User, person: Person) -> None:
        profile_update(
            profile=user.profile,
            display_name=person.name,
            role=person.role,
            headline=person.headline,
            bio=person.bio,
            country=person.country,
            time_zone=person.time_zone,
            ui_language=person.ui_language,
            years_experience=person.years,
            expertise=parse_expertise(", ".join(person.expertise)),
            open_to_mentoring=person.mentoring,
            subjects=self._terms(Subject, person.subjects),
            grade_bands=self._terms(GradeBand, person.grade_bands),
            languages=self._terms(Language, person.languages),
        )

    def _terms(self, model, slugs: tuple[str, ...]) -> list:
        terms = self.vocabulary[model]
        unknown = [slug for slug in slugs if slug not in terms]
        if unknown:
            raise ValueError(f"Demo data uses unknown {model.__name__} slugs: {unknown}")
        return [terms[slug] for slug in slugs]

    def load_organizations(self) -> None:
        """Create the organisations, vouch for their domains and appoint their admins."""
        for spec in ORGANIZATIONS:
            self.organizations[spec.slug] = self._load_organization(spec)
        # A domain added in an earlier run does not enrol accounts created in this one.
        for user in self.new_users:
            org_memberships_sync(user=user)

    def _load_organization(self, spec: OrganizationSpec) -> Organization:
        organization, _created = Organization.objects.get_or_create(
            slug=spec.slug,
            defaults={
                "name": spec.name,
                "kind": spec.kind,
                "country": spec.country,
                "website": spec.website,
                "description": spec.description,
            },
        )
        if not OrganizationDomain.objects.filter(domain=spec.domain).exists():
            organization_domain_add(actor=self.admin, organization=organization, domain=spec.domain)
        current = dict(
            OrganizationMembership.objects.filter(organization=organization).values_list(
                "user_id", "role"
            )
        )
        for key in spec.admins:
            if current.get(self.users[key].pk) != OrgRole.ADMIN:
                organization_admin_set(
                    actor=self.admin, organization=organization, user=self.users[key], is_admin=True
                )
        for key in spec.members:
            if self.users[key].pk not in current:
                organization_admin_set(
                    actor=self.admin,
                    organization=organization,
                    user=self.users[key],
                    is_admin=False,
                )
        return organization

    def load_community(self, spec: CommunitySpec) -> None:
        """Create one community with its spaces, members, requests, bans and invitations."""
        steward = self.users[spec.steward]
        founded = self.now - timedelta(days=spec.founded_days_ago)
        community = Community.objects.filter(slug=spec.slug).first()
        created = community is None
        if created:
            community = community_create(
                creator=steward,
                name=spec.name,
                slug=spec.slug,
                domain_statement=spec.domain_statement,
                tagline=spec.tagline,
                visibility=spec.visibility,
                join_policy=spec.join_policy,
                subjects=self._terms(Subject, spec.subjects),
                grade_bands=self._terms(GradeBand, spec.grade_bands),
                languages=self._terms(Language, spec.languages),
                organization=self.organizations.get(spec.organization),
                restricted_to_organization=spec.restricted_to_organization,
            )
            # A demo where every community was founded a second ago does not look lived in.
            Community.objects.filter(pk=community.pk).update(created_at=founded)
            Membership.objects.filter(community=community, user=steward).update(joined_at=founded)
        manager = steward if can_manage_community(steward, community) else self.admin
        self._load_spaces(community, spec, manager, retitle_defaults=created)
        self._load_members(community, spec, founded)
        self._load_requests_and_bans(community, spec, manager)
        self._load_invitations(community, spec, manager)

    def _load_spaces(self, community: Community, spec: CommunitySpec, manager, *, retitle_defaults):
        existing = {space.slug: space for space in community.spaces.all()}
        for name, description in spec.spaces:
            space = existing.get(slugify(name))
            if space is None:
                space_create(actor=manager, community=community, name=name, description=description)
            elif retitle_defaults and space.description != description:
                # The stock "General" and "Questions" get this community's own wording.
                space_update(actor=manager, space=space, name=name, description=description)

    def _load_members(self, community: Community, spec: CommunitySpec, founded) -> None:
        present = set(
            Membership.objects.filter(community=community).values_list("user_id", flat=True)
        )
        people = [(key, Role.MODERATOR) for key in spec.moderators]
        people += [(key, Role.MEMBER) for key in spec.members]
        # By-request communities record who let each member in; open and invite ones do not.
        decided_by = self.users[spec.steward] if spec.join_policy == JoinPolicy.REQUEST else None
        rows = []
        for position, (key, role) in enumerate(people, start=1):
            user = self.users[key]
            if user.pk in present:
                continue
            # Spread joining dates between the founding and today, earliest first.
            joined = founded + (self.now - founded) * position / (len(people) + 1)
            rows.append(
                Membership(
                    community=community,
                    user=user,
                    role=role,
                    state=MembershipState.ACTIVE,
                    joined_at=max(joined, user.date_joined),
                    decided_by=decided_by,
                )
            )
        # Roles are set directly: no service adds someone as a moderator in one step.
        Membership.objects.bulk_create(rows)

    def _load_requests_and_bans(self, community: Community, spec: CommunitySpec, manager) -> None:
        present = set(
            Membership.objects.filter(community=community).values_list("user_id", flat=True)
        )
        for key, message in spec.pending:
            if self.users[key].pk not in present:
                community_request_join(user=self.users[key], community=community, message=message)
        for key, reason in spec.banned:
            if self.users[key].pk not in present:
                membership_ban(
                    actor=manager, community=community, user=self.users[key], reason=reason
                )

    def _load_invitations(self, community: Community, spec: CommunitySpec, manager) -> None:
        for note, days, max_uses in spec.invitations:
            usable = community.invitations.filter(
                note=note, revoked_at__isnull=True, expires_at__gt=self.now
            )
            if not usable.exists():
                invitation_create(
                    actor=manager, community=community, days=days, max_uses=max_uses, note=note
                )


def _recount_members(slugs: list[str]) -> None:
    # Members above were added in bulk, bypassing the services that keep the count.
    active = (
        Membership.objects.filter(community=OuterRef("pk"), state=MembershipState.ACTIVE)
        .order_by()
        .values("community")
        .annotate(total=Count("pk"))
        .values("total")
    )
    Community.objects.filter(slug__in=slugs).update(member_count=Coalesce(Subquery(active), 0))
