"""The chat pages over plain HTTP: scheduling, the live page and its forms, the archive."""

import datetime as dt
import zoneinfo
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from staffroom.core.errors import ServiceError
from staffroom.discussions.models import Thread
from staffroom.livechat import messages, notify, services
from staffroom.livechat.models import Chat, ChatLike, ChatMessage, ChatMute, ChatQuestion
from staffroom.livechat.summary import chat_link_summary
from tests.discussions.builders import a_member, a_thread
from tests.livechat.builders import QUESTIONS, a_chat, a_live_chat
from tests.pages import shown_messages, text

pytestmark = pytest.mark.django_db


def url(chat, rest: str = "") -> str:
    return f"/c/{chat.community.slug}/chats/{chat.pk}/{rest}"


def fresh(chat) -> Chat:
    return Chat.objects.select_related("community").get(pk=chat.pk)


def post(author, chat, body, **options) -> ChatMessage:
    return messages.message_post(author=author, chat=chat, body=body, **options)


def ended(chat, by) -> Chat:
    services.chat_end(user=by, chat=fresh(chat))
    return fresh(chat)


def schedule_data(**changes) -> dict:
    start = timezone.localtime(timezone.now() + timedelta(days=3), timezone.get_fixed_timezone(0))
    data = {
        "title": "Making ratio tables visible",
        "hashtag": "#msmathchat",
        "description": "Bring a task.",
        "mode": "live",
        "start_date": start.date().isoformat(),
        "start_time": "18:30",
        "host_time_zone": "Europe/Paris",
        "duration_minutes": "60",
        "duration_days": "",
        "host": "",
        "cohosts": "",
        "questions": "\n".join(QUESTIONS),
        "first_after_minutes": "5",
        "interval_minutes": "10",
    }
    data.update(changes)
    return data


# Scheduling


class TestSchedulingForm:
    def test_a_steward_sees_the_form_with_their_own_zone_and_handle(
        self, client, community, steward
    ):
        steward.profile.time_zone = "America/Chicago"
        steward.profile.save()
        client.force_login(steward)

        response = client.get(f"/c/{community.slug}/chats/new/")

        page = text(response)
        assert response.status_code == 200
        assert '<option value="America/Chicago" selected>' in page
        assert f'value="@{steward.profile.handle}"' in page

    def test_scheduling_converts_the_hosts_wall_clock_time_to_utc(
        self, client, community, steward, host, other
    ):
        client.force_login(steward)
        data = schedule_data(host=f"@{host.profile.handle}", cohosts=f"@{other.profile.handle}")

        response = client.post(f"/c/{community.slug}/chats/new/", data)

        chat = Chat.objects.get()
        assert response.status_code == 302
        assert response.url == chat.get_absolute_url()
        local = timezone.localtime(chat.starts_at, timezone=zoneinfo.ZoneInfo("Europe/Paris"))
        assert (local.hour, local.minute) == (18, 30)
        assert chat.host == host
        assert list(chat.cohosts.all()) == [other]
        assert chat.ends_at - chat.starts_at == timedelta(minutes=60)
        assert chat.questions.count() == 3

    def test_after_saving_the_chat_page_shows_each_questions_planned_time(
        self, client, community, steward
    ):
        client.force_login(steward)
        data = schedule_data(host=f"@{steward.profile.handle}")
        client.post(f"/c/{community.slug}/chats/new/", data)
        chat = Chat.objects.get()

        page = text(client.get(chat.get_absolute_url()))

        assert page.count("Planned for") == 3
        assert "Which task first convinced" in page

    def test_a_slow_chat_lasts_whole_days(self, client, community, steward):
        client.force_login(steward)
        data = schedule_data(
            mode="slow", duration_days="4", duration_minutes="", host=f"@{steward.profile.handle}"
        )

        client.post(f"/c/{community.slug}/chats/new/", data)

        chat = Chat.objects.get()
        assert chat.duration == timedelta(days=4)
        assert list(chat.questions.values_list("planned_at", flat=True)) == [
            chat.starts_at + timedelta(days=day) for day in range(3)
        ]

    @pytest.mark.parametrize(
        ("changes", "field", "message"),
        [
            ({"title": ""}, "title", "This field is required."),
            ({"hashtag": "#two words"}, "hashtag", "A hashtag is one word"),
            ({"start_date": "2001-01-01"}, "start_date", "Choose a start time in the future."),
            ({"duration_minutes": "600"}, "duration_minutes", "A live chat lasts 15 to 240"),
            ({"questions": "   \n  "}, "questions", "This field is required."),
            ({"questions": "\n".join(f"Q{n}?" for n in range(25))}, "questions", "at most 20"),
            ({"host": "@nobody_here"}, "host", "There is no member with the handle"),
            ({"cohosts": "@ghost_1"}, "cohosts", "There is no member with the handle"),
            ({"host_time_zone": "Mars/Olympus"}, "host_time_zone", "Select a valid choice"),
            ({"first_after_minutes": "500"}, "first_after_minutes", "0 to 120 minutes"),
            ({"start_time": "25:99"}, "start_time", "Enter a valid time."),
        ],
    )
    def test_bad_input_shows_a_field_error_and_creates_nothing(
        self, client, community, steward, changes, field, message
    ):
        client.force_login(steward)
        data = schedule_data(**{"host": f"@{steward.profile.handle}", **changes})

        response = client.post(f"/c/{community.slug}/chats/new/", data)

        assert response.status_code == 200
        assert message in text(response)
        assert field in response.context["form"].errors
        assert not Chat.objects.exists()

    def test_a_script_of_only_blank_lines_is_refused_by_the_service(
        self, client, community, steward
    ):
        client.force_login(steward)
        data = schedule_data(host=f"@{steward.profile.handle}", questions="Q1.\nQ2:")

        response = client.post(f"/c/{community.slug}/chats/new/", data)

        assert "Write at least one question" in text(response)
        assert not Chat.objects.exists()

    def test_a_host_who_is_not_a_member_is_refused(self, client, community, steward, outsider):
        client.force_login(steward)
        data = schedule_data(host=f"@{outsider.profile.handle}")

        response = client.post(f"/c/{community.slug}/chats/new/", data)

        assert "The host must be an active member" in text(response)
        assert not Chat.objects.exists()

    def test_a_time_skipped_by_daylight_saving_is_refused(self, client, community, steward):
        client.force_login(steward)
        # The last Sunday of next March, when Paris jumps from 02:00 to 03:00.
        year = timezone.now().year + 1
        sunday = max(
            dt.date(year, 3, day) for day in range(25, 32) if dt.date(year, 3, day).weekday() == 6
        )
        data = schedule_data(
            host=f"@{steward.profile.handle}", start_date=sunday.isoformat(), start_time="02:30"
        )

        response = client.post(f"/c/{community.slug}/chats/new/", data)

        assert "does not exist in Europe/Paris" in text(response)
        assert not Chat.objects.exists()

    def test_members_cannot_open_the_form(self, client, community, member):
        client.force_login(member)

        assert client.get(f"/c/{community.slug}/chats/new/").status_code == 404
        assert client.post(f"/c/{community.slug}/chats/new/", schedule_data()).status_code == 404
        assert not Chat.objects.exists()


