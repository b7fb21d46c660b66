"""Reading what hosts and participants type: question scripts and "A2 …" answer prefixes."""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils.translation import gettext as _

from staffroom.core.errors import ServiceError
from staffroom.livechat.models import ChatMode

MAX_QUESTIONS = 20
MAX_QUESTION_CHARS = 500
# "A2 …", "a2: …", "A2) …", "A2 - …": the convention Twitter chats settled on.
_ANSWER_PREFIX = re.compile(r"^\s*[Aa](\d{1,3})\s*(?:[:.)\-–—]\s*|\s+)(?=\S)")
# Hosts may paste their script with the numbers in front; they are dropped.
_QUESTION_PREFIX = re.compile(r"^\s*[Qq]\d{1,3}\s*[:.)\-–—]?\s*")


@dataclass(frozen=True)
class PlannedQuestion:
    number: int
    body: str
    planned_at: datetime


def parse_answer_prefix(text: str) -> tuple[int | None, str]:
    """Split "A2 my answer" into (2, "my answer"); text without a prefix gives (None, text)."""
    match = _ANSWER_PREFIX.match(text)
    if match is None:
        return None, text
    return int(match.group(1)), text[match.end() :]


def split_script(text: str) -> list[str]:
    """One question per non-empty line, with any "Q1." numbering removed."""
    questions = []
    for line in (text or "").splitlines():
        body = _QUESTION_PREFIX.sub("", line, count=1).strip()
        if body:
            questions.append(body)
    return questions


def plan_questions(
    questions: list[str],
    *,
    mode: str,
    starts_at: datetime,
    ends_at: datetime,
    first_after_minutes: int,
    interval_minutes: int,
) -> list[PlannedQuestion]:
    """Give each question its planned release time, checking the whole script first."""
    if not questions:
        raise ServiceError(_("Write at least one question, one per line."), field="questions")
    if len(questions) > MAX_QUESTIONS:
        raise ServiceError(_("A chat has at most 20 questions."), field="questions")
    for body in questions:
        if len(body) > MAX_QUESTION_CHARS:
            raise ServiceError(_("Keep each question under 500 characters."), field="questions")
    if mode == ChatMode.SLOW:
        # Slow chats open with Q1 and post one question a day after that.
        first, step = timedelta(0), timedelta(days=1)
    else:
        if not 0 <= first_after_minutes <= 120:
            raise ServiceError(
                _("The first question comes 0 to 120 minutes after the start."),
                field="first_after_minutes",
            )
        if not 1 <= interval_minutes <= 120:
            raise ServiceError(
                _("Leave 1 to 120 minutes between questions."), field="interval_minutes"
            )
        first, step = timedelta(minutes=first_after_minutes), timedelta(minutes=interval_minutes)
    planned = [
        PlannedQuestion(number=index + 1, body=body, planned_at=starts_at + first + step * index)
        for index, body in enumerate(questions)
    ]
    if planned[-1].planned_at >= ends_at:
        if mode == ChatMode.SLOW:
            message = _("A slow chat needs one day per question; make it longer or ask fewer.")
        else:
            message = _(
                "The last question would come after the chat ends; make it longer, "
                "ask fewer questions or leave less time between them."
            )
        raise ServiceError(message, field="questions")
    return planned
