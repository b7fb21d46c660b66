"""The pages and forms of discussions: happy paths, bad input, filters, order and pages."""

import base64
import json
import re

import pytest

from staffroom.discussions import services
from staffroom.discussions.models import (
    AcceptedAnswer,
    FollowLevel,
    Post,
    PostRevision,
    Reaction,
    Thread,
    ThreadFollow,
    ThreadKind,
    Vote,
)
from staffroom.discussions.selectors import POSTS_PER_PAGE, THREADS_PER_PAGE
from tests.discussions.builders import a_community, a_member, a_reply, a_thread, fresh, post_at
from tests.discussions.builders import snapshot as everything
from tests.factories.discussions import TagFactory, ThreadFactory
from tests.pages import shown_messages, text

pytestmark = pytest.mark.django_db

_POST_ID = re.compile(r'<article id="post-(\d+)"')


def positions(response) -> list[int]:
    """Return the positions of the posts on a thread page, in the order shown."""
    return [int(number) for number in _POST_ID.findall(response.content.decode())]


def cursor(*values) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(values)).encode()).decode().rstrip("=")


@pytest.fixture
def signed_in(client, member):
    client.force_login(member)
    return client


def url(thread: Thread, path: str = "") -> str:
    return f"/c/{thread.community.slug}/t/{thread.pk}/{path}"


def grow(thread: Thread, count: int, author) -> None:
    """Add ``count`` replies quickly, keeping the thread's counters true."""
    start = fresh(thread).last_position + 1
    Post.objects.bulk_create(
        Post(
            thread=thread,
            author=author,
            author_name="Robin Replier",
            position=position,
            body=f"Reply number {position}",
            body_html=f"<p>Reply number {position}</p>",
        )
        for position in range(start, start + count)
    )
    Thread.objects.filter(pk=thread.pk).update(
        last_position=start + count - 1, post_count=start + count - 1
    )


# --- starting a thread --------------------------------------------------------------------------


def test_a_member_starts_a_thread_with_the_form_and_lands_on_it(signed_in, community):
    space = community.spaces.get(slug="questions")

    response = signed_in.post(
        "/c/early-literacy/new/",
        {
            "kind": "question",
            "space": space.pk,
            "title": "Phonics for a mixed-age class?",
            "body": "Year 1 and 2 **together**.",
        },
    )

    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response.url == f"/c/early-literacy/t/{thread.pk}/"
    assert (thread.kind, thread.space) == (ThreadKind.QUESTION, space)
    page = signed_in.get(response.url)
    assert page.status_code == 200
    assert "Phonics for a mixed-age class?" in text(page)
    assert "<strong>together</strong>" in page.content.decode()


def test_the_new_thread_form_opens_on_the_space_and_kind_asked_for(signed_in, community):
    response = signed_in.get("/c/early-literacy/new/?space=questions&kind=question")

    assert response.status_code == 200
    form = response.context["form"]
    assert form["space"].value() == community.spaces.get(slug="questions").pk
    assert form["kind"].value() == "question"


def test_a_member_is_not_offered_announcements(signed_in):
    response = signed_in.get("/c/early-literacy/new/?kind=announcement")

    kinds = [value for value, _label in response.context["form"].fields["kind"].choices]
    assert kinds == ["discussion", "question"]


def test_a_steward_is_offered_announcements(client, community, steward):
    client.force_login(steward)

    response = client.get("/c/early-literacy/new/")

    kinds = [value for value, _label in response.context["form"].fields["kind"].choices]
    assert kinds == ["discussion", "question", "announcement"]


def test_the_form_offers_the_community_tags_only_when_it_has_some(signed_in, community):
    assert "tags" not in signed_in.get("/c/early-literacy/new/").context["form"].fields

    TagFactory(community=community, name="phonics", slug="phonics")

    assert "phonics" in text(signed_in.get("/c/early-literacy/new/"))


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "t" * 201}, "title"),
        ({"body": ""}, "body"),
        ({"body": "x" * 65537}, "body"),
        ({"kind": "announcement"}, "kind"),
        ({"kind": "poll"}, "kind"),
        ({"space": "999999"}, "space"),
        ({"space": "99999999999999999999"}, "space"),
        ({"space": "abc"}, "space"),
        ({"tags": ["999999"]}, "tags"),
    ],
)
def test_bad_input_to_the_new_thread_form_is_a_field_error_and_writes_nothing(
    signed_in, community, change, field
):
    TagFactory(community=community)
    data = {
        "kind": "discussion",
        "space": community.spaces.first().pk,
        "title": "Phonics",
        "body": "How?",
    }
    data.update(change)
    before = everything()

    response = signed_in.post("/c/early-literacy/new/", data)

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert "Please correct the problems below." in text(response)
    assert everything() == before


