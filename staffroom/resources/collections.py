"""Every change to collections: start, edit, delete, add, remove, move and annotate items.

A member's collection is public and may list anything its owner can read; a viewer who may
not read an item never sees it (collections_selectors.readable_items). A community's
collection is read by everyone who reads that community, so it holds only items from the
same community or ones everybody can read (portfolio resources, public communities'
resources and threads); otherwise its own readers would find holes in it.
"""

from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from staffroom.communities.models import Community, Visibility
from staffroom.core.errors import ServiceError
from staffroom.core.markdown import render
from staffroom.discussions.models import Thread
from staffroom.permissions.actors import is_signed_in
from staffroom.permissions.communities import can_manage_community, can_moderate_community
from staffroom.permissions.discussions import readable_threads
from staffroom.permissions.resources import can_edit_collection, readable_resources
from staffroom.resources.collections_selectors import readable_items
from staffroom.resources.models import Collection, CollectionItem, Resource

MAX_TITLE = 200
MAX_DESCRIPTION = 3000
MAX_NOTE = 1000
MAX_ITEMS = 200
DIRECTIONS = ("up", "down")


def _clean_title(title) -> str:
    title = " ".join(str(title or "").replace("\x00", "").split())
    if not title:
        raise ServiceError(_("Give the collection a title."), field="title")
    if len(title) > MAX_TITLE:
        raise ServiceError(_("Keep the title under 200 characters."), field="title")
    return title


def _clean_description(description) -> str:
    description = str(description or "").replace("\x00", "").strip()
    if len(description) > MAX_DESCRIPTION:
        raise ServiceError(_("Keep the description under 3,000 characters."), field="description")
    return description


def _clean_note(note) -> str:
    note = str(note or "").replace("\x00", "").strip()
    if len(note) > MAX_NOTE:
        raise ServiceError(_("Keep the note under 1,000 characters."), field="note")
    return note


def _check_can_edit(user, collection: Collection) -> None:
    if not can_edit_collection(user, collection):
        raise ServiceError(_("Only the collection's keepers can change it."), code="forbidden")


def _lock(collection: Collection) -> Collection:
    """Lock the collection row so concurrent item changes keep positions and counts true."""
    return Collection.objects.select_for_update().get(pk=collection.pk)


def _touch(collection: Collection, **changes) -> None:
    Collection.objects.filter(pk=collection.pk).update(updated_at=timezone.now(), **changes)


@transaction.atomic
def collection_create(
    *, user, title: str, description: str = "", community: Community | None = None
) -> Collection:
    """Start a member's own collection, or a community's when its steward or moderator asks."""
    if not is_signed_in(user) or not user.is_active:
        raise ServiceError(_("Sign in to start a collection."), code="forbidden")
    if community is not None and not (
        can_manage_community(user, community) or can_moderate_community(user, community)
    ):
        raise ServiceError(
            _("Only the community's stewards and moderators can start its collections."),
            field="community",
            code="forbidden",
        )
    title = _clean_title(title)
    description = _clean_description(description)
    return Collection.objects.create(
        owner=None if community is not None else user,
        community=community,
        title=title,
        description=description,
        description_html=render(description) if description else "",
    )


@transaction.atomic
def collection_create_for_chat(
    *, community: Community, title: str, description: str, links: list[tuple[str, str]]
) -> Collection:
    """Keep the web links shared in a live chat as a community collection.

    The chat's archive calls this on the community's behalf, so there is no member to check:
    the links were already posted where the community's readers saw them.
    """
    collection = Collection.objects.create(
        community=community,
        title=_clean_title(title[:MAX_TITLE]),
        description=description,
        description_html=render(description) if description else "",
        item_count=min(len(links), MAX_ITEMS),
    )
    CollectionItem.objects.bulk_create(
        CollectionItem(
            collection=collection,
            url=url[:500],
            link_title=url[:200],
            note=note[:MAX_NOTE],
            position=index,
        )
        for index, (url, note) in enumerate(links[:MAX_ITEMS])
        if len(url) <= 500
    )
    return collection


@transaction.atomic
def collection_edit(*, user, collection: Collection, title: str, description: str) -> Collection:
    """Change a collection's title and description."""
    _check_can_edit(user, collection)
    collection.title = _clean_title(title)
    collection.description = _clean_description(description)
    collection.description_html = render(collection.description) if collection.description else ""
    collection.save(update_fields=["title", "description", "description_html", "updated_at"])
    return collection


@transaction.atomic
def collection_delete(*, user, collection: Collection) -> None:
    """Delete a collection and its items; the resources and threads it listed stay."""
    _check_can_edit(user, collection)
    collection.delete()


def _item_community(resource: Resource | None, thread: Thread | None) -> Community | None:
    return resource.community if resource is not None else thread.community


