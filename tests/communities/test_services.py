"""Every write to communities, memberships, spaces and invitations, and every refusal."""

import itertools
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.utils import timezone

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
from staffroom.communities.services import (
    community_create,
    community_join,
    community_leave,
    community_request_join,
    community_update,
    invitation_accept,
    invitation_create,
    invitation_revoke,
    membership_approve,
    membership_ban,
    membership_decline,
    membership_remove,
    membership_set_role,
    membership_unban,
    space_create,
    space_delete,
    space_move,
    space_update,
    stewardship_transfer,
)
from staffroom.core.errors import ServiceError
from staffroom.core.models import Subject
from staffroom.permissions.communities import can_post_in_community, can_read_community
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.communities import InvitationFactory, MembershipFactory
from tests.factories.orgs import OrganizationFactory, OrganizationMembershipFactory

pytestmark = pytest.mark.django_db

_numbers = itertools.count(1)


@pytest.fixture
def steward():
    return UserFactory(display_name="Sam Steward")


@pytest.fixture
def community(steward):
    return a_community(steward=steward, visibility=Visibility.MEMBERS)


def a_community(*, steward=None, **options) -> Community:
    """Create a community the way the product does: through the service."""
    number = next(_numbers)
    return community_create(
        creator=steward or UserFactory(),
        name=options.pop("name", f"Reading circle {number}"),
        slug=options.pop("slug", f"reading-circle-{number}"),
        domain_statement=options.pop("domain_statement", "Helping 5–7 year olds read."),
        **options,
    )


def a_member(community: Community, *, role=Role.MEMBER, state=MembershipState.ACTIVE, user=None):
    """Add a membership row directly, keeping the denormalised member count true."""
    membership = MembershipFactory(
        community=community,
        user=user or UserFactory(),
        role=role,
        state=state,
        joined_at=timezone.now() if state == MembershipState.ACTIVE else None,
    )
    if state == MembershipState.ACTIVE:
        Community.objects.filter(pk=community.pk).update(member_count=F("member_count") + 1)
    return membership


def member_count(community: Community) -> int:
    return Community.objects.values_list("member_count", flat=True).get(pk=community.pk)


def fresh(community: Community) -> Community:
    """Load the community again, without any membership cached on the old instance."""
    return Community.objects.get(pk=community.pk)


def everything() -> dict:
    """Capture every row a community service can write, to prove a refusal wrote nothing."""
    return {
        "communities": list(Community.objects.order_by("pk").values()),
        "memberships": list(Membership.objects.order_by("pk").values()),
        "spaces": list(Space.objects.order_by("pk").values()),
        "invitations": list(Invitation.objects.order_by("pk").values()),
        "subjects": list(Community.subjects.through.objects.order_by("pk").values()),
    }


# --- community_create -----------------------------------------------------------------------


def test_the_creator_of_a_community_becomes_its_steward(steward):
    community = a_community(steward=steward)

    membership = Membership.objects.get(community=community)
    assert membership.user == steward
    assert membership.role == Role.STEWARD
    assert membership.state == MembershipState.ACTIVE
    assert membership.joined_at is not None


def test_a_new_community_starts_with_the_default_spaces(steward):
    community = a_community(steward=steward)

    spaces = list(community.spaces.values_list("slug", "position"))
    assert spaces == [("general", 0), ("questions", 1)]


def test_a_new_community_counts_its_creator_as_its_first_member(steward):
    community = a_community(steward=steward)

    assert community.member_count == 1
    assert member_count(community) == 1


def test_a_new_community_keeps_its_vocabulary_and_cleans_its_text(steward):
    maths = Subject.objects.get(slug="mathematics")

    community = a_community(
        steward=steward, name="  Ratio club ", slug="Ratio Club", subjects=[maths]
    )

    assert community.name == "Ratio club"
    assert community.slug == "ratio-club"
    assert list(community.subjects.all()) == [maths]


