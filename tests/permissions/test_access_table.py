"""The community access rules, written out once as tables: actor × visibility × action.

Every cell of every table is its own test. The tables are the specification: change a
cell only together with the rule it describes in ``staffroom/permissions/communities.py``.
"""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.utils import timezone

from staffroom.communities.models import Community, JoinPolicy, MembershipState, Role
from staffroom.orgs.models import Organization
from staffroom.permissions.communities import (
    access_community,
    can_accept_invitation,
    can_join_community,
    can_leave_community,
    can_manage_community,
    can_moderate_community,
    can_post_in_community,
    can_read_community,
    can_request_to_join,
    can_view_community,
)
from staffroom.permissions.discussions import can_manage_tags
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.communities import CommunityFactory, InvitationFactory, MembershipFactory
from tests.factories.orgs import OrganizationFactory, OrganizationMembershipFactory

pytestmark = pytest.mark.django_db


# The community is owned by an organisation and has exactly one steward (the "steward"
# actor), so the steward may not leave before handing over.
#
# Actors: anonymous — not signed in; outsider — signed in, no relation to the community;
# org_member — member of the owning organisation, not of the community; pending — asked to
# join; member, moderator, steward — active with that role; banned; staff — platform staff
# with no membership.
#
# "join" is asked of an OPEN community, "request" of a REQUEST community; every other action
# is asked of both and must give the same answer.

UNRESTRICTED = """
actor       visibility  view  read  join  request  post  moderate  manage  leave
anonymous   public      yes   yes   no    no       no    no        no      no
anonymous   members     yes   no    no    no       no    no        no      no
anonymous   secret      no    no    no    no       no    no        no      no
outsider    public      yes   yes   yes   yes      no    no        no      no
outsider    members     yes   no    yes   yes      no    no        no      no
outsider    secret      no    no    no    no       no    no        no      no
org_member  public      yes   yes   yes   yes      no    no        no      no
org_member  members     yes   no    yes   yes      no    no        no      no
org_member  secret      no    no    no    no       no    no        no      no
pending     public      yes   yes   no    no       no    no        no      yes
pending     members     yes   no    no    no       no    no        no      yes
pending     secret      yes   no    no    no       no    no        no      yes
member      public      yes   yes   no    no       yes   no        no      yes
member      members     yes   yes   no    no       yes   no        no      yes
member      secret      yes   yes   no    no       yes   no        no      yes
moderator   public      yes   yes   no    no       yes   yes       no      yes
moderator   members     yes   yes   no    no       yes   yes       no      yes
moderator   secret      yes   yes   no    no       yes   yes       no      yes
steward     public      yes   yes   no    no       yes   yes       yes     no
steward     members     yes   yes   no    no       yes   yes       yes     no
steward     secret      yes   yes   no    no       yes   yes       yes     no
banned      public      yes   yes   no    no       no    no        no      no
banned      members     yes   no    no    no       no    no        no      no
banned      secret      no    no    no    no       no    no        no      no
staff       public      yes   yes   yes   yes      no    yes       yes     no
staff       members     yes   yes   yes   yes      no    yes       yes     no
staff       secret      yes   yes   yes   yes      no    yes       yes     no
"""