def _check_addable(user, collection: Collection, resource, thread) -> None:
    if resource is not None:
        readable = readable_resources(user, Resource.objects.filter(pk=resource.pk)).exists()
    else:
        readable = readable_threads(user, Thread.objects.filter(pk=thread.pk)).exists()
    if not readable:
        raise ServiceError(_("You can only add resources and threads you can read."))
    if collection.community_id is None:
        return
    community = _item_community(resource, thread)
    if (
        community is not None
        and community.pk != collection.community_id
        and community.visibility != Visibility.PUBLIC
    ):
        raise ServiceError(
            _(
                "A community's collection holds only its own community's items and public "
                "ones, so everyone who reads it can read what it lists."
            )
        )


@transaction.atomic
def collection_add(
    *,
    user,
    collection: Collection,
    resource: Resource | None = None,
    thread: Thread | None = None,
    note: str = "",
) -> CollectionItem:
    """Add a resource or a thread at the end of a collection, with an optional note."""
    if (resource is None) == (thread is None):
        raise ServiceError(_("Choose one resource or one thread to add."))
    _check_can_edit(user, collection)
    _check_addable(user, collection, resource, thread)
    note = _clean_note(note)
    locked = _lock(collection)
    same = CollectionItem.objects.filter(collection=locked)
    target = {"resource": resource} if resource is not None else {"thread": thread}
    if same.filter(**target).exists():
        raise ServiceError(
            _("This is already in “%(title)s”.") % {"title": locked.title},
            field="collection",
            code="duplicate",
        )
    if locked.item_count >= MAX_ITEMS:
        raise ServiceError(
            _("A collection holds at most 200 items; start another one."), field="collection"
        )
    last = same.aggregate(last=Max("position"))["last"] or 0
    try:
        with transaction.atomic():
            item = CollectionItem.objects.create(
                collection=locked, resource=resource, thread=thread, note=note, position=last + 1
            )
    except IntegrityError:
        # The unique constraints are the last word when two requests race.
        raise ServiceError(
            _("This is already in “%(title)s”.") % {"title": locked.title},
            field="collection",
            code="duplicate",
        ) from None
    _touch(locked, item_count=F("item_count") + 1)
    return item


@transaction.atomic
def collection_remove(*, user, item: CollectionItem) -> None:
    """Take an item out of its collection; the items after it move up one place."""
    collection = item.collection
    _check_can_edit(user, collection)
    locked = _lock(collection)
    deleted, _rows = CollectionItem.objects.filter(pk=item.pk, collection=locked).delete()
    if not deleted:
        return
    CollectionItem.objects.filter(collection=locked, position__gt=item.position).update(
        position=F("position") - 1
    )
    _touch(locked, item_count=F("item_count") - 1)


@transaction.atomic
def collection_move(*, user, item: CollectionItem, direction: str) -> None:
    """Swap an item with the neighbour above or below it among the items the editor can see.

    Items hidden from this editor (deleted, or from a community they have left) keep their
    places; positions are renumbered from 1 afterwards, which also repairs any gaps.
    """
    if direction not in DIRECTIONS:
        raise ServiceError(_("Move an item up or down."), field="direction")
    collection = item.collection
    _check_can_edit(user, collection)
    locked = _lock(collection)
    rows = list(CollectionItem.objects.filter(collection=locked).order_by("position", "pk"))
    visible = set(
        readable_items(user, CollectionItem.objects.filter(collection=locked)).values_list(
            "pk", flat=True
        )
    )
    if item.pk not in visible:
        raise ServiceError(_("You can only move items you can read."))
    shown = [row.pk for row in rows if row.pk in visible]
    index = shown.index(item.pk)
    target = index - 1 if direction == "up" else index + 1
    if not 0 <= target < len(shown):
        raise ServiceError(
            _("It is already first.") if direction == "up" else _("It is already last."),
            field="direction",
        )
    order = [row.pk for row in rows]
    here, there = order.index(item.pk), order.index(shown[target])
    order[here], order[there] = order[there], order[here]
    by_pk = {row.pk: row for row in rows}
    changed = []
    for position, pk in enumerate(order, start=1):
        row = by_pk[pk]
        if row.position != position:
            row.position = position
            changed.append(row)
    CollectionItem.objects.bulk_update(changed, ["position"])
    _touch(locked)


@transaction.atomic
def collection_note(*, user, item: CollectionItem, note: str) -> CollectionItem:
    """Replace the note that says why an item is in the collection."""
    _check_can_edit(user, item.collection)
    item.note = _clean_note(note)
    CollectionItem.objects.filter(pk=item.pk).update(note=item.note)
    _touch(item.collection)
    return item
