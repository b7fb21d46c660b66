"""Create and read notifications; the unread count lives on the profile for the header."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from staffroom.accounts.models import Profile
from staffroom.core.prepared import prepared
from staffroom.discussions.models import (
    AcceptedAnswer,
    FollowLevel,
    Mention,
    Post,
    TagFollow,
    ThreadFollow,
)
from staffroom.notifications.models import Notification, NotificationKind
from staffroom.permissions.discussions import can_read_thread


def _send(users, *, kind: str, post: Post, actor_name: str) -> int:
    thread = post.thread
    # Only people who may still read the thread hear about it.
    readers = [user for user in users if can_read_thread(user, thread)]
    Notification.objects.bulk_create(
        Notification(
            user=user,
            kind=kind,
            community_id=thread.community_id,
            thread_id=thread.pk,
            actor_name=actor_name,
            title=thread.title,
            url=post.get_absolute_url(),
        )
        for user in readers
    )
    Profile.objects.filter(user__in=readers).update(
        unread_notifications=F("unread_notifications") + 1
    )
    return len(readers)


@transaction.atomic
def notify_reply(*, post_id: int) -> int:
    """Tell everyone watching a thread about a new reply, except its author."""
    post = Post.objects.select_related("thread__community").filter(pk=post_id).first()
    if post is None or not post.is_visible:
        return 0
    # Someone mentioned in the reply hears about it once, as a mention.
    mentioned = Mention.objects.filter(post=post).values("user_id")
    watchers = [
        follow.user
        for follow in ThreadFollow.objects.filter(thread=post.thread, level=FollowLevel.WATCH)
        .exclude(user_id=post.author_id)
        .exclude(user_id__in=mentioned)
        .select_related("user__profile")
    ]
    return _send(watchers, kind=NotificationKind.REPLY, post=post, actor_name=post.author_name)


@transaction.atomic
def notify_mention(*, post_id: int, user_ids: list[int]) -> int:
    """Tell members they were @mentioned, unless they muted the thread."""
    post = Post.objects.select_related("thread__community").filter(pk=post_id).first()
    if post is None or not post.is_visible:
        return 0
    muted = ThreadFollow.objects.filter(thread=post.thread, level=FollowLevel.MUTE).values(
        "user_id"
    )
    users = [
        mention.user
        for mention in Mention.objects.filter(post=post, user_id__in=user_ids)
        .exclude(user_id__in=muted)
        .select_related("user__profile")
    ]
    return _send(users, kind=NotificationKind.MENTION, post=post, actor_name=post.author_name)


@transaction.atomic
def notify_tag_followers(*, thread_id: int) -> int:
    """Tell members who follow any of a new thread's tags, once each."""
    post = (
        Post.objects.select_related("thread__community")
        .filter(thread_id=thread_id, position=1)
        .first()
    )
    if post is None or not post.is_visible:
        return 0
    already = Mention.objects.filter(post=post).values("user_id")
    follows = (
        TagFollow.objects.filter(tag__threads=post.thread_id)
        .exclude(user_id=post.author_id)
        .exclude(user_id__in=already)
        .select_related("user__profile")
    )
    users = list({follow.user_id: follow.user for follow in follows}.values())
    return _send(users, kind=NotificationKind.TAG, post=post, actor_name=post.author_name)


@transaction.atomic
def notify_accepted(*, accepted_id: int) -> int:
    """Tell an answer's author it was accepted."""
    accepted = (
        AcceptedAnswer.objects.select_related("post__thread__community", "post__author")
        .filter(pk=accepted_id)
        .first()
    )
    if accepted is None or accepted.post.author is None:
        return 0
    if accepted.post.author_id == accepted.accepted_by_id:
        return 0
    actor = accepted.accepted_by.profile.display_name if accepted.accepted_by else ""
    return _send(
        [accepted.post.author], kind=NotificationKind.ACCEPTED, post=accepted.post, actor_name=actor
    )


@transaction.atomic
def notifications_mark_read(*, user, ids: list[int] | None = None) -> None:
    """Mark some (or all) of a member's notifications read and recount."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    unread.update(read_at=timezone.now())
    count = Notification.objects.filter(user=user, read_at__isnull=True).count()
    Profile.objects.filter(user=user).update(unread_notifications=count)
    # The header on this very response reads the profile already loaded on the user.
    state = getattr(user, "_state", None)
    if state is not None and "profile" in state.fields_cache:
        user.profile.unread_notifications = count


@prepared(int, int)
def _unread_about_thread(user_id: int, thread_id: int):
    # Asked on every thread page a member with unread news opens: prepared (core.prepared).
    return Notification.objects.filter(
        user=user_id, thread_id=thread_id, read_at__isnull=True
    ).only("pk")


def notifications_mark_read_for_thread(*, user, thread_id: int) -> None:
    """Mark what a member was told about a thread read once they open it."""
    if user.is_authenticated and user.profile.unread_notifications:
        # Looked up outside a transaction: a member with unread news about other threads
        # opens this one without a write (on SQLite, without taking the database's write
        # lock). notifications_mark_read only touches rows that are still unread.
        ids = [row.pk for row in _unread_about_thread(user.pk, thread_id)]
        if ids:
            notifications_mark_read(user=user, ids=ids)