def test_a_space_of_another_community_is_not_a_choice(signed_in, community):
    elsewhere = a_community()
    before = everything()

    response = signed_in.post(
        "/c/early-literacy/new/",
        {"kind": "discussion", "space": elsewhere.spaces.first().pk, "title": "T", "body": "B"},
    )

    assert "space" in response.context["form"].errors
    assert everything() == before


def test_a_tag_of_another_community_is_not_a_choice(signed_in, community):
    TagFactory(community=community)
    foreign = TagFactory(community=a_community())
    before = everything()

    response = signed_in.post(
        "/c/early-literacy/new/",
        {
            "kind": "discussion",
            "space": community.spaces.first().pk,
            "title": "T",
            "body": "B",
            "tags": [foreign.pk],
        },
    )

    assert "tags" in response.context["form"].errors
    assert everything() == before


# --- replying -----------------------------------------------------------------------------------


def test_a_member_replies_and_lands_on_their_reply(client, thread, other):
    client.force_login(other)

    response = client.post(url(thread, "reply/"), {"body": "Try _decodable_ readers."})

    assert response.status_code == 302
    assert response.url == f"/c/early-literacy/t/{thread.pk}/#post-2"
    page = client.get(response.url)
    assert "<em>decodable</em>" in page.content.decode()
    assert positions(page) == [1, 2]


def test_a_reply_on_a_later_page_lands_on_that_page(client, thread, other, steward):
    grow(thread, POSTS_PER_PAGE, steward)
    client.force_login(other)

    response = client.post(url(thread, "reply/"), {"body": "Late to the party"})

    position = POSTS_PER_PAGE + 2
    assert response.url == f"/c/early-literacy/t/{thread.pk}/?page=2#post-{position}"
    assert position in positions(client.get(response.url))


@pytest.mark.parametrize("body", ["", "   "])
def test_an_empty_reply_shows_the_form_again_with_a_field_error(client, thread, other, body):
    client.force_login(other)
    before = everything()

    response = client.post(url(thread, "reply/"), {"body": body})

    assert response.status_code == 200
    assert response.templates[0].name == "discussions/reply_form.html"
    assert response.context["form"].errors["body"]
    assert "Please correct the problems below." in text(response)
    assert everything() == before


def test_a_reply_over_64_kb_shows_the_form_again_with_the_limit(client, thread, other):
    client.force_login(other)
    before = everything()

    response = client.post(url(thread, "reply/"), {"body": "x" * 65537})

    assert response.status_code == 200
    assert "64 KB" in " ".join(response.context["form"].errors["body"])
    # The text is kept, so nothing the teacher wrote is lost.
    assert "x" * 1000 in response.content.decode()
    assert everything() == before


def test_a_reply_to_a_locked_thread_shows_why(client, thread, other, moderator):
    services.thread_set_flags(moderator=moderator, thread=thread, locked=True, pinned=False)
    client.force_login(other)
    before = everything()

    response = client.post(url(thread, "reply/"), {"body": "Me too"})

    assert response.status_code == 200
    assert "This thread is locked; no new replies." in text(response)
    assert everything() == before


def test_a_locked_thread_shows_no_reply_form_to_members(client, thread, other, moderator):
    services.thread_set_flags(moderator=moderator, thread=thread, locked=True, pinned=False)
    client.force_login(other)

    response = client.get(url(thread))

    assert "This thread is locked." in text(response)
    assert "/reply/" not in text(response)


def test_anonymous_visitors_are_invited_to_sign_in_to_reply(client, thread):
    response = client.get(url(thread))

    assert "Sign in to reply" in text(response)


