"""Open thread pages hear of new replies through the realtime layer, then fetch them."""

import asyncio
import json

import pytest
from asgiref.sync import async_to_sync
from asgiref.testing import ApplicationCommunicator
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.db import connection
from django.test.utils import CaptureQueriesContext

from staffroom.communities.models import Role, Visibility
from staffroom.core.errors import ServiceError
from staffroom.discussions import services
from staffroom.discussions.models import ThreadFollow, ThreadKind
from staffroom.livechat.realtime import thread_group_name
from tests.discussions.builders import a_community, a_member, a_reply, a_thread, post_at
from tests.factories.accounts import UserFactory

VIEWERS = ["anonymous", "outsider", "member"]


class Listener:
    """A channel subscribed to a thread's group on the configured layer (no mock).

    It keeps one event loop of its own: the Redis layer ties a channel's receive buffer to
    the loop that first waited on it.
    """

    def __init__(self, thread):
        self.layer = get_channel_layer()
        self.group = thread_group_name(thread.pk)
        self.loop = asyncio.new_event_loop()
        self.channel = self.loop.run_until_complete(self.layer.new_channel())
        self.loop.run_until_complete(self.layer.group_add(self.group, self.channel))

    def events(self, wait: float = 0.3) -> list[dict]:
        """Everything that arrived, waiting ``wait`` seconds for the first."""

        async def drain():
            found = []
            timeout = wait
            while True:
                try:
                    message = await asyncio.wait_for(self.layer.receive(self.channel), timeout)
                except TimeoutError:
                    return found
                found.append(json.loads(message["text"]))
                timeout = 0.05

        return self.loop.run_until_complete(drain())

    def close(self) -> None:
        self.loop.run_until_complete(self.layer.group_discard(self.group, self.channel))
        self.loop.close()


@pytest.fixture
def listener(thread):
    listening = Listener(thread)
    yield listening
    listening.close()


def after_url(thread, position: int) -> str:
    return f"/c/{thread.community.slug}/t/{thread.pk}/after/{position}/"


def articles(response) -> list[str]:
    html = response.content.decode()
    return [chunk.split('"', 1)[0] for chunk in html.split('<article id="')[1:]]


# --- the event ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_reply_announces_only_its_position_once_committed(
    thread, other, listener, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        a_reply(thread, other, body="Try a ratio table on the board first.")
    before_commit = listener.events(wait=0.2)

    for callback in callbacks:
        callback()

    assert before_commit == []
    assert listener.events() == [{"type": "post", "position": 2}]


@pytest.mark.django_db
def test_a_refused_reply_announces_nothing(
    community, thread, listener, django_capture_on_commit_callbacks
):
    outsider = UserFactory()

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ServiceError):
        services.post_create(author=outsider, thread=thread, body="Let me in")

    assert listener.events(wait=0.2) == []


@pytest.mark.django_db
def test_edits_hides_and_deletes_announce_the_changed_position(
    thread, other, moderator, listener, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        a_reply(thread, other)
    listener.events()

    with django_capture_on_commit_callbacks(execute=True):
        services.post_edit(editor=other, post=post_at(thread, 2), body="Edited: use two colours")
        services.post_hide(moderator=moderator, post=post_at(thread, 2), reason="Off topic")
        services.post_unhide(moderator=moderator, post=post_at(thread, 2))
        services.post_delete(user=other, post=post_at(thread, 2))

    assert listener.events() == [{"type": "changed", "position": 2}] * 4


# --- the endpoint -------------------------------------------------------------------------------


def sign_in(client, viewer: str, community):
    if viewer == "anonymous":
        return None
    user = UserFactory() if viewer == "outsider" else a_member(community)
    client.force_login(user)
    return user


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", VIEWERS)
@pytest.mark.parametrize(
    ("visibility", "readers"),
    [
        (Visibility.PUBLIC, {"anonymous", "outsider", "member"}),
        (Visibility.MEMBERS, {"member"}),
        (Visibility.SECRET, {"member"}),
    ],
)
def test_new_replies_are_sent_only_to_those_who_may_read_the_thread(
    client, viewer, visibility, readers
):
    community = a_community(visibility=visibility)
    author = a_member(community, name="Ravi Replier")
    thread = a_thread(community, author, title="Ratio tables in Year 7")
    a_reply(thread, author, body="Secret seating plan")
    sign_in(client, viewer, community)

    response = client.get(after_url(thread, 1))

    if viewer in readers:
        assert response.status_code == 200
        assert articles(response) == ["post-2"]
    else:
        assert response.status_code == 404
        assert "Secret seating plan" not in response.content.decode()
        assert "Ravi Replier" not in response.content.decode()


@pytest.mark.django_db
def test_only_replies_after_the_given_position_are_sent_in_order(client, thread, member, other):
    for number in range(4):
        a_reply(thread, other if number % 2 else member, body=f"Reply number {number}")

    response = client.get(after_url(thread, 3))

    assert articles(response) == ["post-4", "post-5"]
    assert "Reply number 1" not in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.django_db
def test_nothing_new_sends_an_empty_answer(client, thread):
    response = client.get(after_url(thread, 1))

    assert response.status_code == 200
    assert articles(response) == []
    assert "new repl" not in response.content.decode()


@pytest.mark.django_db
def test_the_opening_post_is_never_sent_as_a_new_reply(client, thread, other):
    a_reply(thread, other)

    assert articles(client.get(after_url(thread, 0))) == ["post-2"]


@pytest.mark.django_db
def test_the_answer_says_how_many_replies_are_new(client, thread, other):
    a_reply(thread, other)
    a_reply(thread, other, body="And a second idea.")

    assert "2 new replies" in client.get(after_url(thread, 1)).content.decode()


@pytest.mark.django_db
def test_a_hidden_reply_is_not_sent_to_ordinary_members(client, thread, member, other, moderator):
    a_reply(thread, other, body="Rude remark about a colleague")
    a_reply(thread, other, body="A kind follow-up")
    services.post_hide(moderator=moderator, post=post_at(thread, 2), reason="Unkind")
    client.force_login(member)

    response = client.get(after_url(thread, 1))

    assert articles(response) == ["post-3"]
    assert "Rude remark" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["moderator", "author"])
