"""Every change to threads and posts."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from staffroom.accounts.selectors import users_by_handles
from staffroom.communities.models import Community, Space
from staffroom.core.errors import ServiceError
from staffroom.core.markdown import MAX_BODY_BYTES, count_images, extract_mentions, render
from staffroom.discussions import images as image_checks
from staffroom.discussions import indexing
from staffroom.discussions.models import (
    AcceptedAnswer,
    FollowLevel,
    Mention,
    Post,
    PostRevision,
    Reaction,
    ReactionKind,
    Tag,
    TagFollow,
    Thread,
    ThreadFollow,
    ThreadKind,
    Vote,
)
from staffroom.livechat.realtime import send_event, thread_group_name
from staffroom.notifications import services as notifications
from staffroom.permissions import discussions as perms
from staffroom.permissions.communities import can_post_in_community

MAX_TITLE_LENGTH = 200
MAX_TAGS = 5
MAX_LABEL_LENGTH = 80
MAX_HIDE_REASON = 300
MAX_MENTIONS = 10
MAX_IMAGE_DESCRIPTION = 200


@dataclass
class _Body:
    """A body ready to store: cleaned text, its HTML, who it mentions and its images."""

    text: str
    html: str
    mentioned: list = field(default_factory=list)
    images: list = field(default_factory=list)


def _clean_body(body: str) -> str:
    body = body.strip()
    if not body:
        raise ServiceError(_("Write something first."), field="body")
    if len(body.encode()) > MAX_BODY_BYTES:
        raise ServiceError(
            _("Keep a post under 64 KB; split a very long one into several."), field="body"
        )
    return body


def _prepare_body(body: str, *, community: Community, images=(), author=None) -> _Body:
    """Check a body and its attachments completely before anything is written."""
    text = _clean_body(body)
    handles = extract_mentions(text)
    if len(handles) > MAX_MENTIONS:
        raise ServiceError(_("Mention at most 10 people in one post."), field="body")
    found = users_by_handles(handles) if handles else {}
    users = {key: user for key, user in found.items() if perms.can_be_mentioned(user, community)}
    # Links point at the profile by id, so they survive the member changing their handle.
    links = {key: user.get_absolute_url() for key, user in users.items()}
    checked = image_checks.check_images(images, body_images=count_images(text))
    mentioned = [user for user in users.values() if author is None or user.pk != author.pk]
    return _Body(text=text, html=render(text, mentions=links), mentioned=mentioned, images=checked)


def _clean_description(description: str) -> str:
    description = " ".join(str(description or "").split())
    if len(description) > MAX_IMAGE_DESCRIPTION:
        raise ServiceError(
            _("Keep the image description under 200 characters."), field="image_description"
        )
    return description


def _record_mentions(post: Post, users: list) -> list[int]:
    """Store mentions of people who can read the thread; returns the newly mentioned ids."""
    readers = [user for user in users if perms.can_read_thread(user, post.thread)]
    known = set(Mention.objects.filter(post=post).values_list("user_id", flat=True))
    new = [user for user in readers if user.pk not in known]
    Mention.objects.bulk_create(Mention(post=post, user=user) for user in new)
    ids = [user.pk for user in new]
    if ids:
        transaction.on_commit(lambda: notifications.notify_mention(post_id=post.pk, user_ids=ids))
    return ids


def refresh_thread_score(thread_id: int) -> None:
    """Score a thread for the “top” list: replies, reactions and net votes on its posts."""
    visible = Post.objects.filter(
        thread_id=thread_id, deleted_at__isnull=True, hidden_at__isnull=True
    )
    totals = visible.aggregate(
        posts=Count("pk"),
        reactions=Coalesce(Sum(F("thanks_count") + F("tried_count")), 0),
        votes=Coalesce(Sum("score"), 0),
    )
    replies = max(totals["posts"] - 1, 0)
    Thread.objects.filter(pk=thread_id).update(
        score=replies + totals["reactions"] + totals["votes"]
    )


def _announce(thread_id: int, kind: str, position: int) -> None:
    """Tell open pages of a thread that a post arrived ("post") or changed ("changed").

    Only the position travels: each page fetches the post rendered for its own reader, so
    a hidden post or a private thread's text never rides the realtime layer.
    """
    event = {"type": kind, "position": position}
    transaction.on_commit(lambda: send_event(thread_group_name(thread_id), event))


def _refusal_to_post(user, community: Community) -> str:
    if not can_post_in_community(user, community):
        return _("Only active members of this community can post here.")
    return _("You cannot post this here.")


def _name(user) -> str:
    return user.profile.display_name


@transaction.atomic
def thread_create(
    *,
    author,
    community: Community,
    space: Space,
    title: str,
    body: str,
    kind: str = ThreadKind.DISCUSSION,
    tags: Iterable[Tag] = (),
    subjects: Iterable = (),
    grade_bands: Iterable = (),
    images: Iterable = (),
    image_description: str = "",
) -> Thread:
    """Start a thread with its opening post."""
    if kind not in ThreadKind.values:
        raise ServiceError(_("Choose a kind of thread."), field="kind")
    if not perms.can_start_thread(author, community, kind):
        if kind == ThreadKind.ANNOUNCEMENT and can_post_in_community(author, community):
            raise ServiceError(_("Only stewards and moderators post announcements."), field="kind")
        raise ServiceError(_refusal_to_post(author, community))
    if space.community_id != community.pk:
        raise ServiceError(_("Choose one of this community's spaces."), field="space")
    title = " ".join(title.split())
    if not title:
        raise ServiceError(_("Give your thread a title."), field="title")
    if len(title) > MAX_TITLE_LENGTH:
        raise ServiceError(_("Keep the title under 200 characters."), field="title")
    prepared = _prepare_body(body, community=community, images=images, author=author)
    description = _clean_description(image_description)
    tags = list(tags)
    if len(tags) > MAX_TAGS or any(tag.community_id != community.pk for tag in tags):
        raise ServiceError(_("Choose up to five of this community's tags."), field="tags")
    now = timezone.now()
    thread = Thread.objects.create(
        community=community,
        space=space,
        author=author,
        author_name=_name(author),
        last_poster_name=_name(author),
        kind=kind,
        title=title,
        last_posted_at=now,
    )
    thread.tags.set(tags)
    thread.subjects.set(subjects)
    thread.grade_bands.set(grade_bands)
    post = Post.objects.create(
        thread=thread,
        author=author,
        author_name=_name(author),
        position=1,
        body=prepared.text,
        body_html=prepared.html,
    )
    ThreadFollow.objects.create(
        thread=thread, user=author, level=FollowLevel.WATCH, last_read_position=1
    )
    post.thread = thread
    _record_mentions(post, prepared.mentioned)
    image_checks.store_images(post, prepared.images, description=description)
    transaction.on_commit(lambda: indexing.index_thread(thread.pk))
    if tags:
        transaction.on_commit(lambda: notifications.notify_tag_followers(thread_id=thread.pk))
    return thread


@transaction.atomic
def post_create(
    *, author, thread: Thread, body: str, images: Iterable = (), image_description: str = ""
) -> Post:
    """Add a reply at the end of a thread."""
    prepared = _prepare_body(body, community=thread.community, images=images, author=author)
    description = _clean_description(image_description)
    # The row lock hands out positions one at a time, so they never collide.
    thread = Thread.objects.select_for_update().select_related("community").get(pk=thread.pk)
    if not perms.can_reply(author, thread):
        if thread.is_locked:
            raise ServiceError(_("This thread is locked; no new replies."))
        raise ServiceError(_refusal_to_post(author, thread.community))
    position = thread.last_position + 1
    post = Post.objects.create(
        thread=thread,
        author=author,
        author_name=_name(author),
        position=position,
        body=prepared.text,
        body_html=prepared.html,
    )
    Thread.objects.filter(pk=thread.pk).update(
        last_position=position,
        post_count=F("post_count") + 1,
        score=F("score") + 1,
        answer_count=F("answer_count") + (1 if thread.is_question else 0),
        last_posted_at=post.created_at,
        last_poster_name=_name(author),
    )
    follow, _created = ThreadFollow.objects.get_or_create(
        thread=thread, user=author, defaults={"level": FollowLevel.WATCH}
    )
    ThreadFollow.objects.filter(pk=follow.pk).update(last_read_position=position)
    post.thread = thread
    _record_mentions(post, prepared.mentioned)
    image_checks.store_images(post, prepared.images, description=description)
    transaction.on_commit(lambda: indexing.index_post(post.pk))
    transaction.on_commit(lambda: notifications.notify_reply(post_id=post.pk))
    _announce(thread.pk, "post", position)
    return post


@transaction.atomic
def post_edit(*, editor, post: Post, body: str) -> Post:
    """Change a post's text, keeping the earlier version for readers to see."""
    if not perms.can_edit_post(editor, post):
        raise ServiceError(_("You can only edit your own posts."))
    prepared = _prepare_body(body, community=post.thread.community, author=post.author)
    body = prepared.text
    if body == post.body:
        return post
    if count_images(body) + post.image_count > image_checks.MAX_IMAGES_PER_POST:
        raise ServiceError(
            _("Use at most 10 images in one post, attached and linked together."), field="body"
        )
    PostRevision.objects.create(
        post=post,
        body=post.body,
        body_html=post.body_html,
        created_at=post.edited_at or post.created_at,
        # The revision keeps the old text, so it is credited to whoever wrote that text.
        editor=post.edited_by if post.edit_count else post.author,
    )
    post.body = body
    post.body_html = prepared.html
    post.edited_at = timezone.now()
    post.edit_count += 1
    post.edited_by = editor
    post.save(update_fields=["body", "body_html", "edited_at", "edit_count", "edited_by"])
    # Only people newly mentioned by this edit hear about it.
    _record_mentions(post, prepared.mentioned)
    transaction.on_commit(lambda: indexing.index_post(post.pk))
    _announce(post.thread_id, "changed", post.position)
    return post


