from collections import Counter, defaultdict
from datetime import timedelta
from itertools import pairwise

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db.models import Count, F, Max, Q, Sum
from django.utils import timezone
from PIL import Image

from staffroom.accounts.models import User
from staffroom.communities.models import Community, Membership, MembershipState, Role
from staffroom.core.markdown import extract_mentions
from staffroom.demo.data import COMMUNITIES, DEMO_EMAIL, THREADS
from staffroom.demo.data.threads import md
from staffroom.discussions.models import (
    AcceptedAnswer,
    Mention,
    Post,
    PostImage,
    Reaction,
    ReactionKind,
    Tag,
    TagFollow,
    Thread,
    ThreadFollow,
    ThreadKind,
    Vote,
)
from staffroom.notifications.models import Notification, NotificationKind
from staffroom.permissions.discussions import readable_threads
from tests.demo.conftest import remove_demo

SLUGS = [spec.slug for spec in COMMUNITIES]


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker, demo_media):
    """Load the demo once for the module; hashing and forty profiles are too slow per test."""
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)
    yield
    # The rows were committed outside any test's transaction, so remove them by hand.
    with django_db_blocker.unblock():
        remove_demo()


def _threads():
    # Library resources start their own discussion threads; these are the written ones.
    return Thread.objects.filter(community__slug__in=SLUGS, resource__isnull=True)


def _posts():
    return Post.objects.filter(thread__in=_threads())


def _counts() -> dict[str, int]:
    models = [
        Thread,
        Post,
        Reaction,
        Vote,
        AcceptedAnswer,
        ThreadFollow,
        Tag,
        TagFollow,
        Mention,
        PostImage,
        Notification,
    ]
    return {model.__name__: model.objects.count() for model in models}


def _joined() -> dict[tuple[int, int], object]:
    """When each active member joined each community, by (community id, user id)."""
    return {
        (row["community_id"], row["user_id"]): row["joined_at"]
        for row in Membership.objects.filter(state=MembershipState.ACTIVE).values(
            "community_id", "user_id", "joined_at"
        )
    }


def test_every_thread_title_is_unique_in_its_community_so_a_reload_finds_it():
    for slug, specs in THREADS.items():
        titles = [spec.title for spec in specs]

        assert len(titles) == len(set(titles)), slug
        assert all(title == " ".join(title.split()) and len(title) <= 200 for title in titles)


def test_every_reply_in_the_data_comes_after_the_one_before_and_before_now():
    for specs in THREADS.values():
        for spec in specs:
            hours = [reply.hours for reply in spec.replies]

            assert hours == sorted(hours) and all(hour > 0 for hour in hours), spec.title
            assert max(hours, default=0) < spec.days_ago * 24, spec.title


def test_thread_tags_are_a_few_of_their_own_communitys_tags():
    tags = {spec.slug: set(spec.tags) for spec in COMMUNITIES}

    for slug, specs in THREADS.items():
        for spec in specs:
            assert set(spec.tags) <= tags[slug], spec.title
            assert len(set(spec.tags)) == len(spec.tags) <= 3, spec.title


@pytest.mark.django_db
def test_loading_the_demo_again_adds_no_threads_posts_tags_mentions_or_images():
    before = _counts()

    call_command("load_demo", verbosity=0)

    assert _counts() == before


@pytest.mark.django_db
def test_every_demo_community_has_threads_in_several_of_its_spaces():
    communities = Community.objects.filter(slug__in=SLUGS).annotate(
        threads_started=Count("threads"), spaces_used=Count("threads__space", distinct=True)
    )

    assert len(communities) == len(COMMUNITIES)
    for community in communities:
        assert community.threads_started >= 5, community.slug
        assert community.spaces_used >= 3, community.slug
    assert _posts().count() >= 4 * _threads().count()


@pytest.mark.django_db
def test_every_community_has_answered_and_unanswered_questions():
    questions = _threads().filter(kind=ThreadKind.QUESTION)

    for slug in SLUGS:
        assert questions.filter(community__slug=slug, accepted_count__gt=0).exists(), slug
        assert questions.filter(community__slug=slug, answer_count=0).exists(), slug
    assert questions.filter(answer_count__gt=0, accepted_count=0).exists()


@pytest.mark.django_db
def test_accepted_answers_carry_a_context_label_and_some_questions_have_several():
    accepted = AcceptedAnswer.objects.filter(thread__community__slug__in=SLUGS)

    assert accepted.count() >= 20
    assert not accepted.filter(label="").exists()
    assert _threads().filter(accepted_count__gte=2).count() >= 8


