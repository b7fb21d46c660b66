"""The similar-questions endpoint and the inbox: access and flat query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from staffroom.communities.models import MembershipState, Visibility
from staffroom.communities.services import community_create, community_join
from staffroom.discussions import services
from staffroom.discussions.models import ThreadKind
from staffroom.notifications.models import Notification, NotificationKind
from tests.factories.accounts import UserFactory
from tests.factories.communities import MembershipFactory

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Ratio tables for year 7, where to start?"


def private_question(visibility: str, slug: str):
    steward = UserFactory()
    community = community_create(
        creator=steward, name="Maths", slug=slug, domain_statement="Ratios.", visibility=visibility
    )
    services.thread_create(
        author=steward,
        community=community,
        space=community.spaces.first(),
        kind=ThreadKind.QUESTION,
        title=TITLE,
        body="Help.",
    )
    return steward, community


@pytest.mark.parametrize("actor", ["anonymous", "outsider", "pending", "banned"])
def test_similar_questions_of_a_members_only_community_stay_hidden(client, actor):
    _steward, community = private_question(Visibility.MEMBERS, "members-similar")
    if actor != "anonymous":
        user = UserFactory()
        state = {"pending": MembershipState.PENDING, "banned": MembershipState.BANNED}
        if actor in state:
            MembershipFactory(community=community, user=user, state=state[actor])
        client.force_login(user)

    response = client.get(f"/c/{community.slug}/new/similar/", {"title": "ratio tables"})

    assert response.status_code == 200
    assert "Ratio tables" not in response.content.decode()


@pytest.mark.parametrize("actor", ["anonymous", "outsider"])
def test_similar_questions_of_a_secret_community_are_not_found(client, actor):
    _steward, community = private_question(Visibility.SECRET, "secret-similar")
    if actor == "outsider":
        client.force_login(UserFactory())

    response = client.get(f"/c/{community.slug}/new/similar/", {"title": "ratio tables"})

    assert response.status_code == 404


def test_a_member_gets_similar_questions_from_a_members_only_community(client):
    _steward, community = private_question(Visibility.MEMBERS, "members-similar-ok")
    member = UserFactory()
    community_join(user=member, community=community)
    client.force_login(member)

    response = client.get(f"/c/{community.slug}/new/similar/", {"title": "ratio tables"})

    assert "<mark>Ratio</mark>" in response.content.decode()


def test_the_inbox_costs_as_many_queries_for_fifty_notifications_as_for_five(client):
    steward, community = private_question(Visibility.PUBLIC, "inbox-flat")
    client.force_login(steward)

    def add(count: int) -> None:
        Notification.objects.bulk_create(
            Notification(
                user=steward,
                kind=NotificationKind.REPLY,
                community=community,
                actor_name="Helper",
                title=TITLE,
                url="/",
            )
            for _ in range(count)
        )

    def measure() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/notifications/").status_code == 200
        return len(queries)

    add(5)
    few = measure()
    add(45)
    many = measure()

    assert few == many
    assert many <= 6