def _refresh_answer_counts(thread: Thread) -> None:
    visible = Q(
        posts__position__gt=1, posts__deleted_at__isnull=True, posts__hidden_at__isnull=True
    )
    counts = Thread.objects.filter(pk=thread.pk).aggregate(answers=Count("posts", filter=visible))
    accepted = AcceptedAnswer.objects.filter(
        thread=thread, post__deleted_at__isnull=True, post__hidden_at__isnull=True
    ).count()
    Thread.objects.filter(pk=thread.pk).update(
        answer_count=counts["answers"] if thread.is_question else 0, accepted_count=accepted
    )


@transaction.atomic
def post_delete(*, user, post: Post) -> None:
    """Delete one's own reply; its place in the thread stays, marked as deleted."""
    if not perms.can_delete_post(user, post):
        raise ServiceError(_("You can only delete your own replies."))
    Post.objects.filter(pk=post.pk).update(
        deleted_at=timezone.now(), body="", body_html="", image_count=0
    )
    # The author took the post back; its images go with it, files once the rows are gone.
    files = [image.file.name for image in post.images.all()]
    post.images.all().delete()
    transaction.on_commit(lambda: image_checks.delete_files(files))
    _refresh_answer_counts(post.thread)
    refresh_thread_score(post.thread_id)
    if post.position == 1:
        Thread.objects.filter(pk=post.thread_id).update(hidden_at=timezone.now())
    transaction.on_commit(lambda: indexing.index_thread(post.thread_id))
    _announce(post.thread_id, "changed", post.position)


