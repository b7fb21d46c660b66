"""Every resource has its own discussion: community ones at once, portfolio ones on request."""

import pytest

from staffroom.communities.models import Visibility
from staffroom.core.errors import ServiceError
from staffroom.resources import services
from tests.discussions.builders import a_community, a_member
from tests.factories.accounts import UserFactory
from tests.resources.builders import a_resource

pytestmark = pytest.mark.django_db


def test_a_portfolio_resource_is_discussed_in_a_public_community(client, community, member):
    resource = a_resource(member, None)
    client.force_login(member)

    form = client.get(f"/r/{resource.pk}/discuss/")
    response = client.post(f"/r/{resource.pk}/discuss/", {"community": community.slug})

    resource.refresh_from_db()
    assert [slug for slug, _name in form.context["choices"]] == [community.slug]
    assert resource.thread.community == community
    assert response["Location"] == resource.thread.get_absolute_url()
    assert resource.get_absolute_url() in resource.thread.posts.get(position=1).body
    # Once open, "Discuss" leads every reader to the same thread.
    again = client.get(f"/r/{resource.pk}/discuss/")
    assert again["Location"] == resource.thread.get_absolute_url()


def test_a_private_community_cannot_host_a_portfolio_discussion(steward, member):
    private = a_community(steward=steward, visibility=Visibility.MEMBERS)
    a_member(private, user=member)
    resource = a_resource(member, None)

    with pytest.raises(ServiceError) as refusal:
        services.resource_discussion_start(user=member, resource=resource, community=private)

    assert refusal.value.field == "community"
    resource.refresh_from_db()
    assert resource.thread is None


def test_only_members_who_post_there_can_open_it(community, member):
    resource = a_resource(member, None)

    with pytest.raises(ServiceError):
        services.resource_discussion_start(
            user=UserFactory(), resource=resource, community=community
        )


def test_a_second_discussion_is_refused(community, member, other):
    resource = a_resource(member, None)
    services.resource_discussion_start(user=member, resource=resource, community=community)

    with pytest.raises(ServiceError):
        services.resource_discussion_start(user=other, resource=resource, community=community)


def test_a_community_resource_already_has_its_thread(client, community, member):
    resource = a_resource(member, community)

    response = client.get(f"/r/{resource.pk}/discuss/")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    client.force_login(member)
    assert client.get(f"/r/{resource.pk}/discuss/")["Location"] == (
        resource.thread.get_absolute_url()
    )


def test_a_bad_choice_shows_an_error(client, community, member):
    resource = a_resource(member, None)
    client.force_login(member)

    response = client.post(f"/r/{resource.pk}/discuss/", {"community": "nowhere\x00"})

    assert response.status_code == 200
    assert response.context["form"].errors["community"]
    resource.refresh_from_db()
    assert resource.thread is None