def test_the_reply_page_shows_an_empty_form_without_javascript(signed_in, thread):
    page = signed_in.get(url(thread, "reply/"))

    assert page.status_code == 200
    assert not page.context["form"]["body"].value()


# --- editing and history ------------------------------------------------------------------------


def test_the_author_edits_a_post_and_readers_see_the_history(signed_in, client, thread):
    form = signed_in.get(url(thread, "p/1/edit/"))
    assert form.status_code == 200
    assert "What works for you?" in text(form)

    response = signed_in.post(url(thread, "p/1/edit/"), {"body": "Now with **Year 3** too."})

    assert response.status_code == 302
    assert response.url == f"/c/early-literacy/t/{thread.pk}/#post-1"
    assert post_at(thread, 1).edit_count == 1
    page = text(signed_in.get(url(thread)))
    assert "edited" in page
    assert f"/t/{thread.pk}/p/1/history/" in page
    signed_in.logout()
    history = client.get(url(thread, "p/1/history/"))
    assert history.status_code == 200
    assert "Year 3" in text(history)
    assert "What works for you?" in text(history)


def test_an_unedited_post_says_so_on_its_history_page(client, thread):
    response = client.get(url(thread, "p/1/history/"))

    assert "This post has not been edited." in text(response)


def test_an_empty_edit_shows_the_form_again_and_changes_nothing(signed_in, thread):
    before = everything()

    response = signed_in.post(url(thread, "p/1/edit/"), {"body": "  "})

    assert response.status_code == 200
    assert response.context["form"].errors["body"]
    assert everything() == before


def test_another_member_cannot_open_the_edit_form(client, thread, other):
    client.force_login(other)
    before = everything()

    assert client.get(url(thread, "p/1/edit/")).status_code == 404
    assert client.post(url(thread, "p/1/edit/"), {"body": "Mine now"}).status_code == 404
    assert everything() == before


def test_a_moderator_edits_a_members_post(client, thread, moderator):
    client.force_login(moderator)

    response = client.post(url(thread, "p/1/edit/"), {"body": "Removed a phone number."})

    assert response.status_code == 302
    assert post_at(thread, 1).body == "Removed a phone number."
    assert PostRevision.objects.count() == 1


def test_a_post_that_does_not_exist_is_not_found(client, thread):
    assert client.get(url(thread, "p/99/")).status_code == 404
    assert client.get(url(thread, "p/99/history/")).status_code == 404
    assert client.get(url(thread, "p/999999999999999999999/")).status_code == 404


# --- the other forms on a thread page -----------------------------------------------------------


def test_an_author_deletes_a_reply_from_the_thread_page(client, thread, other):
    a_reply(thread, other)
    client.force_login(other)

    response = client.post(url(thread, "p/2/delete/"))

    assert response.status_code == 302
    assert shown_messages(response) == ["Deleted."]
    assert "Deleted by its author." in text(client.get(url(thread)))


def test_an_author_withdraws_a_thread_without_replies_and_goes_back_to_the_list(signed_in, thread):
    response = signed_in.post(url(thread, "p/1/delete/"))

    assert response.url == "/c/early-literacy/threads/"
    assert signed_in.get(url(thread)).status_code == 404


def test_a_moderator_hides_and_shows_a_post_from_the_thread_page(client, thread, other, moderator):
    a_reply(thread, other, body="Buy my worksheets at example.com")
    client.force_login(moderator)

    client.post(url(thread, "p/2/hide/"), {"reason": "Advertising"})
    assert post_at(thread, 2).hidden_reason == "Advertising"
    assert "Hidden by a moderator: Advertising" in text(client.get(url(thread)))

    client.post(url(thread, "p/2/unhide/"))
    assert post_at(thread, 2).is_visible


def test_a_hidden_post_of_a_deleted_account_stays_hidden_from_visitors(
    client, thread, other, moderator
):
    # A deleted account leaves its posts with no author; "author == viewer" must not then
    # hold for a visitor, who has no account either.
    post = a_reply(thread, other, body="Buy my worksheets at example.com")
    services.post_hide(moderator=moderator, post=post, reason="Advertising")
    other.delete()

    page = text(client.get(url(thread)))

    assert "Buy my worksheets" not in page
    assert "Hidden by a moderator." in page
    assert 'action="' + url(thread, "p/2/delete/") not in client.get(url(thread)).content.decode()
    client.force_login(moderator)
    assert "Buy my worksheets" in text(client.get(url(thread)))


