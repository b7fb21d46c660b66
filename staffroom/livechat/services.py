"""Scheduling, running and ending live chats: every change of a chat's state."""

import re
import zoneinfo
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from staffroom.communities.models import Community
from staffroom.core.errors import ServiceError
from staffroom.core.markdown import render
from staffroom.core.memo import Memo
from staffroom.livechat import notify, realtime, rendering
from staffroom.livechat.models import Chat, ChatMode, ChatQuestion, ChatState
from staffroom.livechat.script import plan_questions
from staffroom.permissions import livechat as perms
from staffroom.permissions.communities import can_post_in_community

HASHTAG = re.compile(r"^[^\W_][\w]{0,38}\Z")
MAX_TITLE = 200
MAX_DESCRIPTION = 3000
MAX_COHOSTS = 5
LIVE_MINUTES = (15, 240)
SLOW_DAYS = (1, 30)
# Scheduling a few minutes in the past is forgiven: the form took a while to fill in.
PAST_GRACE = timedelta(minutes=5)
REMIND_BEFORE = timedelta(minutes=30)


def _name(user) -> str:
    return user.profile.display_name


def _clean_hashtag(hashtag: str) -> str:
    hashtag = (hashtag or "").strip().lstrip("#")
    if not HASHTAG.match(hashtag):
        raise ServiceError(
            _("A hashtag is one word of letters and digits, up to 39 characters, like #mathchat."),
            field="hashtag",
        )
    return hashtag


def _clean_title(title: str) -> str:
    title = " ".join((title or "").split())
    if not title:
        raise ServiceError(_("Give the chat a title."), field="title")
    if len(title) > MAX_TITLE:
        raise ServiceError(_("Keep the title under 200 characters."), field="title")
    return title


def _check_time_zone(name: str) -> str:
    if name not in zoneinfo.available_timezones():
        raise ServiceError(_("Choose a time zone from the list."), field="host_time_zone")
    return name


def _duration(mode: str, duration_minutes: int) -> timedelta:
    if mode == ChatMode.SLOW:
        low, high = SLOW_DAYS
        if duration_minutes % 1440 or not low <= duration_minutes // 1440 <= high:
            raise ServiceError(_("A slow chat lasts 1 to 30 whole days."), field="duration")
    else:
        low, high = LIVE_MINUTES
        if not low <= duration_minutes <= high:
            raise ServiceError(_("A live chat lasts 15 to 240 minutes."), field="duration")
    return timedelta(minutes=duration_minutes)


def _check_people(community: Community, host, cohosts: list) -> None:
    if host is None or not can_post_in_community(host, community):
        raise ServiceError(_("The host must be an active member of the community."), field="host")
    if len(cohosts) > MAX_COHOSTS:
        raise ServiceError(_("A chat has at most five co-hosts."), field="cohosts")
    for person in cohosts:
        if not can_post_in_community(person, community):
            raise ServiceError(
                _("Every co-host must be an active member of the community."), field="cohosts"
            )


def _validated(
    *,
    community: Community,
    title: str,
    hashtag: str,
    description: str,
    starts_at: datetime,
    host_time_zone: str,
    duration_minutes: int,
    mode: str,
    host,
    cohosts: Iterable,
    questions: list[str],
    first_after_minutes: int,
    interval_minutes: int,
    now: datetime,
) -> dict:
    """Check a whole chat before anything is written; return the values to store."""
    if mode not in ChatMode.values:
        raise ServiceError(_("Choose a live or a slow chat."), field="mode")
    values = {
        "title": _clean_title(title),
        "hashtag": _clean_hashtag(hashtag),
        "host_time_zone": _check_time_zone(host_time_zone),
        "mode": mode,
    }
    description = (description or "").strip()
    if len(description) > MAX_DESCRIPTION:
        raise ServiceError(_("Keep the description under 3,000 characters."), field="description")
    if starts_at is None or timezone.is_naive(starts_at):
        raise ServiceError(_("Choose when the chat starts."), field="starts_at")
    if starts_at < now - PAST_GRACE:
        raise ServiceError(_("Choose a start time in the future."), field="starts_at")
    if starts_at > now + timedelta(days=366):
        raise ServiceError(_("Schedule chats at most a year ahead."), field="starts_at")
    ends_at = starts_at + _duration(mode, duration_minutes)
    cohosts = [person for person in cohosts if person.pk != getattr(host, "pk", None)]
    _check_people(community, host, cohosts)
    plan = plan_questions(
        questions,
        mode=mode,
        starts_at=starts_at,
        ends_at=ends_at,
        first_after_minutes=first_after_minutes,
        interval_minutes=interval_minutes,
    )
    values.update(
        description=description,
        description_html=render(description) if description else "",
        starts_at=starts_at,
        ends_at=ends_at,
        host=host,
        host_name=_name(host),
    )
    return {"values": values, "cohosts": cohosts, "plan": plan}


