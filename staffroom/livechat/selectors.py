"""Reads for the chat pages: lists, the live stream, and transcripts grouped by question.

Every function issues a fixed number of queries whatever the number of chats or messages.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from staffroom.communities.models import Community
from staffroom.core.pagination import Page, keyset_page
from staffroom.livechat.models import Chat, ChatLike, ChatMessage, ChatMute, ChatQuestion

STREAM_SIZE = 200
UPCOMING_SIZE = 20
PAST_PAGE_SIZE = 20
CALENDAR_SIZE = 100
CALENDAR_PAST = timedelta(days=60)
# A poll brings at most this many messages; a reader further behind reloads the page.
POLL_SIZE = 200
# Hidden in the last minute: a poll every few seconds removes them from open pages.
HIDDEN_RECENTLY = timedelta(seconds=60)


@dataclass
class ChatLists:
    live: list[Chat]
    upcoming: list[Chat]
    past: Page


def community_chats(*, community: Community, cursor: str | None = None) -> ChatLists:
    """The community's live and upcoming chats, and a page of its past ones (two queries)."""
    now = timezone.now()
    chats = Chat.objects.filter(community=community)
    coming = list(
        chats.filter(cancelled_at__isnull=True, archived_at__isnull=True, ends_at__gt=now).order_by(
            "starts_at", "id"
        )[: UPCOMING_SIZE + 10]
    )
    past = keyset_page(
        chats.filter(
            Q(cancelled_at__isnull=False) | Q(archived_at__isnull=False) | Q(ends_at__lte=now)
        ),
        order=("-starts_at", "-id"),
        cursor=cursor,
        size=PAST_PAGE_SIZE,
    )
    for chat in [*coming, *past.items]:
        chat.community = community
    return ChatLists(
        live=[chat for chat in coming if chat.starts_at <= now],
        upcoming=[chat for chat in coming if chat.starts_at > now][:UPCOMING_SIZE],
        past=past,
    )


def calendar_chats(*, community: Community) -> list[Chat]:
    """Chats for a community calendar feed: upcoming ones and those of the last weeks."""
    since = timezone.now() - CALENDAR_PAST
    chats = list(
        Chat.objects.filter(community=community, ends_at__gte=since)
        .prefetch_related("questions")
        .order_by("starts_at", "id")[:CALENDAR_SIZE]
    )
    for chat in chats:
        chat.community = community
    return chats


def chat_people(chat: Chat) -> list:
    """The chat's co-hosts with their profiles, in one query."""
    return list(chat.cohosts.select_related("profile").order_by("profile__display_name"))


def chat_questions(chat: Chat) -> list[ChatQuestion]:
    questions = list(ChatQuestion.objects.filter(chat=chat).order_by("number"))
    for question in questions:
        question.chat = chat
    return questions


def _messages(chat: Chat):
    return ChatMessage.objects.filter(chat=chat).select_related("question", "reply_to")


def _attach(chat: Chat, messages: list[ChatMessage]) -> list[ChatMessage]:
    for message in messages:
        message.chat = chat
    return messages


@dataclass
class StreamItem:
    """A message or a question in the stream, in the order they happened."""

    message: ChatMessage | None = None
    question: ChatQuestion | None = None

    @property
    def at(self):
        return self.message.created_at if self.message else self.question.released_at


def _interleave(messages: list[ChatMessage], questions: list[ChatQuestion]) -> list[StreamItem]:
    items = [StreamItem(message=m) for m in messages]
    items += [StreamItem(question=q) for q in questions]
    # A question released at the same instant as a message comes first: it prompted it.
    items.sort(key=lambda item: (item.at, 0 if item.question else 1))
    return items


@dataclass
class ChatPage:
    questions: list[ChatQuestion]
    released: list[ChatQuestion]
    stream: list[StreamItem]
    last_message_id: int
    earlier: bool
    liked: set[int] = field(default_factory=set)
    muted: set[int] = field(default_factory=set)


def chat_page(*, viewer, chat: Chat, include_hidden: bool = False) -> ChatPage:
    """What the chat page shows: the script, and the last messages with the released
    questions between them (five queries, six for moderators)."""
    questions = chat_questions(chat)
    released = [q for q in questions if q.released_at is not None]
    rows = _messages(chat)
    if not include_hidden:
        rows = rows.filter(hidden_at__isnull=True)
    newest = list(rows.order_by("-id")[: STREAM_SIZE + 1])
    earlier = len(newest) > STREAM_SIZE
    messages = _attach(chat, list(reversed(newest[:STREAM_SIZE])))
    if earlier and messages:
        # Questions before the first shown message are in the latecomer view.
        shown_questions = [q for q in released if q.released_at >= messages[0].created_at]
    else:
        shown_questions = released
    liked: set[int] = set()
    if viewer.is_authenticated and messages:
        liked = set(
            ChatLike.objects.filter(
                user=viewer, message_id__in=[m.pk for m in messages]
            ).values_list("message_id", flat=True)
        )
    muted: set[int] = set()
    if include_hidden:
        muted = set(ChatMute.objects.filter(chat=chat).values_list("user_id", flat=True))
    return ChatPage(
        questions=questions,
        released=released,
        stream=_interleave(messages, shown_questions),
        last_message_id=max((m.pk for m in messages), default=0),
        earlier=earlier,
        liked=liked,
        muted=muted,
    )


