"""Reads for community pages, with the joins done here so templates never query."""

from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery

from staffroom.communities.models import Community, Membership, MembershipState, Role, Space
from staffroom.core.pagination import Page, keyset_page
from staffroom.permissions.actors import is_signed_in, remember_membership
from staffroom.permissions.communities import visible_communities

DIRECTORY_PAGE_SIZE = 24
MEMBERS_PAGE_SIZE = 48


@dataclass
class DirectoryFilters:
    q: str = ""
    subject: str = ""
    grade_band: str = ""
    language: str = ""
    kind: str = ""  # "formal", "informal" or ""
    mine: bool = False
    organization_id: int | None = None


def community_directory(
    *, viewer, filters: DirectoryFilters, cursor: str | None = None, size: int = DIRECTORY_PAGE_SIZE
) -> Page:
    """List the communities the viewer may see, filtered, biggest first."""
    queryset = visible_communities(viewer).select_related("organization")
    # Filters through a many-valued relation could meet one community several times.
    joined = bool(filters.subject or filters.grade_band or filters.language)
    if filters.q:
        queryset = queryset.filter(
            Q(name__icontains=filters.q)
            | Q(tagline__icontains=filters.q)
            | Q(domain_statement__icontains=filters.q)
        )
    if filters.subject:
        queryset = queryset.filter(subjects__slug=filters.subject)
    if filters.grade_band:
        queryset = queryset.filter(grade_bands__slug=filters.grade_band)
    if filters.language:
        queryset = queryset.filter(languages__slug=filters.language)
    if filters.organization_id is not None:
        queryset = queryset.filter(organization_id=filters.organization_id)
    if filters.kind == "formal":
        queryset = queryset.filter(organization__isnull=False)
    elif filters.kind == "informal":
        queryset = queryset.filter(organization__isnull=True)
    if is_signed_in(viewer):
        state = Membership.objects.filter(community=OuterRef("pk"), user=viewer).values("state")
        queryset = queryset.annotate(viewer_state=Subquery(state[:1]))
        if filters.mine:
            queryset = queryset.filter(memberships__user=viewer, memberships__state="active")
    queryset = queryset.prefetch_related("subjects", "grade_bands", "languages")
    # Without DISTINCT the database reads the viewer's membership state only for the rows
    # of the page; with it, for every visible community before sorting (14 ms of a signed-in
    # home page at the M benchmark size, 5,000 communities).
    if joined:
        queryset = queryset.distinct()
    return keyset_page(queryset, order=("-member_count", "pk"), cursor=cursor, size=size)


def communities_of(user) -> QuerySet:
    """List the communities a signed-in user belongs to or asked to join, for navigation."""
    if not is_signed_in(user):
        return Community.objects.none()
    state = Membership.objects.filter(community=OuterRef("pk"), user=user).values("state")
    return (
        Community.objects.filter(
            memberships__user=user,
            memberships__state__in=[MembershipState.ACTIVE, MembershipState.PENDING],
        )
        .annotate(viewer_state=Subquery(state[:1]))
        .order_by("name")
    )


@dataclass
class CommunityPage:
    community: Community
    membership: Membership | None
    spaces: list[Space]
    stewards: list[Membership]
    pending_count: int = 0
    role_counts: dict[str, int] = field(default_factory=dict)


def community_page(
    *, viewer, community: Community, include_pending: bool, include_stewards: bool
) -> CommunityPage:
    """Gather what a community's landing page shows."""
    membership = None
    if is_signed_in(viewer):
        membership = Membership.objects.filter(community=community, user=viewer).first()
        remember_membership(viewer, community, membership)
    community = (
        Community.objects.select_related("organization")
        .prefetch_related("subjects", "grade_bands", "languages")
        .get(pk=community.pk)
    )
    remember_membership(viewer, community, membership)
    # Who stewards a community is part of its membership: shown only to those who may read it.
    stewards = []
    if include_stewards:
        stewards = list(
            Membership.objects.filter(
                community=community, role=Role.STEWARD, state=MembershipState.ACTIVE
            ).select_related("user__profile")
        )
    pending = 0
    if include_pending:
        pending = community.memberships.filter(state=MembershipState.PENDING).count()
    return CommunityPage(
        community=community,
        membership=membership,
        spaces=list(community.spaces.all()),
        stewards=stewards,
        pending_count=pending,
    )


@dataclass
class MemberFilters:
    q: str = ""
    subject: str = ""
    grade_band: str = ""
    country: str = ""
    role: str = ""
    mentoring: bool = False


def member_directory(
    *,
    community: Community,
    filters: MemberFilters,
    cursor: str | None = None,
    size: int = MEMBERS_PAGE_SIZE,
) -> Page:
    """List a community's active members with their profiles, filtered, by name."""
    queryset = Membership.objects.filter(
        community=community, state=MembershipState.ACTIVE, user__is_active=True
    ).select_related("user__profile")
    if filters.q:
        queryset = queryset.filter(
            Q(user__profile__display_name__icontains=filters.q)
            | Q(user__profile__headline__icontains=filters.q)
        )
    if filters.subject:
        queryset = queryset.filter(user__profile__subjects__slug=filters.subject)
    if filters.grade_band:
        queryset = queryset.filter(user__profile__grade_bands__slug=filters.grade_band)
    if filters.country:
        queryset = queryset.filter(user__profile__country=filters.country)
    if filters.role:
        queryset = queryset.filter(role=filters.role)
    if filters.mentoring:
        queryset = queryset.filter(user__profile__open_to_mentoring=True)
    queryset = queryset.prefetch_related(
        "user__profile__subjects", "user__profile__grade_bands"
    ).distinct()
    return keyset_page(
        queryset, order=("user__profile__display_name", "pk"), cursor=cursor, size=size
    )


def pending_requests(*, community: Community) -> list[Membership]:
    return list(
        community.memberships.filter(state=MembershipState.PENDING)
        .select_related("user__profile")
        .order_by("created_at")
    )


def members_for_management(*, community: Community) -> list[Membership]:
    """List active and banned members, stewards first, for the manage page."""
    order = {Role.STEWARD: 0, Role.MODERATOR: 1, Role.MEMBER: 2}
    rows = list(
        community.memberships.filter(
            state__in=[MembershipState.ACTIVE, MembershipState.BANNED]
        ).select_related("user__profile")
    )
    rows.sort(key=lambda m: (m.state != "active", order[m.role], m.user.profile.display_name))
    return rows


def role_counts(*, community: Community) -> dict[str, int]:
    rows = (
        community.memberships.filter(state=MembershipState.ACTIVE)
        .values("role")
        .annotate(n=Count("id"))
    )
    return {row["role"]: row["n"] for row in rows}