def _store_questions(chat: Chat, plan) -> None:
    ChatQuestion.objects.bulk_create(
        ChatQuestion(
            chat=chat,
            number=item.number,
            body=item.body,
            body_html=render(item.body),
            planned_at=item.planned_at,
        )
        for item in plan
    )


@transaction.atomic
def chat_schedule(
    *,
    user,
    community: Community,
    title: str,
    hashtag: str,
    starts_at: datetime,
    host_time_zone: str,
    duration_minutes: int,
    questions: list[str],
    mode: str = ChatMode.LIVE,
    description: str = "",
    host=None,
    cohosts: Iterable = (),
    first_after_minutes: int = 5,
    interval_minutes: int = 10,
) -> Chat:
    """Put a chat with its question script on the community's calendar and invite members."""
    if not perms.can_schedule_chat(user, community):
        raise ServiceError(
            _("Only the community's stewards and moderators schedule chats."), code="forbidden"
        )
    checked = _validated(
        community=community,
        title=title,
        hashtag=hashtag,
        description=description,
        starts_at=starts_at,
        host_time_zone=host_time_zone,
        duration_minutes=duration_minutes,
        mode=mode,
        host=host or user,
        cohosts=list(cohosts),
        questions=questions,
        first_after_minutes=first_after_minutes,
        interval_minutes=interval_minutes,
        now=timezone.now(),
    )
    chat = Chat.objects.create(community=community, created_by=user, **checked["values"])
    chat.cohosts.set(checked["cohosts"])
    _store_questions(chat, checked["plan"])
    transaction.on_commit(lambda: notify.notify_scheduled(chat_id=chat.pk, actor_id=user.pk))
    return chat


@transaction.atomic
def chat_edit(
    *,
    user,
    chat: Chat,
    title: str,
    hashtag: str,
    starts_at: datetime,
    host_time_zone: str,
    duration_minutes: int,
    questions: list[str],
    mode: str,
    description: str = "",
    host=None,
    cohosts: Iterable = (),
    first_after_minutes: int = 5,
    interval_minutes: int = 10,
) -> Chat:
    """Change a chat that has not started: its details, time and whole question script."""
    chat = Chat.objects.select_for_update().select_related("community").get(pk=chat.pk)
    if not perms.can_edit_chat(user, chat):
        raise ServiceError(_("A chat can only be changed before it starts."), code="forbidden")
    checked = _validated(
        community=chat.community,
        title=title,
        hashtag=hashtag,
        description=description,
        starts_at=starts_at,
        host_time_zone=host_time_zone,
        duration_minutes=duration_minutes,
        mode=mode,
        host=host or chat.host or user,
        cohosts=list(cohosts),
        questions=questions,
        first_after_minutes=first_after_minutes,
        interval_minutes=interval_minutes,
        now=timezone.now(),
    )
    moved = checked["values"]["starts_at"] != chat.starts_at
    for name, value in checked["values"].items():
        setattr(chat, name, value)
    if moved:
        chat.reminded_at = None  # a new time deserves a new reminder
    chat.save()
    chat.cohosts.set(checked["cohosts"])
    chat.questions.all().delete()
    _store_questions(chat, checked["plan"])
    return chat


@transaction.atomic
def chat_cancel(*, user, chat: Chat) -> Chat:
    """Call off a chat that has not started; its page stays, marked cancelled."""
    chat = Chat.objects.select_for_update().select_related("community").get(pk=chat.pk)
    if not perms.can_edit_chat(user, chat):
        raise ServiceError(
            _("Only a chat that has not started can be cancelled."), code="forbidden"
        )
    chat.cancelled_at = timezone.now()
    chat.save(update_fields=["cancelled_at", "updated_at"])
    return chat


def _release(chat: Chat, question: ChatQuestion, now: datetime) -> bool:
    """Mark a question released unless someone (another process) already did; say if we did."""
    won = ChatQuestion.objects.filter(pk=question.pk, released_at__isnull=True).update(
        released_at=now
    )
    if not won:
        return False
    Chat.objects.filter(pk=chat.pk, current_question__lt=question.number).update(
        current_question=question.number
    )
    chat.current_question = max(chat.current_question, question.number)
    question.released_at = now
    question.chat = chat
    transaction.on_commit(
        lambda: realtime.chat_event(
            chat.pk,
            {
                "type": "question",
                "number": question.number,
                "html": rendering.question_html(question),
            },
        )
    )
    return True