@pytest.mark.parametrize("slug", ["admin", "new", "api", "!!!"])
def test_a_reserved_or_empty_address_is_refused(steward, slug):
    before = everything()

    with pytest.raises(ServiceError) as refusal:
        a_community(steward=steward, slug=slug)

    assert refusal.value.field == "slug"
    assert everything() == before


def test_an_address_already_taken_is_refused(steward):
    a_community(steward=steward, slug="phonics")
    before = everything()

    with pytest.raises(ServiceError) as refusal:
        a_community(steward=UserFactory(), slug="Phonics")

    assert refusal.value.field == "slug"
    assert everything() == before


def test_a_community_without_a_name_is_refused(steward):
    before = everything()

    with pytest.raises(ServiceError):
        a_community(steward=steward, name="   ")

    assert everything() == before


def test_restricting_a_community_without_an_owning_organisation_is_refused(steward):
    before = everything()

    with pytest.raises(ServiceError) as refusal:
        a_community(steward=steward, restricted_to_organization=True)

    assert refusal.value.field == "restricted_to_organization"
    assert everything() == before


def test_attaching_an_organisation_you_do_not_administer_is_refused(steward):
    organization = OrganizationFactory()
    OrganizationMembershipFactory(organization=organization, user=steward, role="member")
    before = everything()

    with pytest.raises(ServiceError) as refusal:
        a_community(steward=steward, organization=organization)

    assert refusal.value.field == "organization"
    assert everything() == before


def test_an_organisation_admin_can_create_a_restricted_community(steward):
    organization = OrganizationFactory()
    OrganizationMembershipFactory(organization=organization, user=steward, role="admin")

    community = a_community(
        steward=steward, organization=organization, restricted_to_organization=True
    )

    assert community.organization == organization
    assert community.restricted_to_organization is True


def test_an_anonymous_visitor_cannot_create_a_community():
    before = everything()

    with pytest.raises(ServiceError):
        community_create(
            creator=AnonymousUser(), name="Nope", slug="nope", domain_statement="Nothing."
        )

    assert everything() == before


# --- community_update -----------------------------------------------------------------------


def test_the_steward_can_change_the_settings(community, steward):
    science = Subject.objects.get(slug="science")

    community_update(
        actor=steward,
        community=community,
        tagline=" Phonics and more ",
        visibility=Visibility.PUBLIC,
        subjects=[science],
    )

    saved = fresh(community)
    assert saved.tagline == "Phonics and more"
    assert saved.visibility == Visibility.PUBLIC
    assert list(saved.subjects.all()) == [science]


@pytest.mark.parametrize("role", [Role.MEMBER, Role.MODERATOR])
def test_someone_who_is_not_a_steward_cannot_change_the_settings(community, role):
    moderator = a_member(community, role=role).user
    before = everything()

    with pytest.raises(PermissionDenied):
        community_update(
            actor=moderator,
            community=fresh(community),
            name="Taken over",
            subjects=Subject.objects.all(),
        )

    assert everything() == before


def test_blanking_the_name_is_refused_and_nothing_changes(community, steward):
    before = everything()

    with pytest.raises(ServiceError):
        community_update(actor=steward, community=community, name="  ", tagline="New")

    assert everything() == before


def test_a_steward_cannot_attach_an_organisation_they_do_not_administer(community, steward):
    organization = OrganizationFactory()
    before = everything()

    with pytest.raises(ServiceError) as refusal:
        community_update(actor=steward, community=community, organization=organization)

    assert refusal.value.field == "organization"
    assert everything() == before


def test_a_steward_who_is_not_an_org_admin_can_edit_the_tagline_of_a_restricted_community():
    # given: an org admin creates a restricted community, then hands it to a colleague
    organization = OrganizationFactory()
    admin = OrganizationMembershipFactory(organization=organization, role="admin").user
    colleague = OrganizationMembershipFactory(organization=organization, role="member").user
    community = a_community(
        steward=admin, organization=organization, restricted_to_organization=True
    )
    a_member(community, user=colleague)
    stewardship_transfer(actor=admin, community=community, to_user=colleague)

    # when: the new steward saves the settings form, organisation fields unchanged
    community_update(
        actor=colleague,
        community=fresh(community),
        tagline="Our district's literacy leads",
        organization=organization,
        restricted_to_organization=True,
    )

    # then
    assert fresh(community).tagline == "Our district's literacy leads"


