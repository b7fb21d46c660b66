"""The search page's community filter: the viewer's own communities, and the one asked for."""

import re

import pytest

from staffroom.communities.models import Visibility
from tests.discussions.builders import a_community, a_member
from tests.factories.accounts import UserFactory
from tests.search.conftest import index

pytestmark = pytest.mark.django_db


def shown(response) -> str:
    """The page's text without tags (matches come wrapped in <mark>)."""
    return re.sub(r"<[^>]+>", "", response.content.decode())


def options(response) -> list[str]:
    """The community filter's option labels, in order."""
    html = response.content.decode()
    select = re.search(r'<select name="community"[^>]*>(.*?)</select>', html, re.S).group(1)
    return [label.strip() for label in re.findall(r"<option[^>]*>(.*?)</option>", select, re.S)]


@pytest.fixture
def world():
    steward = UserFactory()
    mine = a_community(steward=steward, name="Algebra circle", slug="algebra-circle")
    other = a_community(steward=steward, name="Botany circle", slug="botany-circle")
    staff = a_community(
        steward=steward, name="Staff room", slug="staff-room", visibility=Visibility.MEMBERS
    )
    member = a_member(mine)
    a_member(staff, user=member)
    for community in (mine, other, staff):
        index(community, title=f"Fractions in the {community.name}")
    return {"member": member, "mine": mine, "other": other, "staff": staff}


def test_a_member_is_offered_their_own_communities_not_every_public_one(client, world):
    client.force_login(world["member"])

    response = client.get("/search/", {"q": "fractions"})

    assert options(response) == ["All my communities", "Algebra circle", "Staff room"]
    # The filter narrows the choice offered, not what is searched.
    assert "Fractions in the Botany circle" in shown(response)


def test_a_community_asked_for_by_slug_is_offered_selected_and_searched(client, world):
    response = client.get("/search/", {"q": "fractions", "community": "botany-circle"})

    html = response.content.decode()
    assert options(response) == ["All my communities", "Botany circle"]
    assert re.search(r'<option value="botany-circle" selected>', html)
    assert "Fractions in the Botany circle" in shown(response)
    assert "Fractions in the Algebra circle" not in shown(response)


@pytest.mark.parametrize("slug", ["staff-room", "no-such-place", "x" * 300])
def test_a_private_or_unknown_community_is_refused_without_naming_it(client, world, slug):
    client.force_login(UserFactory())

    response = client.get("/search/", {"q": "fractions", "community": slug})

    html = response.content.decode()
    assert response.status_code == 200
    assert options(response) == ["All my communities"]
    assert "Select a valid choice" in html
    assert "Staff room" not in html and "Fractions in" not in shown(response)


def test_the_page_costs_the_same_few_queries_however_many_communities_exist(
    client, world, django_assert_max_num_queries
):
    for _ in range(30):
        a_community()
    client.force_login(world["member"])

    with django_assert_max_num_queries(6):
        response = client.get("/search/", {"q": "fractions"})

    assert len(options(response)) == 3
