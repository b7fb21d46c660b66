"""The chat socket through the real ASGI stack: origin check, session auth, access, frames."""

import asyncio
from datetime import timedelta

import pytest
from asgiref.testing import ApplicationCommunicator
from django.utils import timezone

from staffroom.asgi import application
from staffroom.communities.models import MembershipState, Role
from staffroom.communities.services import membership_ban
from staffroom.core import memo
from staffroom.livechat import consumers, dbthread, messages, services
from staffroom.livechat import hub as hub_module
from staffroom.livechat.models import ChatMessage, ChatMute, ChatQuestion
from tests.discussions.builders import a_member
from tests.factories.accounts import UserFactory
from tests.livechat.builders import a_live_chat
from tests.livechat.sockets import WAIT, Socket, chat_path, db, run, session_cookie

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def quick_presence(monkeypatch):
    # Presence updates are rate-limited to one per two seconds in production.
    monkeypatch.setattr(hub_module, "PRESENCE_EVERY", 0.05)


def cookie(user) -> str | None:
    return session_cookie(user) if user is not None else None


def stored(chat) -> int:
    return ChatMessage.objects.filter(chat=chat).count()


# ---------------------------------------------------------------- who may connect


@pytest.mark.parametrize(
    ("who", "can_post", "can_moderate"),
    [
        ("anonymous", False, False),
        ("outsider", False, False),
        ("member", True, False),
        ("banned", False, False),
        ("moderator", True, True),
        ("host", True, True),
    ],
)
def test_everyone_may_listen_to_a_public_communitys_chat(
    request, live_chat, who, can_post, can_moderate
):
    user = None if who == "anonymous" else request.getfixturevalue(who)
    header = cookie(user)

    async def scenario():
        async with Socket(chat_path(live_chat), header) as socket:
            assert socket.hello["state"] == "live"
            assert socket.hello["current_question"] == 1
            assert socket.hello["can_post"] is can_post
            assert socket.hello["can_moderate"] is can_moderate
            assert socket.hello["me"] == (user.pk if user else None)

    run(scenario)


@pytest.fixture
def private_people(private_community):
    return {
        "member": a_member(private_community, name="Pat Private"),
        "moderator": a_member(private_community, role=Role.MODERATOR, name="Mod Private"),
        "host": a_member(private_community, name="Hal Host"),
        "banned": a_member(private_community, state=MembershipState.BANNED, name="Ban Private"),
        "pending": a_member(private_community, state=MembershipState.PENDING, name="Pen Private"),
        "outsider": UserFactory(display_name="Out Sider"),
        "anonymous": None,
    }


@pytest.fixture
def private_chat(private_community, steward, private_people):
    return a_live_chat(private_community, steward, host=private_people["host"])


@pytest.mark.parametrize("who", ["anonymous", "outsider", "banned", "pending"])
def test_a_members_only_chat_refuses_everyone_but_members(private_chat, private_people, who):
    header = cookie(private_people[who])

    async def scenario():
        assert await Socket(chat_path(private_chat), header).refused() == 4403

    run(scenario)


@pytest.mark.parametrize("who", ["member", "moderator", "host"])
def test_a_members_only_chat_lets_its_members_in(private_chat, private_people, who):
    header = cookie(private_people[who])

    async def scenario():
        async with Socket(chat_path(private_chat), header) as socket:
            assert socket.hello["can_post"] is True
            assert socket.hello["can_run"] is (who != "member")

    run(scenario)


def test_a_missing_chat_is_refused_like_a_private_one(member):
    header = cookie(member)

    async def scenario():
        assert await Socket("/ws/chats/987654/", header).refused() == 4403

    run(scenario)


@pytest.mark.parametrize("origin", ["http://evil.example", None])
def test_a_socket_from_another_site_or_without_origin_is_refused(live_chat, member, origin):
    header = cookie(member)

    async def scenario():
        await Socket(chat_path(live_chat), header, origin=origin).refused()

    run(scenario)


# ---------------------------------------------------------------- posting