# --- joining --------------------------------------------------------------------------------


def test_anyone_signed_in_can_join_an_open_community(community):
    user = UserFactory()

    membership = community_join(user=user, community=community)

    assert membership.state == MembershipState.ACTIVE
    assert membership.role == Role.MEMBER
    assert membership.joined_at is not None
    assert member_count(community) == 2


def test_joining_a_request_only_community_directly_is_refused(steward):
    community = a_community(steward=steward, join_policy=JoinPolicy.REQUEST)
    before = everything()

    with pytest.raises(ServiceError, match="ask to join instead"):
        community_join(user=UserFactory(), community=community)

    assert everything() == before


def test_joining_twice_is_refused(community):
    user = UserFactory()
    community_join(user=user, community=community)
    before = everything()

    with pytest.raises(ServiceError, match="already a member"):
        community_join(user=user, community=fresh(community))

    assert everything() == before


def test_a_banned_member_cannot_rejoin(community, steward):
    user = a_member(community).user
    membership_ban(actor=steward, community=community, user=user)
    before = everything()

    with pytest.raises(ServiceError, match="cannot join"):
        community_join(user=user, community=fresh(community))

    assert everything() == before


def test_a_restricted_community_refuses_someone_outside_the_organisation():
    organization = OrganizationFactory()
    admin = OrganizationMembershipFactory(organization=organization, role="admin").user
    community = a_community(
        steward=admin, organization=organization, restricted_to_organization=True
    )
    before = everything()

    with pytest.raises(ServiceError, match=organization.name):
        community_join(user=UserFactory(), community=community)

    assert everything() == before


def test_a_restricted_community_lets_an_organisation_member_join():
    organization = OrganizationFactory()
    admin = OrganizationMembershipFactory(organization=organization, role="admin").user
    colleague = OrganizationMembershipFactory(organization=organization, role="member").user
    community = a_community(
        steward=admin, organization=organization, restricted_to_organization=True
    )

    community_join(user=colleague, community=community)

    assert Membership.objects.get(community=community, user=colleague).is_active
    assert member_count(community) == 2


# --- requests to join -----------------------------------------------------------------------


@pytest.fixture
def by_request(steward):
    return a_community(steward=steward, join_policy=JoinPolicy.REQUEST)


def test_asking_to_join_leaves_a_pending_request_with_the_message(by_request):
    user = UserFactory()

    membership = community_request_join(
        user=user, community=by_request, message="  I teach Year 1.  "
    )

    assert membership.state == MembershipState.PENDING
    assert membership.request_message == "I teach Year 1."
    assert member_count(by_request) == 1


def test_approving_a_request_makes_an_active_member(by_request, steward):
    pending = community_request_join(user=UserFactory(), community=by_request)

    membership_approve(actor=steward, membership=pending)

    pending.refresh_from_db()
    assert pending.state == MembershipState.ACTIVE
    assert pending.joined_at is not None
    assert pending.decided_by == steward
    assert member_count(by_request) == 2


def test_approving_a_request_twice_is_refused(by_request, steward):
    pending = community_request_join(user=UserFactory(), community=by_request)
    membership_approve(actor=steward, membership=pending)
    before = everything()

    with pytest.raises(ServiceError, match="already been decided"):
        membership_approve(actor=steward, membership=pending)

    assert everything() == before


def test_declining_a_request_removes_it_and_they_may_ask_again(by_request, steward):
    user = UserFactory()
    pending = community_request_join(user=user, community=by_request)

    membership_decline(actor=steward, membership=pending)

    assert not Membership.objects.filter(pk=pending.pk).exists()
    assert community_request_join(user=user, community=fresh(by_request)).state == "pending"


