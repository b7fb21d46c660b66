"""Keep the search index in step with threads and posts; called after commit."""

import html

from django.utils.html import strip_tags

from staffroom.discussions.models import Post, Thread
from staffroom.search import services as search


def _plain(post: Post) -> str:
    """Return a post's words without Markdown syntax, for indexing and snippets."""
    return html.unescape(strip_tags(post.body_html))


def _thread_attrs(thread: Thread) -> dict:
    return {
        "url": thread.get_absolute_url(),
        "thread_title": thread.title,
        "thread_kind": thread.kind,
        "author": thread.author_name,
    }


def index_thread(thread_id: int) -> None:
    """Index a thread (title and opening post) and all its visible replies."""
    thread = (
        Thread.objects.select_related("community").prefetch_related("tags").filter(pk=thread_id)
    ).first()
    if thread is None:
        return
    if thread.hidden_at is not None:
        search.documents_delete_for(thread_id=thread.pk)
        return
    opening = thread.posts.filter(position=1).first()
    tags = [tag.slug for tag in thread.tags.all()]
    search.document_upsert(
        kind="thread",
        object_id=thread.pk,
        community_id=thread.community_id,
        space_id=thread.space_id,
        thread_id=thread.pk,
        title=thread.title,
        body=_plain(opening) if opening and opening.is_visible else "",
        tags=tags,
        thread_kind=thread.kind,
        solved=thread.accepted_count > 0,
        attrs=_thread_attrs(thread),
        created_at=thread.created_at,
    )
    for post in thread.posts.filter(position__gt=1).iterator():
        _index_post(thread, post, tags)


def _index_post(thread: Thread, post: Post, tags: list[str]) -> None:
    if not post.is_visible:
        search.document_delete(kind="post", object_id=post.pk)
        return
    search.document_upsert(
        kind="post",
        object_id=post.pk,
        community_id=thread.community_id,
        space_id=thread.space_id,
        thread_id=thread.pk,
        # The thread's title belongs to the thread's document; a reply is found by its words.
        title="",
        body=_plain(post),
        tags=tags,
        thread_kind=thread.kind,
        solved=thread.accepted_count > 0,
        attrs={**_thread_attrs(thread), "url": post.get_absolute_url(), "author": post.author_name},
        created_at=post.created_at,
    )


def index_post(post_id: int) -> None:
    """Index one post; the opening post re-indexes its thread."""
    post = Post.objects.select_related("thread__community").filter(pk=post_id).first()
    if post is None:
        return
    if post.position == 1:
        index_thread(post.thread_id)
        return
    thread = post.thread
    _index_post(thread, post, list(thread.tags.values_list("slug", flat=True)))


def refresh_thread_state(thread_id: int) -> None:
    """Copy a thread's solved state to all its documents."""
    thread = Thread.objects.filter(pk=thread_id).first()
    if thread is not None:
        search.documents_update_for(
            thread_id=thread.pk, solved=thread.accepted_count > 0, space_id=thread.space_id
        )