def test_hiding_without_a_reason_is_refused_with_a_message(client, thread, other, moderator):
    a_reply(thread, other)
    client.force_login(moderator)

    response = client.post(url(thread, "p/2/hide/"), {"reason": ""})

    assert shown_messages(response) == ["Give a reason of up to 300 characters."]
    assert post_at(thread, 2).is_visible


def test_a_member_thanks_a_post_from_the_thread_page(client, thread, other):
    client.force_login(other)

    client.post(url(thread, "p/1/react/"), {"kind": "tried"})

    assert Reaction.objects.get().kind == "tried"
    assert "Tried by 1 teacher" in text(client.get(url(thread)))


@pytest.mark.parametrize("data", [{}, {"kind": "love"}])
def test_an_unknown_reaction_is_refused_with_a_message(client, thread, other, data):
    client.force_login(other)

    response = client.post(url(thread, "p/1/react/"), data)

    assert shown_messages(response) == ["Choose thanks or “I tried this”."]
    assert not Reaction.objects.exists()


def test_reacting_to_ones_own_post_is_refused_with_a_message(signed_in, thread):
    response = signed_in.post(url(thread, "p/1/react/"), {"kind": "thanks"})

    assert shown_messages(response) == ["You cannot react to your own post."]


def test_a_member_votes_an_answer_up_from_the_thread_page(signed_in, question, other):
    a_reply(question, other)

    response = signed_in.post(url(question, "p/2/vote/"), {"value": "1"})

    assert response.url == f"/c/early-literacy/t/{question.pk}/?page=1#post-2"
    assert post_at(question, 2).score == 1
    assert "Score 1" in text(signed_in.get(url(question)))


@pytest.mark.parametrize("value", ["2", "up", ""])
def test_a_bad_vote_is_refused_with_a_message(signed_in, question, other, value):
    a_reply(question, other)

    response = signed_in.post(url(question, "p/2/vote/"), {"value": value})

    assert shown_messages(response) == ["Vote up, down or not at all."]
    assert not Vote.objects.exists()


def test_the_asker_accepts_an_answer_with_a_label_from_the_thread_page(signed_in, question, other):
    a_reply(question, other)

    response = signed_in.post(url(question, "p/2/accept/"), {"label": "grade 2"})

    assert shown_messages(response) == ["Marked as an accepted answer."]
    page = text(signed_in.get(url(question)))
    assert "Solved" in page
    assert "Answer by Olu Other</a> — <strong>grade 2</strong>" in page
    assert "Accepted answer: grade 2" in page


def test_the_asker_takes_back_an_acceptance_from_the_thread_page(signed_in, question, other):
    a_reply(question, other)
    signed_in.post(url(question, "p/2/accept/"), {"label": "grade 2"})

    signed_in.post(url(question, "p/2/accept/"), {"undo": "1"})

    assert not AcceptedAnswer.objects.exists()
    assert "Unsolved" in text(signed_in.get(url(question)))


def test_a_label_over_80_characters_is_refused_with_a_message(signed_in, question, other):
    a_reply(question, other)

    response = signed_in.post(url(question, "p/2/accept/"), {"label": "g" * 81})

    assert shown_messages(response) == ["Keep the context under 80 characters."]
    assert not AcceptedAnswer.objects.exists()


def test_a_member_follows_a_thread_from_the_thread_page(client, thread, other):
    client.force_login(other)

    response = client.post(url(thread, "follow/"), {"level": "watch"})

    assert shown_messages(response) == ["Notification setting saved."]
    assert ThreadFollow.objects.get(user=other).level == FollowLevel.WATCH


def test_an_unknown_follow_level_is_refused_with_a_message(signed_in, thread):
    response = signed_in.post(url(thread, "follow/"), {"level": "stalk"})

    assert shown_messages(response) == ["Choose watch, track or mute."]
    assert ThreadFollow.objects.get().level == FollowLevel.WATCH