class TestEditAndCancel:
    def test_editing_moves_the_chat_and_replans_its_questions(
        self, client, scheduled_chat, steward, host
    ):
        client.force_login(steward)
        form = client.get(url(scheduled_chat, "edit/")).context["form"]
        data = {
            name: (value.isoformat() if hasattr(value, "isoformat") else value)
            for name, value in form.initial.items()
        }
        data.update(title="Renamed", start_time="20:00", interval_minutes="15")

        response = client.post(url(scheduled_chat, "edit/"), {k: v or "" for k, v in data.items()})

        chat = fresh(scheduled_chat)
        assert response.status_code == 302
        assert chat.title == "Renamed"
        planned = list(chat.questions.values_list("planned_at", flat=True))
        assert planned[1] - planned[0] == timedelta(minutes=15)

    def test_the_edit_form_is_prefilled_with_the_chat(self, client, scheduled_chat, steward, host):
        client.force_login(steward)

        form = client.get(url(scheduled_chat, "edit/")).context["form"]

        assert form.initial["title"] == scheduled_chat.title
        assert form.initial["host"] == f"@{host.profile.handle}"
        assert form.initial["questions"].splitlines() == QUESTIONS

    def test_a_live_chat_cannot_be_edited(self, client, live_chat, steward):
        client.force_login(steward)

        assert client.get(url(live_chat, "edit/")).status_code == 404

    def test_cancelling_asks_first_then_marks_the_chat_cancelled(
        self, client, scheduled_chat, steward
    ):
        client.force_login(steward)

        confirm = client.get(url(scheduled_chat, "cancel/"))
        response = client.post(url(scheduled_chat, "cancel/"))

        assert "Cancel this chat?" in text(confirm)
        assert response.status_code == 302
        assert fresh(scheduled_chat).cancelled_at is not None
        assert "This chat was cancelled." in text(client.get(url(scheduled_chat)))

    def test_a_member_cannot_cancel(self, client, scheduled_chat, member):
        client.force_login(member)

        assert client.post(url(scheduled_chat, "cancel/")).status_code == 404
        assert fresh(scheduled_chat).cancelled_at is None


