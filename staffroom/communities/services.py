"""Every change to communities, memberships, spaces and invitations."""

from collections.abc import Iterable
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from staffroom.communities.models import (
    Community,
    Invitation,
    JoinPolicy,
    Membership,
    MembershipState,
    Role,
    Space,
    Visibility,
)
from staffroom.core.errors import ServiceError
from staffroom.orgs.models import Organization
from staffroom.permissions import communities as perms
from staffroom.permissions.actors import forget_membership, is_org_admin, is_staff
from staffroom.search.services import documents_update_for

RESERVED_SLUGS = {"new", "admin", "api", "manage", "static", "media", "accounts", "settings"}
# Marked for the catalogue here, translated into the creator's language when created.
DEFAULT_SPACES = [
    (
        gettext_noop("General"),
        "general",
        gettext_noop("Introductions, news and anything that fits nowhere else."),
    ),
    (
        gettext_noop("Questions"),
        "questions",
        gettext_noop("Ask the community: classroom problems, tools, ideas."),
    ),
]
MAX_INVITATION_DAYS = 90


def _lock(community: Community, *users) -> None:
    """Serialise membership changes in one community (PostgreSQL row lock; SQLite writes are
    serialised already) and drop cached permission answers so checks see committed rows."""
    Community.objects.select_for_update().filter(pk=community.pk).values_list("pk").first()
    for user in users:
        forget_membership(user, community)


def _refresh_member_count(community: Community) -> None:
    count = Membership.objects.filter(community=community, state=MembershipState.ACTIVE).count()
    Community.objects.filter(pk=community.pk).update(member_count=count)
    community.member_count = count


def member_counts_refresh(*, community_ids) -> None:
    """Recount active members of several communities after a change made elsewhere."""
    for community in Community.objects.filter(pk__in=list(community_ids)):
        _refresh_member_count(community)


def _check_organization(actor, organization: Organization | None, restricted: bool) -> None:
    if restricted and organization is None:
        raise ServiceError(
            _("Only a community owned by an organisation can be restricted to its members."),
            field="restricted_to_organization",
        )
    if organization is not None and not (is_staff(actor) or is_org_admin(actor, organization.pk)):
        raise ServiceError(
            _("Only an administrator of %(org)s can attach a community to it.")
            % {"org": organization.name},
            field="organization",
        )


@transaction.atomic
def community_create(
    *,
    creator,
    name: str,
    slug: str,
    domain_statement: str,
    tagline: str = "",
    visibility: str = Visibility.PUBLIC,
    join_policy: str = JoinPolicy.OPEN,
    subjects: Iterable = (),
    grade_bands: Iterable = (),
    languages: Iterable = (),
    organization: Organization | None = None,
    restricted_to_organization: bool = False,
) -> Community:
    """Create a community with its creator as steward and a first pair of spaces."""
    if not perms.can_create_community(creator):
        raise ServiceError(_("Sign in to create a community."))
    slug = slugify(slug)
    if not slug or slug in RESERVED_SLUGS:
        raise ServiceError(_("Choose a different address."), field="slug")
    if Community.objects.filter(slug=slug).exists():
        raise ServiceError(_("That address is already taken."), field="slug")
    if not name.strip() or not domain_statement.strip():
        raise ServiceError(_("A community needs a name and a domain statement."))
    _check_organization(creator, organization, restricted_to_organization)
    try:
        with transaction.atomic():
            community = Community.objects.create(
                name=name.strip(),
                slug=slug,
                tagline=tagline.strip(),
                domain_statement=domain_statement.strip(),
                visibility=visibility,
                join_policy=join_policy,
                organization=organization,
                restricted_to_organization=restricted_to_organization,
            )
    except IntegrityError:
        raise ServiceError(_("That address is already taken."), field="slug") from None
    community.subjects.set(subjects)
    community.grade_bands.set(grade_bands)
    community.languages.set(languages)
    Membership.objects.create(
        community=community,
        user=creator,
        role=Role.STEWARD,
        state=MembershipState.ACTIVE,
        joined_at=timezone.now(),
    )
    for position, (space_name, space_slug, description) in enumerate(DEFAULT_SPACES):
        Space.objects.create(
            community=community,
            name=_(space_name),
            slug=space_slug,
            description=_(description),
            position=position,
        )
    _refresh_member_count(community)
    return community


