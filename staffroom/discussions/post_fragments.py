"""Rendered posts, kept under a key made of everything they show.

Rendering a page of 25 posts through ``_post.html`` is most of a thread page's time, and
most readers see a post the same way. So the HTML of a post is kept in the cache, keyed by
a digest of every column of the post, its images, its accepted-answer label, the thread and
community it is addressed under, the language and time zone, the source of the templates,
the reader's permissions on the thread (reply, moderate, accept, react) and the reader's own
relation to the post: whether they wrote it, their reactions and their vote. Those are
everything ``_post.html`` shows that differs between readers, so two members with the same
permissions who have not touched a post share one copy, and a moderator or the author gets
their own. The key is computed from the rows the page has just read, so any change to the
post (an edit, a reaction count, hiding it) is a new key: nothing has to be invalidated and a
stale copy is never served. Entries only expire, to free the memory of copies no key leads to
any more.

A signed-in reader's copy has forms, and each form needs the reader's CSRF token: the copy
holds a stand-in, derived from the secret key so no post can contain it, and each page puts
its own token in its place.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.template import Context
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from staffroom.discussions.models import Post, ReactionKind
from staffroom.permissions.discussions import is_post_author

TEMPLATE = "discussions/_post.html"
INCLUDED = ("discussions/_post.html", "discussions/_post_actions.html")
KEEP_SECONDS = 6 * 3600
_FIELDS = [field.attname for field in Post._meta.concrete_fields]
_VIEWER_FIELDS = [f"viewer_{kind}" for kind in ReactionKind.values] + ["viewer_vote_value"]
_template_digest: str | None = None


def _templates() -> str:
    # Part of every key: a deploy that changes how posts look changes every key. Read once
    # per process, as the cached template loader reads the templates themselves.
    global _template_digest
    if _template_digest is None:
        sources = "\0".join(get_template(name).template.source for name in INCLUDED)
        _template_digest = hashlib.blake2b(sources.encode(), digest_size=8).hexdigest()
    return _template_digest


def _csrf_stand_in() -> str:
    # The same in every process (a copy rendered by one is served by all), and unknowable
    # without the secret key: a post that could contain it would get readers' tokens put
    # into it, in an image address, say.
    digest = hmac.new(settings.SECRET_KEY.encode(), b"post-fragments-csrf", "blake2b")
    return "csrf-" + digest.hexdigest()[:40]


def _key(post: Post, shared: tuple, user) -> str:
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
        # The reader's own relation to the post: all that _post.html reads of ``user``.
        is_post_author(user, post),
        tuple(getattr(post, name, None) for name in _VIEWER_FIELDS),
    )
    digest = hashlib.blake2b(repr(state).encode(), digest_size=16).hexdigest()
    return f"post-html:{post.pk}:{digest}"


def attach(posts: list[Post], context: dict, request) -> None:
    """Set ``post.rendered_html`` on each post, from the cache or rendered now.

    ``context`` is what the thread page gives ``_post.html``: the thread, its community,
    the reader (``user``) and their permission flags (can_reply, can_moderate, …), which
    are part of the key.
    """
    if not posts:
        return
    thread, community, user = context["thread"], context["community"], context["user"]
    flags = tuple(
        bool(context.get(name)) for name in ("can_reply", "can_moderate", "can_accept", "can_react")
    )
    stand_in = _csrf_stand_in()
    shared = (
        _templates(),
        # A new secret key means a new stand-in: copies holding the old one are not reused.
        stand_in,
        translation.get_language(),
        timezone.get_current_timezone_name(),
        community.slug,
        thread.pk,
        thread.kind,
        flags,
        user.is_authenticated,
    )
    keys = {post.pk: _key(post, shared, user) for post in posts}
    found = cache.get_many(list(keys.values()))
    rendered = {}
    template = None
    for post in posts:
        html = found.get(keys[post.pk])
        if html is None:
            if template is None:
                template = get_template(TEMPLATE).template
            with_post = Context({**context, "post": post, "csrf_token": stand_in}, autoescape=True)
            html = rendered[keys[post.pk]] = template.render(with_post)
        if stand_in in html:
            html = html.replace(stand_in, get_token(request))
        post.rendered_html = mark_safe(html)  # rendered by our own autoescaping template
    if rendered:
        cache.set_many(rendered, timeout=KEEP_SECONDS)