# Lists


class TestList:
    def test_the_list_shows_live_upcoming_and_past_chats(self, client, community, steward, host):
        live = a_live_chat(community, steward, host=host, title="Happening now")
        a_chat(community, steward, host=host, title="Next week", starts_in=timedelta(days=7))
        past = a_live_chat(community, steward, host=host, title="Last time")
        ended(past, steward)

        page = text(client.get(f"/c/{community.slug}/chats/"))

        assert page.index("Happening now") < page.index("Next week") < page.index("Last time")
        assert "Live now" in page
        assert url(live) in page
        assert url(past, "transcript/") in page
        assert "Schedule a chat" not in page

    def test_stewards_get_the_schedule_link(self, client, community, steward):
        client.force_login(steward)

        assert "Schedule a chat" in text(client.get(f"/c/{community.slug}/chats/"))

    def test_the_community_page_links_to_its_chats(self, client, community):
        page = text(client.get(f"/c/{community.slug}/"))

        assert f'href="/c/{community.slug}/chats/"' in page

    def test_htmx_gets_only_the_coming_chats(self, client, community, steward, host):
        a_chat(community, steward, host=host, title="Next week", starts_in=timedelta(days=7))

        response = client.get(f"/c/{community.slug}/chats/", HTTP_HX_REQUEST="true")

        assert "Next week" in text(response)
        assert "<html" not in text(response)

    def test_the_list_costs_the_same_for_three_chats_as_for_thirty(
        self, client, community, steward, host
    ):
        def count_for(n: int) -> int:
            Chat.objects.all().delete()
            for _ in range(n):
                a_chat(community, steward, host=host, starts_in=timedelta(days=2))
                a_chat(community, steward, host=host, starts_in=timedelta(minutes=-1))
            with CaptureQueriesContext(connection) as queries:
                assert client.get(f"/c/{community.slug}/chats/").status_code == 200
            return len(queries)

        client.force_login(steward)
        assert count_for(3) == count_for(30)


# The chat page


class TestChatPage:
    def test_it_shows_the_chat_and_times_in_the_viewers_zone(self, client, live_chat, member):
        member.profile.time_zone = "Asia/Tokyo"
        member.profile.save()
        client.force_login(member)

        response = client.get(url(live_chat))

        page = text(response)
        local = timezone.localtime(live_chat.starts_at, zoneinfo.ZoneInfo("Asia/Tokyo"))
        assert f"#{live_chat.hashtag}" in page
        assert "Live now" in page
        assert "Hosted by Hana Host" in page
        assert f"{local:%-I}:{local:%M}" in page
        assert "host's time:" in page and "Europe/Paris" in page
        assert url(live_chat, "chat.ics") in page
        assert 'aria-label="Chat messages"' in page
        assert "Your message" in page

    def test_participants_see_released_questions_only(self, client, live_chat, member):
        client.force_login(member)

        page = text(client.get(url(live_chat)))

        assert QUESTIONS[0] in page
        assert QUESTIONS[1] not in page
        assert QUESTIONS[2] not in page
        assert "2 more questions to come." in page

    def test_hosts_see_the_whole_script_with_planned_times(self, client, live_chat, host):
        client.force_login(host)

        page = text(client.get(url(live_chat)))

        assert all(question in page for question in QUESTIONS)
        assert "Release next question" in page
        assert "End chat now" in page

    def test_a_scheduled_chat_hides_every_question_from_members(
        self, client, scheduled_chat, member
    ):
        client.force_login(member)

        page = text(client.get(url(scheduled_chat)))

        assert not any(question in page for question in QUESTIONS)
        assert "3 more questions to come." in page
        assert "Your message" not in page

    def test_the_page_releases_questions_that_are_due(self, client, community, steward, host):
        chat = a_chat(community, steward, host=host, starts_in=timedelta(minutes=-1))
        ChatQuestion.objects.filter(chat=chat, number=1).update(
            planned_at=timezone.now() - timedelta(seconds=5)
        )

        client.get(url(chat))

        assert fresh(chat).current_question == 1

    def test_messages_are_shown_oldest_first_with_their_answer_tags(
        self, client, live_chat, member, other
    ):
        post(member, live_chat, "First thoughts")
        post(other, live_chat, "Second thoughts")

        page = text(client.get(url(live_chat)))

        assert page.index("First thoughts") < page.index("Second thoughts")
        assert ">A1<" in page

    def test_hidden_messages_are_gone_for_members_and_marked_for_moderators(
        self, client, live_chat, member, moderator
    ):
        message = post(member, live_chat, "Something unkind")
        messages.message_hide(moderator=moderator, message=message)

        client.force_login(member)
        as_member = text(client.get(url(live_chat)))
        client.force_login(moderator)
        as_moderator = text(client.get(url(live_chat)))

        assert "Something unkind" not in as_member
        assert "Something unkind" in as_moderator
        assert "Hidden by a moderator" in as_moderator

    def test_members_get_no_moderator_controls(self, client, live_chat, member, other):
        post(other, live_chat, "Hello")
        client.force_login(member)

        page = text(client.get(url(live_chat)))

        assert "Mute for this chat" not in page.split('data-label-mute="')[1].split('"', 1)[1]
        assert "Release next question" not in page
        assert "End chat now" not in page

    def test_anonymous_readers_see_the_stream_and_a_sign_in_link(self, client, live_chat, member):
        post(member, live_chat, "Hello all")

        page = text(client.get(url(live_chat)))

        assert "Hello all" in page
        assert "Sign in and join the community to take part." in page
        assert 'name="body"' not in page

    def test_a_reply_link_fills_the_composer(self, client, live_chat, member, other):
        message = post(other, live_chat, "What about tape diagrams?")
        client.force_login(member)

        page = text(client.get(url(live_chat, f"?reply_to={message.pk}")))

        assert "Replying to Olu Other" in page
        assert f'name="reply_to" value="{message.pk}"' in page

    def test_after_the_end_the_page_links_to_the_transcript(self, client, live_chat, host):
        chat = ended(live_chat, host)

        page = text(client.get(url(chat)))

        assert "This chat is over." in page
        assert url(chat, "transcript/") in page
        assert 'name="body"' not in page

    @pytest.mark.parametrize("viewer", ["member", "moderator"])
    def test_the_page_costs_the_same_for_three_messages_as_for_thirty(
        self, request, client, community, steward, host, viewer
    ):
        user = request.getfixturevalue(viewer)
        chat = a_live_chat(community, steward, host=host)
        authors = [a_member(community) for _ in range(5)]
        client.force_login(user)

        def queries_with(total: int) -> int:
            while ChatMessage.objects.filter(chat=chat).count() < total:
                n = ChatMessage.objects.filter(chat=chat).count()
                first = ChatMessage.objects.filter(chat=chat).first()
                cache.clear()  # the rate limit is not under test
                post(authors[n % 5], chat, f"Answer {n}", reply_to=first if n % 3 else None)
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url(chat)).status_code == 200
            return len(queries)

        cache.clear()
        few = queries_with(3)
        cache.clear()
        many = queries_with(30)
        assert few == many