def test_declining_a_request_twice_is_refused(by_request, steward):
    pending = community_request_join(user=UserFactory(), community=by_request)
    membership_decline(actor=steward, membership=pending)
    before = everything()

    with pytest.raises(ServiceError, match="already been decided"):
        membership_decline(actor=steward, membership=pending)

    assert everything() == before


@pytest.mark.parametrize("decide", [membership_approve, membership_decline])
def test_a_moderator_cannot_decide_requests(by_request, decide):
    moderator = a_member(by_request, role=Role.MODERATOR).user
    pending = community_request_join(user=UserFactory(), community=by_request)
    before = everything()

    with pytest.raises(PermissionDenied):
        decide(actor=moderator, membership=pending)

    assert everything() == before


def test_a_request_message_that_is_too_long_is_refused_and_nothing_is_written(by_request):
    before = everything()

    with pytest.raises(ServiceError) as refusal:
        community_request_join(user=UserFactory(), community=by_request, message="x" * 1001)

    assert refusal.value.field == "message"
    assert everything() == before


def test_asking_to_join_an_open_community_is_refused(community):
    before = everything()

    with pytest.raises(ServiceError, match="join it directly"):
        community_request_join(user=UserFactory(), community=community)

    assert everything() == before


def test_asking_twice_is_refused(by_request):
    user = UserFactory()
    community_request_join(user=user, community=by_request)
    before = everything()

    with pytest.raises(ServiceError, match="already asked"):
        community_request_join(user=user, community=fresh(by_request))

    assert everything() == before


# --- leaving --------------------------------------------------------------------------------


def test_a_member_can_leave(community):
    user = a_member(community).user

    community_leave(user=user, community=fresh(community))

    assert not Membership.objects.filter(community=community, user=user).exists()
    assert member_count(community) == 1


def test_the_only_steward_cannot_leave(community, steward):
    a_member(community)
    before = everything()

    with pytest.raises(ServiceError, match="hand stewardship to another member"):
        community_leave(user=steward, community=community)

    assert everything() == before


def test_a_steward_can_leave_when_another_steward_remains(community, steward):
    a_member(community, role=Role.STEWARD)

    community_leave(user=steward, community=fresh(community))

    assert not Membership.objects.filter(community=community, user=steward).exists()
    assert member_count(community) == 1


def test_leaving_withdraws_a_pending_request(by_request):
    user = UserFactory()
    community_request_join(user=user, community=by_request)

    community_leave(user=user, community=fresh(by_request))

    assert not Membership.objects.filter(community=by_request, user=user).exists()
    assert member_count(by_request) == 1


@pytest.mark.parametrize("state", [None, MembershipState.BANNED])
def test_someone_who_is_not_a_member_cannot_leave(community, state):
    user = UserFactory()
    if state:
        a_member(community, user=user, state=state)
    before = everything()

    with pytest.raises(ServiceError, match="not a member"):
        community_leave(user=user, community=fresh(community))

    assert everything() == before


# --- roles and stewardship --------------------------------------------------------------


def test_the_steward_can_make_a_member_a_moderator(community, steward):
    membership = a_member(community)

    membership_set_role(actor=steward, membership=membership, role=Role.MODERATOR)

    membership.refresh_from_db()
    assert membership.role == Role.MODERATOR


def test_the_last_steward_cannot_be_demoted(community, steward):
    own = Membership.objects.get(community=community, user=steward)
    before = everything()

    with pytest.raises(ServiceError, match="at least one steward"):
        membership_set_role(actor=steward, membership=own, role=Role.MEMBER)

    assert everything() == before


def test_a_steward_can_be_demoted_while_another_steward_remains(community, steward):
    other = a_member(community, role=Role.STEWARD)

    membership_set_role(actor=steward, membership=other, role=Role.MEMBER)

    other.refresh_from_db()
    assert other.role == Role.MEMBER


