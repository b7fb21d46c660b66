"""The HTML fragments a live page inserts: the same templates the full page includes."""

from django.template.loader import render_to_string

from staffroom.livechat.models import ChatMessage, ChatQuestion


def message_html(message: ChatMessage) -> str:
    """One message as every viewer sees it; viewer-specific controls are added in the page."""
    return render_to_string("livechat/_message.html", {"message": message, "live": True})


def question_html(question: ChatQuestion) -> str:
    return render_to_string("livechat/_question.html", {"question": question, "live": True})