# Posting with the plain form


class TestPosting:
    def test_a_member_posts_and_is_sent_back_to_their_message(self, client, live_chat, member):
        client.force_login(member)

        response = client.post(url(live_chat, "post/"), {"body": "We use double number lines"})

        message = ChatMessage.objects.get()
        assert response.status_code == 302
        assert response.url == url(live_chat) + f"#m{message.pk}"
        assert message.question.number == 1
        assert message.author == member

    def test_an_a_prefix_tags_the_answer_and_is_removed(self, client, live_chat, member, host):
        services.question_release(user=host, chat=fresh(live_chat))
        client.force_login(member)

        client.post(url(live_chat, "post/"), {"body": "A1: tape diagrams", "question": "2"})

        message = ChatMessage.objects.get()
        assert message.question.number == 1
        assert message.body == "tape diagrams"

    def test_the_question_select_tags_the_answer(self, client, live_chat, member, host):
        services.question_release(user=host, chat=fresh(live_chat))
        client.force_login(member)

        client.post(url(live_chat, "post/"), {"body": "Late thought", "question": "1"})

        assert ChatMessage.objects.get().question.number == 1

    def test_a_reply_goes_under_its_message(self, client, live_chat, member, other):
        first = post(other, live_chat, "Start here")
        client.force_login(member)

        client.post(url(live_chat, "post/"), {"body": "Agreed", "reply_to": str(first.pk)})

        reply = ChatMessage.objects.get(body="Agreed")
        assert reply.reply_to == first
        assert reply.question == first.question

    def test_an_unreleased_question_is_refused_and_the_text_is_kept(
        self, client, live_chat, member
    ):
        client.force_login(member)

        response = client.post(url(live_chat, "post/"), {"body": "Too early", "question": "3"})
        page = text(client.get(response.url))

        assert shown_messages(response) == ["Q3 has not been asked yet."]
        assert not ChatMessage.objects.exists()
        assert "Too early</textarea>" in page

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"body": ""}, "Write something first."),
            ({"body": "x" * 1001}, "Keep a chat message under 1,000 characters"),
            ({"body": "A9 nine"}, "There is no Q9 in this chat."),
            ({"body": "hi", "question": "two"}, "Choose a question from the list."),
            ({"body": "hi", "reply_to": "99999"}, "That message is no longer in the chat."),
            ({"body": "hi", "reply_to": "-1"}, "That message is no longer in the chat."),
        ],
    )
    def test_bad_messages_are_refused_with_a_reason(self, client, live_chat, member, data, message):
        client.force_login(member)

        response = client.post(url(live_chat, "post/"), data)

        assert response.status_code == 302
        assert any(message in shown for shown in shown_messages(response))
        assert not ChatMessage.objects.exists()

    def test_flooding_is_refused_past_the_rate(self, client, live_chat, member):
        client.force_login(member)

        for n in range(messages.RATE_MESSAGES):
            client.post(url(live_chat, "post/"), {"body": f"Message {n}"})
        response = client.post(url(live_chat, "post/"), {"body": "One too many"})

        assert shown_messages(response) == [
            "You are posting very fast; wait a few seconds and try again."
        ]
        assert ChatMessage.objects.count() == messages.RATE_MESSAGES

    def test_a_muted_member_is_refused(self, client, live_chat, member, host):
        messages.participant_mute(moderator=host, chat=fresh(live_chat), user=member)
        client.force_login(member)

        response = client.post(url(live_chat, "post/"), {"body": "Let me speak"})
        page = text(client.get(url(live_chat)))

        assert shown_messages(response) == ["A host muted you for the rest of this chat."]
        assert not ChatMessage.objects.exists()
        assert "A host muted you" in page
        assert 'name="body"' not in page

    def test_a_banned_member_is_refused(self, client, live_chat, banned):
        client.force_login(banned)

        response = client.post(url(live_chat, "post/"), {"body": "Still here"})

        assert shown_messages(response) == ["You cannot post in this community."]
        assert not ChatMessage.objects.exists()

    def test_a_non_member_is_refused(self, client, live_chat, outsider):
        client.force_login(outsider)

        response = client.post(url(live_chat, "post/"), {"body": "Hello?"})

        assert shown_messages(response) == ["Join the community to take part."]
        assert not ChatMessage.objects.exists()

    def test_anonymous_posting_goes_to_sign_in(self, client, live_chat):
        response = client.post(url(live_chat, "post/"), {"body": "Hello?"})

        assert response.status_code == 302
        assert response.url.startswith("/accounts/login/")
        assert not ChatMessage.objects.exists()

    def test_posting_in_a_scheduled_chat_is_refused(self, client, scheduled_chat, member):
        client.force_login(member)

        response = client.post(url(scheduled_chat, "post/"), {"body": "Early bird"})

        assert shown_messages(response) == ["The chat has not started yet."]

    def test_get_is_not_allowed(self, client, live_chat, member):
        client.force_login(member)

        assert client.get(url(live_chat, "post/")).status_code == 405


