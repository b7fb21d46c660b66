"""Posts come from the cache under keys made of what they show: never stale, never another
reader's.

Each test changes a post through its service and checks the very next page shows the
change, with no invalidation step anywhere; signed-in readers never get a visitor's copy,
nor a copy showing another member's reactions, votes, authorship or moderation forms; and
the forms in a cached copy carry the reader's own CSRF token.
"""

import re

import pytest
from django.core.cache import cache
from django.test import Client

from staffroom.discussions import post_fragments, services
from tests.discussions.builders import a_member, a_reply, fresh, post_at
from tests.pages import text


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


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


def pressed(html: str, position: int, kind: str) -> bool:
    match = re.search(rf'id="post-{position}-{kind}"[^>]*aria-pressed="(true|false)"', html)
    assert match, f"no {kind} button on post {position}"
    return match[1] == "true"


def page_for(client, thread, user) -> str:
    client.force_login(user)
    return client.get(url(thread)).content.decode()


def test_members_share_copies_of_posts_they_have_not_touched(
    client, replied, community, monkeypatch
):
    page_for(client, replied, a_member(community))
    rendered = []
    original = post_fragments.get_template
    monkeypatch.setattr(
        post_fragments, "get_template", lambda name: rendered.append(name) or original(name)
    )

    html = page_for(client, replied, a_member(community))

    assert post_fragments.TEMPLATE not in rendered
    assert "/react/" in html


def test_each_member_sees_their_own_reactions_on_a_shared_copy(client, replied, community):
    thankful, other_reader = a_member(community), a_member(community)
    services.reaction_toggle(user=thankful, post=post_at(replied, 3), kind="thanks")

    before = page_for(client, replied, other_reader)
    theirs = page_for(client, replied, thankful)
    after = page_for(client, replied, other_reader)

    assert pressed(theirs, 3, "thanks") and not pressed(theirs, 3, "tried")
    assert not pressed(before, 3, "thanks") and not pressed(after, 3, "thanks")


def test_only_the_author_gets_the_author_s_copy(client, replied, other, community):
    reader = a_member(community)
    delete_form = f'action="/c/{replied.community.slug}/t/{replied.pk}/p/2/delete/"'

    authors = page_for(client, replied, other)
    readers = page_for(client, replied, reader)
    authors_again = page_for(client, replied, other)

    assert delete_form in authors and delete_form in authors_again
    assert delete_form not in readers
    assert not re.search(r'href="[^"]*/p/2/edit/"', readers)


def test_a_hidden_post_shows_to_its_moderator_only(client, replied, moderator, community):
    services.post_hide(moderator=moderator, post=post_at(replied, 2), reason="Off topic")
    reader = a_member(community)

    readers = text_of(page_for(client, replied, reader))
    moderators = text_of(page_for(client, replied, moderator))
    readers_again = text_of(page_for(client, replied, reader))

    assert "decodable" not in readers and "decodable" not in readers_again
    assert "Hidden by a moderator." in readers_again
    assert "decodable" in moderators and "Show again" in moderators


def test_a_cached_copy_s_forms_carry_the_reader_s_own_token(replied, community):
    reader = a_member(community)
    page_for(Client(), replied, a_member(community))  # the copies are now in the cache
    client = Client(enforce_csrf_checks=True)

    html = page_for(client, replied, reader)
    form = re.search(
        r'<form method="post" action="([^"]*/p/3/react/)"[^>]*>'
        r'<input type="hidden" name="csrfmiddlewaretoken" value="([^"]*)">',
        html,
    )
    assert form, "no reaction form with a token on post 3"
    assert post_fragments._csrf_stand_in() not in html

    answer = client.post(form[1], {"csrfmiddlewaretoken": form[2], "kind": "thanks"})

    assert answer.status_code == 302
    assert pressed(page_for(client, replied, reader), 3, "thanks")


def test_a_new_secret_key_never_serves_copies_holding_the_old_stand_in(
    replied, community, settings
):
    page_for(Client(), replied, a_member(community))  # copies made under the old key
    settings.SECRET_KEY = "another-secret-key-" + "x" * 40
    client = Client(enforce_csrf_checks=True)

    html = page_for(client, replied, a_member(community))
    form = re.search(
        r'action="([^"]*/p/3/react/)"[^>]*><input type="hidden" name="csrfmiddlewaretoken"'
        r' value="([^"]*)">',
        html,
    )

    assert form and not form[2].startswith("csrf-")
    assert (
        client.post(form[1], {"csrfmiddlewaretoken": form[2], "kind": "thanks"}).status_code == 302
    )