# Same community, but only members of the owning organisation may join or ask to join.
RESTRICTED = """
actor       visibility  view  read  join  request  post  moderate  manage  leave
anonymous   public      yes   yes   no    no       no    no        no      no
anonymous   members     yes   no    no    no       no    no        no      no
anonymous   secret      no    no    no    no       no    no        no      no
outsider    public      yes   yes   no    no       no    no        no      no
outsider    members     yes   no    no    no       no    no        no      no
outsider    secret      no    no    no    no       no    no        no      no
org_member  public      yes   yes   yes   yes      no    no        no      no
org_member  members     yes   no    yes   yes      no    no        no      no
org_member  secret      no    no    no    no       no    no        no      no
pending     public      yes   yes   no    no       no    no        no      yes
pending     members     yes   no    no    no       no    no        no      yes
pending     secret      yes   no    no    no       no    no        no      yes
member      public      yes   yes   no    no       yes   no        no      yes
member      members     yes   yes   no    no       yes   no        no      yes
member      secret      yes   yes   no    no       yes   no        no      yes
moderator   public      yes   yes   no    no       yes   yes       no      yes
moderator   members     yes   yes   no    no       yes   yes       no      yes
moderator   secret      yes   yes   no    no       yes   yes       no      yes
steward     public      yes   yes   no    no       yes   yes       yes     no
steward     members     yes   yes   no    no       yes   yes       yes     no
steward     secret      yes   yes   no    no       yes   yes       yes     no
banned      public      yes   yes   no    no       no    no        no      no
banned      members     yes   no    no    no       no    no        no      no
banned      secret      no    no    no    no       no    no        no      no
staff       public      yes   yes   yes   yes      no    yes       yes     no
staff       members     yes   yes   yes   yes      no    yes       yes     no
staff       secret      yes   yes   yes   yes      no    yes       yes     no
"""

TABLES = {"unrestricted": UNRESTRICTED, "restricted": RESTRICTED}
RESTRICTED_TO_ORGANIZATION = {"unrestricted": False, "restricted": True}
ANSWERS = {"yes": True, "no": False}
ACTORS = [
    "anonymous",
    "outsider",
    "org_member",
    "pending",
    "member",
    "moderator",
    "steward",
    "banned",
    "staff",
]
VISIBILITIES = ["public", "members", "secret"]
CHECKS = {
    "view": can_view_community,
    "read": can_read_community,
    "join": can_join_community,
    "request": can_request_to_join,
    "post": can_post_in_community,
    "moderate": can_moderate_community,
    "manage": can_manage_community,
    "leave": can_leave_community,
}
ASKED_OF = {"join": [JoinPolicy.OPEN], "request": [JoinPolicy.REQUEST]}
ASKED_OF_ANY = [JoinPolicy.OPEN, JoinPolicy.REQUEST]


def _rows(table: str) -> list[list[str]]:
    return [line.split() for line in table.strip().splitlines()]


def _cells(table_name: str):
    header, *rows = _rows(TABLES[table_name])
    for actor, visibility, *answers in rows:
        for action, answer in zip(header[2:], answers, strict=True):
            yield pytest.param(
                table_name,
                actor,
                visibility,
                action,
                ANSWERS[answer],
                id=f"{table_name}-{actor}-{visibility}-{action}",
            )


CELLS = [cell for table_name in TABLES for cell in _cells(table_name)]


@dataclass
class World:
    organization: Organization
    community: Community
    steward: object


def given_a_community(*, visibility: str, join_policy: str, restricted: bool) -> World:
    organization = OrganizationFactory()
    community = CommunityFactory(
        visibility=visibility,
        join_policy=join_policy,
        organization=organization,
        restricted_to_organization=restricted,
    )
    steward = MembershipFactory(community=community, role=Role.STEWARD).user
    return World(organization=organization, community=community, steward=steward)


def _with_membership(role: str, state: str):
    def build(world: World):
        joined_at = timezone.now() if state == MembershipState.ACTIVE else None
        return MembershipFactory(
            community=world.community, role=role, state=state, joined_at=joined_at
        ).user

    return build


BUILD_ACTOR = {
    "anonymous": lambda world: AnonymousUser(),
    "outsider": lambda world: UserFactory(),
    "org_member": lambda world: OrganizationMembershipFactory(organization=world.organization).user,
    "pending": _with_membership(Role.MEMBER, MembershipState.PENDING),
    "member": _with_membership(Role.MEMBER, MembershipState.ACTIVE),
    "moderator": _with_membership(Role.MODERATOR, MembershipState.ACTIVE),
    "steward": lambda world: world.steward,
    "banned": _with_membership(Role.MEMBER, MembershipState.BANNED),
    "staff": lambda world: StaffFactory(),
}