@transaction.atomic
def post_hide(*, moderator, post: Post, reason: str) -> None:
    """Hide a post from members, with a reason the author and moderators can see."""
    if not perms.can_moderate_thread(moderator, post.thread):
        raise ServiceError(_("Only moderators can hide posts."))
    reason = reason.strip()
    if not reason or len(reason) > MAX_HIDE_REASON:
        raise ServiceError(_("Give a reason of up to 300 characters."), field="reason")
    Post.objects.filter(pk=post.pk).update(
        hidden_at=timezone.now(), hidden_by=moderator, hidden_reason=reason
    )
    _refresh_answer_counts(post.thread)
    refresh_thread_score(post.thread_id)
    transaction.on_commit(lambda: indexing.index_thread(post.thread_id))
    _announce(post.thread_id, "changed", post.position)


@transaction.atomic
def post_unhide(*, moderator, post: Post) -> None:
    if not perms.can_moderate_thread(moderator, post.thread):
        raise ServiceError(_("Only moderators can show hidden posts."))
    Post.objects.filter(pk=post.pk).update(hidden_at=None, hidden_by=None, hidden_reason="")
    _refresh_answer_counts(post.thread)
    refresh_thread_score(post.thread_id)
    transaction.on_commit(lambda: indexing.index_thread(post.thread_id))
    _announce(post.thread_id, "changed", post.position)


@transaction.atomic
def thread_set_flags(*, moderator, thread: Thread, locked: bool, pinned: bool) -> None:
    """Lock or pin a thread."""
    if not perms.can_moderate_thread(moderator, thread):
        raise ServiceError(_("Only moderators can lock or pin threads."))
    Thread.objects.filter(pk=thread.pk).update(is_locked=locked, is_pinned=pinned)


@transaction.atomic
def answer_accept(*, user, post: Post, label: str = "") -> AcceptedAnswer:
    """Mark a reply as an accepted answer, for the context the label names."""
    thread = post.thread
    if not perms.can_accept_answer(user, thread):
        raise ServiceError(_("Only the person who asked, or a moderator, can accept answers."))
    if post.position == 1 or not post.is_visible:
        raise ServiceError(_("Only a visible reply can be an accepted answer."))
    label = " ".join(label.split())
    if len(label) > MAX_LABEL_LENGTH:
        raise ServiceError(_("Keep the context under 80 characters."), field="label")
    try:
        with transaction.atomic():
            accepted = AcceptedAnswer.objects.create(
                thread=thread, post=post, label=label, accepted_by=user
            )
    except IntegrityError:
        raise ServiceError(_("That answer is already accepted.")) from None
    _refresh_answer_counts(thread)
    transaction.on_commit(lambda: indexing.refresh_thread_state(thread.pk))
    transaction.on_commit(lambda: notifications.notify_accepted(accepted_id=accepted.pk))
    _announce(thread.pk, "changed", post.position)
    return accepted


