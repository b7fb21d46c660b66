import pytest

from staffroom.communities.models import Role
from staffroom.discussions.models import ThreadKind
from tests.discussions.builders import a_community, a_member, a_thread
from tests.factories.accounts import UserFactory


@pytest.fixture
def steward():
    return UserFactory(display_name="Sam Steward")


@pytest.fixture
def community(steward):
    return a_community(steward=steward, name="Early literacy", slug="early-literacy")


@pytest.fixture
def member(community):
    return a_member(community, name="Mia Member")


@pytest.fixture
def other(community):
    return a_member(community, name="Olu Other")


@pytest.fixture
def moderator(community):
    return a_member(community, role=Role.MODERATOR, name="Mo Moderator")


@pytest.fixture
def thread(community, member):
    return a_thread(community, member)


@pytest.fixture
def question(community, member):
    return a_thread(
        community,
        member,
        kind=ThreadKind.QUESTION,
        title="How do I get quiet readers to talk about a book?",
        body="My Year 2 group goes silent in book talk.",
    )
