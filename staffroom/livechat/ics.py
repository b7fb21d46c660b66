"""iCalendar (RFC 5545) for chats, written by hand: one VEVENT per chat.

Only what a calendar needs: times in UTC, text escaped, lines folded at 75 octets and
ended with CRLF. Question texts are left out, so nobody reads the script before it is
released; the planned times are in.
"""

import zoneinfo
from collections.abc import Iterable
from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from staffroom.livechat.models import Chat

LINE_OCTETS = 75


def escape_text(value: str) -> str:
    """Escape a TEXT value: backslash, semicolon, comma and line breaks."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into pieces of at most 75 octets, never inside a character."""
    pieces: list[str] = []
    current, size = "", 0
    limit = LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            # Continuation lines start with a space, which counts toward their 75.
            current, size, limit = char, width, LINE_OCTETS - 1
        else:
            current += char
            size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def utc_stamp(moment: datetime) -> str:
    return moment.astimezone(zoneinfo.ZoneInfo("UTC")).strftime("%Y%m%dT%H%M%SZ")


def _uid(chat: Chat) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "staffroom"
    return f"chat-{chat.pk}@{host}"


def _description(chat: Chat) -> str:
    zone = zoneinfo.ZoneInfo(chat.host_time_zone)
    parts = []
    if chat.description:
        parts.append(chat.description)
    parts.append(_("Hosted by %(host)s.") % {"host": chat.host_name})
    planned = [
        f"Q{q.number} {q.planned_at.astimezone(zone):%H:%M}"
        if not chat.is_slow
        else f"Q{q.number} {q.planned_at.astimezone(zone):%Y-%m-%d %H:%M}"
        for q in chat.questions.all()
    ]
    if planned:
        parts.append(
            _("Questions (%(zone)s): %(times)s")
            % {"zone": chat.host_time_zone, "times": ", ".join(planned)}
        )
    return "\n\n".join(parts)


def _event(chat: Chat) -> list[str]:
    url = settings.SITE_URL + chat.get_absolute_url()
    sequence = max(0, int((chat.updated_at - chat.created_at).total_seconds()))
    return [
        "BEGIN:VEVENT",
        f"UID:{_uid(chat)}",
        f"DTSTAMP:{utc_stamp(chat.updated_at)}",
        f"LAST-MODIFIED:{utc_stamp(chat.updated_at)}",
        f"SEQUENCE:{sequence}",
        f"DTSTART:{utc_stamp(chat.starts_at)}",
        f"DTEND:{utc_stamp(chat.ends_at)}",
        f"SUMMARY:{escape_text(f'#{chat.hashtag}: {chat.title}')}",
        f"DESCRIPTION:{escape_text(_description(chat) + chr(10) + chr(10) + url)}",
        f"LOCATION:{escape_text(url)}",
        f"URL:{url}",
        "STATUS:CANCELLED" if chat.cancelled_at else "STATUS:CONFIRMED",
        "TRANSP:OPAQUE",
        "END:VEVENT",
    ]


def calendar(chats: Iterable[Chat], *, name: str) -> str:
    """A whole VCALENDAR with one event per chat, ready to serve as text/calendar."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{escape_text(settings.SITE_NAME)}//Live chats//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for chat in chats:
        lines += _event(chat)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
