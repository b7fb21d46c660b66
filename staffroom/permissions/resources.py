"""Who may read, publish, edit, remix and report on library resources and collections.

A resource in a community has exactly that community's access; one in a member's portfolio
is public. Deleted resources are gone for everyone.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from staffroom.communities.models import Community, Visibility
from staffroom.permissions.actors import is_signed_in, is_staff
from staffroom.permissions.communities import (
    can_manage_community,
    can_moderate_community,
    can_post_in_community,
    can_read_community,
    readable_communities,
)
from staffroom.resources.licences import terms
from staffroom.resources.models import Collection, Resource


def can_read_resource(user, resource: Resource) -> bool:
    if resource.deleted_at is not None:
        return False
    if resource.community_id is None:
        return True
    return can_read_community(user, resource.community)


def readable_resources(user, queryset: QuerySet | None = None) -> QuerySet:
    """Filter resources to those the viewer may read."""
    queryset = queryset if queryset is not None else Resource.objects.all()
    queryset = queryset.filter(deleted_at__isnull=True)
    if is_staff(user):
        return queryset
    return queryset.filter(
        Q(community__isnull=True) | Q(community__in=readable_communities(user).values("pk"))
    )


def can_publish(user, community: Community | None) -> bool:
    """Publish into a community as an active member, or into one's own portfolio."""
    if not is_signed_in(user) or not user.is_active:
        return False
    return community is None or can_post_in_community(user, community)


def can_edit_resource(user, resource: Resource) -> bool:
    """The author (still allowed to post there), or the community's moderators."""
    if not is_signed_in(user) or not can_read_resource(user, resource):
        return False
    if resource.author_id == user.pk:
        return can_publish(user, resource.community)
    return resource.community is not None and can_moderate_community(user, resource.community)


def can_remix(user, resource: Resource) -> bool:
    return (
        is_signed_in(user)
        and can_read_resource(user, resource)
        and terms(resource.licence).remixable
    )


def can_start_discussion(user, resource: Resource, community: Community | None) -> bool:
    """A portfolio resource's discussion opens in a public community the member posts in."""
    if community is None or resource.community_id is not None:
        return False
    if not can_read_resource(user, resource) or not can_publish(user, community):
        return False
    return community.visibility == Visibility.PUBLIC


def can_remix_into(source: Resource, destination: Community | None) -> bool:
    """A private community's resource is adapted only inside that community, never copied out."""
    if source.community_id is None or source.community.visibility == Visibility.PUBLIC:
        return True
    return destination is not None and destination.pk == source.community_id


def can_report_tried(user, resource: Resource) -> bool:
    """Members who may read it and could post there say how it went in their class."""
    if not is_signed_in(user) or not can_read_resource(user, resource):
        return False
    return resource.community is None or can_post_in_community(user, resource.community)


def access_resource(user, resource_id: int) -> Resource:
    """Fetch a resource the viewer may read, or 404 — the same for missing and private."""
    resource = (
        Resource.objects.select_related("community", "language", "source", "author__profile")
        .filter(pk=resource_id)
        .first()
    )
    if resource is None or not can_read_resource(user, resource):
        raise Http404
    return resource


def can_read_collection(user, collection: Collection) -> bool:
    if collection.community_id is None:
        return True
    return can_read_community(user, collection.community)


def can_edit_collection(user, collection: Collection) -> bool:
    if not is_signed_in(user):
        return False
    if collection.owner_id is not None:
        return collection.owner_id == user.pk
    return can_manage_community(user, collection.community) or can_moderate_community(
        user, collection.community
    )


def readable_collections(user, queryset: QuerySet | None = None) -> QuerySet:
    queryset = queryset if queryset is not None else Collection.objects.all()
    if is_staff(user):
        return queryset
    return queryset.filter(
        Q(community__isnull=True) | Q(community__in=readable_communities(user).values("pk"))
    )


def access_collection(user, collection_id: int) -> Collection:
    collection = (
        Collection.objects.select_related("community", "owner__profile")
        .filter(pk=collection_id)
        .first()
    )
    if collection is None or not can_read_collection(user, collection):
        raise Http404
    return collection
