"""The demo's live chats: an archived one with its transcript, a scheduled one, a slow one."""

import re
from collections import Counter
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from staffroom.accounts.models import User
from staffroom.demo.data import COMMUNITIES, DEMO_EMAIL, PEOPLE
from staffroom.demo.data.chats import (
    CHATS,
    FEEDBACK_SLOW_CHAT,
    NEGATIVES_CHAT,
    RATIO_CHAT,
    participants,
    planned_minute,
)
from staffroom.livechat import services as chat_services
from staffroom.livechat.messages import RATE_MESSAGES, message_post
from staffroom.livechat.models import (
    Chat,
    ChatLike,
    ChatMessage,
    ChatMode,
    ChatQuestion,
    ChatState,
)
from staffroom.livechat.script import parse_answer_prefix
from staffroom.notifications.models import Notification
from staffroom.permissions.livechat import can_post_in_chat, can_view_chat
from staffroom.resources.models import Collection
from staffroom.search.models import SearchDocument
from tests.demo.conftest import remove_demo

SPECS = {spec.slug: spec for spec in COMMUNITIES}


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker, demo_media):
    """Load the demo once for the module, and take it away again afterwards."""
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)
    yield
    with django_db_blocker.unblock():
        remove_demo()


def _chat(spec) -> Chat:
    return Chat.objects.select_related("community").get(
        community__slug=spec.community, hashtag=spec.hashtag, title=spec.title
    )


def _question_of(spec, lines_by_key: dict, line) -> int | None:
    """The question a line answers as the services will read it, or None before Q1."""
    number, _rest = parse_answer_prefix(line.body)
    if number is not None:
        return number
    if line.reply_to:
        return _question_of(spec, lines_by_key, lines_by_key[line.reply_to])
    out = [n for n in range(1, spec.released + 1) if planned_minute(spec, n) <= line.minute]
    return max(out, default=None)


# --- the data -----------------------------------------------------------------------------------


@pytest.mark.parametrize("spec", CHATS, ids=lambda spec: spec.title)
def test_every_chat_line_comes_in_order_and_after_the_question_it_answers(spec):
    keys = {line.key: line for line in spec.lines if line.key}
    minutes = [line.minute for line in spec.lines]

    assert minutes == sorted(minutes)
    for line in spec.lines:
        number = _question_of(spec, keys, line)
        if number is not None:
            assert 1 <= number <= spec.released, line.body
            assert planned_minute(spec, number) <= line.minute, line.body
        if line.reply_to:
            assert keys[line.reply_to].minute < line.minute, line.body
        assert line.author not in line.likes, line.body
        assert len(line.body) <= 1000


@pytest.mark.parametrize("spec", CHATS, ids=lambda spec: spec.title)
def test_no_member_posts_faster_than_the_chat_rate_limit_allows(spec):
    community = SPECS[spec.community]
    exempt = {community.steward, *community.moderators, spec.host, *spec.cohosts}
    posts = Counter(line.author for line in spec.lines if line.author not in exempt)

    # The whole chat is written within one rate window while loading, so each member must fit.
    assert all(count < RATE_MESSAGES for count in posts.values()), posts


@pytest.mark.parametrize("spec", CHATS, ids=lambda spec: spec.title)
def test_everyone_in_a_chat_belongs_to_its_community(spec):
    community = SPECS[spec.community]
    members = {community.steward, *community.moderators, *community.members}

    assert participants(spec) <= members
    assert spec.scheduler in {community.steward, *community.moderators}


def test_the_past_chat_is_a_full_conversation():
    authors = {line.author for line in RATIO_CHAT.lines}

    assert 40 <= len(RATIO_CHAT.lines) <= 60
    assert 8 <= len(authors) <= 12
    assert sum(1 for line in RATIO_CHAT.lines if line.reply_to) >= 5
    assert 4 <= len(RATIO_CHAT.questions) <= 5


def test_the_slow_chat_lines_were_all_written_before_loading():
    elapsed = FEEDBACK_SLOW_CHAT.started_hours_ago * 60

    assert all(line.minute < elapsed for line in FEEDBACK_SLOW_CHAT.lines)


# --- what loading made --------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_past_chat_is_archived_two_weeks_ago_with_every_question_out():
    chat = _chat(RATIO_CHAT)
    now = timezone.now()

    assert chat.state == ChatState.ENDED
    assert now - timedelta(days=21) < chat.starts_at < now - timedelta(days=13)
    assert chat.starts_at.astimezone(ZoneInfo("America/New_York")).strftime("%a %H:%M") == (
        "Sat 09:00"
    )
    assert chat.ends_at == chat.starts_at + timedelta(minutes=60)
    assert chat.archived_at == chat.ends_at
    assert chat.current_question == 5
    assert not chat.questions.filter(released_at__isnull=True).exists()


@pytest.mark.django_db
def test_the_past_chat_counts_agree_with_its_messages_and_likes():
    chat = _chat(RATIO_CHAT)
    messages = ChatMessage.objects.filter(chat=chat)

    assert chat.message_count == messages.count() == len(RATIO_CHAT.lines)
    assert chat.participant_count == messages.values("author").distinct().count() == 8
    for message in messages:
        assert message.like_count == ChatLike.objects.filter(message=message).count()
    assert ChatLike.objects.filter(message__chat=chat).count() == sum(
        len(line.likes) for line in RATIO_CHAT.lines
    )