def test_a_moderator_locks_and_pins_from_the_thread_page(client, thread, moderator):
    client.force_login(moderator)

    client.post(url(thread, "moderate/"), {"locked": "on", "pinned": "on"})

    assert (fresh(thread).is_locked, fresh(thread).is_pinned) == (True, True)
    assert "Pinned" in text(client.get("/c/early-literacy/threads/"))


def test_a_member_cannot_lock_from_the_thread_page(signed_in, thread):
    response = signed_in.post(url(thread, "moderate/"), {"locked": "on"})

    assert shown_messages(response) == ["Only moderators can lock or pin threads."]
    assert not fresh(thread).is_locked


# --- lists and filters --------------------------------------------------------------------------


@pytest.fixture
def mixed(community, member, other, steward):
    """One thread of every state a list filter tells apart."""
    threads = {
        "discussion": a_thread(community, member, title="Discussion: reading corners"),
        "unanswered": a_thread(community, member, kind="question", title="Q unanswered"),
        "answered": a_thread(community, member, kind="question", title="Q answered"),
        "solved": a_thread(community, member, kind="question", title="Q solved"),
        "announcement": a_thread(community, steward, kind="announcement", title="Ann: INSET day"),
    }
    a_reply(threads["answered"], other)
    a_reply(threads["solved"], other)
    services.answer_accept(user=member, post=post_at(threads["solved"], 2), label="KS1")
    return threads


def titles(response) -> set[str]:
    return {thread.title for thread in response.context["page"].items}


@pytest.mark.parametrize(
    ("show", "expected"),
    [
        ("latest", {"discussion", "unanswered", "answered", "solved", "announcement"}),
        ("questions", {"unanswered", "answered", "solved"}),
        ("unanswered", {"unanswered"}),
        ("unsolved", {"unanswered", "answered"}),
        ("solved", {"solved"}),
        ("nonsense", {"discussion", "unanswered", "answered", "solved", "announcement"}),
    ],
)
def test_the_list_filters_threads(client, mixed, show, expected):
    response = client.get("/c/early-literacy/threads/", {"show": show})

    assert response.status_code == 200
    assert titles(response) == {mixed[key].title for key in expected}


def test_the_list_shows_newest_activity_first(client, mixed, steward):
    a_reply(mixed["discussion"], steward)

    response = client.get("/c/early-literacy/threads/")

    assert response.context["page"].items[0] == mixed["discussion"]


def test_the_list_badges_solved_and_unanswered_questions(client, mixed):
    page = text(client.get("/c/early-literacy/threads/"))

    assert "Solved" in page
    assert "Unanswered" in page
    assert "Announcement" in page


def test_a_space_page_lists_only_that_space(client, community, member):
    general, questions = community.spaces.order_by("position")
    a_thread(community, member, title="In general", space=general)
    a_thread(community, member, title="In questions", space=questions)

    response = client.get("/c/early-literacy/s/questions/")

    assert titles(response) == {"In questions"}


def test_an_unknown_space_is_not_found(client, community):
    assert client.get("/c/early-literacy/s/no-such-space/").status_code == 404


def test_a_tag_filters_the_list(client, community, member):
    phonics = TagFactory(community=community, slug="phonics", name="phonics")
    a_thread(community, member, title="Tagged", tags=[phonics])
    a_thread(community, member, title="Untagged")

    response = client.get("/c/early-literacy/threads/", {"tag": "phonics"})

    assert titles(response) == {"Tagged"}


def test_a_member_sees_which_threads_have_new_posts(signed_in, thread, other):
    signed_in.get(url(thread))
    assert "new posts" not in text(signed_in.get("/c/early-literacy/threads/"))

    a_reply(thread, other)

    assert "new posts" in text(signed_in.get("/c/early-literacy/threads/"))


def test_a_muted_thread_shows_no_new_posts(signed_in, thread, other, member):
    services.thread_follow_set(user=member, thread=thread, level=FollowLevel.MUTE)
    a_reply(thread, other)

    assert "new posts" not in text(signed_in.get("/c/early-literacy/threads/"))


