from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from staffroom.core.errors import ServiceError
from staffroom.livechat import frames, messages, services
from staffroom.livechat.models import Chat, ChatMessage, ChatMode, ChatMute, ChatQuestion
from staffroom.notifications.models import Notification, NotificationKind
from staffroom.permissions import livechat as perms
from tests.discussions.builders import a_member
from tests.livechat.builders import QUESTIONS, a_chat, a_live_chat

pytestmark = pytest.mark.django_db


def _writes_start(sql: list[str]) -> int:
    """Where a post's writes begin: its one statement on PostgreSQL, else its transaction."""
    if connection.vendor == "postgresql":
        return max(i for i, q in enumerate(sql) if q.startswith("WITH new_message"))
    # The post's own transaction is the last one (releasing a due question has its own).
    return max(i for i, q in enumerate(sql) if q.startswith("SAVEPOINT"))


def fresh(chat):
    return Chat.objects.select_related("community").get(pk=chat.pk)


def schedule(community, user, **changes):
    values = {
        "user": user,
        "community": community,
        "title": "Making ratio tables visible",
        "hashtag": "#msmathchat",
        "starts_at": timezone.now() + timedelta(days=2),
        "host_time_zone": "America/Chicago",
        "duration_minutes": 60,
        "questions": list(QUESTIONS),
    }
    values.update(changes)
    return services.chat_schedule(**values)


class TestScheduling:
    def test_a_steward_schedules_a_chat_with_its_script_and_members_are_invited(
        self, community, steward, host, member, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            chat = schedule(community, steward, host=host)
        assert chat.hashtag == "msmathchat"
        assert chat.host == host and chat.host_name == "Hana Host"
        assert chat.ends_at - chat.starts_at == timedelta(hours=1)
        assert [q.number for q in chat.questions.all()] == [1, 2, 3]
        assert chat.questions.get(number=2).planned_at == chat.starts_at + timedelta(minutes=15)
        invited = set(
            Notification.objects.filter(kind=NotificationKind.CHAT).values_list("user", flat=True)
        )
        assert invited == {host.pk, member.pk}
        assert chat.state == "scheduled"

    def test_an_ordinary_member_cannot_schedule(self, community, member):
        with pytest.raises(ServiceError) as refused:
            schedule(community, member)
        assert refused.value.code == "forbidden"
        assert not Chat.objects.exists()

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"title": "   "}, "title"),
            ({"hashtag": "two words"}, "hashtag"),
            ({"hashtag": "#"}, "hashtag"),
            ({"host_time_zone": "Mars/Olympus"}, "host_time_zone"),
            ({"starts_at": timezone.now() - timedelta(hours=1)}, "starts_at"),
            ({"duration_minutes": 5}, "duration"),
            ({"duration_minutes": 600}, "duration"),
            ({"mode": ChatMode.SLOW, "duration_minutes": 90}, "duration"),
            ({"mode": "loud"}, "mode"),
            ({"questions": []}, "questions"),
        ],
    )
    def test_bad_details_are_refused_and_nothing_is_stored(
        self, community, steward, changes, field
    ):
        with pytest.raises(ServiceError) as refused:
            schedule(community, steward, **changes)
        assert refused.value.field == field
        assert not Chat.objects.exists() and not ChatQuestion.objects.exists()

    def test_the_host_and_cohosts_must_be_active_members(self, community, steward, outsider):
        with pytest.raises(ServiceError) as refused:
            schedule(community, steward, host=outsider)
        assert refused.value.field == "host"
        with pytest.raises(ServiceError) as refused:
            schedule(community, steward, cohosts=[outsider])
        assert refused.value.field == "cohosts"

    def test_a_slow_chat_releases_a_question_a_day(self, community, steward):
        chat = schedule(community, steward, mode=ChatMode.SLOW, duration_minutes=3 * 1440)
        planned = [q.planned_at - chat.starts_at for q in chat.questions.all()]
        assert planned == [timedelta(0), timedelta(days=1), timedelta(days=2)]

    def test_editing_before_the_start_replaces_the_script(self, community, steward, scheduled_chat):
        services.chat_edit(
            user=steward,
            chat=scheduled_chat,
            title="New title",
            hashtag="newtag",
            starts_at=scheduled_chat.starts_at,
            host_time_zone="UTC",
            duration_minutes=30,
            questions=["Only one question"],
            mode=ChatMode.LIVE,
        )
        chat = fresh(scheduled_chat)
        assert chat.title == "New title" and chat.questions.count() == 1

    def test_a_live_chat_can_no_longer_be_edited_or_cancelled(self, steward, live_chat):
        with pytest.raises(ServiceError):
            services.chat_cancel(user=steward, chat=live_chat)
        assert fresh(live_chat).cancelled_at is None

    def test_cancelling_marks_the_chat(self, steward, scheduled_chat):
        services.chat_cancel(user=steward, chat=scheduled_chat)
        assert fresh(scheduled_chat).state == "cancelled"


