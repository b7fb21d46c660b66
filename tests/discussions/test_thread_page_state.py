"""The thread page reads the viewer's membership and read state with the thread itself;
these make sure the rows it builds from that are the viewer's own, and complete on demand."""

import pytest

from staffroom.communities.models import Membership, Role
from staffroom.discussions.models import ThreadFollow
from staffroom.permissions.actors import membership_of
from staffroom.permissions.discussions import access_thread
from tests.discussions.builders import a_community, a_member, a_thread, post_at
from tests.discussions.test_query_counts import Setting, add_posts

pytestmark = pytest.mark.django_db


def test_the_membership_read_with_the_thread_is_the_viewers_own_row():
    community = a_community(slug="state")
    author = a_member(community)
    a_member(community)  # another row before the viewer's, so ids and positions differ
    viewer = a_member(community, role=Role.MODERATOR)
    thread = a_thread(community, author)

    found = access_thread(viewer, "state", thread.pk)

    membership = membership_of(viewer, found.community)
    expected = Membership.objects.get(community=community, user=viewer)
    assert (membership.pk, membership.user_id, membership.community_id) == (
        expected.pk,
        viewer.pk,
        community.pk,
    )
    assert membership.role == Role.MODERATOR
    # Fields the thread query did not read load on demand, with the right values.
    assert membership.joined_at == expected.joined_at


def test_opening_a_thread_moves_only_the_viewers_read_position(client):
    setting = Setting()
    viewer = a_member(setting.community, name="Vera Viewer")
    thread = a_thread(setting.community, setting.asker)
    add_posts(thread, 5, setting, viewer)
    # Someone else's row comes first, so a mixed-up id would move theirs.
    other = ThreadFollow.objects.get(thread=thread, user=setting.asker)
    client.force_login(viewer)

    client.get(f"/c/big/t/{thread.pk}/")
    client.get(f"/c/big/t/{thread.pk}/")
    add_posts(thread, 3, setting, viewer)
    client.get(f"/c/big/t/{thread.pk}/")

    mine = ThreadFollow.objects.get(thread=thread, user=viewer)
    assert mine.last_read_position == post_at(thread, 9).position
    other.refresh_from_db()
    assert other.last_read_position == 1


def test_a_visitor_to_a_public_community_gets_no_read_state(client):
    setting = Setting()
    from tests.factories.accounts import UserFactory

    visitor = UserFactory()
    thread = a_thread(setting.community, setting.asker)
    client.force_login(visitor)

    assert client.get(f"/c/big/t/{thread.pk}/").status_code == 200
    assert not ThreadFollow.objects.filter(user=visitor).exists()