def test_a_moderator_cannot_change_roles(community):
    moderator = a_member(community, role=Role.MODERATOR).user
    membership = a_member(community)
    before = everything()

    with pytest.raises(PermissionDenied):
        membership_set_role(actor=moderator, membership=membership, role=Role.MODERATOR)

    assert everything() == before


@pytest.mark.parametrize(
    ("state", "role"),
    [(MembershipState.PENDING, Role.MODERATOR), (MembershipState.ACTIVE, "owner")],
    ids=["pending-member", "unknown-role"],
)
def test_a_role_for_a_pending_member_or_an_unknown_role_is_refused(community, steward, state, role):
    membership = a_member(community, state=state)
    before = everything()

    with pytest.raises(ServiceError):
        membership_set_role(actor=steward, membership=membership, role=role)

    assert everything() == before


def test_handing_over_stewardship_makes_the_giver_a_moderator(community, steward):
    successor = a_member(community).user

    stewardship_transfer(actor=steward, community=community, to_user=successor)

    roles = dict(Membership.objects.filter(community=community).values_list("user_id", "role"))
    assert roles == {steward.pk: Role.MODERATOR, successor.pk: Role.STEWARD}


@pytest.mark.parametrize("relation", ["none", "pending", "banned"])
def test_stewardship_cannot_go_to_someone_who_is_not_an_active_member(community, steward, relation):
    target = UserFactory()
    if relation != "none":
        a_member(community, user=target, state=relation)
    before = everything()

    with pytest.raises(ServiceError) as refusal:
        stewardship_transfer(actor=steward, community=community, to_user=target)

    assert refusal.value.field == "member"
    assert everything() == before


def test_stewardship_cannot_be_handed_to_yourself(community, steward):
    before = everything()

    with pytest.raises(ServiceError) as refusal:
        stewardship_transfer(actor=steward, community=community, to_user=steward)

    assert refusal.value.field == "member"
    assert everything() == before


# --- bans and removal ---------------------------------------------------------------------


def test_a_banned_member_loses_access_to_a_members_only_community(community, steward):
    user = a_member(community).user

    membership_ban(actor=steward, community=community, user=user, reason=" Spam ")

    banned = Membership.objects.get(community=community, user=user)
    assert banned.state == MembershipState.BANNED
    assert banned.ban_reason == "Spam"
    assert banned.decided_by == steward
    assert can_read_community(user, fresh(community)) is False
    assert can_post_in_community(user, fresh(community)) is False
    assert member_count(community) == 1


def test_a_moderator_can_ban_a_member(community):
    moderator = a_member(community, role=Role.MODERATOR).user
    user = a_member(community).user

    membership_ban(actor=moderator, community=fresh(community), user=user)

    assert Membership.objects.get(community=community, user=user).state == "banned"
    assert member_count(community) == 2


def test_banning_someone_who_never_joined_keeps_them_out(community, steward):
    user = UserFactory()

    membership_ban(actor=steward, community=community, user=user)

    with pytest.raises(ServiceError):
        community_join(user=user, community=fresh(community))
    assert member_count(community) == 1


def test_a_steward_cannot_be_banned(community):
    other_steward = a_member(community, role=Role.STEWARD).user
    before = everything()

    with pytest.raises(ServiceError, match="steward cannot be banned"):
        membership_ban(actor=StaffFactory(), community=community, user=other_steward)

    assert everything() == before


def test_a_moderator_cannot_ban_another_moderator(community):
    moderator = a_member(community, role=Role.MODERATOR).user
    other = a_member(community, role=Role.MODERATOR).user
    before = everything()

    with pytest.raises(ServiceError, match="Only a steward"):
        membership_ban(actor=moderator, community=fresh(community), user=other)

    assert everything() == before