# Host and moderator forms


class TestHostForms:
    def test_the_host_releases_the_next_question(self, client, live_chat, host):
        client.force_login(host)

        response = client.post(url(live_chat, "release/"))

        assert shown_messages(response) == ["Q2 is out."]
        assert fresh(live_chat).current_question == 2

    def test_a_member_cannot_release(self, client, live_chat, member):
        client.force_login(member)

        response = client.post(url(live_chat, "release/"))

        assert shown_messages(response) == [
            "Only the chat's hosts and moderators release questions."
        ]
        assert fresh(live_chat).current_question == 1

    def test_releasing_past_the_last_question_says_so(self, client, live_chat, host):
        client.force_login(host)
        client.post(url(live_chat, "release/"))
        client.post(url(live_chat, "release/"))

        response = client.post(url(live_chat, "release/"))

        assert shown_messages(response)[-1] == "Every question is already out."

    def test_the_host_ends_the_chat_and_lands_on_the_transcript(self, client, live_chat, host):
        client.force_login(host)

        response = client.post(url(live_chat, "end/"))

        assert response.url == url(live_chat, "transcript/")
        assert fresh(live_chat).archived_at is not None

    def test_a_member_cannot_end_the_chat(self, client, live_chat, member):
        client.force_login(member)

        response = client.post(url(live_chat, "end/"))

        assert shown_messages(response) == ["Only the chat's hosts and moderators end it."]
        assert fresh(live_chat).archived_at is None

    def test_a_moderator_hides_a_message(self, client, live_chat, moderator, member):
        message = post(member, live_chat, "Off topic")
        client.force_login(moderator)

        response = client.post(url(live_chat, f"m/{message.pk}/hide/"))

        assert shown_messages(response) == ["The message is hidden."]
        message.refresh_from_db()
        assert message.hidden_at is not None

    def test_a_member_cannot_hide(self, client, live_chat, member, other):
        message = post(other, live_chat, "Fine message")
        client.force_login(member)

        response = client.post(url(live_chat, f"m/{message.pk}/hide/"))

        assert shown_messages(response) == ["Only hosts and moderators hide messages."]
        message.refresh_from_db()
        assert message.hidden_at is None

    def test_a_moderator_puts_a_hidden_message_back(self, client, live_chat, moderator, member):
        message = post(member, live_chat, "Misjudged at first")
        messages.message_hide(moderator=moderator, message=message)
        client.force_login(moderator)
        page = client.get(url(live_chat))
        unhide = f'action="{url(live_chat, f"m/{message.pk}/unhide/")}"'
        assert unhide in page.content.decode()
        # One for this message, one in the template for messages hidden while the page is open.
        assert page.content.decode().count("/unhide/") == 2
        assert url(live_chat, "m/0/unhide/") in page.content.decode()

        response = client.post(url(live_chat, f"m/{message.pk}/unhide/"))

        assert response.url == url(live_chat) + f"#m{message.pk}"
        assert shown_messages(response) == ["The message is back in the chat."]
        client.force_login(member)
        assert "Misjudged at first" in text(client.get(url(live_chat)))

    def test_a_member_cannot_unhide(self, client, live_chat, moderator, member, other):
        message = post(other, live_chat, "Rightly hidden")
        messages.message_hide(moderator=moderator, message=message)
        client.force_login(member)

        assert "/unhide/" not in client.get(url(live_chat)).content.decode()
        response = client.post(url(live_chat, f"m/{message.pk}/unhide/"))

        assert shown_messages(response) == ["Only hosts and moderators hide messages."]
        message.refresh_from_db()
        assert message.hidden_at is not None

    def test_unhide_is_post_only_and_404_for_an_unknown_message(self, client, live_chat, moderator):
        client.force_login(moderator)

        assert client.get(url(live_chat, "m/1/unhide/")).status_code == 405
        assert client.post(url(live_chat, "m/999999/unhide/")).status_code == 404

    def test_a_message_of_another_chat_is_404(self, client, community, steward, host, moderator):
        first = a_live_chat(community, steward, host=host)
        second = a_live_chat(community, steward, host=host)
        message = post(host, first, "In the first chat")
        client.force_login(moderator)

        response = client.post(url(second, f"m/{message.pk}/hide/"))

        assert response.status_code == 404

    def test_the_host_mutes_a_participant(self, client, live_chat, host, member):
        client.force_login(host)

        response = client.post(url(live_chat, "mute/"), {"user": str(member.pk)})

        assert shown_messages(response) == ["Mia Member is muted for the rest of this chat."]
        assert ChatMute.objects.filter(chat=live_chat, user=member).exists()

    @pytest.mark.parametrize("value", ["", "abc", "0", "99999999999999"])
    def test_muting_nobody_says_so(self, client, live_chat, host, value):
        client.force_login(host)

        response = client.post(url(live_chat, "mute/"), {"user": value})

        assert shown_messages(response) == ["There is no such participant."]
        assert not ChatMute.objects.exists()

    def test_a_member_cannot_mute(self, client, live_chat, member, other):
        client.force_login(member)

        response = client.post(url(live_chat, "mute/"), {"user": str(other.pk)})

        assert shown_messages(response) == ["Only hosts and moderators mute participants."]
        assert not ChatMute.objects.exists()

    def test_liking_twice_takes_the_like_back(self, client, live_chat, member, other):
        message = post(other, live_chat, "Nice idea")
        client.force_login(member)

        client.post(url(live_chat, f"m/{message.pk}/like/"))
        liked = ChatLike.objects.count()
        page = text(client.get(url(live_chat)))
        client.post(url(live_chat, f"m/{message.pk}/like/"))

        assert liked == 1
        assert 'aria-pressed="true"' in page
        assert ChatLike.objects.count() == 0

    def test_an_outsider_cannot_like(self, client, live_chat, outsider, other):
        message = post(other, live_chat, "Nice idea")
        client.force_login(outsider)

        response = client.post(url(live_chat, f"m/{message.pk}/like/"))

        assert shown_messages(response) == ["Join the community to like messages."]
        assert not ChatLike.objects.exists()


