"""Reads for collections: one collection's items, a member's, a community's, the browse list.

Every read path lists a collection's items through ``readable_items``, so an item the viewer
may not read (a members-only community's resource in someone's public collection, a deleted
resource, a hidden thread) is left out entirely: no title, no note, not even in the count.
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from staffroom.communities.models import Community, Membership, MembershipState, Role, Visibility
from staffroom.core.pagination import Page, keyset_page
from staffroom.discussions.models import Thread
from staffroom.permissions.actors import is_signed_in
from staffroom.permissions.discussions import readable_threads
from staffroom.permissions.resources import readable_collections, readable_resources
from staffroom.resources.models import Collection, CollectionItem, Resource

COLLECTIONS_PER_PAGE = 24
MAX_CHOICES = 100
ORDER = ("-updated_at", "-pk")
# Lists never need a resource's full content; a collection may hold 200 of them.
_HEAVY_RESOURCE_FIELDS = (
    "resource__content",
    "resource__content_html",
    "resource__lineage",
    "resource__summary",
    "resource__summary_html",
)


def readable_items(viewer, queryset: QuerySet | None = None) -> QuerySet:
    """Filter collection items to those whose resource or thread the viewer may read.

    Web links carry no content of ours, so whoever reads the collection reads them.

    Each item is checked against its own row (an index lookup) through readable_resources and
    readable_threads, so the rules stay in the permissions package and the cost follows the
    items shown, not the size of the library.
    """
    queryset = queryset if queryset is not None else CollectionItem.objects.all()
    resource = readable_resources(viewer, Resource.objects.filter(pk=OuterRef("resource_id")))
    thread = readable_threads(viewer, Thread.objects.filter(pk=OuterRef("thread_id")))
    return queryset.filter(Exists(resource) | Exists(thread) | ~Q(url=""))


def _with_visible_count(viewer, queryset: QuerySet) -> QuerySet:
    """Annotate ``visible_count``: the items this viewer would see, in the same query."""
    counts = (
        readable_items(viewer, CollectionItem.objects.filter(collection=OuterRef("pk")))
        .order_by()
        .values("collection")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return queryset.annotate(visible_count=Coalesce(Subquery(counts), 0))


@dataclass
class CollectionPage:
    collection: Collection
    items: list[CollectionItem]
    # Items left out because this viewer may not read them; shown to editors only.
    hidden_count: int


def collection_page(*, viewer, collection: Collection) -> CollectionPage:
    """The collection's readable items in order, with their resource or thread, in one query."""
    items = list(
        readable_items(viewer, CollectionItem.objects.filter(collection=collection))
        .select_related("resource__community", "thread__community")
        .defer(*_HEAVY_RESOURCE_FIELDS)
        .order_by("position", "pk")
    )
    for item in items:
        item.collection = collection
    return CollectionPage(
        collection=collection,
        items=items,
        hidden_count=max(collection.item_count - len(items), 0),
    )


def collection_item(*, viewer, item: CollectionItem) -> CollectionItem | None:
    """The item with its resource or thread loaded, or None when the viewer may not read it."""
    found = (
        readable_items(viewer, CollectionItem.objects.filter(pk=item.pk))
        .select_related("resource__community", "thread__community")
        .defer(*_HEAVY_RESOURCE_FIELDS)
        .first()
    )
    if found is not None:
        found.collection = item.collection
    return found


def _listed(viewer, queryset: QuerySet) -> QuerySet:
    return _with_visible_count(
        viewer, queryset.select_related("community", "owner__profile")
    ).order_by(*ORDER)


def member_collections(*, viewer, owner) -> list[Collection]:
    """A member's own collections, newest change first; personal collections are public."""
    return list(_listed(viewer, Collection.objects.filter(owner=owner)))


def community_collections(
    *, viewer, community: Community, cursor: str | None = None, size: int = COLLECTIONS_PER_PAGE
) -> Page:
    """A community's collections; the caller has checked the viewer may read the community."""
    queryset = _listed(viewer, Collection.objects.filter(community=community))
    return keyset_page(queryset, order=ORDER, cursor=cursor, size=size)


def kept_collections(*, viewer) -> list[Collection]:
    """The collections the member keeps: their own and their communities' (newest 100)."""
    return list(_listed(viewer, editable_collections(viewer))[:MAX_CHOICES])


def browse_collections(
    *, viewer, cursor: str | None = None, size: int = COLLECTIONS_PER_PAGE
) -> Page:
    """Every collection the viewer may read except those they keep, newest change first."""
    queryset = readable_collections(viewer)
    if is_signed_in(viewer):
        queryset = queryset.exclude(pk__in=editable_collections(viewer).values("pk"))
    return keyset_page(_listed(viewer, queryset), order=ORDER, cursor=cursor, size=size)


def _kept_communities(user) -> QuerySet:
    """The communities whose collections the member keeps: active stewards and moderators."""
    return Membership.objects.filter(
        user=user, state=MembershipState.ACTIVE, role__in=[Role.STEWARD, Role.MODERATOR]
    ).values("community_id")


def kept_communities(user) -> list[Community]:
    """The communities whose collections the member may start, by name."""
    if not is_signed_in(user):
        return []
    return list(Community.objects.filter(pk__in=_kept_communities(user)).order_by("name"))


def editable_collections(user) -> QuerySet:
    """The member's own collections and those of communities they steward or moderate.

    The set form of can_edit_collection for lists and choices; staff keep only their own
    here (they can still edit any collection from its page). Services check every write.
    """
    if not is_signed_in(user):
        return Collection.objects.none()
    return Collection.objects.filter(
        Q(owner=user) | Q(community__in=_kept_communities(user))
    ).select_related("community")


def collection_choices(user, *, resource=None, thread=None) -> list[Collection]:
    """The collections the member could add this item to, each marked ``has_item``; one query.

    A community's collection only takes its own community's items and public ones (see
    staffroom.resources.collections), so others are not offered.
    """
    target = resource if resource is not None else thread
    queryset = editable_collections(user)
    community = target.community if target.community_id else None
    if community is not None and community.visibility != Visibility.PUBLIC:
        queryset = queryset.filter(Q(community__isnull=True) | Q(community=community))
    same = CollectionItem.objects.filter(collection=OuterRef("pk"))
    same = same.filter(resource=resource) if resource is not None else same.filter(thread=thread)
    return list(queryset.annotate(has_item=Exists(same)).order_by(*ORDER)[:MAX_CHOICES])
