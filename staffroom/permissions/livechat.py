"""Who may see, schedule, host, post in and moderate live chats."""

from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404

from staffroom.communities.models import Community, Membership
from staffroom.core.memo import Memo
from staffroom.core.prepared import prepared
from staffroom.livechat.models import Chat, ChatMessage, ChatMute, ChatState
from staffroom.permissions.actors import fresh_account, is_signed_in, remember_membership
from staffroom.permissions.communities import (
    access_community,
    can_moderate_community,
    can_post_in_community,
    can_read_community,
    readable_communities,
)


def can_view_chat(user, chat: Chat) -> bool:
    """A chat, live or archived, is read by whoever may read its community."""
    return can_read_community(user, chat.community)


def can_schedule_chat(user, community: Community) -> bool:
    """Stewards and moderators put chats on the community's calendar."""
    return can_moderate_community(user, community)


# A chat's co-hosts change only in an edit, which saves the chat and so changes its
# updated_at: under (id, updated_at) the list cannot go stale, and a busy chat's socket
# need not ask for it on every message.
_COHOSTS = Memo("chat co-hosts")


def _cohost_ids(chat: Chat) -> frozenset:
    ids = chat.__dict__.get("_cohost_ids")
    if ids is None:
        key = (chat.pk, chat.updated_at)
        ids = _COHOSTS.get(key)
        if ids is None:
            ids = frozenset(chat.cohosts.values_list("pk", flat=True))
            _COHOSTS.put(key, ids)
        chat.__dict__["_cohost_ids"] = ids
    return ids


def is_host(user, chat: Chat) -> bool:
    if not is_signed_in(user):
        return False
    if chat.host_id == user.pk:
        return True
    return user.pk in _cohost_ids(chat)


def can_run_chat(user, chat: Chat) -> bool:
    """Hosts, co-hosts and the community's moderators release questions and end the chat."""
    if chat.cancelled_at is not None:
        return False
    if can_moderate_community(user, chat.community):
        return True
    return is_host(user, chat) and can_post_in_community(user, chat.community)


def can_edit_chat(user, chat: Chat) -> bool:
    """The script and time can change until the chat starts."""
    return chat.state == ChatState.SCHEDULED and (
        can_moderate_community(user, chat.community)
        or (is_host(user, chat) and can_post_in_community(user, chat.community))
    )


def can_moderate_chat(user, chat: Chat) -> bool:
    """Hosts and the community's moderators hide messages and mute participants."""
    if can_moderate_community(user, chat.community):
        return True
    return is_host(user, chat) and can_post_in_community(user, chat.community)


def is_muted(user, chat: Chat) -> bool:
    if not is_signed_in(user):
        return False
    cache = chat.__dict__.setdefault("_muted", {})
    if user.pk not in cache:
        cache[user.pk] = ChatMute.objects.filter(chat=chat, user=user).exists()
    return cache[user.pk]


@prepared(int, int, int)
def _membership_with_mute(community_id: int, user_id: int, chat_id: int) -> QuerySet:
    muted = ChatMute.objects.filter(chat_id=chat_id, user_id=OuterRef("user_id"))
    return (
        Membership.objects.filter(community_id=community_id, user_id=user_id, user__is_active=True)
        .select_related("user__profile")
        .annotate(muted=Exists(muted))
        .order_by()[:1]
    )


def chat_participant(user, chat: Chat):
    """Re-read the account behind a chat socket for one frame, or None once deactivated.

    A member's account, membership and mute come back in one query, and prime the
    answers ``can_post_in_chat`` and the rest look up: in a burst of posts each worker's
    one database thread runs them back to back, and every query is a wait for the GIL
    while the event loop fans the previous posts out. Its SQL is prepared once
    (``core.prepared``): building and compiling the queryset took longer than running it.
    Someone who is not a member is read in a second query (they cannot post, so their
    frames are rare and refused early).
    """
    if not is_signed_in(user):
        return user
    found = _membership_with_mute(chat.community_id, user.pk, chat.pk)
    if not found:
        fresh = fresh_account(user)
        if fresh is not None:
            remember_membership(fresh, chat.community, None)
        return fresh
    membership = found[0]
    fresh = membership.user
    remember_membership(fresh, chat.community, membership)
    chat.__dict__.setdefault("_muted", {})[fresh.pk] = membership.muted
    return fresh


def forget_chat_answers(chat: Chat) -> None:
    """Drop cached answers so a long-lived connection sees bans, mutes and role changes."""
    for key in ("_cohost_ids", "_muted"):
        chat.__dict__.pop(key, None)
    chat.community.__dict__.pop("_membership_cache", None)


def can_post_in_chat(user, chat: Chat) -> bool:
    """Active members post while the chat is live, unless a host or moderator muted them."""
    return (
        chat.state == ChatState.LIVE
        and can_post_in_community(user, chat.community)
        and not is_muted(user, chat)
    )


def can_like(user, message: ChatMessage) -> bool:
    return message.is_visible and can_post_in_community(user, message.chat.community)


def can_post_summary(user, chat: Chat) -> bool:
    """The host (or a moderator) turns the draft summary into a thread once the chat ended."""
    return chat.state == ChatState.ENDED and can_run_chat_after_end(user, chat)


def can_run_chat_after_end(user, chat: Chat) -> bool:
    if can_moderate_community(user, chat.community):
        return True
    return is_host(user, chat) and can_post_in_community(user, chat.community)


def access_chat(user, community_slug: str, chat_id: int) -> Chat:
    """Fetch a chat the viewer may read, or 404 — the same for missing and private."""
    community = access_community(user, community_slug)
    chat = Chat.objects.filter(pk=chat_id, community=community).first()
    if chat is None:
        raise Http404
    chat.community = community  # keep the cached membership answers
    if not can_view_chat(user, chat):
        raise Http404
    return chat


def readable_chats(user, queryset: QuerySet | None = None) -> QuerySet:
    """Filter chats to those the viewer may read (calendars, search, lists)."""
    queryset = queryset if queryset is not None else Chat.objects.all()
    return queryset.filter(community__in=readable_communities(user).values("pk"))
