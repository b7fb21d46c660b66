"""A live chat in real browsers, served by the real ASGI application (HTTP and WebSockets).

Two people in two browser contexts: the host releases Q1, the participant answers, the
host sees the answer arrive without reloading; after the host ends the chat, the
transcript groups the answer under Q1. Without JavaScript the chat still works as forms.
"""

from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from staffroom.livechat import messages
from staffroom.livechat.models import ChatMessage
from tests.discussions.builders import a_community, a_member
from tests.e2e.axe import assert_accessible_in_both_schemes
from tests.e2e.conftest import TIMEOUT_MS
from tests.factories.accounts import UserFactory
from tests.livechat.asgi_server import HOST, AsgiServer
from tests.livechat.builders import a_chat, a_live_chat
from tests.livechat.sockets import session_cookie

pytestmark = [
    pytest.mark.e2e,
    # WhiteNoise hands Django's ASGI handler static files as synchronous iterators, which
    # Django then warns about; the pages themselves are what these tests are about.
    pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume synchronous"),
]

ANSWER = "We build ratio tables from recipes before any rule."


@pytest.fixture
def server(transactional_db, settings):
    if HOST not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOST]
    with AsgiServer() as running:
        yield running


@pytest.fixture
def person(browser, server):
    """Open a browser context signed in as a user (or anonymous), on the ASGI server."""
    contexts = []

    def open_as(user=None, **options):
        context = browser.new_context(base_url=server.url, **options)
        context.set_default_timeout(TIMEOUT_MS)
        if user is not None:
            name, value = session_cookie(user).split("=", 1)
            context.add_cookies([{"name": name, "value": value, "url": server.url}])
        contexts.append(context)
        return context.new_page()

    yield open_as
    for context in contexts:
        context.close()


@pytest.fixture
def people(vocabulary_terms):
    steward = UserFactory(display_name="Sam Rivera")
    community = a_community(steward=steward, name="Ratio talk", slug="ratio-talk")
    return {
        "steward": steward,
        "community": community,
        "host": a_member(community, name="Hana Host"),
        "participant": a_member(community, name="Priya Participant"),
    }


def socket_origin(page: Page) -> str:
    """ws://host:port of the page's server."""
    return page.url.split("/c/", 1)[0].replace("http://", "ws://")


def stream(page: Page):
    return page.get_by_role("list", name="Chat messages")


def wait_until_live(page: Page, here: int) -> None:
    """The socket is open once the page shows who is here (presence comes over it)."""
    expect(page.locator("#chat-presence")).to_have_text(f"{here} here")


def test_the_host_releases_q1_a_participant_answers_and_the_transcript_groups_it(people, person):
    # Live for a minute, with Q1 planned for later: only the host's button releases it.
    chat = a_chat(
        people["community"],
        people["steward"],
        host=people["host"],
        starts_in=timedelta(minutes=-1),
        first_after_minutes=5,
    )
    host, participant = person(people["host"]), person(people["participant"])
    sockets = []
    host.on("websocket", lambda socket: sockets.append(socket.url))
    for page in (host, participant):
        page.goto(chat.get_absolute_url())
        page.evaluate("() => { window.notReloaded = true; }")
    wait_until_live(host, 2)
    wait_until_live(participant, 2)
    # The page reads events in batches, the cheap path for a busy server (bench/README.md).
    assert sockets == [f"{socket_origin(host)}/ws/chats/{chat.pk}/?batch=1"]
    assert_accessible_in_both_schemes(participant)

    host.get_by_role("button", name="Release next question").click()

    q1 = stream(participant).locator("#q1")
    expect(q1).to_contain_text("Q1")
    expect(q1).to_contain_text("What does proportional reasoning look like")

    participant.get_by_label("Your message").fill(f"A1 {ANSWER}")
    participant.get_by_role("button", name="Send").click()

    expect(stream(host)).to_contain_text(ANSWER)
    expect(participant.get_by_label("Your message")).to_have_value("")
    message = ChatMessage.objects.get()
    assert (message.question.number, message.body) == (1, ANSWER)

    # The message arrived without controls; each page gave it the ones its reader may use.
    on_host = stream(host).locator(f"#m{message.pk}")
    expect(on_host.get_by_role("button", name="Mute for this chat")).to_be_visible()
    expect(on_host.get_by_role("button", name="Hide")).to_be_visible()
    reply = on_host.get_by_role("link", name="Reply · Priya Participant")
    expect(reply).to_have_attribute(
        "href", f"{chat.get_absolute_url()}?reply_to={message.pk}#composer"
    )
    on_participant = stream(participant).locator(f"#m{message.pk}")
    expect(on_participant.get_by_role("button", name="Hide")).to_have_count(0)
    expect(on_participant.get_by_role("button", name="Mute for this chat")).to_have_count(0)
    on_host.get_by_role("button", name="Like").click()
    expect(on_participant.locator(".like-count")).to_have_text("1")
    for page in (host, participant):
        assert page.evaluate("() => window.notReloaded === true"), "the page reloaded"

    host.get_by_role("button", name="End chat now").click()

    for page in (participant, host):
        expect(page.get_by_role("link", name="Read the transcript")).to_be_visible()
        page.get_by_role("link", name="Read the transcript").click()
        q1_group = page.get_by_role("region", name="Q1")
        expect(q1_group).to_contain_text("What does proportional reasoning look like")
        expect(q1_group).to_contain_text(ANSWER)
        expect(q1_group).to_contain_text("Priya Participant")
    assert_accessible_in_both_schemes(participant)


