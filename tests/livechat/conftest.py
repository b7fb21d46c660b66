import pytest

from staffroom.communities.models import MembershipState, Role, Visibility
from tests.discussions.builders import a_community, a_member
from tests.factories.accounts import UserFactory
from tests.livechat.builders import a_chat, a_live_chat


@pytest.fixture
def steward():
    return UserFactory(display_name="Sam Steward")


@pytest.fixture
def community(steward):
    return a_community(steward=steward, name="Ratio talk", slug="ratio-talk")


@pytest.fixture
def private_community(steward):
    return a_community(
        steward=steward, name="Staff only", slug="staff-only", visibility=Visibility.MEMBERS
    )


@pytest.fixture
def host(community):
    return a_member(community, name="Hana Host")


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
def banned(community):
    return a_member(community, state=MembershipState.BANNED, name="Bo Banned")


@pytest.fixture
def outsider():
    return UserFactory(display_name="Oscar Outsider")


@pytest.fixture
def scheduled_chat(community, steward, host):
    return a_chat(community, steward, host=host)


@pytest.fixture
def live_chat(community, steward, host):
    return a_live_chat(community, steward, host=host)
