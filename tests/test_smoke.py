import pytest

from tests.factories.accounts import UserFactory
from tests.factories.communities import MembershipFactory


@pytest.mark.django_db
def test_home_page_lists_a_public_community(client):
    membership = MembershipFactory(community__name="Early literacy circle")

    response = client.get("/")

    assert response.status_code == 200
    assert "Early literacy circle" in response.content.decode()
    assert membership.community.get_absolute_url() in response.content.decode()


@pytest.mark.django_db
def test_every_new_account_has_a_profile():
    user = UserFactory(display_name="Amara Okafor")

    assert user.profile.display_name == "Amara Okafor"