@transaction.atomic
def question_release(*, user, chat: Chat, number: int | None = None) -> ChatQuestion:
    """Release the next question now (or question ``number``), ahead of its planned time."""
    if not perms.can_run_chat(user, chat):
        raise ServiceError(
            _("Only the chat's hosts and moderators release questions."), code="forbidden"
        )
    now = timezone.now()
    if chat.state_at(now) != ChatState.LIVE:
        raise ServiceError(_("Questions are released while the chat is live."), code="not_live")
    pending = chat.questions.filter(released_at__isnull=True).order_by("number")
    if number is not None:
        question = chat.questions.filter(number=number).first()
        if question is None:
            raise ServiceError(
                _("There is no Q%(number)s in this chat.") % {"number": number},
                field="number",
                code="unknown_question",
            )
        if question.released_at is not None:
            raise ServiceError(
                _("Q%(number)s is already out.") % {"number": number},
                field="number",
                code="already_released",
            )
    else:
        question = pending.first()
        if question is None:
            raise ServiceError(_("Every question is already out."), code="no_more_questions")
    if not _release(chat, question, now):
        raise ServiceError(
            _("Q%(number)s is already out.") % {"number": question.number},
            code="already_released",
        )
    return question


# When a chat's next unreleased question is planned, under (id, updated_at): the script
# changes only in an edit, which saves the chat. Every message and page calls chat_sync;
# until that time comes there is nothing to release and nothing to ask the database. An
# early release by a host leaves the time behind, which only means one query too many.
_NEXT_DUE = Memo("chat next question due")
NOTHING_LEFT = datetime.max.replace(tzinfo=UTC)


def release_due(chat: Chat, now: datetime | None = None) -> list[ChatQuestion]:
    """Release every question whose planned time has come, in order; safe to repeat."""
    now = now or timezone.now()
    if chat.state_at(now) != ChatState.LIVE:
        return []
    key = (chat.pk, chat.updated_at)
    next_due = _NEXT_DUE.get(key)
    if next_due is not None and now < next_due:
        return []
    released = []
    later = NOTHING_LEFT
    with transaction.atomic():
        for question in chat.questions.filter(released_at__isnull=True).order_by("number"):
            if question.planned_at > now:
                later = min(later, question.planned_at)
            elif _release(chat, question, now):
                released.append(question)
    # Remembered only once this is committed: a caller's transaction that rolls back (a
    # refused message) takes the releases with it, and they must happen again.
    transaction.on_commit(lambda: _NEXT_DUE.put(key, later))
    return released


def chat_sync(chat: Chat, now: datetime | None = None) -> Chat:
    """Bring a chat up to date: release due questions, archive it once it is over.

    Pages, the WebSocket consumer and the ticker call this, so a chat keeps to its
    script even on a server with no scheduler running.
    """
    from staffroom.livechat.archive import chat_archive

    now = now or timezone.now()
    if chat.cancelled_at is not None or chat.archived_at is not None:
        return chat
    if now >= chat.ends_at:
        release_due(chat, chat.ends_at - timedelta(microseconds=1))
        chat_archive(chat=chat, now=now)
    else:
        release_due(chat, now)
    return chat


@transaction.atomic
def chat_end(*, user, chat: Chat) -> Chat:
    """End a live chat now, before its planned end: the transcript is archived at once."""
    from staffroom.livechat.archive import chat_archive

    if not perms.can_run_chat(user, chat):
        raise ServiceError(_("Only the chat's hosts and moderators end it."), code="forbidden")
    now = timezone.now()
    if chat.state_at(now) != ChatState.LIVE:
        raise ServiceError(_("Only a live chat can be ended."), code="not_live")
    Chat.objects.filter(pk=chat.pk).update(ends_at=now)
    chat.ends_at = now
    chat_archive(chat=chat, now=now)
    return chat


def chats_tick(now: datetime | None = None) -> dict:
    """Do what the clock asks across all chats: remind, release, archive. Safe to repeat."""
    now = now or timezone.now()
    counts = {"reminded": 0, "released": 0, "archived": 0}
    soon = Chat.objects.filter(
        cancelled_at__isnull=True,
        reminded_at__isnull=True,
        archived_at__isnull=True,
        starts_at__lte=now + REMIND_BEFORE,
        # A chat scheduled to start at once (within the grace) needs no "starts soon".
        starts_at__gt=now,
    )
    for chat_id in soon.values_list("pk", flat=True):
        # Only the process that sets reminded_at sends the reminder.
        if Chat.objects.filter(pk=chat_id, reminded_at__isnull=True).update(reminded_at=now):
            counts["reminded"] += notify.notify_reminder(chat_id=chat_id)
    active = Chat.objects.select_related("community").filter(
        cancelled_at__isnull=True, archived_at__isnull=True, starts_at__lte=now
    )
    for chat in active:
        if now >= chat.ends_at:
            chat_sync(chat, now)
            counts["archived"] += 1
        else:
            counts["released"] += len(release_due(chat, now))
    return counts