class TestRunning:
    def test_questions_release_themselves_when_their_time_comes(self, community, steward):
        chat = a_chat(community, steward, starts_in=timedelta(minutes=-1))
        assert services.release_due(chat) == []  # Q1 is planned five minutes in
        later = timezone.now() + timedelta(minutes=16)
        released = services.release_due(chat, later)
        assert [q.number for q in released] == [1, 2]
        assert fresh(chat).current_question == 2
        assert services.release_due(chat, later) == []  # repeating releases nothing twice

    def test_until_the_next_question_is_due_the_database_is_not_asked_again(
        self, community, steward, django_capture_on_commit_callbacks, django_assert_num_queries
    ):
        chat = a_chat(community, steward, starts_in=timedelta(minutes=-1))
        with django_capture_on_commit_callbacks(execute=True):
            assert services.release_due(chat) == []  # learns Q1 is five minutes away
        with django_assert_num_queries(0):
            assert services.release_due(chat, timezone.now() + timedelta(minutes=3)) == []
        # Its time comes: released, and the next one (Q2, ten minutes after Q1) remembered.
        soon = timezone.now() + timedelta(minutes=5)
        with django_capture_on_commit_callbacks(execute=True):
            assert [q.number for q in services.release_due(chat, soon)] == [1]
        with django_assert_num_queries(0):
            assert services.release_due(chat, soon + timedelta(minutes=8)) == []
        assert [q.number for q in services.release_due(chat, soon + timedelta(minutes=10))] == [2]

    def test_a_release_rolled_back_with_its_caller_happens_again(
        self, community, steward, django_capture_on_commit_callbacks
    ):
        chat = a_chat(community, steward, starts_in=timedelta(minutes=-1))
        due = timezone.now() + timedelta(minutes=6)
        with (
            django_capture_on_commit_callbacks(execute=True),
            pytest.raises(RuntimeError),
            transaction.atomic(),
        ):
            assert [q.number for q in services.release_due(chat, due)] == [1]
            raise RuntimeError("the message that caused the sync was refused")
        assert fresh(chat).current_question == 0

        assert [q.number for q in services.release_due(fresh(chat), due)] == [1]

    def test_an_edit_brings_the_new_script_and_cohosts_in_at_once(
        self, community, steward, host, member, django_capture_on_commit_callbacks
    ):
        chat = a_chat(
            community, steward, host=host, cohosts=[member], starts_in=timedelta(minutes=30)
        )
        with django_capture_on_commit_callbacks(execute=True):
            services.release_due(chat, chat.starts_at)  # Q1 remembered for start + 5
        assert perms.is_host(member, fresh(chat))

        services.chat_edit(
            user=steward,
            chat=fresh(chat),
            title=chat.title,
            hashtag=chat.hashtag,
            starts_at=chat.starts_at,
            host_time_zone="UTC",
            duration_minutes=60,
            questions=QUESTIONS,
            mode=ChatMode.LIVE,
            host=host,
            cohosts=[],
            first_after_minutes=1,
        )

        edited = fresh(chat)
        assert not perms.is_host(member, edited)
        released = services.release_due(edited, chat.starts_at + timedelta(minutes=2))
        assert [q.number for q in released] == [1]

    def test_the_ticker_releases_reminds_and_archives(self, community, steward, member):
        chat = a_chat(community, steward, starts_in=timedelta(minutes=20), minutes=30)
        counts = services.chats_tick()
        assert counts["reminded"] >= 1
        assert Notification.objects.filter(kind=NotificationKind.CHAT_SOON, user=member).exists()
        assert services.chats_tick()["reminded"] == 0  # one reminder only
        services.chats_tick(timezone.now() + timedelta(minutes=27))
        assert fresh(chat).current_question == 1
        services.chats_tick(timezone.now() + timedelta(minutes=51))
        chat = fresh(chat)
        assert chat.archived_at is not None and chat.state == "ended"
        # The questions planned before the end were released on the way out.
        assert chat.current_question == 3

    def test_the_host_releases_the_next_question_early(self, host, live_chat):
        question = services.question_release(user=host, chat=live_chat)
        assert question.number == 2
        with pytest.raises(ServiceError) as refused:
            services.question_release(user=host, chat=live_chat, number=2)
        assert refused.value.code == "already_released"
        with pytest.raises(ServiceError) as refused:
            services.question_release(user=host, chat=live_chat, number=9)
        assert refused.value.code == "unknown_question"

    def test_participants_cannot_release_questions(self, member, live_chat):
        with pytest.raises(ServiceError) as refused:
            services.question_release(user=member, chat=live_chat)
        assert refused.value.code == "forbidden"
        assert fresh(live_chat).current_question == 1


