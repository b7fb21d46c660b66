from staffroom.core.pagination import Page, keyset_page
from staffroom.notifications.models import Notification
from staffroom.permissions.communities import readable_communities

PAGE_SIZE = 30


def inbox(*, user, cursor: str | None = None, size: int = PAGE_SIZE) -> Page:
    """List a member's notifications from communities they can still read, newest first."""
    queryset = Notification.objects.filter(
        user=user, community__in=readable_communities(user).values("pk")
    )
    return keyset_page(queryset, order=("-created_at", "-pk"), cursor=cursor, size=size)
