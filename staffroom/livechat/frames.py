"""What a chat socket's frames mean: synchronous code the consumer runs in a thread.

Frames the client sends (JSON objects):
  {"type": "post", "body": "A2 …", "question": 2?, "reply_to": 15?, "ref": "c1"?}
  {"type": "like", "message": 15}
  {"type": "release", "number": 3?}          hosts and moderators
  {"type": "hide", "message": 15}            hosts and moderators
  {"type": "unhide", "message": 15}          hosts and moderators
  {"type": "mute", "user": 7, "reason": ""}  hosts and moderators
  {"type": "end"}                            hosts and moderators
  {"type": "ping", "ref": "…"?}
Answers: {"type": "ok", "ref": …, …} or {"type": "error", "code": …, "message": …, "ref": …}.
Events everyone hears: see ``realtime`` and the services that send them; the first frame
on a socket is {"type": "hello", …}.

The server sends one JSON object per frame; a client that opens the socket with
``?batch=1`` may instead get a JSON array of objects, in order, when several arrive
together (a burst of posts), which costs a busy server far less per reader.
Close codes: 4403 the viewer may not read the chat (or no longer may); 4408 the client
fell too far behind reading and should reload.
"""

from django.utils.translation import gettext as _

from staffroom.accounts.models import User
from staffroom.core.errors import ServiceError
from staffroom.core.prepared import prepared
from staffroom.discussions.models import Thread
from staffroom.livechat import messages, services
from staffroom.livechat.models import Chat, ChatMessage
from staffroom.permissions import livechat as perms
from staffroom.permissions.actors import fresh_account
from staffroom.permissions.discussions import can_read_thread

MAX_REF = 40


def clean_ref(value) -> str:
    return value[:MAX_REF] if isinstance(value, str) else ""


def error(code: str, message: str, *, ref=None) -> dict:
    return {"type": "error", "code": code, "message": str(message), "ref": clean_ref(ref)}


def _one(queryset):
    """The row a primary-key lookup found, or None.

    Not ``first()``: ordering by the model's default order costs more to compile than the
    query costs to run, on a path every frame takes.
    """
    return next(iter(queryset.order_by()[:1]), None)


@prepared(int)
def _chat_with_community(chat_id: int):
    return Chat.objects.select_related("community").filter(pk=chat_id).order_by()[:1]


def _chat(chat_id: int) -> Chat | None:
    """The chat with its community. Every frame a socket sends reads it first, so its SQL
    is prepared once (``core.prepared``); an id no row can have reads nothing."""
    if isinstance(chat_id, bool) or not isinstance(chat_id, int) or not 0 < chat_id < 2**63:
        return None
    found = _chat_with_community(chat_id)
    return found[0] if found else None


def may_view_chat(user, chat_id: int) -> bool:
    """Whether an open socket may still hear the chat (asked every few minutes per socket).

    A member's account and membership come back in one query, as for a frame.
    """
    chat = _chat(chat_id)
    user = perms.chat_participant(user, chat) if chat is not None else None
    return user is not None and perms.can_view_chat(user, chat)


def may_read_thread(user, thread_id: int) -> bool:
    thread = _one(Thread.objects.select_related("community").filter(pk=thread_id))
    user = fresh_account(user)
    return thread is not None and user is not None and can_read_thread(user, thread)


def open_thread(user, thread_id: int) -> dict | None:
    """A thread socket's first frame, or None when the viewer may not read the thread.

    It carries the thread's last position, so a reply posted between the page being
    rendered and the socket opening is fetched rather than missed.
    """
    thread = _one(Thread.objects.select_related("community").filter(pk=thread_id))
    if thread is None or not can_read_thread(user, thread):
        return None
    return {"type": "hello", "position": thread.last_position}


def open_chat(user, chat_id: int) -> dict | None:
    """The first frame for a new socket, or None when the viewer may not read the chat."""
    chat = _chat(chat_id)
    if chat is None or not perms.can_view_chat(user, chat):
        return None
    services.chat_sync(chat)
    return {
        "type": "hello",
        "state": chat.state,
        "current_question": chat.current_question,
        "can_post": perms.can_post_in_chat(user, chat),
        "can_moderate": perms.can_moderate_chat(user, chat),
        "can_run": perms.can_run_chat(user, chat),
        "me": user.pk if getattr(user, "is_authenticated", False) else None,
    }


def _int(frame: dict, key: str, *, required: bool = True) -> int | None:
    value = frame.get(key)
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 2**31:
        raise ServiceError(_("“%(key)s” must be a whole number.") % {"key": key}, code="malformed")
    return value


def _message(chat: Chat, frame: dict, key: str = "message") -> ChatMessage:
    message = _one(
        ChatMessage.objects.select_related("question").filter(pk=_int(frame, key), chat=chat)
    )
    if message is None:
        raise ServiceError(_("That message is not in this chat."), code="unknown_message")
    message.chat = chat
    return message


def handle(user, chat_id: int, frame: dict) -> dict:
    """Run one frame through the services; raise ServiceError for anything refused."""
    chat = _chat(chat_id)
    user = perms.chat_participant(user, chat) if chat is not None else None
    if chat is None or user is None or not perms.can_view_chat(user, chat):
        return error("forbidden_view", _("You can no longer read this chat."))
    ref = clean_ref(frame.get("ref"))
    kind = frame["type"]
    if kind == "post":
        body = frame.get("body")
        if not isinstance(body, str):
            raise ServiceError(_("A post needs a body of text."), code="malformed")
        reply_to = _message(chat, frame, "reply_to") if frame.get("reply_to") is not None else None
        message = messages.message_post(
            author=user,
            chat=chat,
            body=body,
            question_number=_int(frame, "question", required=False),
            reply_to=reply_to,
            ref=ref,
        )
        return {"type": "ok", "ref": ref, "id": message.pk}
    if kind == "like":
        liked = messages.like_toggle(user=user, message=_message(chat, frame))
        return {"type": "ok", "ref": ref, "liked": liked}
    if kind == "release":
        question = services.question_release(
            user=user, chat=chat, number=_int(frame, "number", required=False)
        )
        return {"type": "ok", "ref": ref, "number": question.number}
    if kind == "hide":
        messages.message_hide(moderator=user, message=_message(chat, frame))
        return {"type": "ok", "ref": ref}
    if kind == "unhide":
        messages.message_unhide(moderator=user, message=_message(chat, frame))
        return {"type": "ok", "ref": ref}
    if kind == "mute":
        target = _one(User.objects.filter(pk=_int(frame, "user")))
        if target is None:
            raise ServiceError(_("There is no such participant."), code="unknown_user")
        reason = frame.get("reason") if isinstance(frame.get("reason"), str) else ""
        messages.participant_mute(moderator=user, chat=chat, user=target, reason=reason)
        return {"type": "ok", "ref": ref}
    if kind == "end":
        services.chat_end(user=user, chat=chat)
        return {"type": "ok", "ref": ref}
    return error("unknown_type", _("Unknown frame type “%(type)s”.") % {"type": kind[:40]}, ref=ref)
