"""Two people on one thread page: a reply posted by one appears for the other, no reload."""

import pytest
from playwright.sync_api import expect

from staffroom.communities.services import community_join
from staffroom.discussions import services
from tests.e2e.axe import assert_accessible_in_both_schemes
from tests.e2e.conftest import TIMEOUT_MS
from tests.e2e.steps import sign_in
from tests.factories.accounts import UserFactory
from tests.livechat.asgi_server import AsgiServer


@pytest.fixture
def asgi_server(transactional_db):
    """The real ASGI application, HTTP and WebSockets on one origin (live_server is WSGI)."""
    with AsgiServer() as server:
        yield server


@pytest.fixture
def open_page(browser, asgi_server):
    """Open a page in a browser context of its own: a separate person."""
    contexts = []

    def new_page():
        context = browser.new_context(base_url=asgi_server.url)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield new_page
    for context in contexts:
        context.close()


def open_listening(page, path: str) -> None:
    """Open the thread page and wait until its socket has said hello."""
    with page.expect_websocket() as opened:
        page.goto(path)
    opened.value.wait_for_event("framereceived")


@pytest.mark.e2e
def test_a_reply_appears_for_another_reader_without_a_reload(open_page, directory):
    community = directory.ratios
    member = UserFactory(email="amara@example.org", display_name="Amara Okafor")
    community_join(user=member, community=community)
    thread = services.thread_create(
        author=directory.steward,
        community=community,
        space=community.spaces.first(),
        title="Ratio tables on the board: what do you label first?",
        body="I start with the units. Does anyone start with the question?",
    )
    reader = open_page()
    sign_in(reader, "amara@example.org")
    open_listening(reader, thread.get_absolute_url())
    reader.evaluate("() => { window.sameDocument = true; }")
    writer = open_page()
    sign_in(writer, "sam.rivera@example.org")
    writer.goto(thread.get_absolute_url())

    writer.get_by_label("Your reply").fill("I label the **question** row first, then units.")
    writer.get_by_role("button", name="Post reply").click()

    reply = reader.locator("#post-list article#post-2")
    expect(reply).to_contain_text("I label the question row first, then units.")
    expect(reply.get_by_role("heading", name="Sam Rivera")).to_be_visible()
    expect(reader.locator("#live-status")).to_have_text("1 new reply")
    expect(reader.get_by_text("No replies yet.")).to_have_count(0)
    assert reader.evaluate("() => window.sameDocument === true"), "the page was reloaded"
    # The appended reply's buttons work like the others: htmx was told about them.
    reader.locator("#post-2-thanks").click()
    expect(reader.locator("#post-2-thanks")).to_have_attribute("aria-pressed", "true")
    assert_accessible_in_both_schemes(reader)
