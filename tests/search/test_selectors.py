"""search() and similar() on whichever database runs the tests: SQLite FTS5 or PostgreSQL."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from staffroom.communities.models import MembershipState, Role, Visibility
from staffroom.search.selectors import MAX_SIMILAR, search, similar
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.communities import CommunityFactory, MembershipFactory
from tests.search.conftest import index, titles

pytestmark = pytest.mark.django_db

SQLITE = connection.vendor == "sqlite"


def find(q, viewer=None, **filters):
    from django.contrib.auth.models import AnonymousUser

    return search(viewer=viewer or AnonymousUser(), q=q, **filters)


# --- matching and ranking ---------------------------------------------------------------


def test_a_word_finds_the_documents_that_contain_it(community):
    index(community, title="Fractions with pizza", body="Cut it in eighths.")
    index(community, title="Seating plans", body="Rows or groups?")

    assert titles(find("eighths")) == ["Fractions with pizza"]


def test_every_word_must_appear(community):
    index(community, title="Fractions with pizza")
    index(community, title="Fractions on a number line")

    assert titles(find("fractions pizza")) == ["Fractions with pizza"]


def test_matching_ignores_case(community):
    index(community, title="FRACTIONS with Pizza")

    assert titles(find("fractions PIZZA")) == ["FRACTIONS with Pizza"]


def test_the_last_word_matches_as_a_prefix(community):
    index(community, title="Equivalent fractions")

    assert titles(find("equivalent fract")) == ["Equivalent fractions"]


def test_a_quoted_phrase_needs_its_words_side_by_side(community):
    index(community, title="Number line", body="Put fractions on a number line.")
    index(community, title="Lines", body="A line with a number of points.")

    assert titles(find('"number line"')) == ["Number line"]


def test_a_minus_word_excludes_documents(community):
    index(community, title="Fractions with pizza")
    index(community, title="Fractions with paper strips")

    assert titles(find("fractions -pizza")) == ["Fractions with paper strips"]


def test_or_accepts_either_word(community):
    index(community, title="Ratio tables")
    index(community, title="Proportion puzzles")
    index(community, title="Seating plans")

    assert sorted(titles(find("ratio OR proportion"))) == ["Proportion puzzles", "Ratio tables"]


def test_hyphenated_words_match_their_parts_and_the_whole(community):
    index(community, title="Grade-3 fractions")

    assert titles(find("grade 3")) == ["Grade-3 fractions"]
    assert titles(find("grade-3")) == ["Grade-3 fractions"]


def test_words_inside_angle_brackets_are_indexed(community):
    index(community, title="Embedding", body="Paste the <iframe> code into the page.")

    assert titles(find("iframe")) == ["Embedding"]


def test_tags_are_searchable(community):
    index(community, title="Pizza lesson", tags=["fractions", "grade-3"])

    assert titles(find("fractions")) == ["Pizza lesson"]


def test_accents_are_ignored_on_sqlite_and_kept_on_postgres(community):
    index(community, title="Lecture à l'école")

    assert titles(find("école")) == ["Lecture à l'école"]
    assert titles(find("ecole")) == (["Lecture à l'école"] if SQLITE else [])


def test_title_matches_rank_above_body_matches(community):
    index(community, title="Classroom routines", body="We also did fractions. " * 3)
    index(community, title="Fractions with pizza", body="A lesson for Friday.")
    index(community, title="Homework", body="Fractions homework for the week.")

    assert titles(find("fractions"))[0] == "Fractions with pizza"


def test_more_matching_words_rank_higher(community):
    index(community, title="Ratio tables", body="Tables for ratio work.")
    index(community, title="Ratio and proportion tables", body="Proportion and ratio tables.")

    hits = find("ratio OR proportion").results
    assert hits[0].title == "Ratio and proportion tables"
    assert hits[0].rank > hits[1].rank


# --- snippets ---------------------------------------------------------------------------


def test_snippets_mark_the_matching_words(community):
    index(community, title="Pizza", body="We cut the pizza into eighths and compared slices.")

    [hit] = find("eighths").results
    assert "<mark>eighths</mark>" in hit.snippet
    assert "compared" in hit.snippet


def test_titles_come_highlighted_too(community):
    index(community, title="Fractions with pizza")

    [hit] = find("pizza").results
    assert hit.title_html == "Fractions with <mark>pizza</mark>"
    assert hit.title == "Fractions with pizza"


def test_snippets_escape_markup_in_the_text(community):
    index(
        community,
        title="<b>Bold</b> pizza",
        body="<script>alert('pizza')</script> & <img src=x onerror=alert(1)> pizza",
    )

    [hit] = find("pizza").results
    assert "<script" not in hit.snippet
    assert "<img" not in hit.snippet
    # PostgreSQL starts a fragment at a word, so the first '<' may fall outside it.
    assert "script&gt;alert(&#x27;<mark>pizza</mark>&#x27;)&lt;/script&gt;" in hit.snippet
    assert "&amp; &lt;img src=x onerror=alert(1)&gt; <mark>pizza</mark>" in hit.snippet
    assert hit.title_html == "&lt;b&gt;Bold&lt;/b&gt; <mark>pizza</mark>"


def test_a_long_body_gives_a_short_snippet_around_the_match(community):
    body = "Filler words about the weather. " * 60 + "The key idea is eighths. " + "More. " * 60
    index(community, title="Long", body=body)

    [hit] = find("eighths").results
    assert "<mark>eighths</mark>" in hit.snippet
    assert len(hit.snippet) < 400


def test_a_title_only_match_shows_the_start_of_the_body(community):
    index(community, title="Pizza fractions", body="We started with a story about sharing.")

    [hit] = find("pizza").results
    assert "We started with a story" in hit.snippet
    assert "<mark>" not in hit.snippet


def test_hits_carry_what_a_result_list_shows(community):
    index(
        community,
        kind="post",
        object_id=42,
        title="",
        body="Try pizza.",
        space_id=7,
        thread_id=9,
        thread_kind="question",
        solved=True,
        attrs={"url": "/c/ratio-club/t/9#post-42", "thread_title": "Fractions?"},
    )

    [hit] = find("pizza").results
    assert (hit.kind, hit.object_id, hit.space_id, hit.thread_id) == ("post", 42, 7, 9)
    assert (hit.thread_kind, hit.solved) == ("question", True)
    assert hit.attrs == {"url": "/c/ratio-club/t/9#post-42", "thread_title": "Fractions?"}
    assert hit.url == "/c/ratio-club/t/9#post-42"
    assert (hit.community_id, hit.community_name, hit.community_slug) == (
        community.pk,
        "Ratio club",
        "ratio-club",
    )
    assert hit.created_at is not None


# --- filters ----------------------------------------------------------------------------


def test_the_community_filter_keeps_one_community(community):
    other = CommunityFactory()
    index(community, title="Pizza here")
    index(other, title="Pizza there")

    assert titles(find("pizza", community=community)) == ["Pizza here"]
    assert titles(find("pizza", community=other.pk)) == ["Pizza there"]


def test_the_space_filter_keeps_one_space(community):
    index(community, title="Pizza in questions", space_id=1)
    index(community, title="Pizza in general", space_id=2)

    assert titles(find("pizza", space_id=1)) == ["Pizza in questions"]


def test_the_tag_filter_matches_whole_tags_only(community):
    index(community, title="Pizza one", tags=["grade-3", "fractions"])
    index(community, title="Pizza two", tags=["grade-3b"])
    index(community, title="Pizza three", tags=["grade"])
    index(community, title="Pizza four", tags=["grade_3"])

    assert titles(find("pizza", tag="grade-3")) == ["Pizza one"]
    assert titles(find("pizza", tag="GRADE-3")) == ["Pizza one"]
    assert titles(find("pizza", tag="grade%")) == []
    assert titles(find("pizza", tag="not a tag!")) == []


def test_the_kind_filter_takes_one_kind_or_several(community):
    index(community, kind="thread", title="Pizza thread")
    index(community, kind="post", body="Pizza post")
    index(community, kind="resource", title="Pizza worksheet")

    assert titles(find("pizza", kind="thread")) == ["Pizza thread"]
    assert sorted(titles(find("pizza", kind=["thread", "resource"]))) == [
        "Pizza thread",
        "Pizza worksheet",
    ]
    assert titles(find("pizza", kind=[])) == []


def test_the_thread_kind_and_solved_filters(community):
    index(community, title="Pizza solved question", thread_kind="question", solved=True)
    index(community, title="Pizza open question", thread_kind="question")
    index(community, title="Pizza chat", thread_kind="discussion")

    assert sorted(titles(find("pizza", thread_kind="question"))) == [
        "Pizza open question",
        "Pizza solved question",
    ]
    assert titles(find("pizza", thread_kind="question", solved=False)) == ["Pizza open question"]
    assert titles(find("pizza", solved=True)) == ["Pizza solved question"]


# --- paging -----------------------------------------------------------------------------


def test_pages_follow_each_other_without_overlap(community):
    for n in range(5):
        index(community, title=f"Pizza {n}")

    first = find("pizza", limit=2)
    second = find("pizza", limit=2, offset=2)
    last = find("pizza", limit=2, offset=4)

    assert (len(first), first.has_more) == (2, True)
    assert (len(second), second.has_more) == (2, True)
    assert (len(last), last.has_more) == (1, False)
    assert len(set(titles(first)) | set(titles(second)) | set(titles(last))) == 5


def bound_ranking(monkeypatch, *, candidates: int, first_ranked: int) -> None:
    from staffroom.search.backends import postgres, sqlite

    for backend in (postgres, sqlite):
        monkeypatch.setattr(backend, "CANDIDATES", candidates)
        monkeypatch.setattr(backend, "FIRST_RANKED", first_ranked)


def test_search_ranks_the_newest_matches_the_same_way_on_every_page(community, monkeypatch):
    bound_ranking(monkeypatch, candidates=3, first_ranked=1)
    index(community, title="Fractions in the title, oldest")
    for n in range(4):
        index(community, title=f"Lesson {n}", body="A word on fractions.")

    first = find("fractions", limit=2)
    second = find("fractions", limit=2, offset=2)

    # Only the three newest matches were ranked: the older title match is left out, and
    # the pages share one ranking, so they neither overlap nor skip.
    assert titles(first) == ["Lesson 3", "Lesson 2"]
    assert (titles(second), second.has_more) == (["Lesson 1"], False)


def test_search_ranks_the_newest_matches_first_and_the_older_candidates_after(
    community, monkeypatch
):
    bound_ranking(monkeypatch, candidates=4, first_ranked=2)
    index(community, title="Fractions", body="Fractions, oldest and left out.")
    index(community, title="Old one", body="A word on fractions.")
    index(community, title="Fractions again", body="Older, with fractions in the title.")
    index(community, title="New one", body="A word on fractions.")
    index(community, title="Fractions today", body="Newest, with fractions in the title.")

    pages = [find("fractions", limit=1, offset=offset) for offset in range(5)]

    # The two newest, best first; then the next two, best first, though a title match
    # among them outranks "New one"; the fifth match is past the candidates.
    assert [titles(page) for page in pages] == [
        ["Fractions today"],
        ["New one"],
        ["Fractions again"],
        ["Old one"],
        [],
    ]
    assert [page.has_more for page in pages] == [True, True, True, False, False]
    # A page that reaches past the first group reads it in the same order.
    assert titles(find("fractions", limit=4)) == [
        "Fractions today",
        "New one",
        "Fractions again",
        "Old one",
    ]


@pytest.mark.skipif(SQLITE, reason="parallel query is PostgreSQL's")
def test_postgres_plans_a_search_in_one_process(community):
    from django.db import transaction

    from staffroom.search.backends import get_backend
    from staffroom.search.query import parse
    from staffroom.search.selectors import _where

    index(community, title="Fractions")
    sql, params = get_backend().sql(
        parse("fractions"), where=_where(viewer=AnonymousUser()), limit=21, offset=0
    )

    def plan(statement: str) -> str:
        with transaction.atomic(), connection.cursor() as cursor:
            # Make workers free, so the planner uses them wherever it is allowed to.
            for setting in (
                "parallel_setup_cost",
                "parallel_tuple_cost",
                "min_parallel_table_scan_size",
                "min_parallel_index_scan_size",
            ):
                cursor.execute(f"SET LOCAL {setting} = 0")
            cursor.execute("SET LOCAL enable_indexscan = off")
            cursor.execute("SET LOCAL enable_bitmapscan = off")
            cursor.execute("EXPLAIN " + statement, params)
            return "\n".join(row[0] for row in cursor.fetchall())

    assert "Gather" not in plan(sql)
    # Without the parallel-unsafe column the same statement would be handed to workers.
    assert "Gather" in plan(sql.replace("current_schema() AS in_one_process", "1"))


def test_the_ranked_matches_cover_the_deepest_page_anyone_can_ask_for():
    from staffroom.search.backends import postgres
    from staffroom.search.selectors import MAX_LIMIT, MAX_OFFSET

    assert postgres.CANDIDATES >= MAX_OFFSET + MAX_LIMIT + 1


def test_silly_limits_and_offsets_are_clamped(community):
    index(community, title="Pizza")

    assert titles(find("pizza", limit=0, offset=-5)) == ["Pizza"]
    assert titles(find("pizza", limit=10**9, offset=10**9)) == []


# --- access -----------------------------------------------------------------------------

RELATIONS = {
    "member": (Role.MEMBER, MembershipState.ACTIVE),
    "steward": (Role.STEWARD, MembershipState.ACTIVE),
    "pending": (Role.MEMBER, MembershipState.PENDING),
    "banned": (Role.MEMBER, MembershipState.BANNED),
}


def a_viewer(actor, community):
    from django.contrib.auth.models import AnonymousUser

    if actor == "anonymous":
        return AnonymousUser()
    if actor == "staff":
        return StaffFactory()
    user = UserFactory()
    if actor in RELATIONS:
        role, state = RELATIONS[actor]
        MembershipFactory(community=community, user=user, role=role, state=state)
    return user


@pytest.mark.parametrize(
    ("visibility", "actor", "sees"),
    [
        (Visibility.PUBLIC, "anonymous", True),
        (Visibility.PUBLIC, "outsider", True),
        (Visibility.MEMBERS, "anonymous", False),
        (Visibility.MEMBERS, "outsider", False),
        (Visibility.MEMBERS, "pending", False),
        (Visibility.MEMBERS, "banned", False),
        (Visibility.MEMBERS, "member", True),
        (Visibility.MEMBERS, "staff", True),
        (Visibility.SECRET, "anonymous", False),
        (Visibility.SECRET, "outsider", False),
        (Visibility.SECRET, "pending", False),
        (Visibility.SECRET, "banned", False),
        (Visibility.SECRET, "member", True),
        (Visibility.SECRET, "steward", True),
        (Visibility.SECRET, "staff", True),
    ],
)
def test_documents_are_found_only_by_those_who_may_read_the_community(visibility, actor, sees):
    community = CommunityFactory(visibility=visibility)
    index(community, title="Pizza fractions", thread_kind="question")
    viewer = a_viewer(actor, community)

    assert bool(find("pizza", viewer)) is sees
    assert bool(find("pizza", viewer, community=community)) is sees
    assert bool(similar(viewer=viewer, community=community, title="pizza fractions")) is sees


def test_unreadable_documents_never_take_a_place_on_the_page():
    secret = CommunityFactory(visibility=Visibility.SECRET)
    public = CommunityFactory(visibility=Visibility.PUBLIC)
    for n in range(5):
        index(secret, title=f"Pizza secret {n}")
    index(public, title="Pizza public", body="pizza")

    page = find("pizza", UserFactory(), limit=1)

    assert titles(page) == ["Pizza public"]
    assert page.has_more is False


def test_a_member_finds_their_own_and_public_communities_only():
    mine = CommunityFactory(visibility=Visibility.MEMBERS)
    theirs = CommunityFactory(visibility=Visibility.MEMBERS)
    public = CommunityFactory(visibility=Visibility.PUBLIC)
    viewer = a_viewer("member", mine)
    index(mine, title="Pizza mine")
    index(theirs, title="Pizza theirs")
    index(public, title="Pizza public")

    assert sorted(titles(find("pizza", viewer))) == ["Pizza mine", "Pizza public"]


def test_documents_without_a_community_are_found_by_everyone():
    secret = CommunityFactory(visibility=Visibility.SECRET)
    index(None, kind="resource", title="Pizza portfolio plan")
    index(secret, kind="resource", title="Pizza secret plan")

    for actor in ["anonymous", "outsider", "pending", "banned", "member", "staff"]:
        viewer = a_viewer(actor, secret)
        expected = {"Pizza portfolio plan"}
        if actor in {"member", "staff"}:
            expected.add("Pizza secret plan")
        assert set(titles(find("pizza", viewer))) == expected, actor


def test_a_hit_without_a_community_has_no_community_name_or_slug():
    index(None, kind="resource", object_id=3, title="Pizza portfolio plan")

    [hit] = find("pizza").results
    assert (hit.community_id, hit.community_name, hit.community_slug) == (None, "", "")


def test_a_community_filter_leaves_out_documents_without_a_community(community):
    index(None, kind="resource", title="Pizza portfolio plan")
    index(community, kind="resource", title="Pizza community plan")

    assert titles(find("pizza", community=community)) == ["Pizza community plan"]
    similar_plans = similar(
        viewer=None, community=community, title="pizza plan", kind="resource", thread_kind=None
    )
    assert [hit.title for hit in similar_plans] == ["Pizza community plan"]


@pytest.mark.parametrize("count", [1, 30])
def test_public_documents_keep_a_search_to_one_query(count, community, django_assert_num_queries):
    viewer = a_viewer("member", community)
    for n in range(count):
        index(None if n % 2 else community, kind="resource", title=f"Pizza {n}")
    # PostgreSQL reads the index statistics once in ten minutes, not per search.
    search(viewer=viewer, q="warm")

    with django_assert_num_queries(1):
        results = search(viewer=viewer, q="pizza", limit=50)
        [(hit.title_html, hit.snippet, hit.community_name) for hit in results]

    assert len(results) == count


@pytest.mark.parametrize(
    "q", ["CCSS.MATH.CONTENT.6.RP.A.1", "6.RP.A.1", "RP.A.1", "ccss math content 6 rp a 1"]
)
def test_dotted_codes_are_found_by_the_whole_code_or_its_end(community, q):
    index(community, title="Ratio tables", body="Aligned to CCSS.MATH.CONTENT.6.RP.A.1 today.")
    index(community, title="Reading", body="Aligned to CCSS.ELA-LITERACY.RL.3.1 today.")

    [hit] = find(q).results
    assert hit.title == "Ratio tables"
    # The code is highlighted and shown with its dots.
    assert "<mark>" in hit.snippet
    assert "to CCSS.MATH.CONTENT.6.RP.A.1 today" in re.sub("</?mark>", "", hit.snippet)


def test_words_with_dots_between_them_are_found_one_by_one(community):
    index(community, title="Graphs", body="Open teacher.desmos.com and choose version 3.14.")

    assert titles(find("desmos")) == ["Graphs"]
    assert titles(find("teacher.desmos.com")) == ["Graphs"]
    assert titles(find('"3.14"')) == ["Graphs"]


# --- hostile queries --------------------------------------------------------------------

HOSTILE = [
    '"',
    '"""',
    "'",
    "AND OR NOT",
    "pizza AND",
    "OR pizza",
    "NOT pizza",
    "*",
    "pizza*",
    "*pizza",
    "-",
    "--pizza",
    "-pizza",
    "NEAR(",
    'NEAR("pizza" "fractions", 2)',
    "(pizza",
    "pizza)",
    "((()))",
    "title:pizza",
    "{title body}: pizza",
    "^pizza",
    "pizza + fractions",
    "pizza\x00fractions",
    "\x00",
    "\ud800pizza",
    "\\",
    "pizza\\",
    "pizza' OR 1=1 --",
    "pizza & | ! <-> :* fractions",
    "pizza:* & !",
    "%_%",
    "x" * 1000,
    "pizza " * 500,
    "😀 pizza 🍕",
    "ⅷ ² x²",
]


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_queries_never_raise(community, q):
    index(community, title="Pizza fractions", body="pizza")

    results = find(q)
    similar(viewer=None, community=community, title=q)

    assert all("pizza" in hit.title.lower() for hit in results)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(q=st.text(max_size=80))