def test_an_answer_reaches_every_connected_client_tagged_to_its_question(live_chat, member, other):
    poster_cookie, listener_cookie = cookie(member), cookie(other)

    async def scenario():
        async with (
            Socket(chat_path(live_chat), listener_cookie) as listener,
            Socket(chat_path(live_chat), None) as anonymous,
            Socket(chat_path(live_chat), poster_cookie) as poster,
        ):
            answer = await poster.answer(
                {"type": "post", "body": "A1 Ratio tables on the wall", "ref": "c1"}
            )
            assert answer["type"] == "ok", answer
            assert answer["ref"] == "c1"
            for socket in (listener, anonymous, poster):
                event = await socket.expect("message", id=answer["id"])
                assert event["question"] == 1
                assert event["author"] == member.pk
                assert event["ref"] == "c1"  # the poster matches it to what it sent
                assert "Ratio tables on the wall" in event["html"]
                assert "A1 Ratio" not in event["html"]  # the prefix became the tag

    run(scenario)
    message = ChatMessage.objects.get()
    assert (message.question.number, message.body) == (1, "Ratio tables on the wall")


@pytest.mark.parametrize("who", ["anonymous", "outsider", "banned"])
def test_who_may_not_post_gets_an_error_frame_and_nothing_is_stored(request, live_chat, who):
    header = cookie(None if who == "anonymous" else request.getfixturevalue(who))

    async def scenario():
        async with Socket(chat_path(live_chat), header) as socket:
            reply = await socket.answer({"type": "post", "body": "A1 let me in", "ref": "x"})
            assert reply["type"] == "error"
            assert reply["code"] == "forbidden"
            assert reply["ref"] == "x"
            assert reply["message"]
            await socket.still_open()

    run(scenario)
    assert stored(live_chat) == 0


def test_a_muted_member_gets_an_error_frame_and_nothing_is_stored(live_chat, host, member):
    host_cookie, member_cookie = cookie(host), cookie(member)

    async def scenario():
        async with (
            Socket(chat_path(live_chat), host_cookie) as hosting,
            Socket(chat_path(live_chat), member_cookie) as muted,
        ):
            reply = await hosting.answer({"type": "mute", "user": member.pk, "reason": "spam"})
            assert reply["type"] == "ok", reply
            await muted.expect("muted", user=member.pk)
            refused = await muted.answer({"type": "post", "body": "A1 still here"})
            assert refused["code"] == "forbidden"
            assert "muted" in refused["message"]

    run(scenario)
    assert ChatMute.objects.filter(chat=live_chat, user=member).exists()
    assert stored(live_chat) == 0


LONG_BODY = "A1 " + "x" * 1200  # over 1,000 characters, under the 8 KB frame limit


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        (b"\x00\x01binary", "malformed"),
        ("this is not json", "malformed"),
        ('["post", "A1 hi"]', "malformed"),
        ('"post"', "malformed"),
        ('{"body": "A1 no type"}', "malformed"),
        ('{"type": 7}', "malformed"),
        ("[" * 3000 + "]" * 3000, "malformed"),
        ({"type": "shout", "body": "A1 hi"}, "unknown_type"),
        ({"type": "post", "body": "A1 " + "x" * 9000}, "too_large"),
        ({"type": "post", "body": LONG_BODY}, "too_long"),
        ({"type": "post", "body": "   "}, "empty"),
        ({"type": "post", "body": 12}, "malformed"),
        ({"type": "post", "body": "an answer", "question": "2"}, "malformed"),
        ({"type": "post", "body": "an answer", "question": 1.5}, "malformed"),
        ({"type": "post", "body": "a reply", "reply_to": True}, "malformed"),
        ({"type": "post", "body": "a reply", "reply_to": 99999999}, "unknown_message"),
        ({"type": "post", "body": "A9 there is no Q9"}, "unknown_question"),
        ({"type": "post", "body": "an answer", "question": 9}, "unknown_question"),
        ({"type": "post", "body": "A2 not asked yet"}, "unknown_question"),
        ({"type": "like", "message": "15"}, "malformed"),
        ({"type": "like"}, "malformed"),
        ({"type": "hide", "message": 12}, "unknown_message"),
        ({"type": "unhide", "message": 12}, "unknown_message"),
        ({"type": "unhide"}, "malformed"),
    ],
)
def test_a_bad_frame_gets_a_clear_error_and_the_socket_stays_open(live_chat, member, frame, code):
    header = cookie(member)

    async def scenario():
        async with Socket(chat_path(live_chat), header) as socket:
            reply = await socket.answer(frame)
            assert reply["type"] == "error", reply
            assert reply["code"] == code, reply
            assert isinstance(reply["message"], str)
            assert len(reply["message"]) > 10
            await socket.still_open()

    run(scenario)
    assert stored(live_chat) == 0
    assert ChatQuestion.objects.filter(chat=live_chat, answer_count__gt=0).count() == 0


