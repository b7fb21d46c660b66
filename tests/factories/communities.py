from datetime import timedelta

import factory
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
from tests.factories.accounts import UserFactory


class CommunityFactory(factory.django.DjangoModelFactory):
    """A community row only; use ``communities.services.community_create`` for the full setup."""

    class Meta:
        model = Community

    name = factory.Sequence(lambda n: f"Middle-school maths {n}")
    slug = factory.Sequence(lambda n: f"maths-{n}")
    domain_statement = "Teaching ratios, proportions and algebra to 11–14 year olds."
    visibility = Visibility.PUBLIC
    join_policy = JoinPolicy.OPEN


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    community = factory.SubFactory(CommunityFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.MEMBER
    state = MembershipState.ACTIVE
    joined_at = factory.LazyFunction(timezone.now)


class SpaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Space

    community = factory.SubFactory(CommunityFactory)
    name = factory.Sequence(lambda n: f"Space {n}")
    slug = factory.Sequence(lambda n: f"space-{n}")
    position = factory.Sequence(lambda n: n)


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    community = factory.SubFactory(CommunityFactory)
    created_by = factory.SubFactory(UserFactory)
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