# Polling


class TestPoll:
    def test_it_returns_only_messages_after_the_given_id(self, client, live_chat, member):
        old = post(member, live_chat, "Old news")
        post(member, live_chat, "Fresh news")

        response = client.get(
            url(live_chat, f"messages/?after={old.pk}&q=1"), HTTP_HX_REQUEST="true"
        )

        page = text(response)
        assert "Fresh news" in page
        assert "Old news" not in page
        assert "<html" not in page
        assert response["Cache-Control"] == "no-store"

    def test_it_brings_newly_released_questions_and_the_next_poll(
        self, client, live_chat, member, host
    ):
        services.question_release(user=host, chat=fresh(live_chat))
        last = post(member, live_chat, "A2 yes")

        page = text(
            client.get(url(live_chat, f"messages/?after={last.pk}&q=1"), HTTP_HX_REQUEST="true")
        )

        assert QUESTIONS[1] in page
        assert f'"after": {last.pk}, "q": 2' in page
        assert 'hx-trigger="every 5s"' in page

    def test_it_removes_recently_hidden_messages(self, client, live_chat, member, moderator):
        message = post(member, live_chat, "Oops")
        messages.message_hide(moderator=moderator, message=message)

        page = text(
            client.get(url(live_chat, f"messages/?after={message.pk}&q=1"), HTTP_HX_REQUEST="true")
        )

        assert f'id="m{message.pk}" hx-swap-oob="delete"' in page

    def test_after_the_end_it_stops_and_shows_the_banner(self, client, live_chat, host):
        chat = ended(live_chat, host)

        page = text(client.get(url(chat, "messages/?after=0&q=1"), HTTP_HX_REQUEST="true"))

        assert "every 5s" not in page
        assert url(chat, "transcript/") in page

    @pytest.mark.parametrize("after", ["", "abc", "-5", "1e9", "99999999999999999999"])
    def test_bad_numbers_mean_from_the_start(self, client, live_chat, member, after):
        post(member, live_chat, "Everything")

        response = client.get(url(live_chat, f"messages/?after={after}&q={after}"))

        assert response.status_code == 200
        assert "Everything" in text(response)

    def test_without_htmx_it_is_a_page_of_its_own(self, client, live_chat, member):
        post(member, live_chat, "Visible")

        page = text(client.get(url(live_chat, "messages/?after=0")))

        assert "<html" in page
        assert "New messages" in page
        assert "Visible" in page


