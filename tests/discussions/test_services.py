"""Starting threads, replying, editing, deleting and hiding, and every refusal."""

import pytest
from django.contrib.auth.models import AnonymousUser

from staffroom.communities.models import MembershipState, Role
from staffroom.communities.services import membership_ban
from staffroom.core.errors import ServiceError
from staffroom.core.markdown import MAX_BODY_BYTES
from staffroom.discussions import services
from staffroom.discussions.models import (
    FollowLevel,
    Post,
    PostRevision,
    ThreadFollow,
    ThreadKind,
)
from staffroom.permissions.discussions import can_delete_post, can_read_thread
from tests.discussions.builders import (
    a_community,
    a_member,
    a_reply,
    fresh,
    post_at,
    row_counts,
)
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.discussions import TagFactory

pytestmark = pytest.mark.django_db


def refused(call, **kwargs) -> ServiceError:
    """Call a service expecting a refusal, and prove that it wrote nothing."""
    before = row_counts()
    with pytest.raises(ServiceError) as caught:
        call(**kwargs)
    assert row_counts() == before
    return caught.value


def start(community, author, **overrides):
    community = fresh(community)
    options = {
        "author": author,
        "community": community,
        "space": community.spaces.order_by("position").first(),
        "title": "Phonics in a mixed-age class",
        "body": "What works for you?",
    }
    options.update(overrides)
    return options


# --- thread_create ------------------------------------------------------------------------------


def test_a_member_starts_a_discussion_with_its_opening_post(community, member):
    thread = services.thread_create(**start(community, member, title="  Phonics   in  KS1 "))

    assert thread.kind == ThreadKind.DISCUSSION
    assert thread.title == "Phonics in KS1"
    assert thread.author_name == "Mia Member"
    assert (thread.post_count, thread.last_position, thread.answer_count) == (1, 1, 0)
    opening = Post.objects.get(thread=thread)
    assert opening.position == 1
    assert opening.author == member
    assert opening.body == "What works for you?"
    assert opening.body_html == "<p>What works for you?</p>\n"


def test_the_author_of_a_new_thread_watches_it_and_has_read_it(community, member):
    thread = services.thread_create(**start(community, member))

    follow = ThreadFollow.objects.get(thread=thread, user=member)
    assert follow.level == FollowLevel.WATCH
    assert follow.last_read_position == 1


def test_a_member_asks_a_question(community, member):
    thread = services.thread_create(**start(community, member, kind=ThreadKind.QUESTION))

    assert thread.is_question
    assert not thread.is_solved


def test_a_thread_carries_up_to_five_of_the_community_tags(community, member):
    tags = [TagFactory(community=community) for _n in range(5)]

    thread = services.thread_create(**start(community, member, tags=tags))

    assert set(thread.tags.all()) == set(tags)


@pytest.mark.parametrize("role", [Role.MODERATOR, Role.STEWARD])
def test_moderators_and_stewards_post_announcements(community, steward, role):
    author = steward if role == Role.STEWARD else a_member(community, role=role)

    thread = services.thread_create(**start(community, author, kind=ThreadKind.ANNOUNCEMENT))

    assert thread.kind == ThreadKind.ANNOUNCEMENT


def test_platform_staff_who_are_not_members_cannot_post_announcements(community):
    # Staff moderate everywhere, but posting needs an active membership.
    error = refused(
        services.thread_create, **start(community, StaffFactory(), kind=ThreadKind.ANNOUNCEMENT)
    )

    assert "active members" in error.message


def test_a_member_cannot_post_an_announcement(community, member):
    error = refused(
        services.thread_create, **start(community, member, kind=ThreadKind.ANNOUNCEMENT)
    )

    assert error.field == "kind"
    assert "announcements" in error.message


def test_an_unknown_kind_of_thread_is_refused(community, member):
    error = refused(services.thread_create, **start(community, member, kind="poll"))

    assert error.field == "kind"


