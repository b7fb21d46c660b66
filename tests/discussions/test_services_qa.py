"""Accepted answers, reactions, votes, following and read state, and every refusal."""

import pytest
from django.contrib.auth.models import AnonymousUser

from staffroom.communities.models import MembershipState, Role, Visibility
from staffroom.communities.services import membership_ban
from staffroom.core.errors import ServiceError
from staffroom.discussions import services
from staffroom.discussions.models import (
    AcceptedAnswer,
    FollowLevel,
    Reaction,
    ReactionKind,
    ThreadFollow,
    Vote,
)
from tests.discussions.builders import (
    a_community,
    a_member,
    a_reply,
    a_thread,
    fresh,
    post_at,
    row_counts,
)
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def refused(call, **kwargs) -> ServiceError:
    """Call a service expecting a refusal, and prove that it wrote nothing."""
    before = row_counts()
    with pytest.raises(ServiceError) as caught:
        call(**kwargs)
    assert row_counts() == before
    return caught.value


@pytest.fixture
def answered(question, other):
    """A question with one answer, by someone other than the asker."""
    a_reply(question, other, body="Try “turn and talk” with sentence stems.")
    return fresh(question)


# --- answer_accept / answer_unaccept -------------------------------------------------------------


def test_the_asker_accepts_an_answer_with_a_context_label(answered, member):
    accepted = services.answer_accept(
        user=member, post=post_at(answered, 2), label="  for   English-language learners "
    )

    assert accepted.label == "for English-language learners"
    assert accepted.accepted_by == member
    assert fresh(answered).accepted_count == 1
    assert fresh(answered).is_solved


def test_an_answer_is_accepted_without_a_label(answered, member):
    accepted = services.answer_accept(user=member, post=post_at(answered, 2))

    assert accepted.label == ""
    assert fresh(answered).is_solved


@pytest.mark.parametrize("role", [Role.MODERATOR, Role.STEWARD])
def test_moderators_and_stewards_accept_answers(community, answered, steward, role):
    user = steward if role == Role.STEWARD else a_member(community, role=role)

    services.answer_accept(user=user, post=post_at(answered, 2), label="grade 3")

    assert fresh(answered).is_solved


def test_another_member_cannot_accept_an_answer(community, answered):
    bystander = a_member(community)

    error = refused(services.answer_accept, user=bystander, post=post_at(answered, 2))

    assert "asked" in error.message
    assert not fresh(answered).is_solved


def test_the_answerer_cannot_accept_their_own_answer(answered, other):
    refused(services.answer_accept, user=other, post=post_at(answered, 2))


def test_a_banned_asker_can_no_longer_accept(community, answered, member, steward):
    membership_ban(actor=steward, community=fresh(community), user=member, reason="spam")

    refused(services.answer_accept, user=member, post=post_at(answered, 2))


def test_the_opening_post_cannot_be_an_accepted_answer(answered, member):
    error = refused(services.answer_accept, user=member, post=post_at(answered, 1))

    assert "reply" in error.message


def test_a_reply_in_a_discussion_cannot_be_accepted(thread, member, other):
    a_reply(thread, other)

    refused(services.answer_accept, user=member, post=post_at(thread, 2))


def test_a_hidden_answer_cannot_be_accepted(answered, member, moderator):
    services.post_hide(moderator=moderator, post=post_at(answered, 2), reason="Spam")

    refused(services.answer_accept, user=member, post=post_at(answered, 2))


def test_a_label_of_80_characters_is_accepted(answered, member):
    accepted = services.answer_accept(user=member, post=post_at(answered, 2), label="g" * 80)

    assert len(accepted.label) == 80


def test_a_label_over_80_characters_is_refused(answered, member):
    error = refused(services.answer_accept, user=member, post=post_at(answered, 2), label="g" * 81)

    assert error.field == "label"


def test_an_answer_cannot_be_accepted_twice(answered, member):
    services.answer_accept(user=member, post=post_at(answered, 2), label="grade 2")

    error = refused(services.answer_accept, user=member, post=post_at(answered, 2), label="KS1")

    assert "already" in error.message
    assert AcceptedAnswer.objects.get().label == "grade 2"


def test_several_answers_are_accepted_each_with_its_own_label(answered, member, steward):
    a_reply(answered, steward, body="Picture books with no words.")
    a_reply(answered, member, body="Thanks both!")

    services.answer_accept(user=member, post=post_at(answered, 2), label="grade 2")
    services.answer_accept(user=member, post=post_at(answered, 3), label="low-tech classroom")

    labels = dict(AcceptedAnswer.objects.values_list("post__position", "label"))
    assert labels == {2: "grade 2", 3: "low-tech classroom"}
    assert fresh(answered).accepted_count == 2