def test_any_text_at_all_is_a_valid_query(community, q):
    index(community, object_id=1, title="Pizza fractions", body="Fractions with pizza.")

    find(q)
    similar(viewer=None, community=community, title=q)


@pytest.mark.parametrize("q", ["", "   ", "!!!", "-pizza", '""', "* * *"])
def test_empty_queries_return_nothing_without_asking_the_database(
    community, q, django_assert_num_queries
):
    index(community, title="Pizza")

    with django_assert_num_queries(0):
        results = find(q)

    assert (list(results), results.has_more) == ([], False)


# --- query count ------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 30])
def test_a_search_is_one_query_however_many_hits(count, community, django_assert_num_queries):
    viewer = a_viewer("member", community)
    for n in range(count):
        index(community, title=f"Pizza {n}", body="pizza " * 5, tags=["fractions"])

    with django_assert_num_queries(1):
        results = search(viewer=viewer, q="pizza", tag="fractions", limit=50)
        [(hit.title_html, hit.snippet, hit.community_name) for hit in results]

    assert len(results) == count


@pytest.mark.parametrize("count", [1, 12])
def test_similar_is_one_query_however_many_hits(count, community, django_assert_num_queries):
    for n in range(count):
        index(community, title=f"Pizza fractions {n}", thread_kind="question")

    with django_assert_num_queries(1):
        hits = similar(viewer=None, community=community, title="pizza fractions")

    assert len(hits) == min(count, MAX_SIMILAR)