def test_a_space_from_another_community_is_refused(community, member):
    elsewhere = a_community()

    error = refused(
        services.thread_create, **start(community, member, space=elsewhere.spaces.first())
    )

    assert error.field == "space"


@pytest.mark.parametrize("title", ["", "   ", "\n\t"])
def test_an_empty_title_is_refused(community, member, title):
    error = refused(services.thread_create, **start(community, member, title=title))

    assert error.field == "title"


def test_a_title_of_two_hundred_characters_is_accepted(community, member):
    thread = services.thread_create(**start(community, member, title="t" * 200))

    assert len(thread.title) == 200


def test_a_title_over_two_hundred_characters_is_refused(community, member):
    error = refused(services.thread_create, **start(community, member, title="t" * 201))

    assert error.field == "title"


@pytest.mark.parametrize("body", ["", "   \n  "])
def test_an_empty_opening_post_is_refused(community, member, body):
    error = refused(services.thread_create, **start(community, member, body=body))

    assert error.field == "body"


def test_an_opening_post_of_exactly_64_kb_is_accepted(community, member):
    thread = services.thread_create(**start(community, member, body="a" * MAX_BODY_BYTES))

    assert len(Post.objects.get(thread=thread).body) == MAX_BODY_BYTES


def test_an_opening_post_over_64_kb_is_refused(community, member):
    error = refused(services.thread_create, **start(community, member, body="a" * 65537))

    assert error.field == "body"
    assert "64 KB" in error.message


def test_the_64_kb_limit_counts_bytes_not_characters(community, member):
    # 40,000 two-byte characters are 80,000 bytes.
    error = refused(services.thread_create, **start(community, member, body="é" * 40_000))

    assert error.field == "body"


def test_more_than_five_tags_are_refused(community, member):
    tags = [TagFactory(community=community) for _n in range(6)]

    error = refused(services.thread_create, **start(community, member, tags=tags))

    assert error.field == "tags"


def test_a_tag_from_another_community_is_refused(community, member):
    foreign = TagFactory(community=a_community())

    error = refused(services.thread_create, **start(community, member, tags=[foreign]))

    assert error.field == "tags"


@pytest.mark.parametrize(
    "state", [MembershipState.PENDING, MembershipState.BANNED], ids=["pending", "banned"]
)
def test_pending_and_banned_members_cannot_start_threads(community, state):
    user = a_member(community, state=state)

    error = refused(services.thread_create, **start(community, user))

    assert "active members" in error.message


def test_a_non_member_cannot_start_a_thread(community):
    refused(services.thread_create, **start(community, UserFactory()))


def test_an_anonymous_visitor_cannot_start_a_thread(community):
    refused(services.thread_create, **start(community, AnonymousUser()))


def test_a_deactivated_member_cannot_start_a_thread(community, member):
    member.is_active = False
    member.save(update_fields=["is_active"])

    refused(services.thread_create, **start(community, member))


# --- post_create --------------------------------------------------------------------------------


def test_replies_take_positions_two_to_n_without_gaps(thread, other, member):
    for n in range(4):
        a_reply(thread, [other, member][n % 2], body=f"Reply {n}")

    positions = list(Post.objects.filter(thread=thread).values_list("position", flat=True))
    assert positions == [1, 2, 3, 4, 5]


def test_a_reply_moves_the_thread_counters(thread, other):
    post = a_reply(thread, other)

    thread = fresh(thread)
    assert post.position == 2
    assert thread.post_count == 2
    assert thread.last_position == 2
    assert thread.last_poster_name == "Olu Other"
    assert thread.last_posted_at == post.created_at
    # Only questions count answers.
    assert thread.answer_count == 0


def test_an_answer_to_a_question_counts_as_an_answer(question, other, steward):
    a_reply(question, other)
    a_reply(question, steward)

    question = fresh(question)
    assert question.answer_count == 2
    assert question.post_count == 3
    assert question.last_poster_name == "Sam Steward"


def test_a_refused_reply_does_not_use_up_a_position(thread, other):
    with pytest.raises(ServiceError):
        a_reply(thread, other, body="")

    assert a_reply(thread, other).position == 2