class TestPosting:
    def test_an_answer_prefix_tags_the_question_and_is_taken_off(self, member, live_chat):
        message = messages.message_post(author=member, chat=live_chat, body="A1 Ratio tables!")
        assert message.question.number == 1
        assert message.body == "Ratio tables!"
        assert "<p>Ratio tables!</p>" in message.body_html
        chat = fresh(live_chat)
        assert chat.message_count == 1 and chat.participant_count == 1

    def test_a_post_writes_only_after_all_its_reads_and_checks(self, member, live_chat):
        # On SQLite a transaction holds the database's write lock; access checks, the
        # question and the Markdown come first, so a burst of posts queues only for writes.
        # On PostgreSQL the writes are one statement, with no transaction of their own.
        messages.message_post(author=member, chat=live_chat, body="A1 Warm-up")  # memos filled
        with CaptureQueriesContext(connection) as captured:
            messages.message_post(author=member, chat=fresh(live_chat), body="A1 **Ratio** tables")

        sql = [query["sql"] for query in captured.captured_queries]
        begin = _writes_start(sql)
        assert any('"communities_membership"' in q for q in sql[:begin])
        assert any('"livechat_chatmute"' in q for q in sql[:begin])
        if connection.vendor == "postgresql":
            assert len(sql) == begin + 1, "the writes are the last statement"
            write = sql[begin]
            for table in ("livechat_chatmessage", "livechat_chat", "livechat_chatquestion"):
                assert f'"{table}"' in write
            return
        end = max(i for i, q in enumerate(sql) if q.startswith("RELEASE SAVEPOINT"))
        inside = sql[begin + 1 : end]
        assert [q.split()[0] for q in inside] == ["SELECT", "INSERT", "UPDATE", "UPDATE"]
        assert '"livechat_chatmessage"' in inside[0] and "LIMIT 1" in inside[0]  # first post?

    def test_a_post_counts_the_message_its_question_and_each_participant_once(
        self, host, member, other, live_chat, django_capture_on_commit_callbacks
    ):
        for body in ("A1 Tables", "A1 And bars"):
            with django_capture_on_commit_callbacks(execute=True):  # remembered, as live
                messages.message_post(author=member, chat=fresh(live_chat), body=body)
        messages._POSTED.clear()  # as in another process, which has not seen them post
        messages.message_post(author=member, chat=fresh(live_chat), body="A1 Once more")
        messages.message_post(author=other, chat=fresh(live_chat), body="A1 Double lines")
        services.question_release(user=host, chat=fresh(live_chat))
        messages.message_post(author=other, chat=fresh(live_chat), body="Q2 thoughts")
        Chat.objects.filter(pk=live_chat.pk).update(current_question=0)
        untagged = messages.message_post(author=host, chat=fresh(live_chat), body="Welcome!")

        assert untagged.question is None and untagged.pk is not None
        assert ChatMessage.objects.get(pk=untagged.pk).body == "Welcome!"
        chat = fresh(live_chat)
        assert (chat.message_count, chat.participant_count) == (6, 3)
        counts = dict(chat.questions.values_list("number", "answer_count"))
        assert counts[1] == 4 and counts[2] == 1 and sum(counts.values()) == 5

    def test_a_post_frame_reads_the_chat_and_then_the_poster_in_one_query(
        self, member, live_chat, django_capture_on_commit_callbacks
    ):
        # The account, its membership and any mute come back together: a burst of posts
        # queues in each server process's one database thread.
        with django_capture_on_commit_callbacks(execute=True):  # fills the memos, as live
            frames.handle(member, live_chat.pk, {"type": "post", "body": "A1 Warm-up"})
        with CaptureQueriesContext(connection) as captured:
            answer = frames.handle(member, live_chat.pk, {"type": "post", "body": "A1 Tables"})

        assert answer["type"] == "ok"
        sql = [query["sql"] for query in captured.captured_queries]
        reads = sql[: _writes_start(sql)]
        assert len(reads) == 2, "\n".join(q[:120] for q in reads)
        assert '"livechat_chat"' in reads[0]
        assert '"communities_membership"' in reads[1] and '"livechat_chatmute"' in reads[1]

    @pytest.mark.parametrize("chat_id", [2**63, 10**30, 0, -1, True, "1"])
    def test_a_frame_for_a_chat_id_no_row_can_have_is_refused_without_a_query(
        self, member, live_chat, chat_id, django_assert_num_queries
    ):
        # The socket route takes any digits; the chat's prepared query is never sent a
        # value the database would reject.
        with django_assert_num_queries(0):
            answer = frames.handle(member, chat_id, {"type": "post", "body": "A1 Hi"})
            assert not frames.may_view_chat(member, chat_id)
        assert answer["code"] == "forbidden_view"
        assert frames.may_view_chat(member, live_chat.pk)

    def test_a_post_frame_sees_a_mute_or_a_ban_made_since_the_last_one(
        self, host, member, community, live_chat
    ):
        frames.handle(member, live_chat.pk, {"type": "post", "body": "A1 First"})
        messages.participant_mute(moderator=host, chat=fresh(live_chat), user=member)
        with pytest.raises(ServiceError, match="muted you"):
            frames.handle(member, live_chat.pk, {"type": "post", "body": "A1 Again"})
        ChatMute.objects.all().delete()
        community.memberships.filter(user=member).update(state="banned")
        with pytest.raises(ServiceError, match="cannot post in this community"):
            frames.handle(member, live_chat.pk, {"type": "post", "body": "A1 Again"})
        assert ChatMessage.objects.count() == 1

    def test_a_post_frame_from_someone_outside_the_community_is_refused(self, outsider, live_chat):
        # Read with a second query (no membership to read it through); a public community's
        # chat is theirs to read, not to post in.
        with pytest.raises(ServiceError, match="Join the community"):
            frames.handle(outsider, live_chat.pk, {"type": "post", "body": "A1 Hello"})
        type(outsider).objects.filter(pk=outsider.pk).update(is_active=False)
        answer = frames.handle(outsider, live_chat.pk, {"type": "post", "body": "A1 Hello"})
        assert answer["code"] == "forbidden_view"
        assert not ChatMessage.objects.exists()

    def test_untagged_messages_answer_the_current_question(self, host, member, live_chat):
        services.question_release(user=host, chat=live_chat)
        message = messages.message_post(author=member, chat=fresh(live_chat), body="Bar models")
        assert message.question.number == 2
        explicit = messages.message_post(
            author=member, chat=fresh(live_chat), body="Late thought", question_number=1
        )
        assert explicit.question.number == 1

    def test_a_reply_joins_the_question_of_what_it_answers(self, member, other, live_chat):
        answer = messages.message_post(author=member, chat=live_chat, body="A1 Recipes")
        reply = messages.message_post(author=other, chat=live_chat, body="Yes!", reply_to=answer)
        assert reply.reply_to == answer and reply.question.number == 1
        assert fresh(live_chat).participant_count == 2

    @pytest.mark.parametrize(
        ("body", "code"),
        [
            ("   ", "empty"),
            ("x" * 1001, "too_long"),
            ("A9 no such question", "unknown_question"),
            ("A2 not asked yet", "unknown_question"),
            ("![diagram](https://example.org/a.png)", "invalid"),
            ("Look:\n\n![diagram][d]\n\n[d]: https://example.org/a.png", "invalid"),
        ],
    )
    def test_bad_messages_are_refused_and_nothing_is_stored(self, member, live_chat, body, code):
        with pytest.raises(ServiceError) as refused:
            messages.message_post(author=member, chat=live_chat, body=body)
        assert refused.value.code == code
        assert not ChatMessage.objects.exists()
        assert fresh(live_chat).message_count == 0

    def test_outsiders_banned_and_muted_members_cannot_post(
        self, outsider, banned, member, host, live_chat
    ):
        messages.participant_mute(moderator=host, chat=live_chat, user=member)
        for person in (outsider, banned, member):
            with pytest.raises(ServiceError) as refused:
                messages.message_post(author=person, chat=fresh(live_chat), body="Hello")
            assert refused.value.code == "forbidden"
        assert not ChatMessage.objects.exists()

    def test_nobody_posts_before_the_start_or_after_the_end(self, member, scheduled_chat):
        with pytest.raises(ServiceError, match="not started"):
            messages.message_post(author=member, chat=scheduled_chat, body="Early")

    def test_flooding_is_refused_past_the_rate(self, member, live_chat):
        cache.clear()
        for number in range(messages.RATE_MESSAGES):
            messages.message_post(author=member, chat=live_chat, body=f"Thought {number}")
        with pytest.raises(ServiceError) as refused:
            messages.message_post(author=member, chat=live_chat, body="One more")
        assert refused.value.code == "rate_limited"
        assert ChatMessage.objects.count() == messages.RATE_MESSAGES

    def test_a_burst_straddling_two_rate_windows_is_still_refused(self, member, live_chat):
        cache.clear()
        boundary = 1_800_000_000 - 1_800_000_000 % messages.RATE_WINDOW_SECONDS
        # Four just before a window ends, two just after: six in two seconds, all allowed.
        for moment in [boundary - 1.0] * 4 + [boundary + 0.5] * 2:
            messages._check_rate(member, live_chat, now=moment)
        # A fixed window would have started counting afresh at the boundary.
        with pytest.raises(ServiceError) as refused:
            messages._check_rate(member, live_chat, now=boundary + 1.0)
        assert refused.value.code == "rate_limited"
        # Once the burst has slid out of the last fifteen seconds, posting works again.
        messages._check_rate(member, live_chat, now=boundary + messages.RATE_WINDOW_SECONDS + 1)

    def test_hosts_are_not_rate_limited(self, host, live_chat):
        for number in range(messages.RATE_MESSAGES + 2):
            messages.message_post(author=host, chat=live_chat, body=f"Welcome {number}")

    def test_moderation_hides_messages_and_mutes_people(self, host, member, moderator, live_chat):
        message = messages.message_post(author=member, chat=live_chat, body="Off topic")
        messages.message_hide(moderator=host, message=message)
        assert ChatMessage.objects.get(pk=message.pk).hidden_at is not None
        messages.participant_mute(moderator=moderator, chat=live_chat, user=member, reason="spam")
        assert ChatMute.objects.filter(chat=live_chat, user=member).exists()
        with pytest.raises(ServiceError):
            messages.participant_mute(moderator=member, chat=live_chat, user=host)
        with pytest.raises(ServiceError):
            messages.participant_mute(moderator=moderator, chat=live_chat, user=host)

    def test_ordinary_members_cannot_hide(self, member, other, live_chat):
        message = messages.message_post(author=member, chat=live_chat, body="Mine")
        with pytest.raises(ServiceError):
            messages.message_hide(moderator=other, message=message)

    def test_a_hidden_message_can_be_put_back(
        self, host, member, moderator, live_chat, django_capture_on_commit_callbacks
    ):
        message = messages.message_post(author=member, chat=live_chat, body="A1 fine after all")
        messages.message_hide(moderator=host, message=message)

        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            messages.message_unhide(moderator=moderator, message=message)

        stored = ChatMessage.objects.get(pk=message.pk)
        assert (stored.hidden_at, stored.hidden_by) == (None, None)
        assert len(callbacks) == 1  # the "unhidden" event for readers' pages

    def test_unhiding_a_message_that_is_not_hidden_changes_nothing(
        self, host, member, live_chat, django_capture_on_commit_callbacks
    ):
        message = messages.message_post(author=member, chat=live_chat, body="Visible")

        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            messages.message_unhide(moderator=host, message=message)

        assert callbacks == []
        assert ChatMessage.objects.get(pk=message.pk).hidden_at is None

    def test_ordinary_members_cannot_unhide(self, host, member, other, live_chat):
        message = messages.message_post(author=member, chat=live_chat, body="Rude")
        messages.message_hide(moderator=host, message=message)
        with pytest.raises(ServiceError):
            messages.message_unhide(moderator=member, message=message)
        assert ChatMessage.objects.get(pk=message.pk).hidden_at is not None

    def test_likes_toggle_and_count(self, member, other, live_chat):
        message = messages.message_post(author=member, chat=live_chat, body="Good idea")
        assert messages.like_toggle(user=other, message=message) is True
        assert ChatMessage.objects.get(pk=message.pk).like_count == 1
        assert messages.like_toggle(user=other, message=message) is False
        assert ChatMessage.objects.get(pk=message.pk).like_count == 0


