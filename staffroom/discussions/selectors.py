"""Reads for thread lists and thread pages; each issues a fixed number of queries."""

import functools
from dataclasses import dataclass
from datetime import timedelta

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext

from staffroom.communities.models import Community, Space
from staffroom.core.pagination import Page, keyset_page, page_of_rows
from staffroom.core.prepared import PreparedQuery
from staffroom.discussions.models import (
    AcceptedAnswer,
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
from staffroom.permissions.actors import is_signed_in
from staffroom.permissions.discussions import (
    NOT_READ,
    can_moderate_thread,
    readable_threads,
    viewer_follow,
)

THREADS_PER_PAGE = 30
POSTS_PER_PAGE = 25
LIST_FILTERS = ("latest", "top", "questions", "unanswered", "unsolved", "solved", "following")
TOP_PERIODS = {"week": 7, "month": 30, "year": 365, "all": None}


@dataclass
class ThreadFilters:
    show: str = "latest"
    space: Space | None = None
    tag: str = ""
    subject: str = ""
    grade: str = ""
    period: str = "month"


def thread_list(
    *,
    viewer,
    community: Community,
    filters: ThreadFilters,
    cursor: str | None = None,
    size: int = THREADS_PER_PAGE,
) -> Page:
    """List a community's threads, newest activity first, with the viewer's unread state."""
    queryset = readable_threads(viewer, Thread.objects.filter(community=community))
    if filters.space is not None:
        queryset = queryset.filter(space=filters.space)
    if filters.tag:
        queryset = queryset.filter(tags__slug=filters.tag)
    if filters.subject:
        queryset = queryset.filter(subjects__slug=filters.subject)
    if filters.grade:
        queryset = queryset.filter(grade_bands__slug=filters.grade)
    show = filters.show
    order = ("-last_posted_at", "-pk")
    if show == "top":
        # Threads started in the period, most replied to, thanked, tried and upvoted first.
        days = TOP_PERIODS.get(filters.period, TOP_PERIODS["month"])
        if days is not None:
            queryset = queryset.filter(created_at__gte=timezone.now() - timedelta(days=days))
        order = ("-score", "-pk")
    elif show == "following":
        if not is_signed_in(viewer):
            queryset = queryset.none()
        else:
            queryset = queryset.filter(tags__follows__user=viewer)
    if show in {"questions", "unanswered", "unsolved", "solved"}:
        queryset = queryset.filter(kind=ThreadKind.QUESTION)
    if show == "unanswered":
        queryset = queryset.filter(answer_count=0)
    elif show == "unsolved":
        queryset = queryset.filter(accepted_count=0)
    elif show == "solved":
        queryset = queryset.filter(accepted_count__gt=0)
    queryset = queryset.select_related("space", "community").prefetch_related("tags")
    if is_signed_in(viewer):
        follow = ThreadFollow.objects.filter(thread=OuterRef("pk"), user=viewer)
        queryset = queryset.annotate(
            read_position=Subquery(follow.values("last_read_position")[:1]),
            follow_level=Subquery(follow.values("level")[:1]),
        )
    # Filters through tags, subjects or grade bands can meet one thread several times. Only
    # then DISTINCT: it makes the database read the viewer's follow state for every thread
    # of the space before sorting (30 ms of the signed-in list of a 6,300-thread space at
    # the M benchmark size), where without it only the page's rows are read.
    if filters.tag or filters.subject or filters.grade or show == "following":
        queryset = queryset.distinct()
    return keyset_page(queryset, order=order, cursor=cursor, size=size)


def followed_tag(*, viewer, community: Community, slug: str) -> tuple[Tag | None, bool]:
    """Return the community tag a list is filtered by and whether the viewer follows it."""
    if not slug:
        return None, False
    tags = community.tags.filter(slug=slug)
    if is_signed_in(viewer):
        tags = tags.annotate(
            followed=Exists(TagFollow.objects.filter(tag=OuterRef("pk"), user=viewer))
        )
    tag = tags.first()
    return tag, bool(getattr(tag, "followed", False))


@dataclass
class ThreadPage:
    thread: Thread
    opening: Post | None
    posts: list[Post]
    page: int
    page_count: int
    accepted: list[AcceptedAnswer]
    follow: ThreadFollow | None
    first_unread: int | None
    by_votes: bool = False
    next_cursor: str | None = None


def viewer_state(viewer, post_ref: str = "pk") -> dict:
    """Annotations for the viewer's own reactions and vote on each post.

    They ride on the posts query itself (an indexed EXISTS per row), so a page costs the
    same number of queries signed in as anonymous.
    """
    if not is_signed_in(viewer):
        return {}
    return _viewer_state_of(viewer.pk, post_ref)


def _viewer_state_of(user_id: int, post_ref: str = "pk") -> dict:
    state = {
        f"viewer_{kind}": Exists(
            Reaction.objects.filter(post=OuterRef(post_ref), user=user_id, kind=kind)
        )
        for kind in ReactionKind.values
    }
    state["viewer_vote_value"] = Subquery(
        Vote.objects.filter(post=OuterRef(post_ref), user=user_id).values("value")[:1]
    )
    return state


def _state_of(viewer: tuple[int, ...], post_ref: str = "pk") -> dict:
    """The viewer's state for a prepared query's stand-in viewer id, if one is signed in."""
    return _viewer_state_of(viewer[0], post_ref) if viewer else {}


VIEWER_STATE = (*(f"viewer_{kind}" for kind in ReactionKind.values), "viewer_vote_value")


def _with_viewer_state(queryset: QuerySet, viewer) -> QuerySet:
    return queryset.select_related("author__profile").annotate(**viewer_state(viewer))


@functools.cache
def _range_rows(signed_in: bool, limit: int) -> PreparedQuery:
    """A thread's posts with positions in a range, in order, with the viewer's state."""

    def build(thread_id: int, first: int, last: int, *viewer: int) -> QuerySet:
        rows = Post.objects.filter(thread=thread_id, position__range=(first, last))
        rows = rows.select_related("author__profile").annotate(**_state_of(viewer))
        return rows.order_by("position")[:limit]

    return PreparedQuery(build, (int, int, int, int) if signed_in else (int, int, int))


def _viewer_values(viewer) -> tuple[int, ...]:
    return (viewer.pk,) if is_signed_in(viewer) else ()


def thread_page(*, viewer, thread: Thread, page: int = 1, size: int = POSTS_PER_PAGE) -> ThreadPage:
    """Gather one page of a thread by position, so the last page costs what the first does.

    Questions show the accepted answers first on page one, then answers by position.
    """
    if size == 0:  # Only the opening post and the thread's state are wanted.
        size, first_page_only = POSTS_PER_PAGE, True
    else:
        first_page_only = False
    page_count = max(1, -(-(thread.last_position - 1) // size))
    page = min(max(page, 1), page_count)
    # Replies 2..last are split into pages by position: an index range, never an OFFSET.
    first = 2 + (page - 1) * size
    last = first + size - 1
    if first_page_only:
        wanted = (1, 1)
    elif page == 1:
        # The opening post and the first replies as one range: "range OR position = 1" hid
        # the (thread, position) index from PostgreSQL's planner, which then scanned the
        # whole thread and every user (150 ms for the first page of 50,000 posts).
        wanted = (1, last)
    else:
        wanted = (first, last)
    # The LIMIT says how few rows come back: PostgreSQL's estimate for a range of small
    # positions counts every short thread's posts, and without it the planner joined all
    # users before sorting out the 26 rows it needed.
    rows = _range_rows(is_signed_in(viewer), size + 1)(thread.pk, *wanted, *_viewer_values(viewer))
    attach_images(rows)
    opening = next((row for row in rows if row.position == 1), None)
    replies = [row for row in rows if row.position > 1]
    accepted = accepted_answers(viewer=viewer, thread=thread)
    accepted_ids = {item.post_id: item.label for item in accepted}
    for row in replies:
        row.accepted_label = accepted_ids.get(row.pk)
        row.is_accepted = row.pk in accepted_ids
    follow = None
    first_unread = None
    if is_signed_in(viewer):
        follow = viewer_follow(viewer, thread)
        if follow is NOT_READ:
            follow = ThreadFollow.objects.filter(thread=thread, user=viewer).first()
        read = follow.last_read_position if follow else 0
        if read < thread.last_position:
            first_unread = read + 1
    return ThreadPage(
        thread=thread,
        opening=opening,
        posts=replies,
        page=page,
        page_count=page_count,
        accepted=accepted,
        follow=follow,
        first_unread=first_unread,
    )


def accepted_answers(*, viewer, thread: Thread) -> list[AcceptedAnswer]:
    """The accepted answers with their posts and the viewer's state on them; none to read
    when the thread has none, which is every discussion."""
    if not thread.accepted_count:
        return []
    rows = _accepted_rows(is_signed_in(viewer))(thread.pk, *_viewer_values(viewer))
    for row in rows:
        # The viewer's state was read with the answer; the post shows it.
        for name in VIEWER_STATE if is_signed_in(viewer) else ():
            setattr(row.post, name, getattr(row, name))
    return rows


@functools.cache
def _accepted_rows(signed_in: bool) -> PreparedQuery:
    def build(thread_id: int, *viewer: int) -> QuerySet:
        # A hidden or deleted answer no longer counts as accepted, whatever its row says.
        return (
            AcceptedAnswer.objects.filter(
                thread=thread_id, post__deleted_at__isnull=True, post__hidden_at__isnull=True
            )
            .select_related("post__author__profile")
            .annotate(**_state_of(viewer, "post_id"))
            .order_by("created_at")
        )

    return PreparedQuery(build, (int, int) if signed_in else (int,))


def question_page(
    *, viewer, thread: Thread, cursor: str | None = None, size: int = POSTS_PER_PAGE
) -> ThreadPage:
    """Gather a question's answers ranked by votes, accepted answers first on the first page.

    Keyset on (score, position) keeps deep pages as cheap as the first.
    """
    base = thread_page(viewer=viewer, thread=thread, page=1, size=0)
    accepted_ids = [item.post_id for item in base.accepted]
    if not cursor and len(accepted_ids) <= MOST_PREPARED_ACCEPTED:
        # The page every reader opens first: its SQL is prepared (see core.prepared).
        rows = _ranked_answers(is_signed_in(viewer), len(accepted_ids), size + 1)(
            thread.pk, *accepted_ids, *_viewer_values(viewer)
        )
        page = page_of_rows(rows, order=ANSWER_ORDER, size=size)
    else:
        answers = _with_viewer_state(
            Post.objects.filter(thread=thread, position__gt=1).exclude(pk__in=accepted_ids),
            viewer,
        )
        page = keyset_page(answers, order=ANSWER_ORDER, cursor=cursor, size=size)
    rows = page.items
    if not cursor and accepted_ids:
        # The accepted answers' posts came with base.accepted, with the viewer's state.
        top = [item.post for item in base.accepted]
        labels = {item.post_id: item.label for item in base.accepted}
        for row in top:
            row.is_accepted, row.accepted_label = True, labels[row.pk]
        rows = sorted(top, key=lambda row: (-row.score, row.position)) + rows
    attach_images(rows)
    for row in rows:
        row.__dict__.setdefault("is_accepted", False)
    base.posts = rows
    base.by_votes = True
    base.next_cursor = page.next_cursor
    return base


ANSWER_ORDER = ("-score", "position")
# A question's first page excludes its accepted answers by id, so each count of them is its
# own statement; more than this many (rare) take the ORM's path.
MOST_PREPARED_ACCEPTED = 3


@functools.cache
def _ranked_answers(signed_in: bool, accepted: int, limit: int) -> PreparedQuery:
    """A question's answers by votes, leaving out ``accepted`` answers given by id."""

    def build(thread_id: int, *values: int) -> QuerySet:
        excluded, viewer = values[:accepted], values[accepted:]
        rows = Post.objects.filter(thread=thread_id, position__gt=1).exclude(pk__in=excluded)
        rows = rows.select_related("author__profile").annotate(**_state_of(viewer))
        return rows.order_by(*ANSWER_ORDER)[:limit]

    return PreparedQuery(build, (int,) * (1 + accepted + int(signed_in)))


def attach_images(rows: list[Post]) -> None:
    """Give each post its images as ``attached_images``: one query, and none without images."""
    wanted = [row.pk for row in rows if row.image_count]
    found: dict[int, list[PostImage]] = {}
    if wanted:
        for image in PostImage.objects.filter(post_id__in=wanted).order_by("pk"):
            found.setdefault(image.post_id, []).append(image)
    for row in rows:
        row.attached_images = found.get(row.pk, [])


@dataclass
class Label:
    kind: str
    slug: str
    name: str


_LABEL_KINDS = (
    ("tag", "tags", False),
    ("subject", "subjects", True),
    ("grade", "grade_bands", True),
)


@functools.cache
def _labels_sql(vendor: str) -> str:
    """One UNION ALL over the thread's three label tables, written once per database.

    Built from the models' own table and column names. The ORM's ``union()`` took longer
    to compile (about 1 ms) than the database took to answer, on every thread page.
    """
    quote = connections[DEFAULT_DB_ALIAS].ops.quote_name
    parts = []
    for kind, name, ordered in _LABEL_KINDS:
        field = Thread._meta.get_field(name)
        through = field.remote_field.through._meta
        label = field.related_model._meta
        thread_column = through.get_field(field.m2m_field_name()).column
        label_column = through.get_field(field.m2m_reverse_field_name()).column
        position = f"l.{quote('position')}" if ordered else "0"
        parts.append(
            f"SELECT '{kind}', l.{quote('slug')}, l.{quote('name')}, {position}"
            f" FROM {quote(through.db_table)} t"
            f" JOIN {quote(label.db_table)} l ON l.{quote(label.pk.column)} = t.{quote(label_column)}"
            f" WHERE t.{quote(thread_column)} = %s"
        )
    return " UNION ALL ".join(parts)


def thread_labels(thread: Thread) -> list[Label]:
    """The thread's tags, subjects and grade bands, read in one query for the thread page."""
    connection = connections[DEFAULT_DB_ALIAS]
    with connection.cursor() as cursor:
        cursor.execute(_labels_sql(connection.vendor), [thread.pk] * len(_LABEL_KINDS))
        rows = cursor.fetchall()
    order = {kind: index for index, (kind, _name, _ordered) in enumerate(_LABEL_KINDS)}
    rows = sorted(rows, key=lambda row: (order[row[0]], row[3], row[2]))
    # Shared vocabulary names are in the message catalogue; community tags show as typed.
    return [
        Label(kind=kind, slug=slug, name=name if kind == "tag" else gettext(name))
        for kind, slug, name, _position in rows
    ]


def post_with_viewer_state(*, viewer, post: Post) -> Post:
    """Reload one post with its counters and the viewer's reactions and vote."""
    fresh = _with_viewer_state(Post.objects.filter(pk=post.pk), viewer).get()
    fresh.thread = post.thread
    return fresh


def page_of_position(position: int, size: int = POSTS_PER_PAGE) -> int:
    """Return the page a post's position falls on."""
    return 1 if position <= 1 else (position - 2) // size + 1


def post_revisions(*, post: Post) -> list:
    return list(post.revisions.select_related("editor__profile"))


def posts_after(viewer, thread, after: int, until: int | None) -> tuple[list[Post], bool]:
    """Read the replies after ``after`` as the thread page would show them; say if more follow.

    New replies (no ``until``) leave out posts the viewer may not read in full, since an
    appended placeholder would tell them nothing. Re-reading posts already on the page
    (``until``) keeps placeholders, so a post hidden since is replaced by one.
    """
    size = POSTS_PER_PAGE
    posts = Post.objects.filter(thread=thread, position__gt=max(after, 1))
    if until is not None:
        posts = posts.filter(position__lte=until)
    else:
        posts = posts.filter(deleted_at__isnull=True)
        if not can_moderate_thread(viewer, thread):
            own = Q(author_id=viewer.pk) if is_signed_in(viewer) else Q(pk__in=[])
            posts = posts.filter(Q(hidden_at__isnull=True) | own)
    accepted = AcceptedAnswer.objects.filter(post=OuterRef("pk")).values("label")[:1]
    posts = posts.annotate(acceptance=Subquery(accepted))
    # The same prefetch of the viewer's reactions and votes as the thread page.
    rows = list(_with_viewer_state(posts, viewer).order_by("position")[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    attach_images(rows)
    for row in rows:
        # A hidden or deleted answer no longer counts as accepted, as on the thread page.
        row.is_accepted = row.acceptance is not None and row.is_visible
        row.accepted_label = row.acceptance if row.is_accepted else None
    return rows, more