def test_a_reply_after_a_deleted_reply_takes_the_next_position(thread, other):
    deleted = a_reply(thread, other)
    services.post_delete(user=other, post=post_at(thread, deleted.position))

    assert a_reply(thread, other).position == 3


def test_the_replier_watches_the_thread_and_has_read_their_own_reply(thread, other):
    a_reply(thread, other)
    a_reply(thread, other)

    follow = ThreadFollow.objects.get(thread=thread, user=other)
    assert follow.level == FollowLevel.WATCH
    assert follow.last_read_position == 3


def test_a_reply_keeps_the_level_of_a_member_who_muted_the_thread(thread, other):
    services.thread_follow_set(user=other, thread=thread, level=FollowLevel.MUTE)

    a_reply(thread, other)

    assert ThreadFollow.objects.get(thread=thread, user=other).level == FollowLevel.MUTE


@pytest.mark.parametrize("body", ["", "  \n "])
def test_an_empty_reply_is_refused(thread, other, body):
    error = refused(services.post_create, author=other, thread=thread, body=body)

    assert error.field == "body"


def test_a_reply_over_64_kb_is_refused(thread, other):
    error = refused(services.post_create, author=other, thread=thread, body="x" * 65537)

    assert error.field == "body"


def test_a_member_cannot_reply_in_a_locked_thread(thread, other, moderator):
    services.thread_set_flags(moderator=moderator, thread=thread, locked=True, pinned=False)

    error = refused(services.post_create, author=other, thread=fresh(thread), body="Me too")

    assert "locked" in error.message


@pytest.mark.parametrize("role", [Role.MODERATOR, Role.STEWARD])
def test_moderators_and_stewards_reply_in_a_locked_thread(community, thread, steward, role):
    author = steward if role == Role.STEWARD else a_member(community, role=role)
    services.thread_set_flags(moderator=steward, thread=thread, locked=True, pinned=False)

    post = a_reply(thread, author, body="Locking this; see the new thread.")

    assert post.position == 2


def test_nobody_replies_in_a_hidden_thread(thread, member, moderator):
    services.post_delete(user=member, post=post_at(thread, 1))

    refused(services.post_create, author=moderator, thread=thread, body="Hello?")


@pytest.mark.parametrize(
    "state", [MembershipState.PENDING, MembershipState.BANNED], ids=["pending", "banned"]
)
def test_pending_and_banned_members_cannot_reply(community, thread, state):
    user = a_member(community, state=state)

    error = refused(services.post_create, author=user, thread=thread, body="Let me in")

    assert "active members" in error.message


def test_a_non_member_of_a_public_community_cannot_reply(thread):
    refused(services.post_create, author=UserFactory(), thread=thread, body="Drive-by")


# --- post_edit ----------------------------------------------------------------------------------


def test_an_author_edits_their_post_and_the_old_text_is_kept(thread, member):
    opening = post_at(thread, 1)
    original_time = opening.created_at

    services.post_edit(editor=member, post=opening, body="Year 1 and Year 2, **together**.")

    opening = fresh(opening)
    assert opening.body == "Year 1 and Year 2, **together**."
    assert "<strong>together</strong>" in opening.body_html
    assert opening.edit_count == 1
    assert opening.edited_at is not None
    revision = PostRevision.objects.get(post=opening)
    assert revision.body == "I have Year 1 and Year 2 together this term. What works for you?"
    assert revision.created_at == original_time
    assert revision.editor == member


def test_every_edit_keeps_a_revision_and_counts(thread, member):
    for text in ["First change", "Second change", "Third change"]:
        services.post_edit(editor=member, post=post_at(thread, 1), body=text)

    opening = post_at(thread, 1)
    assert opening.edit_count == 3
    assert [r.body for r in opening.revisions.all()] == [
        "Second change",
        "First change",
        "I have Year 1 and Year 2 together this term. What works for you?",
    ]


