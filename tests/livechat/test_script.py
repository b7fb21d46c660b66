from datetime import UTC, datetime, timedelta

import pytest

from staffroom.core.errors import ServiceError
from staffroom.livechat.models import ChatMode
from staffroom.livechat.script import parse_answer_prefix, plan_questions, split_script

START = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A1 Ratio tables on the wall", (1, "Ratio tables on the wall")),
        ("a2: bar models", (2, "bar models")),
        ("A3) double number lines", (3, "double number lines")),
        ("A10 - tape diagrams", (10, "tape diagrams")),
        ("A4—recipes", (4, "recipes")),
        ("  A5   spaces first", (5, "spaces first")),
    ],
)
def test_an_answer_prefix_gives_the_question_number_and_the_rest(text, expected):
    assert parse_answer_prefix(text) == expected


@pytest.mark.parametrize("text", ["Always ask why", "A1", "A1:", "AB1 no", "A 1 no", "Q1 what"])
def test_text_without_a_prefix_and_an_answer_is_left_alone(text):
    assert parse_answer_prefix(text) == (None, text)


def test_a_script_is_one_question_per_line_with_numbering_dropped():
    script = "Q1. What is a ratio?\n\n  q2: Why tables?  \nHow do you assess?\n"
    assert split_script(script) == ["What is a ratio?", "Why tables?", "How do you assess?"]


def test_live_questions_are_planned_from_the_start_at_the_interval():
    plan = plan_questions(
        ["a", "b", "c"],
        mode=ChatMode.LIVE,
        starts_at=START,
        ends_at=START + timedelta(hours=1),
        first_after_minutes=5,
        interval_minutes=10,
    )
    assert [(item.number, item.planned_at - START) for item in plan] == [
        (1, timedelta(minutes=5)),
        (2, timedelta(minutes=15)),
        (3, timedelta(minutes=25)),
    ]


def test_slow_chats_release_one_question_a_day_from_the_start():
    plan = plan_questions(
        ["a", "b", "c"],
        mode=ChatMode.SLOW,
        starts_at=START,
        ends_at=START + timedelta(days=3),
        first_after_minutes=99,
        interval_minutes=0,
    )
    assert [item.planned_at - START for item in plan] == [timedelta(0), timedelta(1), timedelta(2)]


@pytest.mark.parametrize(
    ("questions", "first", "interval", "hours", "field"),
    [
        ([], 5, 10, 1, "questions"),
        (["q"] * 21, 0, 1, 1, "questions"),
        (["x" * 501], 5, 10, 1, "questions"),
        (["a", "b", "c", "d", "e", "f", "g"], 5, 10, 1, "questions"),
        (["a"], 121, 10, 3, "first_after_minutes"),
        (["a"], 5, 0, 1, "interval_minutes"),
    ],
)
def test_a_script_that_cannot_run_is_refused_with_the_field_to_fix(
    questions, first, interval, hours, field
):
    with pytest.raises(ServiceError) as refused:
        plan_questions(
            questions,
            mode=ChatMode.LIVE,
            starts_at=START,
            ends_at=START + timedelta(hours=hours),
            first_after_minutes=first,
            interval_minutes=interval,
        )
    assert refused.value.field == field
