"""Prepared queries read exactly what the ORM's own queryset reads, for every new value.

The thread page's queries are compiled once and run with each request's values
(``core.prepared``). These tests compare them, row by row and attribute by attribute, with
``list(queryset)`` for the same values, on whichever database the suite runs on, and check
the refusals that keep a prepared query from silently running the wrong statement.
"""

import pytest
from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.test.utils import CaptureQueriesContext

from staffroom.core.prepared import PreparedQuery, prepared
from staffroom.discussions import selectors, services
from staffroom.discussions.models import Post, Reaction, ReactionKind, Thread
from tests.discussions.builders import a_reply, a_thread, fresh, post_at

pytestmark = pytest.mark.django_db


def _posts(thread_id: int, first: int, last: int, user_id: int):
    return (
        Post.objects.filter(thread=thread_id, position__range=(first, last))
        .select_related("author__profile")
        .annotate(
            thanked=Exists(
                Reaction.objects.filter(post=OuterRef("pk"), user=user_id, kind="thanks")
            )
        )
        .order_by("position")
    )


posts_in_range = PreparedQuery(_posts, (int, int, int, int))


def _same(prepared_rows: list, orm_rows: list, *names: str) -> None:
    assert [row.pk for row in prepared_rows] == [row.pk for row in orm_rows]
    for mine, theirs in zip(prepared_rows, orm_rows, strict=True):
        fields = [field.attname for field in type(theirs)._meta.concrete_fields]
        assert {n: getattr(mine, n) for n in fields} == {n: getattr(theirs, n) for n in fields}
        for name in names:
            assert getattr(mine, name) == getattr(theirs, name), name


@pytest.fixture
def replied(thread, member, other):
    for number in range(4):
        a_reply(thread, other if number % 2 else member, f"Reply number {number}.")
    services.reaction_toggle(user=other, post=post_at(thread, 2), kind=ReactionKind.THANKS)
    return fresh(thread)


def test_a_prepared_query_reads_what_the_orm_reads_for_each_new_value(replied, member, other):
    second = a_thread(replied.community, other)
    a_reply(second, member, "Another thread's reply.")
    for values in [
        (replied.pk, 1, 5, other.pk),
        (replied.pk, 2, 3, member.pk),
        (second.pk, 1, 9, member.pk),
    ]:
        with CaptureQueriesContext(connection) as queries:
            rows = posts_in_range(*values)
        assert len(queries) == 1
        expected = list(_posts(*values))
        assert expected, "each case reads some rows"
        _same(rows, expected, "thanked")
        # select_related objects come built, as the ORM builds them: no query to read them.
        with CaptureQueriesContext(connection) as queries:
            authors = [(row.author.email, row.author.profile.display_name) for row in rows]
        assert len(queries) == 0
        assert authors == [(r.author.email, r.author.profile.display_name) for r in expected]
    # The reaction is the viewer's own: it shows for the one who gave it and no one else.
    assert [row.thanked for row in posts_in_range(replied.pk, 2, 2, other.pk)] == [True]
    assert [row.thanked for row in posts_in_range(replied.pk, 2, 2, member.pk)] == [False]


def test_dates_come_back_as_the_orm_gives_them(replied, other):
    rows = posts_in_range(replied.pk, 1, 2, other.pk)
    expected = list(_posts(replied.pk, 1, 2, other.pk))
    assert [row.created_at for row in rows] == [row.created_at for row in expected]
    assert all(row.created_at.tzinfo is not None for row in rows)


def test_the_thread_page_reads_the_same_posts_and_state_as_the_orm(question, member, other):
    answers = [a_reply(question, member if n % 2 else other, f"Answer {n}.") for n in range(4)]
    services.vote_set(user=member, post=answers[0], value=1)
    services.reaction_toggle(user=member, post=answers[2], kind=ReactionKind.TRIED)
    page = selectors.thread_page(viewer=member, thread=fresh(question))
    expected = list(
        selectors._with_viewer_state(Post.objects.filter(thread=question), member).order_by(
            "position"
        )
    )
    _same([page.opening, *page.posts], expected, *selectors.VIEWER_STATE)
    assert [p.viewer_vote for p in page.posts] == [1, 0, 0, 0]
    assert [p.viewer_reaction_kinds for p in page.posts] == [set(), set(), {"tried"}, set()]


def test_a_question_page_leaves_out_its_accepted_answers_from_the_ranked_list(
    question, member, other
):
    answers = [a_reply(question, other, f"Answer {n}.") for n in range(4)]
    services.vote_set(user=member, post=answers[2], value=1)
    services.answer_accept(user=member, post=answers[1])
    page = selectors.question_page(viewer=member, thread=fresh(question))
    assert [p.pk for p in page.posts] == [
        answers[1].pk,
        answers[2].pk,
        answers[0].pk,
        answers[3].pk,
    ]
    assert [p.is_accepted for p in page.posts] == [True, False, False, False]
    assert page.posts[1].viewer_vote == 1
    # A visitor reads the same order, with no viewer state.
    visitor = selectors.question_page(viewer=_visitor(), thread=fresh(question))
    assert [p.pk for p in visitor.posts] == [p.pk for p in page.posts]


def _visitor():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def test_a_value_that_is_not_a_plain_parameter_is_refused_when_compiled(thread):
    @prepared(str)
    def titled(words: str):
        # icontains wraps the value in %...%: a call could not swap it in.
        return Thread.objects.filter(title__icontains=words)

    with pytest.raises(ValueError, match="do not reach the SQL"):
        titled("ratio")


def test_values_of_the_wrong_kind_or_number_are_refused(thread):
    @prepared(int)
    def by_id(thread_id: int):
        return Thread.objects.filter(pk=thread_id)

    assert [t.pk for t in by_id(thread.pk)] == [thread.pk]
    with pytest.raises(TypeError):
        by_id(str(thread.pk))
    with pytest.raises(TypeError):
        by_id(True)
    with pytest.raises(TypeError):
        by_id(thread.pk, 2)


def test_only_model_querysets_can_be_prepared(thread):
    @prepared(int)
    def titles(thread_id: int):
        return Thread.objects.filter(pk=thread_id).values("title")

    with pytest.raises(TypeError, match="model instances"):
        titles(thread.pk)


def test_constants_of_the_queryset_stay_as_they_were_built(replied, member):
    @prepared(int)
    def after_the_opening(thread_id: int):
        return Post.objects.filter(Q(thread=thread_id), position__gt=1).order_by("position")

    assert [p.position for p in after_the_opening(replied.pk)] == [2, 3, 4, 5]
