import pytest

from staffroom.communities.models import Role
from tests.discussions.builders import a_community, a_member
from tests.factories.accounts import UserFactory


@pytest.fixture
def steward():
    return UserFactory(display_name="Sam Steward")


@pytest.fixture
def community(steward):
    return a_community(steward=steward, name="Middle-school maths", slug="maths")


@pytest.fixture
def member(community):
    return a_member(community, name="Mia Member")


@pytest.fixture
def other(community):
    return a_member(community, name="Olu Other")


@pytest.fixture
def moderator(community):
    return a_member(community, role=Role.MODERATOR, name="Mo Moderator")