def test_a_host_hides_a_message_live_and_puts_it_back(people, person):
    chat = a_live_chat(people["community"], people["steward"], host=people["host"])
    earlier = messages.message_post(author=people["participant"], chat=chat, body="A1 First")
    mistaken = messages.message_post(author=people["participant"], chat=chat, body="A1 Fine")
    later = messages.message_post(author=people["host"], chat=chat, body="A1 Third")
    host, participant = person(people["host"]), person(people["participant"])
    for page in (host, participant):
        page.goto(chat.get_absolute_url())
        page.evaluate("() => { window.notReloaded = true; }")
    wait_until_live(host, 2)
    wait_until_live(participant, 2)
    on_host = stream(host).locator(f"#m{mistaken.pk}")

    on_host.get_by_role("button", name="Hide").click()

    # Gone for the participant; greyed for the host, with the way back.
    expect(stream(participant).locator(f"#m{mistaken.pk}")).to_have_count(0)
    expect(on_host).to_contain_text("Hidden by a moderator")
    expect(on_host.get_by_role("button", name="Hide", exact=True)).to_have_count(0)
    assert_accessible_in_both_schemes(host)

    on_host.get_by_role("button", name="Unhide").click()

    # Back in its place for both, with each reader's own controls again.
    on_participant = stream(participant).locator(f"#m{mistaken.pk}")
    expect(on_participant).to_contain_text("Fine")
    ids = stream(participant).locator("[data-message-id]")
    expect(ids).to_have_count(3)
    order = [int(i) for i in ids.evaluate_all("(items) => items.map((m) => m.dataset.messageId)")]
    assert order == [earlier.pk, mistaken.pk, later.pk]
    expect(on_participant.get_by_role("button", name="Like")).to_be_visible()
    expect(on_host).not_to_contain_text("Hidden by a moderator")
    expect(on_host.get_by_role("button", name="Hide", exact=True)).to_be_visible()
    expect(on_host.get_by_role("button", name="Unhide")).to_have_count(0)
    for page in (host, participant):
        assert page.evaluate("() => window.notReloaded === true"), "the page reloaded"
    assert ChatMessage.objects.get(pk=mistaken.pk).hidden_at is None


def test_without_javascript_a_participant_posts_through_the_plain_form(people, person):
    chat = a_live_chat(people["community"], people["steward"], host=people["host"])
    page = person(people["participant"], java_script_enabled=False)
    page.goto(chat.get_absolute_url())
    expect(stream(page)).to_contain_text("Q1")

    page.get_by_label("Your message").fill(f"A1 {ANSWER}")
    page.get_by_role("button", name="Send").click()

    expect(stream(page)).to_contain_text(ANSWER)
    assert ChatMessage.objects.get().question.number == 1
    # No axe here: it runs as a script, which this context does not allow (the same page
    # is checked with scripts on in the other tests).


def test_a_reader_who_may_not_post_sees_the_chat_live_without_a_composer(people, person):
    chat = a_live_chat(people["community"], people["steward"], host=people["host"])
    host, reader = person(people["host"]), person()
    for page in (host, reader):
        page.goto(chat.get_absolute_url())
    wait_until_live(reader, 2)
    expect(reader.get_by_label("Your message")).to_have_count(0)

    host.get_by_label("Your message").fill("A1 Welcome, everyone reading along.")
    host.get_by_role("button", name="Send").click()

    expect(stream(reader)).to_contain_text("Welcome, everyone reading along.")
    # A reader who may not take part gets the like count and no controls.
    arrived = stream(reader).locator(".chat-message").last
    expect(arrived.locator(".chat-like-static")).to_have_text("0 likes")
    expect(arrived.get_by_role("button")).to_have_count(0)
    expect(arrived.get_by_role("link", name="Reply")).to_have_count(0)
    assert_accessible_in_both_schemes(reader)