@pytest.mark.django_db
def test_announcements_come_only_from_stewards_and_moderators():
    announcements = _threads().filter(kind=ThreadKind.ANNOUNCEMENT)

    assert set(announcements.values_list("community__slug", flat=True)) == set(SLUGS)
    for thread in announcements:
        membership = Membership.objects.get(community=thread.community, user=thread.author)
        assert membership.role in {Role.STEWARD, Role.MODERATOR}, thread.title
    assert announcements.filter(is_pinned=True).count() == len(SLUGS)


@pytest.mark.django_db
def test_members_record_that_they_tried_ideas_and_vote_on_answers():
    tried = Reaction.objects.filter(post__in=_posts(), kind=ReactionKind.TRIED)
    voted = _posts().filter(thread__kind=ThreadKind.QUESTION, position__gt=1, score__gt=0)

    assert tried.count() >= 50
    assert tried.values("user").distinct().count() >= 20
    assert voted.count() >= 40
    # Most replies get a thanks or two, and a few get many.
    spread = Counter(_posts().values_list("thanks_count", flat=True))
    assert spread[0] >= 40 and spread[1] >= 40 and sum(spread[n] for n in spread if n >= 3) >= 10


@pytest.mark.django_db
def test_thread_counters_agree_with_their_posts():
    threads = _threads().annotate(
        posts_written=Count("posts", distinct=True),
        last_written=Max("posts__position"),
        last_post_at=Max("posts__created_at"),
        accepted_answers=Count("accepted", distinct=True),
    )

    for thread in threads:
        replies = thread.posts_written - 1
        assert thread.post_count == thread.posts_written, thread.title
        assert thread.last_position == thread.last_written, thread.title
        assert thread.answer_count == (replies if thread.is_question else 0), thread.title
        assert thread.accepted_count == thread.accepted_answers, thread.title
        assert thread.last_posted_at == thread.last_post_at, thread.title
        last = thread.posts.get(position=thread.last_position)
        assert thread.last_poster_name == last.author_name, thread.title


@pytest.mark.django_db
def test_post_counters_agree_with_their_reactions_and_votes():
    reactions = _posts().annotate(
        thanks=Count("reactions", filter=Q(reactions__kind=ReactionKind.THANKS)),
        tried=Count("reactions", filter=Q(reactions__kind=ReactionKind.TRIED)),
    )
    # Votes are summed apart: joining them with reactions would count each vote many times.
    scores = dict(_posts().annotate(total=Sum("votes__value")).values_list("pk", "total"))

    for post in reactions:
        assert post.thanks_count == post.thanks, post
        assert post.tried_count == post.tried, post
        assert post.score == (scores[post.pk] or 0), post


@pytest.mark.django_db
def test_every_author_and_reactor_is_an_active_member_who_had_joined_by_then():
    joined = {
        (row["community_id"], row["user_id"]): row["joined_at"]
        for row in Membership.objects.filter(state=MembershipState.ACTIVE).values(
            "community_id", "user_id", "joined_at"
        )
    }

    for thread in _threads():
        assert (thread.community_id, thread.author_id) in joined, thread.title
    for post in _posts().select_related("thread"):
        since = joined.get((post.thread.community_id, post.author_id))
        assert since is not None and since <= post.created_at, post
    reactions = Reaction.objects.filter(post__in=_posts()).select_related("post__thread")
    for reaction in reactions:
        since = joined.get((reaction.post.thread.community_id, reaction.user_id))
        assert since is not None and since <= reaction.created_at, reaction


@pytest.mark.django_db
def test_posts_are_spread_over_the_last_six_weeks_in_reply_order():
    now = timezone.now()
    posts = list(_posts().order_by("thread_id", "position"))

    assert all(now - timedelta(days=43) <= post.created_at <= now for post in posts)
    for before, after in pairwise(posts):
        if before.thread_id == after.thread_id:
            assert before.created_at < after.created_at, after
    assert len({post.created_at.date() for post in posts}) >= 30
    for thread in _threads():
        assert thread.created_at == thread.posts.get(position=1).created_at, thread.title


@pytest.mark.django_db
def test_lively_discussions_quote_earlier_posts():
    discussions = _threads().filter(kind=ThreadKind.DISCUSSION)
    quoting = _posts().filter(position__gt=1, body_html__contains="<blockquote>")

    assert discussions.filter(post_count__gte=6).count() >= 8
    assert quoting.values("thread").distinct().count() >= 15


@pytest.mark.django_db
def test_demo_posts_use_lists_tables_links_and_task_lists():
    html = _posts().values_list("body_html", flat=True)

    assert any("<table>" in body for body in html)
    assert any("task-list-item" in body for body in html)
    assert any("<ol>" in body or "<ol start" in body for body in html)
    assert any("<strong>" in body for body in html)
    assert any('href="https://example.org/' in body for body in html)


@pytest.mark.django_db
def test_the_secret_circle_threads_stay_out_of_an_outsiders_lists():
    outsider = User.objects.get(email="brandon.kessler@staffroom.test")
    circle = _threads().filter(community__slug="first-year-circle")

    assert circle.count() >= 5
    assert not readable_threads(AnonymousUser(), circle).exists()
    assert not readable_threads(outsider, circle).exists()


