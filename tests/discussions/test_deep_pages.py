"""The last page of a 5,000-post thread costs what the first page does, and never uses OFFSET."""

import base64
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from staffroom.discussions import services
from staffroom.discussions.models import Post, Thread, ThreadKind
from staffroom.discussions.selectors import POSTS_PER_PAGE
from tests.discussions.builders import a_community, a_member, a_thread

pytestmark = pytest.mark.django_db

POSTS = 5_000
LAST_PAGE = -(-(POSTS - 1) // POSTS_PER_PAGE)
VIEWERS = ["anonymous", "member"]
_POST_ID = re.compile(r'<article id="post-(\d+)"')


def long_thread(kind: str) -> tuple[Thread, object]:
    """Build a thread of 5,000 posts in a public community; return it and a reader."""
    community = a_community(name="Big staffroom", slug="big")
    writers = [a_member(community) for _n in range(5)]
    thread = a_thread(community, writers[0], kind=kind)
    Post.objects.bulk_create(
        (
            Post(
                thread=thread,
                author=writers[position % len(writers)],
                author_name=f"Writer {position % len(writers)}",
                position=position,
                body=f"Reply {position}",
                body_html=f"<p>Reply {position}</p>",
            )
            for position in range(2, POSTS + 1)
        ),
        batch_size=1000,
    )
    Thread.objects.filter(pk=thread.pk).update(
        last_position=POSTS,
        post_count=POSTS,
        answer_count=POSTS - 1 if kind == ThreadKind.QUESTION else 0,
    )
    return thread, a_member(community, name="Rita Reader")


def capture(client, url: str) -> tuple[list[str], str]:
    client.get(url)  # Warm caches and the reader's read state first.
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in context.captured_queries], response.content.decode()


def positions(html: str) -> list[int]:
    return [int(number) for number in _POST_ID.findall(html)]


def posts_queries(queries: list[str]) -> list[str]:
    """Return the queries that fetch the posts shown on the page."""
    return [sql for sql in queries if re.search(r'FROM "discussions_post"', sql)]


def cursor(*values) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(values)).encode()).decode().rstrip("=")


@pytest.fixture(params=VIEWERS)
def reader(request, client):
    """Sign the reader in, or stay anonymous; return whether signed in."""

    def sign_in(user) -> bool:
        if request.param == "member":
            client.force_login(user)
        return request.param == "member"

    return sign_in


def test_the_last_page_of_a_long_discussion_costs_what_the_first_does(client, reader):
    thread, user = long_thread(ThreadKind.DISCUSSION)
    reader(user)
    base = f"/c/big/t/{thread.pk}/"

    first, first_html = capture(client, base)
    last, last_html = capture(client, f"{base}?page={LAST_PAGE}")

    assert positions(first_html) == list(range(1, POSTS_PER_PAGE + 2))
    assert positions(last_html)[-1] == POSTS
    assert len(positions(last_html)) == ((POSTS - 1) % POSTS_PER_PAGE or POSTS_PER_PAGE)
    assert len(last) == len(first)


def test_no_page_of_a_long_discussion_uses_offset(client, reader):
    thread, user = long_thread(ThreadKind.DISCUSSION)
    reader(user)

    for page in (1, LAST_PAGE // 2, LAST_PAGE):
        queries, _html = capture(client, f"/c/big/t/{thread.pk}/?page={page}")

        assert posts_queries(queries), page
        for sql in posts_queries(queries):
            assert "OFFSET" not in sql.upper(), sql
        assert not [sql for sql in queries if "OFFSET" in sql.upper()]


def test_the_last_page_of_a_long_question_in_thread_order_costs_what_the_first_does(client, reader):
    thread, user = long_thread(ThreadKind.QUESTION)
    reader(user)
    base = f"/c/big/t/{thread.pk}/?sort=oldest"

    first, _html = capture(client, f"{base}&page=1")
    last, last_html = capture(client, f"{base}&page={LAST_PAGE}")

    assert positions(last_html)[-1] == POSTS
    assert len(last) == len(first)
    assert not [sql for sql in last if "OFFSET" in sql.upper()]


def test_a_deep_page_of_answers_by_votes_costs_what_the_first_does(client, reader):
    thread, user = long_thread(ThreadKind.QUESTION)
    reader(user)
    base = f"/c/big/t/{thread.pk}/"
    # Every answer scores 0, so the last page starts after the answer before the last 24.
    deep = cursor(0, POSTS - POSTS_PER_PAGE)

    first, _html = capture(client, base)
    last, last_html = capture(client, f"{base}?after={deep}")

    assert positions(last_html) == [1, *range(POSTS - POSTS_PER_PAGE + 1, POSTS + 1)]
    assert len(last) == len(first)
    for sql in posts_queries(last):
        assert "OFFSET" not in sql.upper(), sql


@pytest.mark.parametrize("kind", [ThreadKind.DISCUSSION, ThreadKind.QUESTION])
def test_the_permalink_and_unread_link_to_the_last_post_use_no_offset(client, reader, kind):
    thread, user = long_thread(kind)
    if reader(user):
        services.thread_mark_read(user=user, thread=thread, position=POSTS - 1)
    base = f"/c/big/t/{thread.pk}/"

    with CaptureQueriesContext(connection) as context:
        permalink = client.get(f"{base}p/{POSTS}/")
        unread = client.get(f"{base}unread/")

    assert permalink.url == f"{base}?page={LAST_PAGE}#post-{POSTS}"
    assert unread.url == permalink.url
    assert not [q["sql"] for q in context.captured_queries if "OFFSET" in q["sql"].upper()]