def test_the_list_pages_with_a_cursor(client, community):
    space = community.spaces.first()
    ThreadFactory.create_batch(THREADS_PER_PAGE + 3, community=community, space=space)

    first = client.get("/c/early-literacy/threads/")
    assert len(first.context["page"].items) == THREADS_PER_PAGE
    after = first.context["page"].next_cursor
    assert f"after={after}" in first.content.decode()

    second = client.get("/c/early-literacy/threads/", {"after": after})
    assert len(second.context["page"].items) == 3
    assert not second.context["page"].has_next
    shown = {t.pk for t in first.context["page"].items} | {
        t.pk for t in second.context["page"].items
    }
    assert shown == set(Thread.objects.values_list("pk", flat=True))


def test_the_next_page_link_keeps_the_filter(client, community):
    ThreadFactory.create_batch(
        THREADS_PER_PAGE + 1, community=community, space=community.spaces.first(), kind="question"
    )

    response = client.get("/c/early-literacy/threads/", {"show": "unanswered"})

    assert "?show=unanswered&after=" in text(response)


MALFORMED_CURSORS = [
    "garbage",
    "%%%",
    "",
    "=",
    "a" * 5000,
    cursor("not a date", "x"),
    cursor("2024-01-01T00:00:00+00:00", "x"),
    cursor(1e308, 1e308),
    cursor(-1e308, 2**62),
    cursor(2**63, 1),
    cursor(None, None),
    cursor([1], {"a": 1}),
    cursor("x\x00y", 1),
    cursor(1, 2, 3),
    base64.urlsafe_b64encode(b"NaN").decode(),
    base64.urlsafe_b64encode(b'{"a": 1}').decode(),
]


@pytest.mark.parametrize("after", MALFORMED_CURSORS)
def test_a_malformed_cursor_on_the_list_starts_over(client, thread, after):
    response = client.get("/c/early-literacy/threads/", {"after": after})

    assert response.status_code == 200


@pytest.mark.parametrize("after", MALFORMED_CURSORS)
def test_a_malformed_cursor_on_a_question_starts_over(client, question, other, after):
    a_reply(question, other)

    response = client.get(url(question), {"after": after})

    assert response.status_code == 200


@pytest.mark.parametrize("show", ["", "x" * 5000, "solved\x00", "<script>"])
@pytest.mark.parametrize("tag", ["", "x" * 5000, "ü", "<script>"])
def test_malformed_list_filters_give_a_page(client, thread, show, tag):
    response = client.get("/c/early-literacy/threads/", {"show": show, "tag": tag})

    assert response.status_code == 200


def test_a_nul_character_in_the_tag_filter_gives_a_page(client, thread):
    response = client.get("/c/early-literacy/threads/", {"tag": "phonics\x00"})

    assert response.status_code == 200


def test_a_nul_character_in_the_space_of_the_new_thread_form_gives_a_page(signed_in):
    response = signed_in.get("/c/early-literacy/new/", {"space": "general\x00"})

    assert response.status_code == 200


@pytest.mark.parametrize("field", ["title", "body"])
def test_a_nul_character_in_a_new_thread_is_a_field_error(signed_in, community, field):
    data = {"kind": "discussion", "space": community.spaces.first().pk, "title": "T", "body": "B"}
    data[field] += "\x00"
    before = everything()

    response = signed_in.post("/c/early-literacy/new/", data)

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert everything() == before


def test_a_nul_character_in_a_reply_is_a_field_error(client, thread, other):
    client.force_login(other)
    before = everything()

    response = client.post(url(thread, "reply/"), {"body": "Hi\x00"})

    assert response.context["form"].errors["body"]
    assert everything() == before


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("p/2/hide/", {"reason": "spam\x00"}),
        ("p/2/accept/", {"label": "grade\x00"}),
        ("follow/", {"level": "watch\x00"}),
        ("p/2/react/", {"kind": "thanks\x00"}),
        ("p/2/vote/", {"value": "1\x00"}),
    ],
)
def test_a_nul_character_in_a_thread_form_is_refused_without_a_crash(
    client, question, other, steward, path, data
):
    a_reply(question, other)
    client.force_login(steward)
    before = everything()

    response = client.post(url(question, path), data)

    assert response.status_code == 302
    assert everything() == before