@transaction.atomic
def community_update(*, actor, community: Community, **fields) -> Community:
    """Change a community's settings: domain statement, vocabulary, visibility, joining."""
    perms.check_can_manage_community(actor, community)
    many = {
        key: fields.pop(key) for key in ("subjects", "grade_bands", "languages") if key in fields
    }
    allowed = {
        "name",
        "tagline",
        "domain_statement",
        "visibility",
        "join_policy",
        "organization",
        "restricted_to_organization",
    }
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"Unknown community fields: {sorted(unknown)}")
    organization = fields.get("organization", community.organization)
    restricted = fields.get("restricted_to_organization", community.restricted_to_organization)
    if restricted and organization is None:
        _check_organization(actor, None, True)
    # Only a change of owner or restriction needs the organisation's say, on both sides.
    if organization != community.organization or restricted != community.restricted_to_organization:
        for owner in {community.organization, organization} - {None}:
            _check_organization(actor, owner, restricted=False)
    for key, value in fields.items():
        setattr(community, key, value.strip() if isinstance(value, str) else value)
    if not community.name or not community.domain_statement:
        raise ServiceError(_("A community needs a name and a domain statement."))
    community.save()
    for key, values in many.items():
        getattr(community, key).set(values)
    return community


def _existing(user, community: Community) -> Membership | None:
    return Membership.objects.select_for_update().filter(community=community, user=user).first()


@transaction.atomic
def community_join(*, user, community: Community) -> Membership:
    """Join an open community straight away."""
    _lock(community, user)
    if not perms.can_join_community(user, community):
        raise ServiceError(_join_refusal(user, community))
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                community=community, user=user, joined_at=timezone.now()
            )
    except IntegrityError:
        raise ServiceError(_("You are already a member of this community.")) from None
    forget_membership(user, community)
    _refresh_member_count(community)
    return membership


@transaction.atomic
def community_request_join(*, user, community: Community, message: str = "") -> Membership:
    """Ask the stewards of a “by request” community to let the user in."""
    _lock(community, user)
    if len(message) > 1000:
        raise ServiceError(_("Keep the message under 1,000 characters."), field="message")
    if not perms.can_request_to_join(user, community):
        raise ServiceError(_join_refusal(user, community))
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                community=community,
                user=user,
                state=MembershipState.PENDING,
                request_message=message.strip(),
            )
    except IntegrityError:
        raise ServiceError(_("You have already asked to join this community.")) from None
    forget_membership(user, community)
    return membership


def _join_refusal(user, community: Community) -> str:
    existing = Membership.objects.filter(community=community, user=user).first()
    if existing is not None:
        return {
            MembershipState.ACTIVE: _("You are already a member of this community."),
            MembershipState.PENDING: _("You have already asked to join; a steward will decide."),
            MembershipState.BANNED: _("You cannot join this community."),
        }[existing.state]
    if not perms.meets_organization_rule(user, community):
        return _("Only members of %(org)s can join this community.") % {
            "org": community.organization.name
        }
    if community.join_policy == JoinPolicy.INVITE:
        return _("This community is joined by invitation link only.")
    if community.join_policy == JoinPolicy.REQUEST:
        return _("This community is joined by request: ask to join instead.")
    return _("This community is open: join it directly instead.")


@transaction.atomic
def membership_approve(*, actor, membership: Membership) -> Membership:
    """Let a pending member in."""
    _lock(membership.community, actor)
    perms.check_can_manage_community(actor, membership.community)
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.state != MembershipState.PENDING:
        raise ServiceError(_("This request has already been decided."))
    membership.state = MembershipState.ACTIVE
    membership.joined_at = timezone.now()
    membership.decided_by = actor
    membership.save(update_fields=["state", "joined_at", "decided_by", "updated_at"])
    _refresh_member_count(membership.community)
    return membership


@transaction.atomic
def membership_decline(*, actor, membership: Membership) -> None:
    """Turn down a request to join; the person may ask again later."""
    _lock(membership.community, actor)
    perms.check_can_manage_community(actor, membership.community)
    deleted, _count = Membership.objects.filter(
        pk=membership.pk, state=MembershipState.PENDING
    ).delete()
    if not deleted:
        raise ServiceError(_("This request has already been decided."))


@transaction.atomic
def community_leave(*, user, community: Community) -> None:
    """Leave a community, or withdraw a pending request."""
    _lock(community, user)
    if not perms.can_leave_community(user, community):
        membership = Membership.objects.filter(community=community, user=user).first()
        if membership is not None and membership.role == Role.STEWARD:
            raise ServiceError(
                _("You are the only steward: hand stewardship to another member before leaving.")
            )
        raise ServiceError(_("You are not a member of this community."))
    Membership.objects.filter(community=community, user=user).exclude(
        state=MembershipState.BANNED
    ).delete()
    forget_membership(user, community)
    _refresh_member_count(community)


