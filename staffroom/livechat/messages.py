"""Posting in a chat, liking, hiding and muting: what participants and moderators do live."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from staffroom.core.errors import ServiceError
from staffroom.core.markdown import count_images, render
from staffroom.core.memo import Memo
from staffroom.core.rate import count_hit
from staffroom.livechat import realtime, rendering
from staffroom.livechat.archive import refresh_after_moderation
from staffroom.livechat.models import Chat, ChatLike, ChatMessage, ChatMute, ChatQuestion
from staffroom.livechat.post_write import save_message
from staffroom.livechat.script import parse_answer_prefix
from staffroom.livechat.services import chat_sync
from staffroom.permissions import livechat as perms
from staffroom.permissions.actors import is_signed_in, state_in
from staffroom.permissions.communities import can_post_in_community

MAX_MESSAGE_CHARS = 1000
MAX_REF_CHARS = 40
MAX_REASON = 300
# Per member and chat: enough for a fast typist answering and replying, not for a script.
RATE_MESSAGES = 6
RATE_WINDOW_SECONDS = 15


def refusal_reason(user, chat: Chat) -> str:
    state = chat.state
    if state != "live":
        if state == "scheduled":
            return _("The chat has not started yet.")
        return _("The chat is over; its transcript is archived.")
    if not is_signed_in(user):
        return _("Sign in and join the community to take part.")
    if perms.is_muted(user, chat):
        return _("A host muted you for the rest of this chat.")
    if state_in(user, chat.community) == "banned":
        return _("You cannot post in this community.")
    if not can_post_in_community(user, chat.community):
        return _("Join the community to take part.")
    return _("You cannot post in this chat.")


def _check_rate(user, chat: Chat, now: float | None = None) -> None:
    """Refuse a member's message past the per-chat rate; hosts and moderators are exempt."""
    if perms.can_moderate_chat(user, chat):
        return
    now = timezone.now().timestamp() if now is None else now
    window, into = divmod(now, RATE_WINDOW_SECONDS)
    count, previous = count_hit(
        f"livechat:rate:{chat.pk}:{user.pk}:", int(window), RATE_WINDOW_SECONDS * 2
    )
    # A sliding window: the previous window's messages count for the part of it that still
    # lies within the last RATE_WINDOW_SECONDS. A fixed window alone let a burst straddling
    # its boundary through twice over.
    if count + previous * (1 - into / RATE_WINDOW_SECONDS) > RATE_MESSAGES:
        raise ServiceError(
            _("You are posting very fast; wait a few seconds and try again."), code="rate_limited"
        )


def _clean(body: str) -> str:
    body = (body or "").replace("\x00", "").strip()
    if not body:
        raise ServiceError(_("Write something first."), field="body", code="empty")
    if len(body) > MAX_MESSAGE_CHARS:
        raise ServiceError(
            _("Keep a chat message under 1,000 characters; a longer thought fits a thread."),
            field="body",
            code="too_long",
        )
    # Every image begins "![": most messages skip parsing their Markdown a second time.
    if "![" in body and count_images(body):
        raise ServiceError(
            _("Chat messages cannot show images; share a link instead."), field="body"
        )
    return body


# Released questions, by (chat, number): a released question stays released, and its
# number and id do not change (the script is only edited before the chat starts).
_RELEASED = Memo("released chat questions")
# (chat, author) pairs known to have posted: the chat's participant count goes up on a
# member's first message only, and a message is never deleted, only hidden.
_POSTED = Memo("chat posters")


def _question(chat: Chat, number: int | None) -> ChatQuestion | None:
    if number is None:
        return None
    known = _RELEASED.get((chat.pk, chat.updated_at, number))
    if known is not None:
        pk, released_at = known
        return ChatQuestion(pk=pk, chat_id=chat.pk, number=number, released_at=released_at)
    question = chat.questions.filter(number=number).first()
    if question is None:
        raise ServiceError(
            _("There is no Q%(number)s in this chat.") % {"number": number},
            field="question",
            code="unknown_question",
        )
    if question.released_at is None:
        raise ServiceError(
            _("Q%(number)s has not been asked yet.") % {"number": number},
            field="question",
            code="unknown_question",
        )
    _RELEASED.put((chat.pk, chat.updated_at, number), (question.pk, question.released_at))
    return question


def message_post(
    *,
    author,
    chat: Chat,
    body: str,
    question_number: int | None = None,
    reply_to: ChatMessage | None = None,
    ref: str = "",
) -> ChatMessage:
    """Post in a live chat: tagged to the question it answers ("A2 …" or the current one).

    Everything that only reads or computes (access, the question, the rate, the Markdown)
    happens before the writes, which are one statement on PostgreSQL and a transaction of
    their own on SQLite (``post_write``): on SQLite a transaction holds the database's one
    write lock from its start, and in a burst of posts each worker waited for the other's
    checks and rendering as well as its writes.
    """
    chat_sync(chat)
    if not perms.can_post_in_chat(author, chat):
        raise ServiceError(refusal_reason(author, chat), code="forbidden")
    text = _clean(body)
    prefixed, rest = parse_answer_prefix(text)
    if reply_to is not None:
        if reply_to.chat_id != chat.pk or not reply_to.is_visible:
            raise ServiceError(
                _("That message is no longer in the chat."), field="reply_to", code="bad_reply"
            )
        question = reply_to.question
        if prefixed is not None:
            question = _question(chat, prefixed)
            text = rest
    elif prefixed is not None:
        question = _question(chat, prefixed)
        text = rest
    elif question_number is not None:
        question = _question(chat, question_number)
    else:
        question = _question(chat, chat.current_question or None)
    text = text.strip()
    if not text:
        raise ServiceError(_("Write an answer after the A-number."), field="body", code="empty")
    _check_rate(author, chat)
    message = ChatMessage(
        chat=chat,
        author=author,
        author_name=author.profile.display_name,
        author_handle=author.profile.handle,
        question=question,
        reply_to=reply_to,
        body=text,
        body_html=render(text),
    )
    poster = (chat.pk, author.pk)
    ref = (ref or "")[:MAX_REF_CHARS]
    save_message(message, known_poster=poster in _POSTED)
    transaction.on_commit(lambda: _POSTED.put(poster, True))
    transaction.on_commit(lambda: _announce(message, ref))
    return message