# --- thread pages: order and pagination ---------------------------------------------------------


@pytest.fixture
def voted(community, question, member, other, steward):
    """A question with four answers: 2 (score 0), 3 (score 2), 4 (score 1), 5 (accepted, -1)."""
    voters = [a_member(community) for _n in range(2)]
    for body in ["Plain answer", "Top-voted answer", "Liked answer", "Accepted answer"]:
        a_reply(question, [other, steward][len(body) % 2], body=body)
    for voter in voters:
        services.vote_set(user=voter, post=post_at(question, 3), value=1)
    services.vote_set(user=voters[0], post=post_at(question, 4), value=1)
    services.vote_set(user=voters[0], post=post_at(question, 5), value=-1)
    services.answer_accept(user=member, post=post_at(question, 5), label="low-tech classroom")
    return fresh(question)


def test_a_question_shows_accepted_answers_first_then_by_votes(client, voted):
    response = client.get(url(voted))

    assert response.context["page"].by_votes
    assert positions(response) == [1, 5, 3, 4, 2]


def test_a_question_sorted_oldest_first_is_in_position_order(client, voted):
    response = client.get(url(voted), {"sort": "oldest"})

    assert not response.context["page"].by_votes
    assert positions(response) == [1, 2, 3, 4, 5]


def test_equal_scores_keep_position_order(client, question, other):
    for _n in range(3):
        a_reply(question, other)

    assert positions(client.get(url(question))) == [1, 2, 3, 4]


def test_more_answers_than_a_page_continue_with_a_cursor(client, question, other, steward):
    grow(question, POSTS_PER_PAGE + 2, other)

    first = client.get(url(question))
    after = first.context["page"].next_cursor
    second = client.get(url(question), {"after": after})

    assert positions(first) == list(range(1, POSTS_PER_PAGE + 2))
    assert f"?after={after}" in first.content.decode()
    # Later pages show the question again on top, then the rest of the answers.
    assert positions(second) == [1, POSTS_PER_PAGE + 2, POSTS_PER_PAGE + 3]
    assert second.context["page"].next_cursor is None


def test_a_discussion_pages_by_position(client, thread, other):
    grow(thread, 2 * POSTS_PER_PAGE + 3, other)

    first = client.get(url(thread))
    second = client.get(url(thread), {"page": 2})
    third = client.get(url(thread), {"page": 3})

    assert positions(first) == list(range(1, POSTS_PER_PAGE + 2))
    assert positions(second) == list(range(POSTS_PER_PAGE + 2, 2 * POSTS_PER_PAGE + 2))
    assert positions(third) == [
        2 * POSTS_PER_PAGE + 2,
        2 * POSTS_PER_PAGE + 3,
        2 * POSTS_PER_PAGE + 4,
    ]
    assert third.context["page"].page_count == 3
    assert '?page=3" aria-current="page"' in third.content.decode()


def test_a_long_thread_links_its_ends_and_nearby_pages_not_every_page(client, thread, other):
    grow(thread, 20 * POSTS_PER_PAGE, other)  # 20 pages

    html = client.get(url(thread), {"page": 10}).content.decode()
    pager = html[html.index('<ul class="pagination">') :]
    pager = pager[: pager.index("</ul>")]

    linked = [int(n) for n in re.findall(r'href="\?page=(\d+)"(?! rel)', pager)]
    assert linked == [1, 8, 9, 10, 11, 12, 20]
    assert '?page=10" aria-current="page"' in pager
    assert '<a href="?page=9" rel="prev">Previous page</a>' in pager
    assert '<a href="?page=11" rel="next">Next page</a>' in pager
    assert pager.count("…") == 2


def test_the_first_and_last_pages_have_no_link_beyond_them(client, thread, other):
    grow(thread, 2 * POSTS_PER_PAGE, other)  # 3 pages

    first = client.get(url(thread)).content.decode()
    last = client.get(url(thread), {"page": 3}).content.decode()

    assert 'rel="prev"' not in first and 'rel="next"' in first
    assert 'rel="next"' not in last and 'rel="prev"' in last
    assert "…" not in first + last


