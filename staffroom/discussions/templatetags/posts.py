"""Template questions about a post and its viewer, answered by the permissions package."""

from django import template

from staffroom.permissions.discussions import is_post_author

register = template.Library()


@register.filter
def written_by(post, user) -> bool:
    """``post|written_by:user``: the viewer is the post's author (never a visitor)."""
    return is_post_author(user, post)