def test_the_error_for_an_unasked_question_names_it(live_chat, member):
    header = cookie(member)

    async def scenario():
        async with Socket(chat_path(live_chat), header) as socket:
            reply = await socket.answer({"type": "post", "body": "A2 too early"})
            assert reply["message"] == "Q2 has not been asked yet."

    run(scenario)


def test_flooding_past_the_rate_is_refused_and_only_the_allowed_posts_are_kept(live_chat, member):
    header = cookie(member)

    async def scenario():
        async with Socket(chat_path(live_chat), header) as socket:
            replies = [
                await socket.answer({"type": "post", "body": f"A1 point {n}", "ref": str(n)})
                for n in range(8)
            ]
            assert [r["type"] for r in replies] == ["ok"] * 6 + ["error"] * 2
            assert {r["code"] for r in replies[6:]} == {"rate_limited"}
            assert "wait a few seconds" in replies[6]["message"]
            assert replies[7]["ref"] == "7"
            await socket.still_open()

    run(scenario)
    assert stored(live_chat) == 6
    assert ChatQuestion.objects.get(chat=live_chat, number=1).answer_count == 6


def test_a_reply_is_tagged_to_the_question_of_the_message_it_answers(live_chat, member, other):
    member_cookie, other_cookie = cookie(member), cookie(other)

    async def scenario():
        async with (
            Socket(chat_path(live_chat), member_cookie) as first,
            Socket(chat_path(live_chat), other_cookie) as second,
        ):
            posted = await first.answer({"type": "post", "body": "A1 bar models"})
            reply = await second.answer(
                {"type": "post", "body": "Which year group?", "reply_to": posted["id"]}
            )
            event = await first.expect("message", id=reply["id"])
            assert (event["reply_to"], event["question"]) == (posted["id"], 1)

    run(scenario)


def test_a_like_is_counted_and_everyone_hears_the_new_count(live_chat, member, other):
    member_cookie, other_cookie = cookie(member), cookie(other)

    async def scenario():
        async with (
            Socket(chat_path(live_chat), member_cookie) as author,
            Socket(chat_path(live_chat), other_cookie) as fan,
        ):
            posted = await author.answer({"type": "post", "body": "A1 number lines"})
            liked = await fan.answer({"type": "like", "message": posted["id"]})
            assert liked == {"type": "ok", "ref": "", "liked": True}
            assert (await author.expect("like", id=posted["id"]))["count"] == 1

    run(scenario)
    assert ChatMessage.objects.get().like_count == 1


# ---------------------------------------------------------------- running the chat


def test_the_host_releases_the_next_question_and_everyone_hears_it(live_chat, host, member):
    host_cookie, member_cookie = cookie(host), cookie(member)

    async def scenario():
        async with (
            Socket(chat_path(live_chat), member_cookie) as listener,
            Socket(chat_path(live_chat), None) as anonymous,
            Socket(chat_path(live_chat), host_cookie) as hosting,
        ):
            reply = await hosting.answer({"type": "release", "ref": "r"})
            assert reply == {"type": "ok", "ref": "r", "number": 2}
            for socket in (listener, anonymous, hosting):
                event = await socket.expect("question", number=2)
                assert "ratios are useful" in event["html"]
            answered = await listener.answer({"type": "post", "body": "the unit rate"})
            assert answered["type"] == "ok"

    run(scenario)
    assert ChatMessage.objects.get().question.number == 2  # untagged goes to the current one


@pytest.mark.parametrize("who", ["member", "outsider", "anonymous"])
def test_only_hosts_and_moderators_release_questions(request, live_chat, who):
    header = cookie(None if who == "anonymous" else request.getfixturevalue(who))

    async def scenario():
        async with Socket(chat_path(live_chat), header) as socket:
            reply = await socket.answer({"type": "release"})
            assert reply["code"] == "forbidden"
            assert "hosts and moderators" in reply["message"]

    run(scenario)
    assert ChatQuestion.objects.filter(chat=live_chat, released_at__isnull=False).count() == 1


