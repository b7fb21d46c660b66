"""Transcript downloads (Markdown, CSV) and iCalendar files."""

import csv
import datetime as dt
import io
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from staffroom.livechat import export, ics, messages, services
from staffroom.livechat.models import Chat
from tests.livechat.builders import QUESTIONS, a_chat, a_live_chat
from tests.pages import text

pytestmark = pytest.mark.django_db


def url(chat, rest: str = "") -> str:
    return f"/c/{chat.community.slug}/chats/{chat.pk}/{rest}"


def fresh(chat) -> Chat:
    return Chat.objects.select_related("community").get(pk=chat.pk)


@pytest.fixture
def ended_chat(live_chat, host, member, other):
    first = messages.message_post(author=member, chat=live_chat, body="A1 Ratio tables, always")
    messages.message_post(author=other, chat=live_chat, body="Same here", reply_to=first)
    messages.message_post(author=other, chat=live_chat, body='=HYPERLINK("http://evil")')
    hidden = messages.message_post(author=member, chat=live_chat, body="Regrettable")
    messages.message_hide(moderator=host, message=hidden)
    services.chat_end(user=host, chat=fresh(live_chat))
    return fresh(live_chat)


# iCalendar


class TestIcsText:
    def test_text_values_are_escaped(self):
        assert ics.escape_text("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"

    def test_long_lines_are_folded_at_75_octets(self):
        line = "DESCRIPTION:" + "x" * 200

        folded = ics.fold(line)

        pieces = folded.split("\r\n")
        assert all(len(piece.encode()) <= 75 for piece in pieces)
        assert all(piece.startswith(" ") for piece in pieces[1:])
        assert "".join(piece[1:] if i else piece for i, piece in enumerate(pieces)) == line

    def test_folding_never_splits_a_character(self):
        line = "SUMMARY:" + "é" * 100

        pieces = ics.fold(line).split("\r\n")

        for piece in pieces:
            assert len(piece.encode("utf-8")) <= 75
            piece.encode("utf-8").decode("utf-8")  # whole characters only

    def test_a_short_line_is_unchanged(self):
        assert ics.fold("VERSION:2.0") == "VERSION:2.0"


def unfold(body: str) -> list[str]:
    return body.replace("\r\n ", "").split("\r\n")


class TestChatIcs:
    def test_one_event_in_utc_with_a_stable_uid(self, client, scheduled_chat):
        response = client.get(url(scheduled_chat, "chat.ics"))
        again = client.get(url(scheduled_chat, "chat.ics"))

        body = response.content.decode()
        lines = unfold(body)
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        assert "attachment" in response["Content-Disposition"]
        assert body.endswith("\r\n") and "\n" not in body.replace("\r\n", "")
        assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
        assert lines.count("BEGIN:VEVENT") == 1
        start = scheduled_chat.starts_at.astimezone(dt.UTC)
        assert f"DTSTART:{start:%Y%m%dT%H%M%SZ}" in lines
        assert f"SUMMARY:#{scheduled_chat.hashtag}: {scheduled_chat.title}" in lines
        assert "STATUS:CONFIRMED" in lines
        uid = next(line for line in lines if line.startswith("UID:"))
        assert uid == f"UID:chat-{scheduled_chat.pk}@127.0.0.1"
        assert uid in unfold(again.content.decode())
        assert any(line.startswith("URL:http") for line in lines)

    def test_question_times_are_in_but_question_texts_are_not(self, client, scheduled_chat):
        body = "\n".join(unfold(client.get(url(scheduled_chat, "chat.ics")).content.decode()))

        assert "Q1 " in body and "Q3 " in body
        assert not any(question[:30] in body for question in QUESTIONS)

    def test_a_cancelled_chat_says_so(self, client, scheduled_chat, steward):
        services.chat_cancel(user=steward, chat=scheduled_chat)

        lines = unfold(client.get(url(scheduled_chat, "chat.ics")).content.decode())

        assert "STATUS:CANCELLED" in lines

    def test_commas_and_semicolons_in_the_title_are_escaped(self, client, community, steward):
        chat = a_chat(community, steward, title="Ratios; rates, and more")

        lines = unfold(client.get(url(chat, "chat.ics")).content.decode())

        assert f"SUMMARY:#{chat.hashtag}: Ratios\\; rates\\, and more" in lines


class TestCommunityCalendar:
    def test_it_lists_upcoming_and_recent_chats(self, client, community, steward, host):
        soon = a_chat(community, steward, host=host, starts_in=timedelta(days=2))
        later = a_chat(community, steward, host=host, starts_in=timedelta(days=30))
        past = a_live_chat(community, steward, host=host)
        services.chat_end(user=host, chat=past)

        response = client.get(f"/c/{community.slug}/chats.ics")

        lines = unfold(response.content.decode())
        assert response.status_code == 200
        assert lines.count("BEGIN:VEVENT") == 3
        uids = {line for line in lines if line.startswith("UID:")}
        assert uids == {f"UID:chat-{c.pk}@127.0.0.1" for c in (soon, later, past)}

    def test_it_costs_the_same_for_one_chat_as_for_ten(self, client, community, steward, host):
        a_chat(community, steward, host=host)
        with CaptureQueriesContext(connection) as one:
            client.get(f"/c/{community.slug}/chats.ics")
        for _ in range(9):
            a_chat(community, steward, host=host)
        with CaptureQueriesContext(connection) as ten:
            client.get(f"/c/{community.slug}/chats.ics")

        assert len(one) == len(ten)


# Transcripts


class TestMarkdown:
    def test_it_groups_by_question_with_replies_nested(self, client, ended_chat):
        response = client.get(url(ended_chat, "transcript.md"))

        body = response.content.decode()
        assert response["Content-Type"] == "text/markdown; charset=utf-8"
        day = ended_chat.starts_at.astimezone(dt.UTC).date().isoformat()
        assert response["Content-Disposition"] == (
            f'attachment; filename="{ended_chat.hashtag}-{day}.md"'
        )
        assert body.startswith(f"# #{ended_chat.hashtag}: {ended_chat.title}\n")
        assert f"## Q1. {QUESTIONS[0]}" in body
        assert re.search(r"^- \*\*Mia Member\*\* \(@[\w.-]+\), \d\d:\d\d: Ratio tables", body, re.M)
        assert re.search(r"^  - \*\*Olu Other\*\* .*: Same here$", body, re.M)
        assert "Regrettable" not in body

    def test_it_is_not_there_before_the_end(self, client, live_chat):
        assert client.get(url(live_chat, "transcript.md")).status_code == 404


class TestCsv:
    def rows(self, response) -> list[list[str]]:
        return list(csv.reader(io.StringIO(response.content.decode())))

    def test_one_row_per_visible_message_in_order(self, client, ended_chat):
        response = client.get(url(ended_chat, "transcript.csv"))

        rows = self.rows(response)
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert rows[0] == export.CSV_COLUMNS
        assert [row[4] for row in rows[1:]] == [
            "Ratio tables, always",
            "Same here",
            '\'=HYPERLINK("http://evil")',
        ]
        first, reply = rows[1], rows[2]
        assert first[1].endswith("Z") and "T" in first[1]
        assert first[2] == "Q1" and first[3] == "Mia Member"
        assert reply[5] == first[0]
        assert first[6] == "0"

    @pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
    def test_formula_cells_are_made_inert(self, value):
        assert export.safe_cell(value) == "'" + value

    @pytest.mark.parametrize("value", ["plain", "1+1", "", None, "a=b"])
    def test_ordinary_cells_are_unchanged(self, value):
        assert export.safe_cell(value) == ("" if value is None else value)

    def test_it_is_not_there_before_the_end(self, client, live_chat):
        assert client.get(url(live_chat, "transcript.csv")).status_code == 404


def test_a_filename_keeps_only_safe_characters(community, steward):
    chat = a_chat(community, steward, hashtag="Maths_Chat2")

    assert re.fullmatch(r"Maths_Chat2-\d{4}-\d\d-\d\d\.csv", export.filename(chat, "csv"))


def test_the_transcript_page_links_both_downloads(client, ended_chat):
    page = text(client.get(url(ended_chat, "transcript/")))

    assert url(ended_chat, "transcript.md") in page
    assert url(ended_chat, "transcript.csv") in page