# --- similar ----------------------------------------------------------------------------


def test_similar_suggests_at_most_five_questions_from_the_same_community(community):
    other = CommunityFactory()
    for n in range(7):
        index(community, title=f"Teaching fractions with pizza {n}", thread_kind="question")
    index(community, title="Fractions chat", thread_kind="discussion")
    index(community, kind="post", body="fractions with pizza", thread_kind="question")
    index(other, title="Fractions elsewhere", thread_kind="question")

    hits = similar(viewer=None, community=community, title="How do I teach fractions?")

    assert len(hits) == 5
    assert {(hit.community_id, hit.kind, hit.thread_kind) for hit in hits} == {
        (community.pk, "thread", "question")
    }


def test_similar_needs_only_one_shared_word_and_ranks_more_shared_words_first(community):
    index(community, title="Fractions on a number line", thread_kind="question")
    index(community, title="Pizza fractions for grade 3", thread_kind="question")
    index(community, title="Seating plans", thread_kind="question")

    hits = similar(viewer=None, community=community, title="Pizza fractions")

    assert [hit.title for hit in hits] == [
        "Pizza fractions for grade 3",
        "Fractions on a number line",
    ]


def test_similar_matches_an_unfinished_last_word(community):
    index(community, title="Fractions with pizza", thread_kind="question")

    assert [h.title for h in similar(viewer=None, community=community, title="Pizz")] == [
        "Fractions with pizza"
    ]


def test_similar_leaves_out_the_question_being_edited(community):
    index(community, object_id=5, title="Fractions with pizza", thread_kind="question")
    index(community, object_id=6, title="More pizza fractions", thread_kind="question")

    hits = similar(
        viewer=None, community=community, title="Fractions with pizza", exclude_object_id=5
    )

    assert [hit.object_id for hit in hits] == [6]


def test_similar_ignores_titles_of_small_and_common_words(community):
    index(community, title="How do I do it", thread_kind="question")

    assert similar(viewer=None, community=community, title="How do I do it?") == []