# The latecomer view and the transcript


def a_conversation(chat, host, member, other) -> dict:
    """Q1 with an answer and a reply, talk before Q1 is not possible (Q1 is out), Q2 …"""
    a1 = post(member, chat, "Ratio tables on the wall")
    reply = post(other, chat, "Love that", reply_to=a1)
    nested = post(member, chat, "Thanks!", reply_to=reply)
    services.question_release(user=host, chat=fresh(chat))
    a2 = post(other, chat, "A2 the recipe task")
    late = post(member, chat, "A1 also number lines")
    return {"a1": a1, "reply": reply, "nested": nested, "a2": a2, "late": late}


class TestGroupedViews:
    def test_the_latecomer_view_groups_answers_and_replies_by_question(
        self, client, live_chat, host, member, other
    ):
        a_conversation(live_chat, host, member, other)

        page = text(client.get(url(live_chat, "by-question/")))

        q1 = page.index(">Q1</h2>")
        q2 = page.index(">Q2</h2>")
        assert q1 < page.index("Ratio tables on the wall") < page.index("Love that")
        assert page.index("Love that") < page.index("Thanks!") < page.index("also number lines")
        assert page.index("also number lines") < q2 < page.index("the recipe task")
        assert "Replies to Mia Member" in page

    def test_untagged_talk_has_its_own_group(self, client, community, steward, host, member):
        chat = a_live_chat(community, steward, host=host, first_after_minutes=30)
        post(member, chat, "Hello everyone")

        page = text(client.get(url(chat, "by-question/")))

        assert "Before the first question, or not tagged" in page
        assert "Hello everyone" in page

    def test_the_transcript_waits_for_the_end(self, client, live_chat):
        response = client.get(url(live_chat, "transcript/"))

        assert response.status_code == 302
        assert response.url == url(live_chat)

    def test_the_transcript_groups_by_question_and_counts(
        self, client, live_chat, host, member, other
    ):
        parts = a_conversation(live_chat, host, member, other)
        messages.message_hide(moderator=host, message=parts["late"])
        chat = ended(live_chat, host)

        page = text(client.get(url(chat, "transcript/")))

        assert page.index(">Q1</h2>") < page.index("Love that") < page.index(">Q2</h2>")
        assert "also number lines" not in page
        assert "2 participants" in page and "4 messages" in page
        assert "Mia Member" in page and "Olu Other" in page
        assert url(chat, "transcript.md") in page and url(chat, "transcript.csv") in page
        assert "Write the summary thread" not in page

    def test_moderators_see_hidden_messages_marked_in_the_transcript(
        self, client, live_chat, host, member, moderator
    ):
        message = post(member, live_chat, "Hidden later")
        messages.message_hide(moderator=host, message=message)
        chat = ended(live_chat, host)
        client.force_login(moderator)

        page = text(client.get(url(chat, "transcript/")))

        assert "Hidden later" in page
        assert "Hidden by a moderator" in page

    def test_the_transcript_links_the_collection_of_shared_links(
        self, client, live_chat, host, member
    ):
        post(member, live_chat, "See https://example.org/ratio")
        chat = ended(live_chat, host)

        page = text(client.get(url(chat, "transcript/")))

        if chat.links_collection_id:
            assert f"/collections/{chat.links_collection_id}/" in page
        else:
            assert "https://example.org/ratio" in page

    @pytest.mark.parametrize("view", ["by-question/", "transcript/"])
    def test_grouped_pages_cost_the_same_for_three_messages_as_for_thirty(
        self, client, community, steward, host, view
    ):
        authors = [a_member(community) for _ in range(5)]

        def queries_for(total: int) -> int:
            chat = a_live_chat(community, steward, host=host)
            for n in range(total):
                cache.clear()
                post(authors[n % 5], chat, f"Answer {n}")
            if view == "transcript/":
                chat = ended(chat, host)
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url(chat, view)).status_code == 200
            return len(queries)

        client.force_login(host)
        assert queries_for(3) == queries_for(30)