def test_moderators_and_the_author_still_get_a_hidden_reply_marked_hidden(
    client, thread, other, moderator, who
):
    a_reply(thread, other, body="Rude remark about a colleague")
    services.post_hide(moderator=moderator, post=post_at(thread, 2), reason="Unkind")
    client.force_login(moderator if who == "moderator" else other)

    html = client.get(after_url(thread, 1)).content.decode()

    assert "Rude remark" in html
    assert "Hidden by a moderator: Unkind" in html


@pytest.mark.django_db
def test_a_deleted_reply_is_not_sent_as_new(client, thread, member, other):
    a_reply(thread, other)
    services.post_delete(user=other, post=post_at(thread, 2))
    client.force_login(member)

    assert articles(client.get(after_url(thread, 1))) == []


@pytest.mark.django_db
def test_a_changed_reply_is_sent_again_as_the_page_shows_it(client, thread, member, moderator):
    a_reply(thread, member, body="Rude remark about a colleague")
    services.post_hide(moderator=moderator, post=post_at(thread, 2), reason="Unkind")
    client.force_login(UserFactory())

    response = client.get(after_url(thread, 1) + "?until=2")

    assert articles(response) == ["post-2"]
    html = response.content.decode()
    assert "Hidden by a moderator." in html
    assert "Rude remark" not in html
    assert "new repl" not in html


@pytest.mark.django_db
def test_an_accepted_answer_is_sent_with_its_label(client, community, member, other):
    question = a_thread(community, member, kind=ThreadKind.QUESTION)
    a_reply(question, other, body="Use a double number line.")
    services.answer_accept(user=member, post=post_at(question, 2), label="grade 6")

    html = client.get(after_url(question, 1) + "?until=2").content.decode()

    assert "Accepted answer: grade 6" in html


@pytest.mark.django_db
def test_fetching_new_replies_moves_the_members_read_position(client, thread, member, other):
    client.force_login(member)
    client.get(thread.get_absolute_url())
    a_reply(thread, other)

    client.get(after_url(thread, 1))

    assert ThreadFollow.objects.get(thread=thread, user=member).last_read_position == 2


@pytest.mark.django_db
def test_a_long_burst_comes_a_page_at_a_time(client, thread, other):
    from staffroom.discussions.selectors import POSTS_PER_PAGE

    for number in range(POSTS_PER_PAGE + 2):
        services.post_create(author=other, thread=thread, body=f"Reply {number}")

    first = client.get(after_url(thread, 1))
    rest = client.get(after_url(thread, 1 + POSTS_PER_PAGE))

    assert len(articles(first)) == POSTS_PER_PAGE
    assert first["X-More-Posts"] == "1"
    assert articles(rest) == [f"post-{POSTS_PER_PAGE + 2}", f"post-{POSTS_PER_PAGE + 3}"]
    assert "X-More-Posts" not in rest


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", ["anonymous", "member", "moderator"])
def test_the_endpoint_costs_the_same_for_one_new_reply_as_for_many(
    client, community, member, other, viewer
):
    question = a_thread(community, member, kind=ThreadKind.QUESTION)
    if viewer != "anonymous":
        user = a_member(community, role=Role.MODERATOR if viewer == "moderator" else Role.MEMBER)
        client.force_login(user)
    a_reply(question, other)
    services.answer_accept(user=member, post=post_at(question, 2), label="grade 6")
    url = after_url(question, 1)
    client.get(url)  # warm per-process caches

    with CaptureQueriesContext(connection) as one:
        assert len(articles(client.get(url))) == 1
    for number in range(12):
        a_reply(question, other if number % 2 else member, body=f"Idea {number}")
    with CaptureQueriesContext(connection) as many:
        assert len(articles(client.get(url))) == 13

    assert len(one.captured_queries) == len(many.captured_queries)