@pytest.mark.django_db
def test_demo_notifications_are_dated_by_their_posts_and_only_recent_ones_are_unread():
    now = timezone.now()
    notifications = Notification.objects.filter(community__slug__in=SLUGS)
    unread = notifications.filter(read_at__isnull=True)
    sam = User.objects.get(email=DEMO_EMAIL)

    assert notifications.filter(created_at__lt=now - timedelta(days=30)).exists()
    assert not unread.filter(created_at__lt=now - timedelta(days=5)).exists()
    assert 3 <= unread.filter(user=sam).count() <= 20
    assert sam.profile.unread_notifications == unread.filter(user=sam).count()


@pytest.mark.django_db
def test_most_demo_threads_carry_one_or_two_of_their_communitys_tags():
    tagged = Counter(_threads().annotate(tagged=Count("tags")).values_list("tagged", flat=True))
    links = Thread.tags.through.objects.filter(thread__in=_threads())

    assert tagged[1] + tagged[2] >= 0.75 * _threads().count()
    assert max(tagged) <= 3
    assert not links.exclude(tag__community=F("thread__community")).exists()
    assert set(links.values_list("thread__community__slug", flat=True)) == set(SLUGS)


@pytest.mark.django_db
def test_every_handle_a_demo_post_mentions_links_to_a_member_of_its_community():
    mentioned = defaultdict(set)
    mentions = Mention.objects.filter(post__in=_posts()).select_related("post__thread", "user")
    for mention in mentions:
        mentioned[mention.post_id].add(mention.user)
    joined = _joined()

    # A misspelt handle would neither link nor notify, so every @handle written must match.
    for post in _posts():
        handles = {handle.casefold() for handle in extract_mentions(post.body)}
        assert handles == {user.profile.handle_key for user in mentioned[post.pk]}, post
    for mention in mentions:
        since = joined.get((mention.post.thread.community_id, mention.user_id))
        assert since is not None and since <= mention.post.created_at, mention
        assert f'href="{mention.user.get_absolute_url()}"' in mention.post.body_html, mention
    replies = mentions.filter(post__position__gt=1)
    assert replies.values("post").distinct().count() >= 8
    assert mentions.values("post__thread__community").distinct().count() >= 6
    assert mentions.filter(post__position=1).exists()


@pytest.mark.django_db
def test_mentions_and_followed_tags_notify_members_as_of_the_posts_that_caused_them():
    notifications = Notification.objects.filter(community__slug__in=SLUGS)
    mentions = notifications.filter(kind=NotificationKind.MENTION)
    tags = notifications.filter(kind=NotificationKind.TAG)
    posts = list(_posts().select_related("thread__community"))
    written = {post.get_absolute_url(): post.created_at for post in posts}
    openings = {post.get_absolute_url() for post in posts if post.position == 1}
    joined = _joined()
    sam = User.objects.get(email=DEMO_EMAIL)

    assert mentions.count() >= 8 and tags.count() >= 10
    assert {notification.url for notification in tags} <= openings
    for notification in [*mentions, *tags]:
        assert notification.created_at == written[notification.url], notification.title
        since = joined[notification.community_id, notification.user_id]
        assert since <= notification.created_at, notification.title
    assert (
        tags.filter(read_at__isnull=True).exists() and tags.filter(read_at__isnull=False).exists()
    )
    assert mentions.filter(user=sam).exists() and tags.filter(user=sam).exists()


@pytest.mark.django_db
def test_the_fraction_wall_in_the_maths_community_is_a_described_png(demo_media):
    image = PostImage.objects.select_related("post__thread__community").get(
        post__in=_posts(), original_name="fraction-wall.png"
    )
    path = demo_media / image.file.name

    with Image.open(path) as picture:
        assert picture.format == "PNG"
        assert picture.size == (image.width, image.height)
    assert image.content_type == "image/png" and image.size == path.stat().st_size
    assert image.description.startswith("A fraction wall")
    assert image.post.image_count == 1 and image.created_at == image.post.created_at
    assert image.post.thread.community.slug == "middle-school-maths"


def test_md_joins_wrapped_lines_but_keeps_list_items_quotes_and_table_rows():
    text = md("""
        A sentence wrapped
        over two lines.

        > A quote wrapped
        > over two lines.

        - [ ] A task wrapped
          over two lines
        - [x] A done task

        | a | b |
        |---|---|
    """)

    assert text == (
        "A sentence wrapped over two lines.\n\n"
        "> A quote wrapped over two lines.\n\n"
        "- [ ] A task wrapped over two lines\n- [x] A done task\n\n"
        "| a | b |\n|---|---|"
    )