def _announce(message: ChatMessage, ref: str) -> None:
    realtime.chat_event(
        message.chat_id,
        {
            "type": "message",
            "id": message.pk,
            "question": message.question.number if message.question_id else None,
            "reply_to": message.reply_to_id,
            "author": message.author_id,
            "ref": ref,
            "html": rendering.message_html(message),
        },
    )


@transaction.atomic
def message_hide(*, moderator, message: ChatMessage) -> ChatMessage:
    """Take a message out of the chat and its transcript; moderators still see it greyed."""
    chat = message.chat
    if not perms.can_moderate_chat(moderator, chat):
        raise ServiceError(_("Only hosts and moderators hide messages."), code="forbidden")
    if message.hidden_at is None:
        ChatMessage.objects.filter(pk=message.pk).update(
            hidden_at=timezone.now(), hidden_by=moderator
        )
        message.hidden_at = timezone.now()
        transaction.on_commit(
            lambda: realtime.chat_event(chat.pk, {"type": "hidden", "id": message.pk})
        )
        refresh_after_moderation(chat)
    return message


@transaction.atomic
def message_unhide(*, moderator, message: ChatMessage) -> ChatMessage:
    """Put a hidden message back where it was, for everyone (a hide made by mistake)."""
    chat = message.chat
    if not perms.can_moderate_chat(moderator, chat):
        raise ServiceError(_("Only hosts and moderators hide messages."), code="forbidden")
    if message.hidden_at is not None:
        ChatMessage.objects.filter(pk=message.pk).update(hidden_at=None, hidden_by=None)
        message.hidden_at = None
        message.hidden_by = None
        transaction.on_commit(lambda: _announce_unhidden(message))
        refresh_after_moderation(chat)
    return message


def _announce_unhidden(message: ChatMessage) -> None:
    # The same fragment a new message travels in: readers put it back in its place by id.
    realtime.chat_event(
        message.chat_id,
        {
            "type": "unhidden",
            "id": message.pk,
            "author": message.author_id,
            "html": rendering.message_html(message),
        },
    )


@transaction.atomic
def participant_mute(*, moderator, chat: Chat, user, reason: str = "") -> ChatMute:
    """Stop a participant posting for the rest of this chat."""
    if not perms.can_moderate_chat(moderator, chat):
        raise ServiceError(_("Only hosts and moderators mute participants."), code="forbidden")
    if user.pk == moderator.pk:
        raise ServiceError(_("You cannot mute yourself."), code="invalid")
    if perms.can_moderate_chat(user, chat):
        raise ServiceError(_("Hosts and moderators cannot be muted."), code="forbidden")
    reason = " ".join((reason or "").split())[:MAX_REASON]
    mute, created = ChatMute.objects.get_or_create(
        chat=chat, user=user, defaults={"muted_by": moderator, "reason": reason}
    )
    chat.__dict__.get("_muted", {}).pop(user.pk, None)
    if created:
        transaction.on_commit(
            lambda: realtime.chat_event(chat.pk, {"type": "muted", "user": user.pk})
        )
    return mute


@transaction.atomic
def participant_unmute(*, moderator, chat: Chat, user) -> None:
    if not perms.can_moderate_chat(moderator, chat):
        raise ServiceError(_("Only hosts and moderators mute participants."), code="forbidden")
    ChatMute.objects.filter(chat=chat, user=user).delete()
    chat.__dict__.get("_muted", {}).pop(user.pk, None)


def like_toggle(*, user, message: ChatMessage) -> bool:
    """Like a message, or take the like back; return whether it is now liked."""
    if not perms.can_like(user, message):
        raise ServiceError(_("Join the community to like messages."), code="forbidden")
    try:
        with transaction.atomic():
            ChatLike.objects.create(message=message, user=user)
            delta, liked = 1, True
    except IntegrityError:
        with transaction.atomic():
            deleted, _rows = ChatLike.objects.filter(message=message, user=user).delete()
            delta, liked = (-1 if deleted else 0), False
    with transaction.atomic():
        ChatMessage.objects.filter(pk=message.pk).update(like_count=F("like_count") + delta)
        count = ChatMessage.objects.values_list("like_count", flat=True).get(pk=message.pk)
        transaction.on_commit(
            lambda: realtime.chat_event(
                message.chat_id, {"type": "like", "id": message.pk, "count": count}
            )
        )
    message.like_count = count
    return liked