class TestEnding:
    def test_ending_archives_links_summary_and_search(
        self, community, host, member, other, live_chat, django_capture_on_commit_callbacks
    ):
        from staffroom.search.models import SearchDocument

        with django_capture_on_commit_callbacks(execute=True):
            first = messages.message_post(
                author=member,
                chat=live_chat,
                body="A1 We use https://nrich.maths.org/ every week",
            )
            messages.like_toggle(user=other, message=first)
            hidden = messages.message_post(
                author=other, chat=live_chat, body="A1 see https://spam.example/"
            )
            messages.message_hide(moderator=host, message=hidden)
            services.chat_end(user=host, chat=live_chat)
        chat = fresh(live_chat)
        assert chat.state == "ended" and chat.archived_at is not None
        items = list(chat.links_collection.items.all())
        assert [item.url for item in items] == ["https://nrich.maths.org/"]
        assert chat.links_collection.community == community
        assert "### Q1." in chat.summary_draft and "@" in chat.summary_draft
        assert "spam.example" not in chat.summary_draft
        document = SearchDocument.objects.get(kind="chat", object_id=chat.pk)
        assert "nrich" in document.body and "spam" not in document.body
        assert document.community_id == community.pk

    def test_archiving_twice_changes_nothing(self, host, live_chat):
        from staffroom.livechat.archive import chat_archive

        services.chat_end(user=host, chat=live_chat)
        archived_at = fresh(live_chat).archived_at
        chat_archive(chat=fresh(live_chat), now=timezone.now() + timedelta(hours=1))
        assert fresh(live_chat).archived_at == archived_at

    def test_only_hosts_and_moderators_end_a_chat(self, member, live_chat):
        with pytest.raises(ServiceError):
            services.chat_end(user=member, chat=live_chat)
        assert fresh(live_chat).state == "live"

    def test_a_chat_with_no_links_gets_no_collection(self, community, steward, host):
        chat = a_live_chat(community, steward, host=host)
        services.chat_end(user=host, chat=chat)
        assert fresh(chat).links_collection is None


def test_a_new_member_after_scheduling_is_not_invited_twice(community, steward):
    chat = a_chat(community, steward)
    newcomer = a_member(community, name="Nia Newcomer")
    assert not Notification.objects.filter(user=newcomer).exists()
    assert chat.pk


def test_the_tick_command_does_one_round(community, steward, host):
    from io import StringIO

    from django.core.management import call_command

    chat = a_chat(community, steward, host=host, starts_in=timedelta(minutes=-1))
    Chat.objects.filter(pk=chat.pk).update(ends_at=timezone.now() - timedelta(seconds=1))
    out = StringIO()
    call_command("livechat_tick", stdout=out)
    assert "archived 1 chats" in out.getvalue()
    assert fresh(chat).archived_at is not None
