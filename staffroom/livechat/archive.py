"""When a chat ends: archive the transcript, gather its links, draft the host's summary."""

import html
import re
import zoneinfo
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from staffroom.livechat import realtime
from staffroom.livechat.models import Chat, ChatMessage
from staffroom.search import services as search

MAX_LINKS = 100
TOP_ANSWERS = 3
_HREF = re.compile(r'<a\s[^>]*href="(https?://[^"]+)"', re.IGNORECASE)


def visible_messages(chat: Chat):
    return (
        ChatMessage.objects.filter(chat=chat, hidden_at__isnull=True)
        .select_related("question")
        .order_by("created_at", "id")
    )


def shared_links(chat: Chat) -> list[tuple[str, ChatMessage]]:
    """Every web link in the chat's visible messages, first sharer first, once each."""
    seen: dict[str, ChatMessage] = {}
    for message in visible_messages(chat):
        for url in _HREF.findall(message.body_html):
            url = html.unescape(url)
            if url not in seen and len(seen) < MAX_LINKS:
                seen[url] = message
    return list(seen.items())


def _excerpt(message: ChatMessage, limit: int = 200) -> str:
    text = " ".join(html.unescape(strip_tags(message.body_html)).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def summary_draft(chat: Chat, links: list[tuple[str, ChatMessage]]) -> str:
    """A Markdown summary the host edits before posting it as a thread."""
    lines = [
        _("Summary of our live chat #%(hashtag)s, “%(title)s”, hosted by %(host)s.")
        % {"hashtag": chat.hashtag, "title": chat.title, "host": chat.host_name},
        "",
        _("%(people)s people took part and posted %(messages)s messages.")
        % {"people": chat.participant_count, "messages": chat.message_count},
    ]
    answers: dict[int, list[ChatMessage]] = {}
    for message in visible_messages(chat).filter(question__isnull=False, reply_to__isnull=True):
        answers.setdefault(message.question_id, []).append(message)
    for question in chat.questions.filter(released_at__isnull=False).order_by("number"):
        lines += ["", f"### Q{question.number}. {question.body}", ""]
        best = sorted(answers.get(question.pk, []), key=lambda m: (-m.like_count, m.pk))
        if not best:
            lines.append(_("- (no answers)"))
        for message in best[:TOP_ANSWERS]:
            lines.append(f"- {_excerpt(message)} (@{message.author_handle})")
    if links:
        lines += ["", "### " + _("Links shared"), ""]
        lines += [f"- <{url}>" for url, _message in links]
    lines += ["", _("Full transcript: %(url)s") % {"url": transcript_url(chat)}]
    return "\n".join(lines)


def transcript_url(chat: Chat) -> str:
    path = reverse("livechat:transcript", args=[chat.community.slug, chat.pk])
    return f"{settings.SITE_URL}{path}"


def _host_date(chat: Chat):
    """The day the chat happened for its host (a Saturday morning chat in New York)."""
    return timezone.localtime(chat.starts_at, zoneinfo.ZoneInfo(chat.host_time_zone)).date()


def _links_collection(chat: Chat, links: list[tuple[str, ChatMessage]]):
    from staffroom.resources.collections import collection_create_for_chat

    if not links:
        return None
    return collection_create_for_chat(
        community=chat.community,
        title=_("Links from #%(hashtag)s: %(title)s")
        % {"hashtag": chat.hashtag, "title": chat.title},
        description=_("Shared during the live chat on %(date)s.")
        % {"date": _host_date(chat).isoformat()},
        links=[
            (
                url,
                _("Shared by %(name)s%(answer)s")
                % {
                    "name": message.author_name,
                    "answer": f" (A{message.question.number})" if message.question_id else "",
                },
            )
            for url, message in links
        ],
    )


def index_chat(chat_id: int) -> None:
    """Index an archived transcript: its questions and visible messages, as one document."""
    chat = Chat.objects.select_related("community").filter(pk=chat_id).first()
    if chat is None or chat.archived_at is None or chat.cancelled_at is not None:
        search.document_delete(kind="chat", object_id=chat_id)
        return
    parts = [chat.description]
    parts += [f"Q{q.number} {q.body}" for q in chat.questions.all()]
    parts += [
        f"{m.author_name}: {html.unescape(strip_tags(m.body_html))}" for m in visible_messages(chat)
    ]
    search.document_upsert(
        kind="chat",
        object_id=chat.pk,
        community_id=chat.community_id,
        title=f"#{chat.hashtag}: {chat.title}",
        body="\n".join(part for part in parts if part),
        tags=[chat.hashtag.lower()],
        attrs={
            "hashtag": chat.hashtag,
            "messages": chat.message_count,
            "url": reverse("livechat:transcript", args=[chat.community.slug, chat.pk]),
        },
        created_at=chat.starts_at,
    )


@transaction.atomic
def chat_archive(*, chat: Chat, now: datetime | None = None) -> Chat:
    """Archive a finished chat once (other processes may race to do it): transcript,
    links collection, summary draft, search; tell open pages it is over."""
    now = now or timezone.now()
    if not Chat.objects.filter(pk=chat.pk, archived_at__isnull=True).update(archived_at=now):
        return chat
    chat.archived_at = now
    chat.refresh_from_db(fields=["message_count", "participant_count", "ends_at"])
    links = shared_links(chat)
    chat.links_collection = _links_collection(chat, links)
    chat.summary_draft = summary_draft(chat, links)
    Chat.objects.filter(pk=chat.pk).update(
        summary_draft=chat.summary_draft, links_collection=chat.links_collection
    )
    transaction.on_commit(lambda: index_chat(chat.pk))
    transaction.on_commit(
        lambda: realtime.chat_event(
            chat.pk,
            {
                "type": "ended",
                "url": reverse("livechat:transcript", args=[chat.community.slug, chat.pk]),
            },
        )
    )
    return chat


def refresh_after_moderation(chat: Chat) -> None:
    """Keep an archived transcript's search copy in step when a message is hidden later."""
    if chat.archived_at is not None:
        transaction.on_commit(lambda: index_chat(chat.pk))