@dataclass
class PollResult:
    stream: list[StreamItem]
    questions: list[ChatQuestion]
    hidden_ids: list[int]
    last_message_id: int
    last_question: int


def chat_poll(*, chat: Chat, after: int, after_question: int) -> PollResult:
    """What happened since the reader's last message and question (three queries)."""
    messages = _attach(
        chat,
        list(
            _messages(chat).filter(pk__gt=after, hidden_at__isnull=True).order_by("id")[:POLL_SIZE]
        ),
    )
    questions = [
        q for q in chat_questions(chat) if q.released_at is not None and q.number > after_question
    ]
    hidden = list(
        ChatMessage.objects.filter(
            chat=chat, hidden_at__gte=timezone.now() - HIDDEN_RECENTLY
        ).values_list("pk", flat=True)
    )
    return PollResult(
        stream=_interleave(messages, questions),
        questions=questions,
        hidden_ids=hidden,
        last_message_id=max([after, *(m.pk for m in messages)]),
        last_question=max([after_question, *(q.number for q in questions)]),
    )


@dataclass
class Answer:
    """A top-level message with every reply under it, oldest first."""

    message: ChatMessage
    replies: list[ChatMessage] = field(default_factory=list)


@dataclass
class QuestionGroup:
    question: ChatQuestion | None
    answers: list[Answer] = field(default_factory=list)

    @property
    def message_count(self) -> int:
        return sum(1 + len(answer.replies) for answer in self.answers)


@dataclass
class Grouped:
    before: QuestionGroup
    groups: list[QuestionGroup]
    message_count: int

    @property
    def all_groups(self) -> list[QuestionGroup]:
        return [*self.groups, self.before] if self.before.answers else list(self.groups)


def group_by_question(
    chat: Chat, messages: list[ChatMessage], questions: list[ChatQuestion]
) -> Grouped:
    """Put each message under its question, and each reply under the answer it belongs to.

    A reply to a reply goes under the first message of its chain; a reply whose chain
    starts outside ``messages`` (a hidden message) stands as an answer of its own.
    """
    by_id = {m.pk: m for m in messages}
    root_of: dict[int, int] = {}

    def root(message: ChatMessage) -> int:
        seen = []
        current = message
        while current.reply_to_id in by_id and current.pk not in root_of:
            seen.append(current.pk)
            current = by_id[current.reply_to_id]
            if current.pk in seen:  # a loop cannot be made, but never spin on one
                break
        top = root_of.get(current.pk, current.pk)
        for pk in seen:
            root_of[pk] = top
        root_of[message.pk] = top
        return top

    answers: dict[int, Answer] = {}
    order: list[Answer] = []
    for message in messages:
        top = root(message)
        if top == message.pk:
            answer = Answer(message)
            answers[message.pk] = answer
            order.append(answer)
        else:
            answers[top].replies.append(message)
    groups = {q.pk: QuestionGroup(q) for q in questions}
    before = QuestionGroup(None)
    for answer in order:
        group = groups.get(answer.message.question_id, before)
        group.answers.append(answer)
    return Grouped(before=before, groups=list(groups.values()), message_count=len(messages))


def chat_grouped(*, chat: Chat, include_hidden: bool = False) -> Grouped:
    """Every message of the chat grouped by question (two queries)."""
    questions = [q for q in chat_questions(chat) if q.released_at is not None]
    rows = _messages(chat).order_by("created_at", "id")
    if not include_hidden:
        rows = rows.filter(hidden_at__isnull=True)
    return group_by_question(chat, _attach(chat, list(rows)), questions)


def chat_participants(chat: Chat) -> list[dict]:
    """Who posted (visible messages) and how often, most first (one query)."""
    return list(
        ChatMessage.objects.filter(chat=chat, hidden_at__isnull=True)
        .values("author_name", "author_handle")
        .annotate(count=Count("id"))
        .order_by("-count", "author_name")
    )


def transcript_messages(chat: Chat) -> list[ChatMessage]:
    """Every visible message in order, for exports (one query)."""
    return _attach(
        chat,
        list(_messages(chat).filter(hidden_at__isnull=True).order_by("created_at", "id")),
    )
