"""The chat page and everything done on it with plain forms (the socket does the same live).

Every write redirects back to the page (POST, redirect, GET) with a message; a refusal
changes nothing and says why.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from staffroom.accounts.models import User
from staffroom.core.errors import ServiceError
from staffroom.core.htmx import is_htmx
from staffroom.livechat import messages as chat_messages
from staffroom.livechat import selectors, services
from staffroom.livechat.forms import MessageForm
from staffroom.livechat.models import Chat, ChatMessage, ChatState
from staffroom.permissions import livechat as perms
from staffroom.permissions.communities import can_post_in_community

MAX_DRAFT = 4000
# Not a real account: the controls template needs an author other than the viewer so that
# its "Mute" form is rendered; livechat.js swaps in the real author or drops the form.
ACTIONS_PLACEHOLDER_AUTHOR = -1
STATE_LABELS = dict(ChatState.choices)


def draft_key(chat: Chat) -> str:
    return f"livechat-draft-{chat.pk}"


def positive_int(value) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**31 else None


def chat_url(chat: Chat, anchor: str = "") -> str:
    url = reverse("livechat:chat", args=[chat.community.slug, chat.pk])
    return f"{url}#{anchor}" if anchor else url


def _message_in(chat: Chat, message_id: int) -> ChatMessage:
    message = (
        ChatMessage.objects.select_related("question").filter(pk=message_id, chat=chat).first()
    )
    if message is None:
        raise Http404
    message.chat = chat
    return message


def viewer_flags(user, chat: Chat) -> dict:
    """What the viewer may do here, asked once per page."""
    state = chat.state
    return {
        "state": state,
        "state_label": STATE_LABELS[state],
        "can_moderate": perms.can_moderate_chat(user, chat) and chat.cancelled_at is None,
        "can_run": perms.can_run_chat(user, chat) and state == ChatState.LIVE,
        "can_post": perms.can_post_in_chat(user, chat),
        "can_like": user.is_authenticated and can_post_in_community(user, chat.community),
        "can_edit": perms.can_edit_chat(user, chat),
    }


def chat_context(request, chat: Chat) -> dict:
    """What every chat page shows in its header, and the viewer's permissions."""
    return {
        "community": chat.community,
        "chat": chat,
        "cohosts": selectors.chat_people(chat),
        "viewer_zone": timezone.get_current_timezone_name(),
        **viewer_flags(request.user, chat),
    }


def _reply_target(request, chat: Chat) -> ChatMessage | None:
    reply_id = positive_int(request.GET.get("reply_to"))
    if reply_id is None:
        return None
    return (
        ChatMessage.objects.filter(pk=reply_id, chat=chat, hidden_at__isnull=True)
        .only("pk", "author_name", "body")
        .first()
    )


@require_safe
def chat_detail(request, slug: str, chat_id: int):
    chat = perms.access_chat(request.user, slug, chat_id)
    services.chat_sync(chat)
    context = chat_context(request, chat)
    page = selectors.chat_page(
        viewer=request.user, chat=chat, include_hidden=context["can_moderate"]
    )
    reply_to = _reply_target(request, chat) if context["can_post"] else None
    draft = request.session.pop(draft_key(chat), "") if request.user.is_authenticated else ""
    form = MessageForm(
        initial={
            "body": draft,
            "question": chat.current_question or None,
            "reply_to": reply_to.pk if reply_to else None,
        },
        questions=page.released,
    )
    note = ""
    if not context["can_post"] and context["state"] == ChatState.LIVE:
        note = chat_messages.refusal_reason(request.user, chat)
    return render(
        request,
        "livechat/detail.html",
        {
            **context,
            "page": page,
            "form": form,
            "reply_to": reply_to,
            "composer_note": note,
            "can_see_script": context["can_moderate"] or context["can_edit"],
            "pending_count": len(page.questions) - len(page.released),
            "actions_placeholder": _actions_placeholder(chat, context["state"]),
        },
    )


def _actions_placeholder(chat: Chat, state: str) -> ChatMessage | None:
    """The message the page's controls template is rendered for, while messages may arrive.

    Live messages are broadcast without controls; livechat.js copies this viewer's controls
    from the template and puts the real message's id and author where these are.
    """
    if state not in (ChatState.LIVE, ChatState.SCHEDULED):
        return None
    return ChatMessage(pk=0, chat=chat, author_id=ACTIONS_PLACEHOLDER_AUTHOR, like_count=0)