def test_a_steward_can_ban_a_moderator(community, steward):
    moderator = a_member(community, role=Role.MODERATOR).user

    membership_ban(actor=steward, community=community, user=moderator)

    banned = Membership.objects.get(community=community, user=moderator)
    assert (banned.state, banned.role) == (MembershipState.BANNED, Role.MEMBER)


def test_a_plain_member_cannot_ban(community):
    member = a_member(community).user
    other = a_member(community).user
    before = everything()

    with pytest.raises(PermissionDenied):
        membership_ban(actor=member, community=fresh(community), user=other)

    assert everything() == before


def test_nobody_can_ban_themselves(community):
    moderator = a_member(community, role=Role.MODERATOR).user
    before = everything()

    with pytest.raises(ServiceError, match="yourself"):
        membership_ban(actor=moderator, community=fresh(community), user=moderator)

    assert everything() == before


def test_a_ban_reason_that_is_too_long_is_refused(community, steward):
    user = a_member(community).user
    before = everything()

    with pytest.raises(ServiceError) as refusal:
        membership_ban(actor=steward, community=community, user=user, reason="x" * 501)

    assert refusal.value.field == "reason"
    assert everything() == before


def test_an_unbanned_person_can_join_again(community, steward):
    user = a_member(community).user
    banned = membership_ban(actor=steward, community=community, user=user)

    membership_unban(actor=steward, membership=banned)

    assert not Membership.objects.filter(pk=banned.pk).exists()
    community_join(user=user, community=fresh(community))
    assert member_count(community) == 2


def test_the_steward_can_remove_a_member_who_may_then_rejoin(community, steward):
    membership = a_member(community)

    membership_remove(actor=steward, membership=membership)

    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert member_count(community) == 1
    community_join(user=membership.user, community=fresh(community))
    assert member_count(community) == 2


def test_a_steward_cannot_be_removed(community, steward):
    other_steward = a_member(community, role=Role.STEWARD)
    before = everything()

    with pytest.raises(ServiceError, match="steward's role"):
        membership_remove(actor=steward, membership=other_steward)

    assert everything() == before


def test_a_moderator_cannot_remove_a_member(community):
    moderator = a_member(community, role=Role.MODERATOR).user
    membership = a_member(community)
    before = everything()

    with pytest.raises(PermissionDenied):
        membership_remove(actor=moderator, membership=membership)

    assert everything() == before


# --- invitations --------------------------------------------------------------------------


@pytest.fixture
def invite_only(steward):
    return a_community(steward=steward, visibility=Visibility.SECRET, join_policy=JoinPolicy.INVITE)


def test_a_steward_creates_an_invitation_link(invite_only, steward):
    invitation = invitation_create(
        actor=steward, community=invite_only, days=3, max_uses=10, note=" Staff meeting "
    )

    assert invitation.created_by == steward
    assert invitation.max_uses == 10
    assert invitation.note == "Staff meeting"
    assert invitation.is_usable
    assert (
        timedelta(days=3) - timedelta(minutes=1)
        < invitation.expires_at - timezone.now()
        <= timedelta(days=3)
    )


@pytest.mark.parametrize(
    ("days", "max_uses", "field"),
    [
        (0, None, "days"),
        (91, None, "days"),
        (-1, 5, "days"),
        (7, 0, "max_uses"),
        (7, 10001, "max_uses"),
    ],
)
def test_an_invitation_with_bad_limits_is_refused(invite_only, steward, days, max_uses, field):
    before = everything()

    with pytest.raises(ServiceError) as refusal:
        invitation_create(actor=steward, community=invite_only, days=days, max_uses=max_uses)

    assert refusal.value.field == field
    assert everything() == before


def test_a_moderator_cannot_create_an_invitation(invite_only):
    moderator = a_member(invite_only, role=Role.MODERATOR).user
    before = everything()

    with pytest.raises(PermissionDenied):
        invitation_create(actor=moderator, community=fresh(invite_only))

    assert everything() == before