# --- the thread page ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_last_page_offers_live_replies(client, thread, other):
    a_reply(thread, other)

    html = client.get(thread.get_absolute_url()).content.decode()

    assert f'data-live-socket="/ws/threads/{thread.pk}/"' in html
    assert f'data-live-after="{after_url(thread, 0)}"' in html
    assert 'data-live-position="2"' in html
    assert 'role="status" aria-live="polite"' in html
    assert "/static/staffroom/js/live-thread.js" in html


@pytest.mark.django_db
def test_an_earlier_page_does_not_listen(client, thread, other):
    from staffroom.discussions.selectors import POSTS_PER_PAGE

    for number in range(POSTS_PER_PAGE + 1):
        services.post_create(author=other, thread=thread, body=f"Reply {number}")

    first = client.get(thread.get_absolute_url()).content.decode()
    last = client.get(thread.get_absolute_url() + "?page=2").content.decode()

    assert "data-live-socket" not in first
    assert "live-thread.js" not in first
    assert f'data-live-position="{POSTS_PER_PAGE + 2}"' in last


# --- the socket ---------------------------------------------------------------------------------


def browser_headers(client, user) -> list[tuple[bytes, bytes]]:
    """What a page of this site sends with its WebSocket: its origin and the session cookie."""
    headers = [(b"origin", b"http://testserver")]
    if user is not None:
        client.force_login(user)
        headers.append((b"cookie", f"sessionid={client.cookies['sessionid'].value}".encode()))
    return headers


class Socket(ApplicationCommunicator):
    """A browser's WebSocket to the whole ASGI application, origin check and sessions included.

    channels.testing would do, but it imports daphne, which Staffroom does not install.
    """

    def __init__(self, path: str, headers: list):
        # Imported late: the ASGI module reads ALLOWED_HOSTS as the test settings have them.
        from staffroom.asgi import application

        scope = {"type": "websocket", "path": path, "query_string": b"", "headers": headers}
        super().__init__(application, {**scope, "subprotocols": []})

    async def connect(self) -> tuple[bool, int | None]:
        await self.send_input({"type": "websocket.connect"})
        reply = await self.receive_output(5)
        return reply["type"] == "websocket.accept", reply.get("code")

    async def receive_json_from(self, timeout: float = 5) -> dict:
        reply = await self.receive_output(timeout)
        return json.loads(reply["text"])

    async def disconnect(self) -> None:
        await self.send_input({"type": "websocket.disconnect", "code": 1000})
        await self.wait(5)


def socket_to(thread, headers) -> Socket:
    return Socket(f"/ws/threads/{thread.pk}/", headers)


def private_thread():
    community = a_community(visibility=Visibility.MEMBERS)
    author = a_member(community)
    return community, author, a_thread(community, author)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("viewer", ["anonymous", "outsider"])
def test_an_outsider_cannot_open_a_members_only_threads_socket(client, viewer):
    _community, _author, thread = private_thread()
    user = None if viewer == "anonymous" else UserFactory()
    headers = browser_headers(client, user)

    async def attempt():
        communicator = socket_to(thread, headers)
        connected, code = await communicator.connect()
        await communicator.disconnect()
        return connected, code

    assert async_to_sync(attempt)() == (False, 4403)


@pytest.mark.django_db(transaction=True)
def test_a_member_hears_of_a_new_reply_by_position_only(client):
    community, author, thread = private_thread()
    headers = browser_headers(client, a_member(community))

    async def scenario():
        communicator = socket_to(thread, headers)
        connected, _code = await communicator.connect()
        assert connected
        # The greeting names the last position, so a reply made while the page loaded
        # (before the socket opened) is fetched too.
        assert await communicator.receive_json_from() == {"type": "hello", "position": 1}
        await database_sync_to_async(a_reply)(thread, author, "Private answer text")
        heard = []
        while not heard or heard[-1]["type"] != "post":
            heard.append(await communicator.receive_json_from(timeout=5))
        await communicator.disconnect()
        return heard[-1]

    assert async_to_sync(scenario)() == {"type": "post", "position": 2}