@login_required
@require_POST
def chat_post(request, slug: str, chat_id: int):
    chat = perms.access_chat(request.user, slug, chat_id)
    body = request.POST.get("body", "")
    raw_question = request.POST.get("question", "").strip()
    raw_reply = request.POST.get("reply_to", "").strip()
    question = positive_int(raw_question)
    reply_id = positive_int(raw_reply)
    back = chat_url(chat, "composer")
    try:
        if raw_question and question is None:
            raise ServiceError(_("Choose a question from the list."), field="question")
        if raw_reply and reply_id is None:
            raise ServiceError(_("That message is no longer in the chat."), field="reply_to")
        reply_to = None
        if reply_id is not None:
            reply_to = ChatMessage.objects.filter(pk=reply_id, chat=chat).first()
            if reply_to is None:
                raise ServiceError(_("That message is no longer in the chat."), field="reply_to")
        message = chat_messages.message_post(
            author=request.user,
            chat=chat,
            body=body,
            question_number=question,
            reply_to=reply_to,
        )
    except ServiceError as error:
        messages.error(request, error.message)
        # Keep what they typed: the page fills the composer with it once.
        request.session[draft_key(chat)] = body[:MAX_DRAFT]
        if reply_id is not None:
            back = reverse("livechat:chat", args=[chat.community.slug, chat.pk])
            back += f"?reply_to={reply_id}#composer"
        return redirect(back)
    return redirect(chat_url(chat, message.anchor))


@require_safe
def chat_poll(request, slug: str, chat_id: int):
    """New messages and questions after the reader's last ones: fragments for htmx,
    a small page of its own otherwise."""
    chat = perms.access_chat(request.user, slug, chat_id)
    services.chat_sync(chat)
    after = positive_int(request.GET.get("after")) or 0
    after_question = positive_int(request.GET.get("q")) or 0
    result = selectors.chat_poll(chat=chat, after=after, after_question=after_question)
    flags = viewer_flags(request.user, chat)
    context = {
        "community": chat.community,
        "chat": chat,
        "result": result,
        "released": [q for q in selectors.chat_questions(chat) if q.released_at is not None]
        if result.questions
        else [],
        **flags,
    }
    if result.questions:
        context["form"] = MessageForm(
            initial={"question": chat.current_question or None}, questions=context["released"]
        )
    template = "livechat/_poll.html" if is_htmx(request) else "livechat/poll.html"
    response = render(request, template, context)
    response["Cache-Control"] = "no-store"
    return response


@require_safe
def chat_by_question(request, slug: str, chat_id: int):
    chat = perms.access_chat(request.user, slug, chat_id)
    services.chat_sync(chat)
    context = chat_context(request, chat)
    grouped = selectors.chat_grouped(chat=chat, include_hidden=context["can_moderate"])
    return render(request, "livechat/by_question.html", {**context, "grouped": grouped})


def _run(request, slug: str, chat_id: int, action, success=None, anchor: str = ""):
    """Fetch the chat, call ``action(chat)``, report, and go back to the chat page."""
    chat = perms.access_chat(request.user, slug, chat_id)
    try:
        result = action(chat)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(chat_url(chat, anchor))
    if success:
        messages.success(request, success(result) if callable(success) else success)
    return redirect(chat_url(chat, anchor))


@login_required
@require_POST
def chat_release(request, slug: str, chat_id: int):
    number = positive_int(request.POST.get("number"))
    return _run(
        request,
        slug,
        chat_id,
        lambda chat: services.question_release(user=request.user, chat=chat, number=number),
        lambda question: _("Q%(number)s is out.") % {"number": question.number},
        "chat-stream",
    )


@login_required
@require_POST
def chat_end(request, slug: str, chat_id: int):
    chat = perms.access_chat(request.user, slug, chat_id)
    try:
        services.chat_end(user=request.user, chat=chat)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(chat_url(chat))
    messages.success(request, _("The chat is over; here is its transcript."))
    return redirect("livechat:transcript", chat.community.slug, chat.pk)


@login_required
@require_POST
def chat_mute(request, slug: str, chat_id: int):
    user_id = positive_int(request.POST.get("user"))
    reason = request.POST.get("reason", "")

    def mute(chat):
        target = User.objects.select_related("profile").filter(pk=user_id).first()
        if user_id is None or target is None:
            raise ServiceError(_("There is no such participant."))
        chat_messages.participant_mute(
            moderator=request.user, chat=chat, user=target, reason=reason
        )
        return target

    return _run(
        request,
        slug,
        chat_id,
        mute,
        lambda target: (
            _("%(name)s is muted for the rest of this chat.")
            % {"name": target.profile.display_name}
        ),
    )


@login_required
@require_POST
def message_like(request, slug: str, chat_id: int, message_id: int):
    def like(chat):
        return chat_messages.like_toggle(user=request.user, message=_message_in(chat, message_id))

    return _run(request, slug, chat_id, like, anchor=f"m{message_id}")


@login_required
@require_POST
def message_hide(request, slug: str, chat_id: int, message_id: int):
    def hide(chat):
        return chat_messages.message_hide(
            moderator=request.user, message=_message_in(chat, message_id)
        )

    return _run(request, slug, chat_id, hide, _("The message is hidden."), "chat-stream")


@login_required
@require_POST
def message_unhide(request, slug: str, chat_id: int, message_id: int):
    def unhide(chat):
        return chat_messages.message_unhide(
            moderator=request.user, message=_message_in(chat, message_id)
        )

    return _run(
        request, slug, chat_id, unhide, _("The message is back in the chat."), f"m{message_id}"
    )