def test_the_asker_takes_back_an_acceptance(answered, member):
    services.answer_accept(user=member, post=post_at(answered, 2), label="grade 2")

    services.answer_unaccept(user=member, post=post_at(answered, 2))

    assert not AcceptedAnswer.objects.exists()
    assert not fresh(answered).is_solved


def test_taking_back_one_of_two_acceptances_keeps_the_question_solved(answered, member, steward):
    a_reply(answered, steward)
    services.answer_accept(user=member, post=post_at(answered, 2), label="grade 2")
    services.answer_accept(user=member, post=post_at(answered, 3), label="grade 3")

    services.answer_unaccept(user=member, post=post_at(answered, 2))

    assert fresh(answered).accepted_count == 1
    assert fresh(answered).is_solved


def test_another_member_cannot_take_back_an_acceptance(community, answered, member):
    services.answer_accept(user=member, post=post_at(answered, 2), label="grade 2")

    refused(services.answer_unaccept, user=a_member(community), post=post_at(answered, 2))

    assert fresh(answered).is_solved


def test_deleting_an_accepted_answer_unsolves_the_question(answered, member, other):
    services.answer_accept(user=member, post=post_at(answered, 2), label="grade 2")

    services.post_delete(user=other, post=post_at(answered, 2))

    assert fresh(answered).accepted_count == 0
    assert fresh(answered).answer_count == 0


# --- reaction_toggle ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "counter"),
    [(ReactionKind.THANKS, "thanks_count"), (ReactionKind.TRIED, "tried_count")],
)
def test_a_reaction_goes_on_then_off(thread, other, kind, counter):
    opening = post_at(thread, 1)

    assert services.reaction_toggle(user=other, post=opening, kind=kind) is True
    assert getattr(fresh(opening), counter) == 1
    assert Reaction.objects.filter(post=opening, user=other, kind=kind).exists()

    assert services.reaction_toggle(user=other, post=opening, kind=kind) is False
    assert getattr(fresh(opening), counter) == 0
    assert not Reaction.objects.exists()


def test_reactions_from_several_members_are_counted_separately_by_kind(
    community, thread, other, steward
):
    opening = post_at(thread, 1)
    third = a_member(community)

    services.reaction_toggle(user=other, post=opening, kind=ReactionKind.THANKS)
    services.reaction_toggle(user=steward, post=opening, kind=ReactionKind.THANKS)
    services.reaction_toggle(user=third, post=opening, kind=ReactionKind.TRIED)
    services.reaction_toggle(user=third, post=opening, kind=ReactionKind.THANKS)

    opening = fresh(opening)
    assert (opening.thanks_count, opening.tried_count) == (3, 1)


def test_a_member_cannot_react_to_their_own_post(thread, member):
    error = refused(
        services.reaction_toggle, user=member, post=post_at(thread, 1), kind=ReactionKind.TRIED
    )

    assert "own post" in error.message


def test_an_unknown_reaction_is_refused(thread, other):
    error = refused(services.reaction_toggle, user=other, post=post_at(thread, 1), kind="love")

    assert error.field == "kind"


@pytest.mark.parametrize(
    "state", [MembershipState.PENDING, MembershipState.BANNED], ids=["pending", "banned"]
)
def test_pending_and_banned_members_cannot_react(community, thread, state):
    user = a_member(community, state=state)

    refused(services.reaction_toggle, user=user, post=post_at(thread, 1), kind="thanks")


def test_a_non_member_cannot_react(thread):
    refused(services.reaction_toggle, user=UserFactory(), post=post_at(thread, 1), kind="thanks")


def test_nobody_reacts_to_a_hidden_post(thread, other, moderator, steward):
    a_reply(thread, other)
    services.post_hide(moderator=moderator, post=post_at(thread, 2), reason="Off topic")

    refused(services.reaction_toggle, user=steward, post=post_at(thread, 2), kind="thanks")


# --- vote_set -----------------------------------------------------------------------------------


def test_members_vote_answers_up_and_down_and_the_score_follows(community, answered, member):
    answer = post_at(answered, 2)
    third = a_member(community)

    assert services.vote_set(user=member, post=answer, value=1) == 1
    assert services.vote_set(user=third, post=answer, value=1) == 2
    assert services.vote_set(user=third, post=answer, value=-1) == 0
    assert services.vote_set(user=member, post=answer, value=-1) == -2

    assert fresh(answer).score == -2
    assert Vote.objects.filter(post=answer).count() == 2


def test_a_vote_of_zero_withdraws_the_vote(answered, member):
    answer = post_at(answered, 2)
    services.vote_set(user=member, post=answer, value=1)

    assert services.vote_set(user=member, post=answer, value=0) == 0

    assert not Vote.objects.exists()
    assert fresh(answer).score == 0


