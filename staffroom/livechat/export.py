"""Transcript downloads: Markdown grouped by question, and CSV with one row per message.

Times are in UTC: a file travels beyond the reader's own time zone.
"""

import csv
import io
import re
import zoneinfo

from django.utils.translation import gettext as _

from staffroom.livechat.models import Chat, ChatMessage
from staffroom.livechat.selectors import Grouped

UTC = zoneinfo.ZoneInfo("UTC")
CSV_COLUMNS = ["id", "time", "question", "author", "message", "reply_to", "likes"]
# Spreadsheets run a cell starting with these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_UNSAFE_NAME = re.compile(r"[^\w-]+")


def filename(chat: Chat, extension: str) -> str:
    """e.g. ``mathchat-2025-03-04.md``: the hashtag and the day the chat started (UTC)."""
    stem = _UNSAFE_NAME.sub("", chat.hashtag.encode("ascii", "ignore").decode()) or "chat"
    return f"{stem}-{chat.starts_at.astimezone(UTC):%Y-%m-%d}.{extension}"


def safe_cell(value) -> str:
    """Make a cell inert for spreadsheets: a leading apostrophe before formula characters."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _hm(message: ChatMessage) -> str:
    return f"{message.created_at.astimezone(UTC):%H:%M}"


def _indented(body: str, prefix: str) -> str:
    lines = body.strip().splitlines() or [""]
    return lines[0] + "".join(f"\n{prefix}{line}" if line.strip() else "\n" for line in lines[1:])


def _line(message: ChatMessage, depth: int) -> str:
    indent = "  " * depth
    likes = (
        " " + _("(%(count)s likes)") % {"count": message.like_count} if message.like_count else ""
    )
    who = f"**{message.author_name}**"
    if message.author_handle:
        who += f" (@{message.author_handle})"
    return f"{indent}- {who}, {_hm(message)}: {_indented(message.body, indent + '  ')}{likes}"


def transcript_markdown(chat: Chat, grouped: Grouped, participants: list[dict]) -> str:
    """The transcript as Markdown: a heading per question, answers with replies nested."""
    start = chat.starts_at.astimezone(UTC)
    end = chat.ends_at.astimezone(UTC)
    lines = [
        f"# #{chat.hashtag}: {chat.title}",
        "",
        _("Live chat in %(community)s, hosted by %(host)s, %(start)s–%(end)s UTC.")
        % {
            "community": chat.community.name,
            "host": chat.host_name,
            "start": f"{start:%Y-%m-%d %H:%M}",
            "end": f"{end:%H:%M}" if end.date() == start.date() else f"{end:%Y-%m-%d %H:%M}",
        },
        "",
        _("%(people)s people, %(messages)s messages.")
        % {"people": len(participants), "messages": grouped.message_count},
    ]
    for group in grouped.all_groups:
        lines.append("")
        if group.question is None:
            lines.append("## " + _("Before the first question, or not tagged"))
        else:
            lines.append(f"## Q{group.question.number}. {' '.join(group.question.body.split())}")
        lines.append("")
        if not group.answers:
            lines.append(_("(no answers)"))
        for answer in group.answers:
            lines.append(_line(answer.message, 0))
            lines += [_line(reply, 1) for reply in answer.replies]
    return "\n".join(lines) + "\n"


def transcript_csv(messages: list[ChatMessage]) -> str:
    """One row per visible message, oldest first, safe to open in a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for message in messages:
        writer.writerow(
            [
                message.pk,
                message.created_at.astimezone(UTC).isoformat().replace("+00:00", "Z"),
                f"Q{message.question.number}" if message.question_id else "",
                safe_cell(message.author_name),
                safe_cell(message.body),
                message.reply_to_id or "",
                message.like_count,
            ]
        )
    return out.getvalue()