def _active_stewards(community: Community):
    return Membership.objects.filter(
        community=community, role=Role.STEWARD, state=MembershipState.ACTIVE
    )


@transaction.atomic
def membership_set_role(*, actor, membership: Membership, role: str) -> Membership:
    """Make an active member a steward, moderator or plain member."""
    _lock(membership.community, actor)
    perms.check_can_manage_community(actor, membership.community)
    if role not in Role.values:
        raise ServiceError(_("Choose a valid role."), field="role")
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.state != MembershipState.ACTIVE:
        raise ServiceError(_("Only active members can be given a role."))
    if (
        membership.role == Role.STEWARD
        and role != Role.STEWARD
        and not _active_stewards(membership.community).exclude(pk=membership.pk).exists()
    ):
        raise ServiceError(_("A community always needs at least one steward."))
    membership.role = role
    membership.save(update_fields=["role", "updated_at"])
    forget_membership(membership.user, membership.community)
    return membership


@transaction.atomic
def stewardship_transfer(*, actor, community: Community, to_user) -> Membership:
    """Hand stewardship to another active member; the giver stays on as a moderator."""
    _lock(community, actor, to_user)
    perms.check_can_manage_community(actor, community)
    target = _existing(to_user, community)
    if target is None or target.state != MembershipState.ACTIVE:
        raise ServiceError(_("Stewardship can only go to an active member."), field="member")
    if target.user_id == actor.pk:
        raise ServiceError(_("Choose another member."), field="member")
    target.role = Role.STEWARD
    target.save(update_fields=["role", "updated_at"])
    Membership.objects.filter(
        community=community, user=actor, role=Role.STEWARD, state=MembershipState.ACTIVE
    ).update(role=Role.MODERATOR, updated_at=timezone.now())
    forget_membership(actor, community)
    forget_membership(to_user, community)
    return target


@transaction.atomic
def membership_ban(*, actor, community: Community, user, reason: str = "") -> Membership:
    """Ban someone: they lose access and cannot rejoin until unbanned."""
    _lock(community, actor, user)
    perms.check_can_moderate_community(actor, community)
    if user.pk == actor.pk:
        raise ServiceError(_("You cannot ban yourself."))
    if len(reason) > 500:
        raise ServiceError(_("Keep the reason under 500 characters."), field="reason")
    membership = _existing(user, community)
    if membership is not None and membership.role == Role.STEWARD and membership.is_active:
        raise ServiceError(_("A steward cannot be banned; change their role first."))
    if (
        membership is not None
        and membership.role == Role.MODERATOR
        and not perms.can_manage_community(actor, community)
    ):
        raise ServiceError(_("Only a steward can ban a moderator."))
    if membership is None:
        membership = Membership(community=community, user=user)
    membership.state = MembershipState.BANNED
    membership.role = Role.MEMBER
    membership.ban_reason = reason.strip()
    membership.decided_by = actor
    membership.save()
    forget_membership(user, community)
    _refresh_member_count(community)
    return membership


@transaction.atomic
def membership_unban(*, actor, membership: Membership) -> None:
    """Lift a ban; the person may join again under the community's usual policy."""
    _lock(membership.community, actor)
    perms.check_can_moderate_community(actor, membership.community)
    Membership.objects.filter(pk=membership.pk, state=MembershipState.BANNED).delete()


@transaction.atomic
def membership_remove(*, actor, membership: Membership) -> None:
    """Remove a member without banning them."""
    _lock(membership.community, actor)
    perms.check_can_manage_community(actor, membership.community)
    membership = Membership.objects.select_for_update().filter(pk=membership.pk).first()
    if membership is None:
        raise ServiceError(_("That person is no longer a member."))
    if membership.state == MembershipState.BANNED:
        raise ServiceError(_("Lift the ban instead; removing would quietly undo it."))
    if membership.role == Role.STEWARD and membership.is_active:
        raise ServiceError(_("Change a steward's role before removing them."))
    if membership.user_id == actor.pk:
        raise ServiceError(_("Use “Leave” to leave the community yourself."))
    membership.delete()
    _refresh_member_count(membership.community)


