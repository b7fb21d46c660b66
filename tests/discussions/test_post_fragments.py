"""Visitors' posts come from the cache under keys made of what they show: never stale.

Each test changes a post through its service and checks the very next visitor page shows
the change, with no invalidation step anywhere; and that signed-in readers never get a
visitor's copy.
"""

import re

import pytest
from django.core.cache import cache

from staffroom.discussions import post_fragments, services
from tests.discussions.builders import a_member, a_reply, fresh, post_at
from tests.pages import text

pytestmark = pytest.mark.django_db


def url(thread) -> str:
    return f"/c/{thread.community.slug}/t/{thread.pk}/"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def replied(thread, other, steward):
    a_reply(thread, other, body="Phonics first, then **decodable** books.")
    a_reply(thread, steward, body="We use sound walls.")
    return fresh(thread)


def without_tokens(html: str) -> str:
    return re.sub(r'"X-CSRFToken": "[^"]*"|name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def test_a_visitor_gets_the_same_page_from_the_cache_as_rendered(client, replied):
    first = client.get(url(replied)).content.decode()
    second = client.get(url(replied)).content.decode()

    assert without_tokens(second) == without_tokens(first)
    assert "<strong>decodable</strong>" in second
    assert second.count('<article id="post-') == 3


def test_an_edit_shows_to_the_next_visitor(client, replied, other):
    client.get(url(replied))

    services.post_edit(editor=other, post=post_at(replied, 2), body="Phonics, then readers.")

    page = text(client.get(url(replied)))
    assert "Phonics, then readers." in page
    assert "decodable" not in page


def test_hiding_a_post_hides_it_from_the_next_visitor(client, replied, moderator):
    client.get(url(replied))

    services.post_hide(moderator=moderator, post=post_at(replied, 2), reason="Off topic")

    page = text(client.get(url(replied)))
    assert "decodable" not in page
    assert "Hidden by a moderator." in page


def test_a_new_reaction_count_shows_to_the_next_visitor(client, replied, community):
    client.get(url(replied))
    reader = a_member(community)

    services.reaction_toggle(user=reader, post=post_at(replied, 3), kind="thanks")

    assert "1 thanks" in text(client.get(url(replied)))


def test_a_deleted_post_shows_as_deleted_to_the_next_visitor(client, replied, other):
    client.get(url(replied))

    services.post_delete(user=other, post=post_at(replied, 2))

    page = text(client.get(url(replied)))
    assert "Deleted by its author." in page
    assert "decodable" not in page


def test_a_signed_in_reader_never_gets_a_visitors_copy(client, replied, community):
    client.get(url(replied))  # a visitor's copies are now in the cache
    reader = a_member(community)
    client.force_login(reader)

    html = client.get(url(replied)).content.decode()

    assert 'action="/c/' in html and "/react/" in html  # their own reaction buttons
    assert html.count('name="csrfmiddlewaretoken"') > 2


def test_the_key_changes_with_the_language(client, replied):
    english = client.get(url(replied)).content.decode()
    french = client.get(url(replied), HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    # The posts' own dates are written the French way, not served from the English copy.
    when = re.compile(r"<time datetime=[^>]*>([^<]*)</time>")
    assert when.findall(english) and when.findall(french)
    assert when.findall(english)[0] != when.findall(french)[0]


def test_visitor_copies_are_kept_and_reused(client, replied, monkeypatch):
    client.get(url(replied))
    rendered = []
    original = post_fragments.get_template

    def counting(name):
        rendered.append(name)
        return original(name)

    monkeypatch.setattr(post_fragments, "get_template", counting)

    client.get(url(replied))

    assert post_fragments.TEMPLATE not in rendered  # every post came from the cache
