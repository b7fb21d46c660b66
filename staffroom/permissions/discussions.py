"""Who may read, start, reply to, edit, moderate and accept in discussions."""

from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404

from staffroom.communities.models import Community, Membership
from staffroom.core.prepared import prepared
from staffroom.discussions.models import Post, Thread, ThreadFollow, ThreadKind
from staffroom.permissions.actors import is_signed_in, remember_membership
from staffroom.permissions.communities import (
    can_manage_community,
    can_moderate_community,
    can_post_in_community,
    can_read_community,
    can_view_community,
    readable_communities,
)


def can_read_thread(user, thread: Thread) -> bool:
    """Whether the viewer may read a thread: its community is readable and it is not hidden."""
    if not can_read_community(user, thread.community):
        return False
    return thread.hidden_at is None or can_moderate_community(user, thread.community)


def can_start_thread(user, community: Community, kind: str = ThreadKind.DISCUSSION) -> bool:
    """Whether the viewer may start a thread of this kind; announcements are for the team."""
    if not can_post_in_community(user, community):
        return False
    return kind != ThreadKind.ANNOUNCEMENT or can_moderate_community(user, community)


def can_reply(user, thread: Thread) -> bool:
    """Whether the viewer may reply: an active member, and the thread is open."""
    if not can_post_in_community(user, thread.community) or thread.hidden_at is not None:
        return False
    return not thread.is_locked or can_moderate_community(user, thread.community)


def is_post_author(user, post: Post) -> bool:
    """Whether the viewer wrote the post: never for a visitor, even on a post whose
    author's account is gone (both ids are then None)."""
    return is_signed_in(user) and post.author_id is not None and post.author_id == user.pk


def can_edit_post(user, post: Post) -> bool:
    """Whether the viewer may edit a post: its author, while still a member, or a moderator."""
    if post.deleted_at is not None:
        return False
    if is_post_author(user, post) and can_post_in_community(user, post.thread.community):
        return True
    return can_moderate_community(user, post.thread.community)


def can_delete_post(user, post: Post) -> bool:
    """Whether the viewer may delete a post: authors delete their own (not the opening post)."""
    return (
        post.deleted_at is None
        and is_post_author(user, post)
        and (post.position > 1 or post.thread.post_count == 1)
    )


def can_moderate_thread(user, thread: Thread) -> bool:
    """Whether the viewer may hide posts, lock, pin or move the thread."""
    return can_moderate_community(user, thread.community)


def can_accept_answer(user, thread: Thread) -> bool:
    """Whether the viewer may mark answers accepted: the asker or a steward or moderator."""
    if not thread.is_question:
        return False
    if is_signed_in(user) and thread.author_id == user.pk:
        return can_post_in_community(user, thread.community)
    return can_moderate_community(user, thread.community)


def can_react(user, post: Post) -> bool:
    return post.is_visible and can_post_in_community(user, post.thread.community)


def can_see_post_images(user, post: Post) -> bool:
    """Images follow their post: readable thread, and the post not hidden from this viewer."""
    if not can_read_thread(user, post.thread) or post.deleted_at is not None:
        return False
    if post.hidden_at is None:
        return True
    return is_post_author(user, post) or can_moderate_community(user, post.thread.community)


def can_be_mentioned(user, community: Community) -> bool:
    """A mention links and notifies only confirmed, active people who can read the community.

    Unconfirmed sign-ups have no public profile; a link would reveal that they tried to join.
    """
    if not user.is_active or not can_read_community(user, community):
        return False
    return EmailAddress.objects.filter(user=user, verified=True).exists()


def can_follow_tag(user, tag) -> bool:
    """Any signed-in reader of a community may follow its tags."""
    return is_signed_in(user) and can_read_community(user, tag.community)


def can_manage_tags(user, community: Community) -> bool:
    """Whether the viewer may add, rename and delete the community's tags: its stewards."""
    return can_manage_community(user, community)


def check_can_reply(user, thread: Thread) -> None:
    if not can_reply(user, thread):
        raise PermissionDenied