@pytest.mark.parametrize(
    ("page", "shown"),
    [("abc", 1), ("", 1), ("0", 1), ("-5", 1), ("1.5", 1), ("99", 2), ("9" * 30, 2)],
)
def test_a_malformed_or_out_of_range_page_number_gives_a_page(client, thread, other, page, shown):
    grow(thread, POSTS_PER_PAGE + 1, other)

    response = client.get(url(thread), {"page": page})

    assert response.status_code == 200
    assert response.context["page"].page == shown


def test_a_permalink_goes_to_the_page_of_the_post(client, thread, other):
    grow(thread, POSTS_PER_PAGE + 5, other)

    response = client.get(url(thread, f"p/{POSTS_PER_PAGE + 3}/"))

    assert response.status_code == 302
    assert response.url == f"/c/early-literacy/t/{thread.pk}/?page=2#post-{POSTS_PER_PAGE + 3}"
    assert POSTS_PER_PAGE + 3 in positions(client.get(response.url))


def test_a_permalink_into_a_question_shows_thread_order(client, voted):
    response = client.get(url(voted, "p/3/"))

    assert response.url == f"/c/early-literacy/t/{voted.pk}/?page=1#post-3"


def test_the_unread_link_jumps_to_the_first_unread_post(client, thread, other, steward):
    grow(thread, 3, steward)
    services.thread_mark_read(user=other, thread=thread, position=2)
    grow(thread, POSTS_PER_PAGE, steward)
    client.force_login(other)

    response = client.get(url(thread, "unread/"))

    assert response.url == f"/c/early-literacy/t/{thread.pk}/#post-3"


def test_the_unread_link_jumps_to_a_later_page(client, thread, other, steward):
    grow(thread, POSTS_PER_PAGE + 5, steward)
    services.thread_mark_read(user=other, thread=thread, position=POSTS_PER_PAGE + 2)
    client.force_login(other)

    response = client.get(url(thread, "unread/"))

    position = POSTS_PER_PAGE + 3
    assert response.url == f"/c/early-literacy/t/{thread.pk}/?page=2#post-{position}"


def test_the_unread_link_for_a_visitor_goes_to_the_last_post(client, thread, other):
    grow(thread, 4, other)

    response = client.get(url(thread, "unread/"))

    assert response.url == f"/c/early-literacy/t/{thread.pk}/#post-5"


def test_reading_a_page_marks_it_read(client, thread, other, steward):
    grow(thread, POSTS_PER_PAGE + 5, steward)
    client.force_login(other)

    client.get(url(thread))

    read = ThreadFollow.objects.get(user=other, thread=thread).last_read_position
    assert read == POSTS_PER_PAGE + 1


def test_reading_an_earlier_page_does_not_move_the_read_position_back(client, thread, other):
    grow(thread, POSTS_PER_PAGE + 5, other)
    client.force_login(other)
    client.get(url(thread), {"page": 2})

    client.get(url(thread), {"page": 1})

    read = ThreadFollow.objects.get(user=other, thread=thread).last_read_position
    assert read == POSTS_PER_PAGE + 6


# --- known problems -----------------------------------------------------------------------------


def test_the_vote_ranked_first_page_does_not_mark_unshown_answers_read(
    client, community, question, other, steward
):
    grow(question, POSTS_PER_PAGE + 5, steward)
    last = fresh(question).last_position
    voter = a_member(community)
    services.vote_set(user=voter, post=post_at(question, last), value=1)
    client.force_login(other)

    response = client.get(url(question))

    shown = set(positions(response))
    unshown = set(range(1, last + 1)) - shown
    assert unshown
    read = ThreadFollow.objects.get(user=other, thread=question).last_read_position
    assert read < min(unshown)


def test_a_hidden_accepted_answer_is_no_longer_shown_as_accepted(client, question, member, other):
    a_reply(question, other, body="Use a spreadsheet")
    services.answer_accept(user=member, post=post_at(question, 2), label="grade 6")
    moderator = a_member(question.community, role="moderator")
    services.post_hide(moderator=moderator, post=post_at(question, 2), reason="Unsafe link")

    page = text(client.get(url(question)))

    assert "Unsolved" in page
    assert "works for grade 6" not in page