def test_saving_the_same_text_is_not_an_edit(thread, member):
    opening = post_at(thread, 1)

    services.post_edit(editor=member, post=opening, body=f"  {opening.body}  ")

    assert fresh(opening).edit_count == 0
    assert not PostRevision.objects.exists()


def test_another_member_cannot_edit_a_post(thread, other):
    error = refused(services.post_edit, editor=other, post=post_at(thread, 1), body="Vandalised")

    assert post_at(thread, 1).body != "Vandalised"
    assert "your own" in error.message


@pytest.mark.parametrize("role", [Role.MODERATOR, Role.STEWARD])
def test_moderators_and_stewards_edit_any_post(community, thread, steward, role):
    editor = steward if role == Role.STEWARD else a_member(community, role=role)

    services.post_edit(editor=editor, post=post_at(thread, 1), body="Removed a phone number.")

    assert post_at(thread, 1).body == "Removed a phone number."
    assert PostRevision.objects.filter(post__thread=thread).count() == 1


def test_a_banned_author_can_no_longer_edit(community, thread, member, steward):
    membership_ban(actor=steward, community=fresh(community), user=member, reason="spam")

    refused(services.post_edit, editor=member, post=post_at(thread, 1), body="Spam")


def test_an_edit_to_an_empty_body_is_refused(thread, member):
    error = refused(services.post_edit, editor=member, post=post_at(thread, 1), body="  ")

    assert error.field == "body"


def test_an_edit_over_64_kb_is_refused(thread, member):
    refused(services.post_edit, editor=member, post=post_at(thread, 1), body="x" * 65537)


def test_a_deleted_post_cannot_be_edited(thread, other):
    reply = a_reply(thread, other)
    services.post_delete(user=other, post=post_at(thread, reply.position))

    refused(services.post_edit, editor=other, post=post_at(thread, 2), body="Back again")


def test_each_revision_names_the_person_who_wrote_that_version(thread, member, moderator):
    services.post_edit(editor=member, post=post_at(thread, 1), body="The author's second version")
    services.post_edit(editor=moderator, post=post_at(thread, 1), body="Moderator's tidy-up")

    writers = {r.body: r.editor for r in PostRevision.objects.filter(post__thread=thread)}
    assert writers["I have Year 1 and Year 2 together this term. What works for you?"] == member
    assert writers["The author's second version"] == member


# --- post_delete --------------------------------------------------------------------------------


def test_an_author_deletes_their_reply_and_its_place_stays(thread, other):
    reply = a_reply(thread, other, body="Oops, wrong thread")

    services.post_delete(user=other, post=post_at(thread, reply.position))

    reply = fresh(reply)
    assert reply.deleted_at is not None
    assert (reply.body, reply.body_html) == ("", "")
    assert reply.position == 2
    assert not reply.is_visible
    assert fresh(thread).hidden_at is None


def test_a_member_cannot_delete_someone_elses_reply(thread, other, member):
    reply = a_reply(thread, other)

    error = refused(services.post_delete, user=member, post=post_at(thread, reply.position))

    assert "your own" in error.message


def test_a_moderator_cannot_delete_someone_elses_reply(thread, other, moderator):
    reply = a_reply(thread, other)

    refused(services.post_delete, user=moderator, post=post_at(thread, reply.position))


def test_deleting_an_answer_lowers_the_answer_count(question, other):
    reply = a_reply(question, other)

    services.post_delete(user=other, post=post_at(question, reply.position))

    assert fresh(question).answer_count == 0


def test_deleting_the_opening_post_of_a_thread_without_replies_hides_the_thread(thread, member):
    opening = post_at(thread, 1)
    assert can_delete_post(member, opening)

    services.post_delete(user=member, post=opening)

    thread = fresh(thread)
    assert thread.hidden_at is not None
    assert not can_read_thread(member, thread)


def test_the_opening_post_of_a_thread_with_replies_cannot_be_deleted(thread, member, other):
    a_reply(thread, other)
    opening = post_at(thread, 1)

    assert not can_delete_post(member, opening)
    refused(services.post_delete, user=member, post=opening)
    assert fresh(thread).hidden_at is None