@transaction.atomic
def invitation_create(
    *, actor, community: Community, days: int = 14, max_uses: int | None = None, note: str = ""
) -> Invitation:
    """Make a shareable join link that expires and can be limited in uses."""
    perms.check_can_manage_community(actor, community)
    if not 1 <= days <= MAX_INVITATION_DAYS:
        raise ServiceError(
            _("An invitation lasts between 1 and %(max)d days.") % {"max": MAX_INVITATION_DAYS},
            field="days",
        )
    if max_uses is not None and not 1 <= max_uses <= 10000:
        raise ServiceError(_("Allow between 1 and 10,000 uses."), field="max_uses")
    return Invitation.objects.create(
        community=community,
        created_by=actor,
        note=note.strip()[:200],
        expires_at=timezone.now() + timedelta(days=days),
        max_uses=max_uses,
    )


@transaction.atomic
def invitation_revoke(*, actor, invitation: Invitation) -> None:
    perms.check_can_manage_community(actor, invitation.community)
    Invitation.objects.filter(pk=invitation.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


@transaction.atomic
def invitation_accept(*, user, invitation: Invitation) -> Membership:
    """Join through an invitation link; a pending request becomes membership."""
    community = invitation.community
    _lock(community, user)
    if not perms.can_accept_invitation(user, invitation):
        if not invitation.is_usable:
            raise ServiceError(_("This invitation link has expired or been used up."))
        raise ServiceError(_join_refusal(user, community))
    # Count the use only if the link still has uses left at this instant.
    used = Invitation.objects.filter(
        Q(max_uses__isnull=True) | Q(use_count__lt=F("max_uses")),
        pk=invitation.pk,
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).update(use_count=F("use_count") + 1)
    if not used:
        raise ServiceError(_("This invitation link has expired or been used up."))
    membership = _existing(user, community)
    if membership is None:
        membership = Membership(community=community, user=user)
    membership.state = MembershipState.ACTIVE
    membership.joined_at = timezone.now()
    membership.save()
    forget_membership(user, community)
    _refresh_member_count(community)
    return membership


@transaction.atomic
def space_create(*, actor, community: Community, name: str, description: str = "") -> Space:
    """Add a space at the end of the community's list."""
    perms.check_can_manage_community(actor, community)
    name = name.strip()
    slug = slugify(name)[:60]
    if not name or not slug:
        raise ServiceError(_("Give the space a name with letters or numbers."), field="name")
    if Space.objects.filter(Q(slug=slug) | Q(name__iexact=name), community=community).exists():
        raise ServiceError(_("This community already has a space with that name."), field="name")
    last = Space.objects.filter(community=community).order_by("-position").first()
    try:
        with transaction.atomic():
            return Space.objects.create(
                community=community,
                name=name,
                slug=slug,
                description=description.strip(),
                position=(last.position + 1) if last else 0,
            )
    except IntegrityError:
        raise ServiceError(
            _("This community already has a space with that name."), field="name"
        ) from None


@transaction.atomic
def space_update(*, actor, space: Space, name: str, description: str = "") -> Space:
    perms.check_can_manage_community(actor, space.community)
    name = name.strip()
    if not name:
        raise ServiceError(_("Give the space a name."), field="name")
    if Space.objects.filter(community=space.community, name__iexact=name).exclude(pk=space.pk):
        raise ServiceError(_("This community already has a space with that name."), field="name")
    space.name = name
    space.description = description.strip()
    space.save(update_fields=["name", "description", "updated_at"])
    return space


@transaction.atomic
def space_move(*, actor, space: Space, direction: str) -> None:
    """Swap a space with its neighbour above or below."""
    perms.check_can_manage_community(actor, space.community)
    spaces = list(Space.objects.select_for_update().filter(community=space.community))
    index = next(i for i, item in enumerate(spaces) if item.pk == space.pk)
    other = index - 1 if direction == "up" else index + 1
    if direction not in {"up", "down"} or not 0 <= other < len(spaces):
        return
    spaces[index], spaces[other] = spaces[other], spaces[index]
    for position, item in enumerate(spaces):
        if item.position != position:
            Space.objects.filter(pk=item.pk).update(position=position)


@transaction.atomic
def space_delete(*, actor, space: Space) -> None:
    perms.check_can_manage_community(actor, space.community)
    others = Space.objects.filter(community=space.community).exclude(pk=space.pk)
    if not others.exists():
        raise ServiceError(_("A community keeps at least one space."))
    # Threads are the community's practice: they move to the first other space, never vanish.
    target = others.order_by("position", "pk").first()
    moved = list(space.threads.values_list("pk", flat=True))
    space.threads.update(space=target)
    space.delete()
    if moved:

        def reindex():
            for thread_id in moved:
                documents_update_for(thread_id=thread_id, space_id=target.pk)

        transaction.on_commit(reindex)