def test_accepting_an_invitation_joins_and_counts_the_use(invite_only, steward):
    invitation = invitation_create(actor=steward, community=invite_only, max_uses=5)
    user = UserFactory()

    membership = invitation_accept(user=user, invitation=invitation)

    assert membership.state == MembershipState.ACTIVE
    assert membership.joined_at is not None
    invitation.refresh_from_db()
    assert invitation.use_count == 1
    assert member_count(invite_only) == 2


def test_accepting_an_invitation_turns_a_pending_request_into_membership(steward):
    community = a_community(steward=steward, join_policy=JoinPolicy.REQUEST)
    user = UserFactory()
    pending = community_request_join(user=user, community=community)
    invitation = invitation_create(actor=steward, community=community)

    invitation_accept(user=user, invitation=invitation)

    pending.refresh_from_db()
    assert pending.state == MembershipState.ACTIVE
    assert Membership.objects.filter(community=community, user=user).count() == 1
    assert member_count(community) == 2


@pytest.mark.parametrize(
    "link",
    [
        {"max_uses": 2, "use_count": 2},
        {"expires_at": timezone.now() - timedelta(minutes=1)},
    ],
    ids=["used-up", "expired"],
)
def test_a_used_up_or_expired_link_is_refused(invite_only, steward, link):
    invitation = InvitationFactory(community=invite_only, created_by=steward, **link)
    before = everything()

    with pytest.raises(ServiceError, match="expired or been used up"):
        invitation_accept(user=UserFactory(), invitation=invitation)

    assert everything() == before


def test_a_revoked_link_is_refused(invite_only, steward):
    invitation = invitation_create(actor=steward, community=invite_only)
    invitation_revoke(actor=steward, invitation=invitation)
    invitation.refresh_from_db()
    before = everything()

    with pytest.raises(ServiceError, match="expired or been used up"):
        invitation_accept(user=UserFactory(), invitation=invitation)

    assert everything() == before


def test_a_banned_person_cannot_use_an_invitation(invite_only, steward):
    user = a_member(invite_only).user
    membership_ban(actor=steward, community=invite_only, user=user)
    invitation = invitation_create(actor=steward, community=fresh(invite_only))
    before = everything()

    with pytest.raises(ServiceError, match="cannot join"):
        invitation_accept(user=user, invitation=invitation)

    assert everything() == before


def test_an_active_member_accepting_a_link_is_refused_and_no_use_is_counted(invite_only, steward):
    invitation = invitation_create(actor=steward, community=invite_only, max_uses=1)
    before = everything()

    with pytest.raises(ServiceError, match="already a member"):
        invitation_accept(user=steward, invitation=invitation)

    assert everything() == before


def test_the_last_use_of_a_link_is_taken_by_one_person_only(invite_only, steward):
    invitation = invitation_create(actor=steward, community=invite_only, max_uses=1)
    first, second = UserFactory(), UserFactory()
    stale_copy = Invitation.objects.get(pk=invitation.pk)

    invitation_accept(user=first, invitation=invitation)
    with pytest.raises(ServiceError, match="expired or been used up"):
        invitation_accept(user=second, invitation=stale_copy)

    assert not Membership.objects.filter(community=invite_only, user=second).exists()
    assert Invitation.objects.get(pk=invitation.pk).use_count == 1


# --- spaces -------------------------------------------------------------------------------


def positions(community: Community) -> list[tuple[str, int]]:
    return list(Space.objects.filter(community=community).values_list("slug", "position"))


def test_a_new_space_goes_at_the_end(community, steward):
    space = space_create(
        actor=steward, community=community, name=" Lesson ideas ", description=" Share. "
    )

    assert (space.name, space.slug, space.description) == ("Lesson ideas", "lesson-ideas", "Share.")
    assert positions(community) == [("general", 0), ("questions", 1), ("lesson-ideas", 2)]


def test_a_space_with_the_name_of_an_existing_one_is_refused(community, steward):
    before = everything()

    with pytest.raises(ServiceError) as refusal:
        space_create(actor=steward, community=community, name="questions")

    assert refusal.value.field == "name"
    assert everything() == before