def test_a_deleted_post_cannot_be_deleted_again(thread, other):
    reply = a_reply(thread, other)
    services.post_delete(user=other, post=post_at(thread, reply.position))

    assert not can_delete_post(other, post_at(thread, reply.position))
    refused(services.post_delete, user=other, post=post_at(thread, reply.position))


# --- post_hide / post_unhide --------------------------------------------------------------------


def test_a_moderator_hides_a_post_with_a_reason(thread, other, moderator):
    reply = a_reply(thread, other)

    services.post_hide(moderator=moderator, post=post_at(thread, 2), reason="  Off topic  ")

    reply = fresh(reply)
    assert reply.hidden_at is not None
    assert reply.hidden_by == moderator
    assert reply.hidden_reason == "Off topic"
    assert not reply.is_visible
    # Hiding keeps the text, so the post can be shown again.
    assert reply.body == "Decodable readers at two levels."


def test_a_moderator_shows_a_hidden_post_again(thread, other, moderator):
    a_reply(thread, other)
    services.post_hide(moderator=moderator, post=post_at(thread, 2), reason="Off topic")

    services.post_unhide(moderator=moderator, post=post_at(thread, 2))

    reply = post_at(thread, 2)
    assert reply.is_visible
    assert (reply.hidden_by, reply.hidden_reason) == (None, "")


def test_a_steward_and_platform_staff_hide_posts(thread, other, steward):
    a_reply(thread, other)

    services.post_hide(moderator=steward, post=post_at(thread, 2), reason="Personal data")
    services.post_unhide(moderator=StaffFactory(), post=post_at(thread, 2))

    assert post_at(thread, 2).is_visible


def test_a_member_cannot_hide_a_post(thread, other, member):
    a_reply(thread, other)

    error = refused(services.post_hide, moderator=member, post=post_at(thread, 2), reason="Meh")

    assert "moderators" in error.message


def test_a_member_cannot_show_a_hidden_post(thread, other, member, moderator):
    a_reply(thread, other)
    services.post_hide(moderator=moderator, post=post_at(thread, 2), reason="Off topic")

    refused(services.post_unhide, moderator=member, post=post_at(thread, 2))

    assert not post_at(thread, 2).is_visible


@pytest.mark.parametrize("reason", ["", "   ", "r" * 301])
def test_hiding_needs_a_reason_of_up_to_300_characters(thread, other, moderator, reason):
    a_reply(thread, other)

    error = refused(services.post_hide, moderator=moderator, post=post_at(thread, 2), reason=reason)

    assert error.field == "reason"


def test_hiding_and_showing_an_answer_refreshes_the_answer_count(question, other, moderator):
    a_reply(question, other)

    services.post_hide(moderator=moderator, post=post_at(question, 2), reason="Spam link")
    assert fresh(question).answer_count == 0

    services.post_unhide(moderator=moderator, post=post_at(question, 2))
    assert fresh(question).answer_count == 1


def test_hiding_an_accepted_answer_unsolves_the_question(question, member, other, moderator):
    a_reply(question, other)
    services.answer_accept(user=member, post=post_at(question, 2), label="grade 2")
    assert fresh(question).is_solved

    services.post_hide(moderator=moderator, post=post_at(question, 2), reason="Unsafe advice")
    assert fresh(question).accepted_count == 0
    assert not fresh(question).is_solved

    services.post_unhide(moderator=moderator, post=post_at(question, 2))
    assert fresh(question).accepted_count == 1


# --- thread_set_flags ---------------------------------------------------------------------------


def test_a_moderator_locks_and_pins_a_thread(thread, moderator):
    services.thread_set_flags(moderator=moderator, thread=thread, locked=True, pinned=True)

    thread = fresh(thread)
    assert (thread.is_locked, thread.is_pinned) == (True, True)


def test_a_member_cannot_lock_a_thread(thread, member):
    refused(services.thread_set_flags, moderator=member, thread=thread, locked=True, pinned=False)

    assert not fresh(thread).is_locked
