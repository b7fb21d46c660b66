"""A community's tags, as its stewards manage them: list, add, rename, delete.

A tag's slug is always derived from its name, so renaming a tag moves its address too.
Search documents carry their thread's tag slugs; a rename or delete re-tags them after commit.
"""

import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.utils.text import slugify
from django.utils.translation import gettext as _

from staffroom.communities.models import Community
from staffroom.core.errors import ServiceError
from staffroom.discussions.models import Tag, Thread
from staffroom.permissions.discussions import can_manage_tags
from staffroom.search import services as search

MAX_NAME_CHARS = Tag._meta.get_field("name").max_length
MAX_SLUG_CHARS = Tag._meta.get_field("slug").max_length
_BATCH = 500
# Control characters (NUL included) and lone surrogates: no database stores them safely.
_REFUSED_CATEGORIES = {"Cc", "Cs"}


def tags_for_management(*, community: Community) -> QuerySet:
    """Return the community's tags, each with ``thread_count``, in one query."""
    return (
        Tag.objects.filter(community=community)
        .annotate(thread_count=Count("threads"))
        .order_by("name", "pk")
    )


def tag_slug(name: str) -> str:
    """Return the slug a tag of this name gets; letters of every script are kept."""
    return slugify(name, allow_unicode=True)[:MAX_SLUG_CHARS].strip("-_")


def _check(actor, community: Community) -> None:
    if not can_manage_tags(actor, community):
        raise PermissionDenied


def _clean_name(name: str) -> tuple[str, str]:
    """Return the tidied name and its slug, or refuse the name with a field error."""
    name = " ".join(str(name).split())
    if not name:
        raise ServiceError(_("Give the tag a name."), field="name")
    if len(name) > MAX_NAME_CHARS:
        raise ServiceError(
            _("Keep the tag name to %(max)d characters or fewer.") % {"max": MAX_NAME_CHARS},
            field="name",
        )
    if any(unicodedata.category(char) in _REFUSED_CATEGORIES for char in name):
        raise ServiceError(_("Tag names cannot contain control characters."), field="name")
    slug = tag_slug(name)
    if not slug:
        raise ServiceError(_("Give the tag a name with letters or numbers."), field="name")
    return name, slug


def _refuse_duplicate(community: Community, name: str, slug: str, *, exclude: Tag | None) -> None:
    others = Tag.objects.filter(Q(slug=slug) | Q(name__iexact=name), community=community)
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    existing = others.first()
    if existing is not None:
        raise _duplicate(existing.name)


def _duplicate(name: str) -> ServiceError:
    return ServiceError(
        _("This community already has a tag called “%(name)s”.") % {"name": name}, field="name"
    )


def _retag_documents(thread_ids: Iterable[int]) -> None:
    """Copy the current tag slugs of these threads to their search documents."""
    thread_ids = list(thread_ids)
    for start in range(0, len(thread_ids), _BATCH):
        batch = thread_ids[start : start + _BATCH]
        slugs: dict[int, list[str]] = defaultdict(list)
        rows = (
            Thread.tags.through.objects.filter(thread_id__in=batch)
            .order_by("tag__name", "tag__pk")
            .values_list("thread_id", "tag__slug")
        )
        for thread_id, slug in rows:
            slugs[thread_id].append(slug)
        for thread_id in batch:
            search.documents_update_for(thread_id=thread_id, tags=slugs[thread_id])


def _thread_ids(tag: Tag) -> list[int]:
    return list(Thread.tags.through.objects.filter(tag=tag).values_list("thread_id", flat=True))


@transaction.atomic
def tag_create(*, actor, community: Community, name: str) -> Tag:
    """Add a tag to the community; its slug comes from its name."""
    _check(actor, community)
    name, slug = _clean_name(name)
    _refuse_duplicate(community, name, slug, exclude=None)
    try:
        with transaction.atomic():
            return Tag.objects.create(community=community, name=name, slug=slug)
    except IntegrityError:
        # Another steward added the same tag a moment ago.
        raise _duplicate(name) from None


@transaction.atomic
def tag_rename(*, actor, tag: Tag, name: str) -> Tag:
    """Rename a tag; its slug follows the new name and search learns the new slug."""
    _check(actor, tag.community)
    name, slug = _clean_name(name)
    _refuse_duplicate(tag.community, name, slug, exclude=tag)
    moved = slug != tag.slug
    try:
        with transaction.atomic():
            Tag.objects.filter(pk=tag.pk).update(name=name, slug=slug)
    except IntegrityError:
        raise _duplicate(name) from None
    tag.name, tag.slug = name, slug
    if moved:
        thread_ids = _thread_ids(tag)
        transaction.on_commit(lambda: _retag_documents(thread_ids))
    return tag


@transaction.atomic
def tag_delete(*, actor, tag: Tag) -> None:
    """Delete a tag; its threads stay and simply lose it, in search too."""
    _check(actor, tag.community)
    thread_ids = _thread_ids(tag)
    tag.delete()
    transaction.on_commit(lambda: _retag_documents(thread_ids))
