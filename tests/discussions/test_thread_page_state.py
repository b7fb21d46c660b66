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


def test_each_post_links_to_the_addresses_its_routes_give(client):
    from django.urls import reverse

    from staffroom.discussions.models import PostImage, ThreadKind

    setting = Setting()
    moderator = a_member(setting.community, role=Role.MODERATOR)
    thread = a_thread(setting.community, setting.asker, kind=ThreadKind.QUESTION)
    add_posts(thread, 4, setting, moderator)
    client.force_login(setting.asker)  # the asker: react, vote, accept, edit their own

    html = client.get(f"/c/big/t/{thread.pk}/?sort=oldest").content.decode()

    from staffroom.discussions.models import Post

    other = (
        Post.objects.filter(thread=thread, position__gt=1, hidden_at__isnull=True)
        .exclude(author=setting.asker)
        .first()
    )
    args = ["big", thread.pk, other.position]
    for name in ["post", "post_react", "post_vote", "post_accept"]:
        assert f'"{reverse(f"discussions:{name}", args=args)}"' in html, name
    opening = ["big", thread.pk, 1]
    assert f'"{reverse("discussions:post_edit", args=opening)}"' in html
    image = PostImage.objects.filter(post__thread=thread, post__hidden_at__isnull=True).first()
    image_url = reverse(
        "discussions:post_image", args=["big", thread.pk, image.post.position, image.pk]
    )
    assert f'"{image_url}"' in html
    client.force_login(moderator)
    html = client.get(f"/c/big/t/{thread.pk}/?sort=oldest").content.decode()
    edited = Post.objects.filter(thread=thread, edit_count__gt=0).first()
    for name, position in [("post_hide", other.position), ("post_history", edited.position)]:
        url = reverse(f"discussions:{name}", args=["big", thread.pk, position])
        assert f'"{url}"' in html, name