@transaction.atomic
def answer_unaccept(*, user, post: Post) -> None:
    if not perms.can_accept_answer(user, post.thread):
        raise ServiceError(_("Only the person who asked, or a moderator, can change this."))
    AcceptedAnswer.objects.filter(post=post).delete()
    _refresh_answer_counts(post.thread)
    transaction.on_commit(lambda: indexing.refresh_thread_state(post.thread_id))
    _announce(post.thread_id, "changed", post.position)


@transaction.atomic
def reaction_toggle(*, user, post: Post, kind: str) -> bool:
    """Add or take back a reaction; returns whether it is now on."""
    if kind not in ReactionKind.values:
        raise ServiceError(_("Choose thanks or “I tried this”."), field="kind")
    if not perms.can_react(user, post):
        raise ServiceError(_refusal_to_post(user, post.thread.community))
    if post.author_id == user.pk:
        raise ServiceError(_("You cannot react to your own post."))
    deleted, _count = Reaction.objects.filter(post=post, user=user, kind=kind).delete()
    if not deleted:
        Reaction.objects.get_or_create(post=post, user=user, kind=kind)
    counter = "thanks_count" if kind == ReactionKind.THANKS else "tried_count"
    total = Reaction.objects.filter(post=post, kind=kind).count()
    Post.objects.filter(pk=post.pk).update(**{counter: total})
    refresh_thread_score(post.thread_id)
    return not deleted


@transaction.atomic
def vote_set(*, user, post: Post, value: int) -> int:
    """Vote an answer up (1) or down (-1), or withdraw (0); returns the new score."""
    if value not in {-1, 0, 1}:
        raise ServiceError(_("Vote up, down or not at all."), field="value")
    if not post.thread.is_question or post.position == 1:
        raise ServiceError(_("Only answers to questions are voted on."))
    if not perms.can_react(user, post) or post.author_id == user.pk:
        raise ServiceError(_("You cannot vote on this answer."))
    Vote.objects.filter(post=post, user=user).delete()
    if value:
        Vote.objects.create(post=post, user=user, value=value)
    score = Vote.objects.filter(post=post).aggregate(total=Sum("value"))["total"] or 0
    Post.objects.filter(pk=post.pk).update(score=score)
    refresh_thread_score(post.thread_id)
    return score


@transaction.atomic
def thread_follow_set(*, user, thread: Thread, level: str) -> ThreadFollow:
    """Watch, track or mute a thread."""
    if level not in FollowLevel.values:
        raise ServiceError(_("Choose watch, track or mute."), field="level")
    if not perms.can_read_thread(user, thread) or not user.is_authenticated:
        raise ServiceError(_("You cannot follow this thread."))
    follow, _created = ThreadFollow.objects.update_or_create(
        thread=thread, user=user, defaults={"level": level}
    )
    return follow


_UNREAD = object()


def thread_mark_read(*, user, thread: Thread, position: int, follow=_UNREAD) -> None:
    """Remember how far a member has read; only ever moves forward.

    A page that already read the viewer's follow row passes it (or None for no row), so
    reading a thread one has read before writes nothing.
    """
    if not user.is_authenticated:
        return
    if follow is not _UNREAD and follow is not None:
        if follow.last_read_position < position:
            ThreadFollow.objects.filter(pk=follow.pk, last_read_position__lt=position).update(
                last_read_position=position
            )
        return
    if follow is None and not can_post_in_community(user, thread.community):
        return  # no row to move, and visitors get none
    if not can_post_in_community(user, thread.community):
        # Visitors to a public community keep no read state; only rows they already have move.
        ThreadFollow.objects.filter(
            thread=thread, user=user, last_read_position__lt=position
        ).update(last_read_position=position)
        return
    follow, created = ThreadFollow.objects.get_or_create(
        thread=thread,
        user=user,
        defaults={"level": FollowLevel.TRACK, "last_read_position": position},
    )
    if not created:
        ThreadFollow.objects.filter(pk=follow.pk, last_read_position__lt=position).update(
            last_read_position=position
        )


@transaction.atomic
def tag_follow_set(*, user, tag: Tag, follow: bool) -> bool:
    """Follow a community tag (new threads with it notify the member) or stop following."""
    if not perms.can_follow_tag(user, tag):
        raise ServiceError(_("You cannot follow tags in this community."))
    if follow:
        TagFollow.objects.get_or_create(tag=tag, user=user)
    else:
        TagFollow.objects.filter(tag=tag, user=user).delete()
    return follow
