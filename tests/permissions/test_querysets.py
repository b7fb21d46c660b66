"""The set forms of the access rules agree with the per-object answers."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from staffroom.communities.models import Community, MembershipState, Role, Visibility
from staffroom.permissions.communities import (
    can_read_community,
    can_view_community,
    readable_communities,
    visible_communities,
)
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.communities import CommunityFactory, MembershipFactory
from tests.factories.orgs import OrganizationFactory, OrganizationMembershipFactory

pytestmark = pytest.mark.django_db

VISIBILITIES = [Visibility.PUBLIC, Visibility.MEMBERS, Visibility.SECRET]
RELATIONS = {
    "outsider": None,
    "pending": (Role.MEMBER, MembershipState.PENDING),
    "member": (Role.MEMBER, MembershipState.ACTIVE),
    "moderator": (Role.MODERATOR, MembershipState.ACTIVE),
    "steward": (Role.STEWARD, MembershipState.ACTIVE),
    "banned": (Role.MEMBER, MembershipState.BANNED),
}
ACTORS = ["anonymous", "outsider", "org_member", *list(RELATIONS)[1:], "staff"]


def a_community(*, visibility: str, organization=None) -> Community:
    community = CommunityFactory(
        visibility=visibility,
        organization=organization,
        restricted_to_organization=organization is not None,
    )
    MembershipFactory(community=community, role=Role.STEWARD)
    return community


def relate(user, community: Community, relation: str) -> None:
    if RELATIONS[relation] is not None:
        role, state = RELATIONS[relation]
        MembershipFactory(community=community, user=user, role=role, state=state)


def the_actor(actor: str, community: Community):
    if actor == "anonymous":
        return AnonymousUser()
    if actor == "staff":
        return StaffFactory()
    user = UserFactory()
    if actor == "org_member":
        OrganizationMembershipFactory(organization=community.organization, user=user)
    else:
        relate(user, community, actor)
    return user


def expected_sets(user) -> tuple[set[int], set[int]]:
    # Fresh rows, so that no membership cached by earlier checks can colour the answer.
    communities = list(Community.objects.all())
    return (
        {c.pk for c in communities if can_view_community(user, c)},
        {c.pk for c in communities if can_read_community(user, c)},
    )


@pytest.mark.parametrize("visibility", VISIBILITIES)
@pytest.mark.parametrize("actor", ACTORS)
def test_the_visible_and_readable_sets_match_the_per_community_answers(actor, visibility):
    # given: the actor's own community, and one of each visibility they have nothing to do with
    community = a_community(visibility=visibility, organization=OrganizationFactory())
    for other_visibility in VISIBILITIES:
        a_community(visibility=other_visibility)
    user = the_actor(actor, community)

    # when
    visible = set(visible_communities(user).values_list("pk", flat=True))
    readable = set(readable_communities(user).values_list("pk", flat=True))

    # then
    assert (visible, readable) == expected_sets(user)


def test_the_sets_narrow_the_queryset_they_are_given():
    user = UserFactory()
    public = a_community(visibility=Visibility.PUBLIC)
    secret = a_community(visibility=Visibility.SECRET)
    relate(user, secret, "member")
    a_community(visibility=Visibility.PUBLIC)

    only = Community.objects.filter(pk__in=[public.pk, secret.pk])

    assert set(visible_communities(user, only)) == {public, secret}
    assert set(readable_communities(user, only)) == {public, secret}


def test_a_member_of_a_secret_community_does_not_see_other_secret_communities():
    user = UserFactory()
    mine = a_community(visibility=Visibility.SECRET)
    relate(user, mine, "member")
    a_community(visibility=Visibility.SECRET)

    assert list(visible_communities(user)) == [mine]
    assert list(readable_communities(user)) == [mine]


@settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    viewer=st.sampled_from(["anonymous", "signed-in", "staff"]),
    world=st.lists(
        st.tuples(st.sampled_from(VISIBILITIES), st.sampled_from(list(RELATIONS))),
        min_size=1,
        max_size=8,
    ),
)
def test_any_mix_of_memberships_gives_sets_that_match_the_per_community_answers(viewer, world):
    with transaction.atomic():
        # given: one viewer holding a different relation to each of several communities
        user = {
            "anonymous": AnonymousUser,
            "signed-in": UserFactory,
            "staff": StaffFactory,
        }[viewer]()
        for visibility, relation in world:
            community = a_community(visibility=visibility)
            if viewer != "anonymous":
                relate(user, community, relation)

        # when
        visible = set(visible_communities(user).values_list("pk", flat=True))
        readable = set(readable_communities(user).values_list("pk", flat=True))

        # then
        assert (visible, readable) == expected_sets(user)
        transaction.set_rollback(True)
