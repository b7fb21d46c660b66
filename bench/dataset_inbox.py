"""An inbox for the signed-in benchmark users: followed tags and recent reply notifications.

Notifications are made only for the users the manifest hands out (every reply notifying
every watcher would dwarf the rest of the dataset); each one is a reply they were told
about as ``notify_reply`` tells watchers, and the profile's unread counter matches.
"""

import random
from datetime import datetime, timedelta

from bench.dataset_communities import CommunityPlan
from bench.dataset_db import Writer
from staffroom.accounts.models import Profile
from staffroom.discussions.models import FollowLevel, Post, TagFollow, ThreadFollow
from staffroom.notifications.models import Notification, NotificationKind

INBOX_SIZE = 25
UNREAD = 8


def load_inbox(
    writer: Writer,
    rng: random.Random,
    community: CommunityPlan,
    user_ids: list[int],
    *,
    anchor: datetime,
) -> None:
    """Give each user a couple of followed tags and notifications of the latest replies."""
    writer.insert(
        TagFollow,
        ["tag_id", "user_id"],
        [
            (tag_id, uid)
            for uid in user_ids
            for tag_id, _slug in rng.sample(community.tags, min(2, len(community.tags)))
        ],
    )
    rows, unread = [], {}
    for uid in user_ids:
        follows = (
            ThreadFollow.objects.filter(user_id=uid, level=FollowLevel.WATCH)
            .select_related("thread")
            .order_by("-thread__last_posted_at", "-thread_id")
        )
        replies: list[Post] = []
        for follow in follows[:INBOX_SIZE]:
            replies += (
                Post.objects.filter(thread=follow.thread, position__gt=follow.last_read_position)
                .exclude(author_id=uid)
                .select_related("thread__community")
                .order_by("-position")[:INBOX_SIZE]
            )
        replies.sort(key=lambda post: (post.created_at, post.pk), reverse=True)
        for index, post in enumerate(replies[:INBOX_SIZE]):
            read_at = None if index < UNREAD else min(anchor, post.created_at + timedelta(hours=2))
            rows.append(
                (uid, NotificationKind.REPLY, post.thread.community_id, post.thread_id,
                 post.author_name, post.thread.title, post.get_absolute_url(), post.created_at,
                 read_at)
            )  # fmt: skip
            unread[uid] = unread.get(uid, 0) + (read_at is None)
    writer.insert(
        Notification,
        ["user_id", "kind", "community_id", "thread_id", "actor_name", "title", "url",
         "created_at", "read_at"],
        rows,
    )  # fmt: skip
    for uid, count in unread.items():
        Profile.objects.filter(user_id=uid).update(unread_notifications=count)
