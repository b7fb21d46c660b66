"""The “Add to a collection” form for resource and thread pages, whose views cannot pass it."""

from django import template

from staffroom.permissions.actors import is_signed_in
from staffroom.resources import collections_selectors as selectors

register = template.Library()


@register.inclusion_tag("resources/_add_to_collection.html", takes_context=True)
def add_to_collection(context, *, resource=None, thread=None, compact=False) -> dict:
    """Offer the viewer's collections that can take this item; one query, none when signed out.

    ``compact`` renders only a link to the add page and costs no query, for pages that
    already spend their query budget (the thread page).
    """
    user = context.get("user")
    if not is_signed_in(user) or (resource is None) == (thread is None):
        return {"show": False}
    if compact:
        return {"show": True, "compact": True, "resource": resource, "thread": thread}
    choices = selectors.collection_choices(user, resource=resource, thread=thread)
    return {
        "show": True,
        "resource": resource,
        "thread": thread,
        "available": [c for c in choices if not c.has_item],
        "holding": [c for c in choices if c.has_item],
    }