@pytest.mark.parametrize("name", ["", "   ", "???"])
def test_a_space_without_letters_or_numbers_in_its_name_is_refused(community, steward, name):
    before = everything()

    with pytest.raises(ServiceError) as refusal:
        space_create(actor=steward, community=community, name=name)

    assert refusal.value.field == "name"
    assert everything() == before


def test_a_moderator_cannot_create_a_space(community):
    moderator = a_member(community, role=Role.MODERATOR).user
    before = everything()

    with pytest.raises(PermissionDenied):
        space_create(actor=moderator, community=fresh(community), name="Mine")

    assert everything() == before


def test_a_space_can_be_renamed_and_described(community, steward):
    space = community.spaces.get(slug="general")

    space_update(actor=steward, space=space, name=" Staffroom ", description=" Chat. ")

    space.refresh_from_db()
    assert (space.name, space.slug, space.description) == ("Staffroom", "general", "Chat.")


def test_renaming_a_space_to_nothing_is_refused(community, steward):
    space = community.spaces.get(slug="general")
    before = everything()

    with pytest.raises(ServiceError) as refusal:
        space_update(actor=steward, space=space, name="  ")

    assert refusal.value.field == "name"
    assert everything() == before


def test_moving_a_space_up_and_down_keeps_positions_in_order(community, steward):
    space_create(actor=steward, community=community, name="Lesson ideas")
    space_create(actor=steward, community=community, name="Off topic")
    lessons = community.spaces.get(slug="lesson-ideas")

    space_move(actor=steward, space=lessons, direction="up")
    assert positions(community) == [
        ("general", 0),
        ("lesson-ideas", 1),
        ("questions", 2),
        ("off-topic", 3),
    ]

    space_move(actor=steward, space=lessons, direction="down")
    space_move(actor=steward, space=lessons, direction="down")
    assert positions(community) == [
        ("general", 0),
        ("questions", 1),
        ("off-topic", 2),
        ("lesson-ideas", 3),
    ]


@pytest.mark.parametrize(
    ("slug", "direction"),
    [("general", "up"), ("questions", "down"), ("general", "sideways")],
)
def test_moving_a_space_past_the_end_or_sideways_changes_nothing(
    community, steward, slug, direction
):
    before = everything()

    space_move(actor=steward, space=community.spaces.get(slug=slug), direction=direction)

    assert everything() == before


def test_moving_after_a_deletion_closes_the_gap(community, steward):
    space_create(actor=steward, community=community, name="Lesson ideas")
    space_delete(actor=steward, space=community.spaces.get(slug="questions"))

    space_move(actor=steward, space=community.spaces.get(slug="general"), direction="down")

    assert positions(community) == [("lesson-ideas", 0), ("general", 1)]


def test_a_space_can_be_deleted_while_another_remains(community, steward):
    space_delete(actor=steward, space=community.spaces.get(slug="questions"))

    assert positions(community) == [("general", 0)]


def test_the_last_space_cannot_be_deleted(community, steward):
    space_delete(actor=steward, space=community.spaces.get(slug="questions"))
    before = everything()

    with pytest.raises(ServiceError, match="at least one space"):
        space_delete(actor=steward, space=community.spaces.get(slug="general"))

    assert everything() == before


# --- refusal messages ---------------------------------------------------------------------


def test_an_org_member_joining_a_restricted_request_community_is_told_to_ask_instead():
    organization = OrganizationFactory()
    admin = OrganizationMembershipFactory(organization=organization, role="admin").user
    colleague = OrganizationMembershipFactory(organization=organization, role="member").user
    community = a_community(
        steward=admin,
        organization=organization,
        restricted_to_organization=True,
        join_policy=JoinPolicy.REQUEST,
    )

    with pytest.raises(ServiceError, match="ask to join instead"):
        community_join(user=colleague, community=community)
