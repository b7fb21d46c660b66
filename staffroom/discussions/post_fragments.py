"""Visitors' copies of rendered posts, kept under a key made of everything they show.

Rendering a page of 25 posts through ``_post.html`` is most of a thread page's time, and
every visitor (anyone not signed in) sees a post the same way: no forms, no buttons of
their own, hidden posts as "Hidden by a moderator". So the HTML a visitor gets for a post
is kept in the cache, keyed by a digest of every column of the post, its images, its
accepted-answer label, the thread and community it is addressed under, the language and
time zone, and the source of the templates. The key is computed from the rows the page
has just read, so any change to the post (an edit, a reaction count, hiding it) is a new
key: nothing has to be invalidated and a stale copy is never served. Entries only
expire, to free the memory of copies no key leads to any more.

Signed-in readers see their own reactions, votes and forms (with their CSRF token), so
their posts are always rendered afresh.
"""

import hashlib

from django.core.cache import cache
from django.template import Context
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from staffroom.discussions.models import Post

TEMPLATE = "discussions/_post.html"
INCLUDED = ("discussions/_post.html", "discussions/_post_actions.html")
KEEP_SECONDS = 6 * 3600
_FIELDS = [field.attname for field in Post._meta.concrete_fields]
_template_digest: str | None = None


def _templates() -> str:
    # Part of every key: a deploy that changes how posts look changes every key. Read once
    # per process, as the cached template loader reads the templates themselves.
    global _template_digest
    if _template_digest is None:
        sources = "\0".join(get_template(name).template.source for name in INCLUDED)
        _template_digest = hashlib.blake2b(sources.encode(), digest_size=8).hexdigest()
    return _template_digest


def _key(post: Post, shared: tuple) -> str:
    images = [
        (image.pk, image.description, image.original_name, image.width, image.height)
        for image in getattr(post, "attached_images", ())
    ]
    state = (
        shared,
        tuple(getattr(post, name) for name in _FIELDS),
        getattr(post, "is_accepted", False),
        getattr(post, "accepted_label", None),
        images,
    )
    digest = hashlib.blake2b(repr(state).encode(), digest_size=16).hexdigest()
    return f"post-html:{post.pk}:{digest}"


def attach_for_visitor(posts: list[Post], context: dict) -> None:
    """Set ``post.visitor_html`` on each post, from the cache or rendered now.

    ``context`` is what the thread page gives ``_post.html``: its flags (can_reply,
    can_moderate, …) are part of the key, so a visitor's copy is only ever reused for a
    visitor's page.
    """
    if not posts:
        return
    thread, community = context["thread"], context["community"]
    flags = tuple(
        bool(context.get(name)) for name in ("can_reply", "can_moderate", "can_accept", "can_react")
    )
    shared = (
        _templates(),
        translation.get_language(),
        timezone.get_current_timezone_name(),
        community.slug,
        thread.pk,
        thread.kind,
        flags,
    )
    keys = {post.pk: _key(post, shared) for post in posts}
    found = cache.get_many(list(keys.values()))
    rendered = {}
    template = None
    for post in posts:
        html = found.get(keys[post.pk])
        if html is None:
            if template is None:
                template = get_template(TEMPLATE).template
            with_post = Context({**context, "post": post}, autoescape=True)
            html = rendered[keys[post.pk]] = template.render(with_post)
        post.visitor_html = mark_safe(html)  # rendered by our own autoescaping template
    if rendered:
        cache.set_many(rendered, timeout=KEEP_SECONDS)