_MEMBERSHIP_FIELDS = ("id", "role", "state")


def _partly_loaded(model, data: dict):
    """An instance with only ``data`` loaded; other fields load from the database if read.

    Model.from_db takes the values in the model's field order, whatever order names them.
    """
    names = [field.attname for field in model._meta.concrete_fields if field.attname in data]
    return model.from_db(model.objects.db, names, [data[name] for name in names])


_FOLLOW_FIELDS = ("id", "level", "last_read_position")


def _with_viewer_membership(queryset: QuerySet, user) -> QuerySet:
    """Read the viewer's membership of the thread's community, and their follow row of the
    thread (read state), in the thread's own query."""
    mine = Membership.objects.filter(community=OuterRef("community_id"), user=user)
    follow = ThreadFollow.objects.filter(thread=OuterRef("pk"), user=user)
    return queryset.annotate(
        **{
            f"_viewer_membership_{name}": Subquery(mine.values(name)[:1])
            for name in _MEMBERSHIP_FIELDS
        },
        **{f"_viewer_follow_{name}": Subquery(follow.values(name)[:1]) for name in _FOLLOW_FIELDS},
    )


def viewer_follow(user, thread: Thread):
    """The viewer's follow row as access_thread read it: a ThreadFollow, None, or
    NOT_READ when the thread came another way."""
    if not is_signed_in(user) or not hasattr(thread, "_viewer_follow_id"):
        return NOT_READ
    values = [getattr(thread, f"_viewer_follow_{name}") for name in _FOLLOW_FIELDS]
    if values[0] is None:
        return None
    return _partly_loaded(
        ThreadFollow,
        {"thread_id": thread.pk, "user_id": user.pk}
        | dict(zip(_FOLLOW_FIELDS, values, strict=True)),
    )


NOT_READ = object()


def _remember_viewer_membership(user, thread: Thread) -> None:
    values = [getattr(thread, f"_viewer_membership_{name}") for name in _MEMBERSHIP_FIELDS]
    membership = None
    if values[0] is not None:
        # A partly loaded row: any other field is read from the database if ever asked for.
        membership = _partly_loaded(
            Membership,
            {"community_id": thread.community_id, "user_id": user.pk}
            | dict(zip(_MEMBERSHIP_FIELDS, values, strict=True)),
        )
    remember_membership(user, thread.community, membership)


def _threads(thread_id: int, community_slug: str) -> QuerySet:
    return Thread.objects.select_related("community", "space").filter(
        pk=thread_id, community__slug=community_slug
    )[:1]


@prepared(int, str)
def _thread_for_visitor(thread_id: int, community_slug: str) -> QuerySet:
    return _threads(thread_id, community_slug)


@prepared(int, str, int)
def _thread_for_member(thread_id: int, community_slug: str, user_id: int) -> QuerySet:
    return _with_viewer_membership(_threads(thread_id, community_slug), user_id)


def access_thread(user, community_slug: str, thread_id: int) -> Thread:
    """Fetch a thread the viewer may read, or 404 — the same for missing and private.

    One query reads the thread, its community and space, and the viewer's membership. It
    runs on every thread page, so its SQL is prepared once (see ``core.prepared``).
    """
    if is_signed_in(user):
        found = _thread_for_member(thread_id, community_slug, user.pk)
    else:
        found = _thread_for_visitor(thread_id, community_slug)
    thread = found[0] if found else None
    if thread is None:
        raise Http404
    if is_signed_in(user):
        _remember_viewer_membership(user, thread)
    if not can_view_community(user, thread.community) or not can_read_thread(user, thread):
        raise Http404
    return thread


def readable_threads(user, queryset: QuerySet | None = None) -> QuerySet:
    """Filter threads to those the viewer may read; hidden threads are left out of lists."""
    queryset = queryset if queryset is not None else Thread.objects.all()
    return queryset.filter(
        community__in=readable_communities(user).values("pk"), hidden_at__isnull=True
    )
