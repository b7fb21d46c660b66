"""Invitations and reminders for scheduled chats, as in-app notifications."""

from django.db import transaction
from django.db.models import F

from staffroom.accounts.models import Profile, User
from staffroom.communities.models import Membership, MembershipState
from staffroom.livechat.models import Chat
from staffroom.notifications.models import Notification, NotificationKind
from staffroom.permissions.livechat import can_view_chat


def _send(chat: Chat, *, kind: str, exclude_id: int | None = None) -> int:
    member_ids = Membership.objects.filter(
        community_id=chat.community_id, state=MembershipState.ACTIVE
    ).values("user_id")
    users = User.objects.filter(pk__in=member_ids, is_active=True)
    if exclude_id is not None:
        users = users.exclude(pk=exclude_id)
    # The same question every other read path asks; a member banned since is skipped.
    readers = [user for user in users if can_view_chat(user, chat)]
    Notification.objects.bulk_create(
        (
            Notification(
                user=user,
                kind=kind,
                community_id=chat.community_id,
                actor_name=chat.host_name,
                title=f"#{chat.hashtag}: {chat.title}"[:200],
                url=chat.get_absolute_url(),
            )
            for user in readers
        ),
        batch_size=500,
    )
    Profile.objects.filter(user__in=readers).update(
        unread_notifications=F("unread_notifications") + 1
    )
    return len(readers)


@transaction.atomic
def notify_scheduled(*, chat_id: int, actor_id: int | None = None) -> int:
    """Invite the community's members to a newly scheduled chat."""
    chat = Chat.objects.select_related("community").filter(pk=chat_id).first()
    if chat is None or chat.cancelled_at is not None:
        return 0
    return _send(chat, kind=NotificationKind.CHAT, exclude_id=actor_id)


@transaction.atomic
def notify_reminder(*, chat_id: int) -> int:
    """Remind the community's members that a chat starts soon."""
    chat = Chat.objects.select_related("community").filter(pk=chat_id).first()
    if chat is None or chat.cancelled_at is not None:
        return 0
    return _send(chat, kind=NotificationKind.CHAT_SOON)