class TestSummary:
    def test_the_host_posts_the_summary_once(self, client, live_chat, host, member):
        post(member, live_chat, "A1 Ratio tables")
        chat = ended(live_chat, host)
        client.force_login(host)

        form = client.get(url(chat, "summary/"))
        space = chat.community.spaces.first()
        response = client.post(
            url(chat, "summary/"),
            {"space": str(space.pk), "title": "Our chat", "body": "What we learned."},
        )
        again = client.post(
            url(chat, "summary/"),
            {"space": str(space.pk), "title": "Twice", "body": "Again."},
        )

        thread = Thread.objects.get()
        assert form.context["form"].initial["title"] == (f"Summary: #{chat.hashtag} – {chat.title}")
        assert "Ratio tables" in form.context["form"].initial["body"]
        assert response.status_code == 302
        assert response.url == thread.get_absolute_url()
        assert fresh(chat).summary_thread == thread
        assert again.status_code == 200
        assert "The summary of this chat is posted" in text(again)
        assert Thread.objects.count() == 1

    def test_the_transcript_offers_the_summary_to_the_host(self, client, live_chat, host):
        chat = ended(live_chat, host)
        client.force_login(host)

        assert "Write the summary thread" in text(client.get(url(chat, "transcript/")))

    def test_bad_input_keeps_the_form_and_posts_nothing(self, client, live_chat, host):
        chat = ended(live_chat, host)
        client.force_login(host)

        response = client.post(url(chat, "summary/"), {"space": "999", "title": "", "body": ""})

        assert response.status_code == 200
        assert set(response.context["form"].errors) == {"space", "title", "body"}
        assert not Thread.objects.exists()

    def test_members_cannot_post_the_summary(self, client, live_chat, host, member):
        chat = ended(live_chat, host)
        client.force_login(member)

        assert client.get(url(chat, "summary/")).status_code == 404
        assert client.post(url(chat, "summary/"), {"title": "x", "body": "y"}).status_code == 404
        assert not Thread.objects.exists()

    def test_there_is_no_summary_before_the_end(self, client, live_chat, host):
        client.force_login(host)

        assert client.get(url(live_chat, "summary/")).status_code == 404


class TestNotificationWording:
    def test_the_inbox_words_chat_invitations_and_reminders(
        self, client, community, steward, host, member, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            chat = a_chat(community, steward, host=host)
        notify.notify_reminder(chat_id=chat.pk)
        client.force_login(member)

        page = text(client.get("/notifications/"))

        assert "Hana Host scheduled a live chat:" in page
        assert "Starting soon:" in page
        assert page.count(f'href="{chat.get_absolute_url()}"') == 2


class TestLinkSummaryService:
    def test_only_hosts_and_moderators_link_a_summary(self, live_chat, host, member):

        chat = ended(live_chat, host)
        thread = a_thread(chat.community, member)

        with pytest.raises(ServiceError) as refused:
            chat_link_summary(user=member, chat=chat, thread=thread)

        assert refused.value.code == "forbidden"
        assert fresh(chat).summary_thread is None

    def test_a_summary_is_linked_once(self, live_chat, host):

        chat = ended(live_chat, host)
        first, second = a_thread(chat.community, host), a_thread(chat.community, host)
        chat_link_summary(user=host, chat=chat, thread=first)

        with pytest.raises(ServiceError) as refused:
            chat_link_summary(user=host, chat=fresh(chat), thread=second)

        assert refused.value.code == "already_posted"
        assert fresh(chat).summary_thread == first