@pytest.mark.parametrize("table_name", list(TABLES))
def test_each_access_table_has_one_row_per_actor_and_visibility(table_name):
    header, *rows = _rows(TABLES[table_name])

    assert header == ["actor", "visibility", *CHECKS]
    assert [(row[0], row[1]) for row in rows] == [
        (actor, visibility) for actor in ACTORS for visibility in VISIBILITIES
    ]
    assert all(answer in ANSWERS for row in rows for answer in row[2:])


@pytest.mark.parametrize(("table_name", "actor", "visibility", "action", "expected"), CELLS)
def test_access_table(table_name, actor, visibility, action, expected):
    for join_policy in ASKED_OF.get(action, ASKED_OF_ANY):
        # given
        world = given_a_community(
            visibility=visibility,
            join_policy=join_policy,
            restricted=RESTRICTED_TO_ORGANIZATION[table_name],
        )
        user = BUILD_ACTOR[actor](world)

        # when
        allowed = CHECKS[action](user, world.community)

        # then
        assert allowed is expected, f"asked of a {join_policy} community"


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("visibility", VISIBILITIES)
def test_nobody_joins_or_asks_to_join_an_invitation_only_community(actor, visibility):
    world = given_a_community(
        visibility=visibility, join_policy=JoinPolicy.INVITE, restricted=False
    )
    user = BUILD_ACTOR[actor](world)

    assert can_join_community(user, world.community) is False
    assert can_request_to_join(user, world.community) is False


@pytest.mark.parametrize("actor", ["outsider", "staff"])
def test_an_open_community_cannot_be_asked_to_join_and_a_request_community_not_joined(actor):
    open_world = given_a_community(visibility="public", join_policy="open", restricted=False)
    request_world = given_a_community(visibility="public", join_policy="request", restricted=False)

    assert can_request_to_join(BUILD_ACTOR[actor](open_world), open_world.community) is False
    assert can_join_community(BUILD_ACTOR[actor](request_world), request_world.community) is False


def test_the_steward_may_leave_once_another_steward_exists():
    world = given_a_community(visibility="members", join_policy="open", restricted=False)
    MembershipFactory(community=world.community, role=Role.STEWARD)

    assert can_leave_community(world.steward, world.community) is True


# --- invitation links ---------------------------------------------------------------------
#
# link: usable (7 days left, no limit), last-use (2 of 3 used), used-up (2 of 2 used),
#       expired (ended an hour ago), revoked.
# community: members — members-only, invitation only; secret — secret, invitation only;
#            restricted — members-only, invitation only, organisation members only.

INVITATIONS = """
case                             link      person      community   accepted
usable-link-outsider             usable    outsider    members     yes
usable-link-anonymous            usable    anonymous   members     no
last-use-left                    last-use  outsider    members     yes
used-up-link                     used-up   outsider    members     no
expired-link                     expired   outsider    members     no
revoked-link                     revoked   outsider    members     no
banned-user                      usable    banned      members     no
pending-user                     usable    pending     members     yes
active-member                    usable    member      members     no
secret-community-outsider        usable    outsider    secret      yes
restricted-outsider              usable    outsider    restricted  no
restricted-org-member            usable    org_member  restricted  yes
restricted-pending-outsider      usable    pending     restricted  no
restricted-org-member-expired    expired   org_member  restricted  no
"""

LINKS = {
    "usable": {},
    "last-use": {"max_uses": 3, "use_count": 2},
    "used-up": {"max_uses": 2, "use_count": 2},
    "expired": {"expires_at_offset": timedelta(hours=-1)},
    "revoked": {"revoked": True},
}
INVITATION_COMMUNITIES = {
    "members": {"visibility": "members", "restricted": False},
    "secret": {"visibility": "secret", "restricted": False},
    "restricted": {"visibility": "members", "restricted": True},
}


def _invitation_cases():
    _header, *rows = _rows(INVITATIONS)
    for case, link, person, community, accepted in rows:
        yield pytest.param(link, person, community, ANSWERS[accepted], id=case)