@pytest.mark.django_db
def test_the_past_transcript_groups_each_answer_under_its_question():
    chat = _chat(RATIO_CHAT)
    questions = list(chat.questions.order_by("number"))
    releases = [question.released_at for question in questions] + [chat.ends_at]

    grouped = {q.number: list(q.answers.order_by("created_at", "pk")) for q in questions}
    before_q1 = ChatMessage.objects.filter(chat=chat, question__isnull=True)

    assert all(grouped[number] for number in grouped)
    assert before_q1.count() == 5
    assert all(message.created_at < releases[0] for message in before_q1)
    for index, question in enumerate(questions):
        for message in grouped[question.number]:
            assert releases[index] <= message.created_at <= chat.ends_at, message.body
            # Answers were typed "A2 …"; the prefix was read and taken off.
            assert not re.match(r"A\d", message.body), message.body
    # A reply sits with the answer it replies to.
    replies = ChatMessage.objects.filter(chat=chat, reply_to__isnull=False)
    assert replies.count() >= 5
    assert all(reply.question_id == reply.reply_to.question_id for reply in replies)


@pytest.mark.django_db
def test_the_past_chat_shared_links_became_a_collection_and_a_summary():
    chat = _chat(RATIO_CHAT)
    urls = set(chat.links_collection.items.values_list("url", flat=True))

    assert urls == {"https://www.desmos.com/", "https://nrich.maths.org/"}
    assert chat.links_collection.community_id == chat.community_id
    assert chat.links_collection.created_at == chat.ends_at
    assert "### Q1." in chat.summary_draft
    assert "### Q5." in chat.summary_draft
    assert "https://nrich.maths.org/" in chat.summary_draft


@pytest.mark.django_db
def test_the_past_chat_links_a_library_resource_of_the_community():
    chat = _chat(RATIO_CHAT)
    message = ChatMessage.objects.get(chat=chat, body__contains="lesson on ratio language")

    assert 'href="/r/' in message.body_html
    assert message.question.number == 2


@pytest.mark.django_db
def test_the_past_transcript_is_found_by_search_as_of_its_day():
    chat = _chat(RATIO_CHAT)

    document = SearchDocument.objects.get(kind="chat", object_id=chat.pk)

    assert document.community_id == chat.community_id
    assert "paint mixing" in document.body.lower()


@pytest.mark.django_db
def test_the_scheduled_chat_is_days_ahead_in_its_hosts_morning():
    chat = _chat(NEGATIVES_CHAT)
    now = timezone.now()
    local = chat.starts_at.astimezone(ZoneInfo(chat.host_time_zone))

    assert chat.state == ChatState.SCHEDULED
    assert chat.host.email == next(person.email for person in PEOPLE if person.key == "lucia")
    assert chat.host_time_zone == "America/Mexico_City"
    assert now + timedelta(days=2) < chat.starts_at < now + timedelta(days=10)
    assert local.strftime("%a %H:%M") == "Sat 09:00"
    assert chat.questions.count() == 6
    assert not chat.questions.filter(released_at__isnull=False).exists()
    assert chat.message_count == 0


@pytest.mark.django_db
def test_the_slow_chat_is_on_its_second_day_with_the_third_question_next():
    chat = _chat(FEEDBACK_SLOW_CHAT)
    now = timezone.now()
    q1, q2, q3, *_rest = chat.questions.order_by("number")

    assert chat.mode == ChatMode.SLOW
    assert chat.state == ChatState.LIVE
    assert now - timedelta(hours=32) < chat.starts_at < now - timedelta(hours=24)
    assert chat.ends_at == chat.starts_at + timedelta(days=5)
    assert chat.current_question == 2
    assert q1.released_at == chat.starts_at
    assert q2.released_at == chat.starts_at + timedelta(days=1) <= now
    assert q3.released_at is None
    assert now < q3.planned_at < now + timedelta(days=1)
    assert q1.answers.count() >= 5
    assert q2.answers.count() >= 4


@pytest.mark.django_db
def test_the_ticker_finds_nothing_to_catch_up_on():
    # Reminders for the running and past chats went out before they started.
    assert chat_services.chats_tick() == {"reminded": 0, "released": 0, "archived": 0}


@pytest.mark.django_db
def test_no_chat_message_or_like_is_dated_in_the_future():
    now = timezone.now()

    assert not ChatMessage.objects.filter(created_at__gt=now).exists()
    assert not ChatLike.objects.filter(created_at__gt=now).exists()
    assert not ChatQuestion.objects.filter(released_at__gt=now).exists()


@pytest.mark.django_db
def test_the_demo_member_sees_all_three_chats_and_can_answer_in_the_slow_one():
    sam = User.objects.get(email=DEMO_EMAIL)
    slow = _chat(FEEDBACK_SLOW_CHAT)

    assert all(can_view_chat(sam, _chat(spec)) for spec in CHATS)
    assert can_post_in_chat(sam, slow)
    message = message_post(author=sam, chat=slow, body="A2 Fix-it time at the start of class.")
    assert message.question.number == 2


@pytest.mark.django_db
def test_invitations_to_chats_that_began_are_old_and_read_and_the_next_one_is_news():
    sam = User.objects.get(email=DEMO_EMAIL)
    mine = Notification.objects.filter(user=sam)

    for spec in (RATIO_CHAT, FEEDBACK_SLOW_CHAT):
        chat = _chat(spec)
        invitation = mine.get(url=chat.get_absolute_url())
        assert invitation.read_at is not None
        assert invitation.created_at < chat.starts_at
    assert mine.get(url=_chat(NEGATIVES_CHAT).get_absolute_url()).read_at is None


@pytest.mark.django_db
def test_loading_the_demo_again_adds_no_chats_messages_likes_or_collections():
    def counts():
        return [
            model.objects.count()
            for model in (Chat, ChatQuestion, ChatMessage, ChatLike, Collection, Notification)
        ]

    before = counts()

    call_command("load_demo", verbosity=0)

    assert counts() == before