def test_a_moderator_hides_a_message_and_everyone_hears_it_go(live_chat, moderator, member, other):
    mod_cookie, member_cookie, other_cookie = cookie(moderator), cookie(member), cookie(other)

    async def scenario():
        async with (
            Socket(chat_path(live_chat), mod_cookie) as moderating,
            Socket(chat_path(live_chat), member_cookie) as author,
            Socket(chat_path(live_chat), other_cookie) as reader,
        ):
            posted = await author.answer({"type": "post", "body": "A1 something rude"})
            refused = await reader.answer({"type": "hide", "message": posted["id"]})
            assert refused["code"] == "forbidden"
            assert (await moderating.answer({"type": "hide", "message": posted["id"]}))[
                "type"
            ] == "ok"
            for socket in (moderating, author, reader):
                await socket.expect("hidden", id=posted["id"])

    run(scenario)
    assert ChatMessage.objects.get().hidden_at is not None


def test_a_moderator_puts_a_message_back_and_everyone_gets_it_again(
    live_chat, moderator, member, other
):
    mod_cookie, other_cookie = cookie(moderator), cookie(other)
    hidden = messages.message_post(author=member, chat=live_chat, body="A1 not so rude")
    messages.message_hide(moderator=moderator, message=hidden)

    async def scenario():
        async with (
            Socket(chat_path(live_chat), mod_cookie) as moderating,
            Socket(chat_path(live_chat), other_cookie) as reader,
        ):
            refused = await reader.answer({"type": "unhide", "message": hidden.pk})
            assert refused["code"] == "forbidden"
            answer = await moderating.answer({"type": "unhide", "message": hidden.pk})
            assert answer["type"] == "ok"
            for socket in (moderating, reader):
                event = await socket.expect("unhidden", id=hidden.pk)
                assert event["author"] == member.pk
                assert "not so rude" in event["html"]
                assert "is-hidden" not in event["html"]

    run(scenario)
    assert ChatMessage.objects.get().hidden_at is None


def test_events_from_the_socket_thread_reach_readers_in_the_order_they_were_sent(
    live_chat, host, member
):
    # Services in a socket's database thread hand events to the event loop without waiting
    # for them to go out; one sender per loop keeps them in order.
    header = cookie(member)

    def post_many() -> list[int]:
        return [
            messages.message_post(author=host, chat=live_chat, body=f"A1 Point {n}").pk
            for n in range(30)
        ]

    async def scenario():
        async with Socket(chat_path(live_chat), header) as socket:
            posted = await dbthread.database_sync_to_async(post_many)()
            await socket.expect("message", id=posted[-1])
            heard = [frame["id"] for frame in socket.heard if frame["type"] == "message"]
            assert heard == posted

    run(scenario)


def test_a_member_cannot_mute_and_a_host_cannot_be_muted(live_chat, host, member, moderator):
    member_cookie, mod_cookie = cookie(member), cookie(moderator)

    async def scenario():
        async with (
            Socket(chat_path(live_chat), member_cookie) as participant,
            Socket(chat_path(live_chat), mod_cookie) as moderating,
        ):
            reply = await participant.answer({"type": "mute", "user": moderator.pk})
            assert reply["code"] == "forbidden"
            reply = await moderating.answer({"type": "mute", "user": host.pk})
            assert reply["code"] == "forbidden"
            reply = await moderating.answer({"type": "mute", "user": 99999999})
            assert reply["code"] == "unknown_user"

    run(scenario)
    assert not ChatMute.objects.exists()


def test_the_host_ends_the_chat_and_everyone_is_sent_to_the_transcript(live_chat, host, member):
    host_cookie, member_cookie = cookie(host), cookie(member)

    async def scenario():
        async with (
            Socket(chat_path(live_chat), host_cookie) as hosting,
            Socket(chat_path(live_chat), member_cookie) as participant,
        ):
            await participant.answer({"type": "post", "body": "A1 before the end"})
            assert (await hosting.answer({"type": "end"}))["type"] == "ok"
            event = await participant.expect("ended")
            assert event["url"].endswith(f"/chats/{live_chat.pk}/transcript/")
            late = await participant.answer({"type": "post", "body": "A1 after the end"})
            assert late["code"] == "forbidden"
            assert "over" in late["message"]

    run(scenario)
    assert stored(live_chat) == 1


# ---------------------------------------------------------------- access while connected


def test_a_member_banned_while_connected_is_cut_off_at_their_next_frame(
    private_community, steward, private_chat, private_people
):
    member = private_people["member"]
    header = cookie(member)

    async def scenario():
        async with Socket(chat_path(private_chat), header) as socket:
            await db(membership_ban)(actor=steward, community=private_community, user=member)
            reply = await socket.answer({"type": "post", "body": "A1 am I still here?"})
            assert reply["code"] == "forbidden_view"
            assert await socket.closed() == 4403

    run(scenario)
    assert stored(private_chat) == 0


