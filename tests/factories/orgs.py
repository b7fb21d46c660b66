import factory

from staffroom.orgs.models import (
    Organization,
    OrganizationDomain,
    OrganizationKind,
    OrganizationMembership,
    OrgRole,
)
from tests.factories.accounts import UserFactory


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Riverside District {n}")
    slug = factory.Sequence(lambda n: f"riverside-{n}")
    kind = OrganizationKind.DISTRICT


class OrganizationDomainFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganizationDomain

    organization = factory.SubFactory(OrganizationFactory)
    domain = factory.Sequence(lambda n: f"riverside{n}.k12.example")


class OrganizationMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganizationMembership

    organization = factory.SubFactory(OrganizationFactory)
    user = factory.SubFactory(UserFactory)
    role = OrgRole.MEMBER