def given_a_link(world: World, link: str):
    options = dict(LINKS[link])
    offset = options.pop("expires_at_offset", timedelta(days=7))
    revoked = options.pop("revoked", False)
    return InvitationFactory(
        community=world.community,
        created_by=world.steward,
        expires_at=timezone.now() + offset,
        revoked_at=timezone.now() if revoked else None,
        **options,
    )


@pytest.mark.parametrize(("link", "person", "community", "expected"), list(_invitation_cases()))
def test_who_may_accept_an_invitation(link, person, community, expected):
    world = given_a_community(
        visibility=INVITATION_COMMUNITIES[community]["visibility"],
        join_policy=JoinPolicy.INVITE,
        restricted=INVITATION_COMMUNITIES[community]["restricted"],
    )
    invitation = given_a_link(world, link)
    user = BUILD_ACTOR[person](world)

    allowed = can_accept_invitation(user, invitation)

    assert allowed is expected


# --- access_community: 404 for what the viewer may not see, the same as for missing -----

ACCESS_COMMUNITY = """
actor       visibility  outcome
anonymous   secret      404
outsider    secret      404
org_member  secret      404
banned      secret      404
pending     secret      found
member      secret      found
moderator   secret      found
steward     secret      found
staff       secret      found
anonymous   members     found
outsider    members     found
banned      members     found
anonymous   public      found
banned      public      found
"""


def _access_cases():
    _header, *rows = _rows(ACCESS_COMMUNITY)
    for actor, visibility, outcome in rows:
        yield pytest.param(actor, visibility, outcome, id=f"{actor}-{visibility}-{outcome}")


@pytest.mark.parametrize(("actor", "visibility", "outcome"), list(_access_cases()))
def test_access_community_returns_what_the_viewer_may_see_and_404s_the_rest(
    actor, visibility, outcome
):
    world = given_a_community(visibility=visibility, join_policy="open", restricted=False)
    user = BUILD_ACTOR[actor](world)

    if outcome == "404":
        with pytest.raises(Http404):
            access_community(user, world.community.slug)
    else:
        assert access_community(user, world.community.slug) == world.community


@pytest.mark.parametrize("actor", ["anonymous", "outsider", "staff"])
def test_access_community_404s_a_missing_slug_like_a_secret_one(actor):
    world = given_a_community(visibility="public", join_policy="open", restricted=False)
    user = BUILD_ACTOR[actor](world)

    with pytest.raises(Http404):
        access_community(user, "no-such-community")


def test_access_community_honours_the_queryset_it_is_given():
    world = given_a_community(visibility="public", join_policy="open", restricted=False)
    user = BUILD_ACTOR["member"](world)

    with pytest.raises(Http404):
        access_community(user, world.community.slug, Community.objects.none())


# --- can_manage_tags: a community's tags are managed like its settings --------------------

MANAGE_TAGS = """
actor       public  members  secret
anonymous   no      no       no
outsider    no      no       no
org_member  no      no       no
pending     no      no       no
member      no      no       no
moderator   no      no       no
steward     yes     yes      yes
banned      no      no       no
staff       yes     yes      yes
"""


def _manage_tags_cases():
    header, *rows = _rows(MANAGE_TAGS)
    for actor, *answers in rows:
        for visibility, answer in zip(header[1:], answers, strict=True):
            yield pytest.param(actor, visibility, ANSWERS[answer], id=f"{actor}-{visibility}")


def test_the_manage_tags_table_has_one_row_per_actor_and_a_column_per_visibility():
    header, *rows = _rows(MANAGE_TAGS)

    assert header == ["actor", *VISIBILITIES]
    assert [row[0] for row in rows] == ACTORS


@pytest.mark.parametrize(("actor", "visibility", "expected"), list(_manage_tags_cases()))
def test_who_may_manage_a_communitys_tags(actor, visibility, expected):
    world = given_a_community(visibility=visibility, join_policy="open", restricted=True)
    user = BUILD_ACTOR[actor](world)

    assert can_manage_tags(user, world.community) is expected
