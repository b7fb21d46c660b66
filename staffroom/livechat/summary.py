"""Posting a finished chat's summary as a thread in its community, once."""

from django.db import transaction
from django.utils.translation import gettext as _

from staffroom.communities.models import Space
from staffroom.core.errors import ServiceError
from staffroom.discussions.models import Thread
from staffroom.discussions.services import thread_create
from staffroom.livechat.models import Chat
from staffroom.permissions import livechat as perms


def summary_title(chat: Chat) -> str:
    return f"Summary: #{chat.hashtag} – {chat.title}"[:200]


@transaction.atomic
def chat_link_summary(*, user, chat: Chat, thread: Thread) -> Chat:
    """Record ``thread`` as the chat's summary; refuse if one is already linked."""
    if not perms.can_post_summary(user, chat):
        raise ServiceError(
            _("Only the chat's hosts and moderators post its summary."), code="forbidden"
        )
    if thread.community_id != chat.community_id:
        raise ServiceError(_("The summary belongs in the chat's community."), code="invalid")
    linked = Chat.objects.filter(pk=chat.pk, summary_thread__isnull=True).update(
        summary_thread=thread
    )
    if not linked:
        raise ServiceError(_("This chat's summary is already posted."), code="already_posted")
    chat.summary_thread = thread
    return chat


@transaction.atomic
def chat_post_summary(*, user, chat: Chat, space: Space, title: str, body: str) -> Thread:
    """Start the summary thread and link it to the chat, both or neither."""
    if not perms.can_post_summary(user, chat):
        raise ServiceError(
            _("Only the chat's hosts and moderators post its summary."), code="forbidden"
        )
    locked = Chat.objects.select_for_update().get(pk=chat.pk)
    if locked.summary_thread_id is not None:
        raise ServiceError(_("This chat's summary is already posted."), code="already_posted")
    thread = thread_create(
        author=user, community=chat.community, space=space, title=title, body=body
    )
    chat_link_summary(user=user, chat=chat, thread=thread)
    return thread
