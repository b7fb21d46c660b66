"""Build chats the way the product does: through the scheduling service."""

import itertools
from datetime import timedelta

from django.utils import timezone

from staffroom.livechat import services
from staffroom.livechat.models import Chat, ChatMode

_numbers = itertools.count(1)

QUESTIONS = [
    "What does proportional reasoning look like in your classroom?",
    "Which task first convinced your students that ratios are useful?",
    "How do you assess understanding of ratio without a test?",
]


def a_chat(
    community,
    steward,
    *,
    host=None,
    starts_in: timedelta = timedelta(days=1),
    minutes: int = 60,
    questions: list[str] | None = None,
    mode: str = ChatMode.LIVE,
    first_after_minutes: int = 5,
    interval_minutes: int = 10,
    **options,
) -> Chat:
    """Schedule a chat; a start up to five minutes ago gives a chat that is live now."""
    number = next(_numbers)
    return services.chat_schedule(
        user=steward,
        community=community,
        title=options.pop("title", f"Ratio chat {number}"),
        hashtag=options.pop("hashtag", f"ratiochat{number}"),
        starts_at=timezone.now() + starts_in,
        host_time_zone=options.pop("host_time_zone", "Europe/Paris"),
        duration_minutes=minutes,
        questions=questions if questions is not None else list(QUESTIONS),
        mode=mode,
        host=host,
        first_after_minutes=first_after_minutes,
        interval_minutes=interval_minutes,
        **options,
    )


def a_live_chat(community, steward, **options) -> Chat:
    """A chat that started a minute ago, with Q1 due at once (first_after_minutes=0)."""
    options.setdefault("first_after_minutes", 0)
    chat = a_chat(community, steward, starts_in=timedelta(minutes=-1), **options)
    services.chat_sync(chat)
    return Chat.objects.select_related("community").get(pk=chat.pk)