def test_voting_the_same_way_twice_counts_once(answered, member):
    answer = post_at(answered, 2)

    services.vote_set(user=member, post=answer, value=1)
    services.vote_set(user=member, post=answer, value=1)

    assert fresh(answer).score == 1


@pytest.mark.parametrize("value", [2, -2, 5])
def test_votes_other_than_minus_one_zero_and_one_are_refused(answered, member, value):
    error = refused(services.vote_set, user=member, post=post_at(answered, 2), value=value)

    assert error.field == "value"


def test_the_question_itself_is_not_voted_on(answered, other):
    refused(services.vote_set, user=other, post=post_at(answered, 1), value=1)


def test_replies_in_a_discussion_are_not_voted_on(thread, other, member):
    a_reply(thread, other)

    refused(services.vote_set, user=member, post=post_at(thread, 2), value=1)


def test_a_member_cannot_vote_on_their_own_answer(answered, other):
    refused(services.vote_set, user=other, post=post_at(answered, 2), value=1)


def test_a_non_member_cannot_vote(answered):
    refused(services.vote_set, user=UserFactory(), post=post_at(answered, 2), value=1)


def test_a_banned_member_cannot_vote(community, answered):
    banned = a_member(community, state=MembershipState.BANNED)

    refused(services.vote_set, user=banned, post=post_at(answered, 2), value=1)


# --- thread_follow_set --------------------------------------------------------------------------


@pytest.mark.parametrize("level", FollowLevel.values)
def test_a_member_chooses_how_to_follow_a_thread(thread, other, level):
    follow = services.thread_follow_set(user=other, thread=thread, level=level)

    assert ThreadFollow.objects.get(thread=thread, user=other) == follow
    assert follow.level == level


def test_changing_the_follow_level_keeps_one_row_and_the_read_position(thread, member):
    services.thread_follow_set(user=member, thread=thread, level=FollowLevel.MUTE)

    follow = ThreadFollow.objects.get(thread=thread, user=member)
    assert follow.level == FollowLevel.MUTE
    assert follow.last_read_position == 1


def test_an_unknown_follow_level_is_refused(thread, other):
    error = refused(services.thread_follow_set, user=other, thread=thread, level="stalk")

    assert error.field == "level"


def test_an_anonymous_visitor_cannot_follow(thread):
    refused(services.thread_follow_set, user=AnonymousUser(), thread=thread, level="watch")


def test_an_outsider_cannot_follow_a_thread_in_a_members_only_community():
    community = a_community(visibility=Visibility.MEMBERS)
    thread = a_thread(community, a_member(community))

    refused(services.thread_follow_set, user=UserFactory(), thread=fresh(thread), level="watch")


def test_a_member_cannot_follow_a_hidden_thread(thread, member, other):
    services.post_delete(user=member, post=post_at(thread, 1))

    refused(services.thread_follow_set, user=other, thread=fresh(thread), level="watch")


# --- thread_mark_read ---------------------------------------------------------------------------


def test_reading_a_thread_remembers_the_position(thread, other, steward):
    for _n in range(3):
        a_reply(thread, steward)

    services.thread_mark_read(user=other, thread=thread, position=3)

    follow = ThreadFollow.objects.get(thread=thread, user=other)
    assert follow.last_read_position == 3
    assert follow.level == FollowLevel.TRACK


def test_the_read_position_only_moves_forward(thread, other, steward):
    for _n in range(4):
        a_reply(thread, steward)
    services.thread_mark_read(user=other, thread=thread, position=4)

    services.thread_mark_read(user=other, thread=thread, position=2)
    assert ThreadFollow.objects.get(thread=thread, user=other).last_read_position == 4

    services.thread_mark_read(user=other, thread=thread, position=5)
    assert ThreadFollow.objects.get(thread=thread, user=other).last_read_position == 5


def test_marking_read_keeps_the_follow_level(thread, other):
    services.thread_follow_set(user=other, thread=thread, level=FollowLevel.WATCH)

    services.thread_mark_read(user=other, thread=thread, position=1)

    assert ThreadFollow.objects.get(thread=thread, user=other).level == FollowLevel.WATCH


def test_anonymous_reading_is_not_remembered(thread):
    before = row_counts()

    services.thread_mark_read(user=AnonymousUser(), thread=thread, position=1)

    assert row_counts() == before


def test_hiding_one_of_two_answers_leaves_one_answer_counted(answered, member, moderator):
    a_reply(answered, member, body="Thanks, trying this tomorrow.")
    services.post_hide(moderator=moderator, post=post_at(answered, 3), reason="Not an answer")

    assert fresh(answered).answer_count == 1