def test_a_member_banned_while_only_listening_is_cut_off_by_the_periodic_recheck(
    monkeypatch, private_community, steward, private_chat, private_people
):
    monkeypatch.setattr(consumers, "RECHECK_SECONDS", 0.2)
    member = private_people["member"]
    header = cookie(member)

    async def scenario():
        async with Socket(chat_path(private_chat), header) as socket:
            await db(membership_ban)(actor=steward, community=private_community, user=member)
            assert await socket.closed() == 4403

    run(scenario)


def test_a_deactivated_account_is_cut_off_at_its_next_frame(private_chat, private_people):
    member = private_people["member"]
    header = cookie(member)

    async def scenario():
        async with Socket(chat_path(private_chat), header) as socket:
            await db(type(member).objects.filter(pk=member.pk).update)(is_active=False)
            reply = await socket.answer({"type": "like", "message": 1})
            assert reply["code"] == "forbidden_view"
            assert await socket.closed() == 4403

    run(scenario)


def test_presence_counts_the_connected_sockets(live_chat, member, other):
    member_cookie, other_cookie = cookie(member), cookie(other)

    async def scenario():
        async with Socket(chat_path(live_chat), member_cookie) as first:
            await first.expect("presence", count=1)
            async with (
                Socket(chat_path(live_chat), other_cookie) as second,
                Socket(chat_path(live_chat), None),
            ):
                await first.expect("presence", count=3)
                await second.expect("presence", count=3)
            await first.expect("presence", count=1)

    run(scenario)


# ---------------------------------------------------------------- the schedule


def test_the_clock_releases_due_questions_and_connected_clients_hear_them(live_chat, member):
    header = cookie(member)

    async def scenario():
        async with Socket(chat_path(live_chat), header) as socket:
            later = timezone.now() + timedelta(minutes=21)
            counts = await db(services.chats_tick)(now=later)
            assert counts["released"] == 2
            assert (await socket.expect("question", number=2))["html"]
            assert (await socket.expect("question", number=3))["html"]
            reply = await socket.answer({"type": "post", "body": "A3 assessment by talk"})
            assert reply["type"] == "ok"

    run(scenario)
    assert ChatMessage.objects.get().question.number == 3


def test_the_servers_ticker_releases_a_due_question_without_anyone_asking(
    settings, live_chat, member
):
    settings.LIVECHAT_TICK_SECONDS = 0.05
    header = cookie(member)
    lifespan = ApplicationCommunicator(
        application, {"type": "lifespan", "asgi": {"version": "3.0"}}
    )

    async def scenario():
        async with Socket(chat_path(live_chat), header) as socket:
            # The clock reaches Q2's planned time while everyone just watches. Moving the
            # time stands in for the clock, so the process must forget when it last saw
            # Q2 due (a real script only changes in an edit, which it would notice).
            due = ChatQuestion.objects.filter(chat=live_chat, number=2)
            await db(due.update)(planned_at=timezone.now())
            memo.forget_all()
            await lifespan.send_input({"type": "lifespan.startup"})
            assert (await lifespan.receive_output(WAIT))["type"] == "lifespan.startup.complete"
            try:
                assert (await socket.expect("question", number=2))["html"]
            finally:
                await lifespan.send_input({"type": "lifespan.shutdown"})
                done = await lifespan.receive_output(WAIT)
                assert done["type"] == "lifespan.shutdown.complete"

    run(scenario)
    assert ChatQuestion.objects.get(chat=live_chat, number=2).released_at is not None
    assert not ChatQuestion.objects.get(chat=live_chat, number=3).released_at


def test_without_a_tick_interval_the_server_runs_no_ticker(settings, live_chat):
    settings.LIVECHAT_TICK_SECONDS = 0
    lifespan = ApplicationCommunicator(
        application, {"type": "lifespan", "asgi": {"version": "3.0"}}
    )
    ChatQuestion.objects.filter(chat=live_chat, number=2).update(planned_at=timezone.now())

    async def scenario():
        await lifespan.send_input({"type": "lifespan.startup"})
        assert (await lifespan.receive_output(WAIT))["type"] == "lifespan.startup.complete"
        await asyncio.sleep(0.3)
        await lifespan.send_input({"type": "lifespan.shutdown"})
        assert (await lifespan.receive_output(WAIT))["type"] == "lifespan.shutdown.complete"

    run(scenario)
    assert ChatQuestion.objects.get(chat=live_chat, number=2).released_at is None
