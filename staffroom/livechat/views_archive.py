"""A finished chat's archive: the transcript page, its downloads and the summary thread."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from staffroom.core.errors import ServiceError
from staffroom.livechat import archive, export, selectors, services
from staffroom.livechat.forms import SummaryForm
from staffroom.livechat.models import Chat, ChatState
from staffroom.livechat.summary import chat_post_summary, summary_title
from staffroom.livechat.views_chat import chat_context
from staffroom.permissions import livechat as perms


def _ended(request, slug: str, chat_id: int) -> Chat:
    """The chat if it is over (archived); 404 before, as there is no transcript yet."""
    chat = perms.access_chat(request.user, slug, chat_id)
    services.chat_sync(chat)
    if chat.state != ChatState.ENDED:
        raise Http404
    return chat


@require_safe
def transcript(request, slug: str, chat_id: int):
    chat = perms.access_chat(request.user, slug, chat_id)
    services.chat_sync(chat)
    if chat.state != ChatState.ENDED:
        return redirect(chat)
    context = chat_context(request, chat)
    grouped = selectors.chat_grouped(chat=chat, include_hidden=context["can_moderate"])
    links = [] if chat.links_collection_id else archive.shared_links(chat)
    return render(
        request,
        "livechat/transcript.html",
        {
            **context,
            "grouped": grouped,
            "participants": selectors.chat_participants(chat),
            "links": links,
            "can_post_summary": perms.can_post_summary(request.user, chat),
        },
    )


def _download(text: str, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def transcript_markdown(request, slug: str, chat_id: int):
    chat = _ended(request, slug, chat_id)
    grouped = selectors.chat_grouped(chat=chat)
    text = export.transcript_markdown(chat, grouped, selectors.chat_participants(chat))
    return _download(text, "text/markdown", export.filename(chat, "md"))


@require_safe
def transcript_csv(request, slug: str, chat_id: int):
    chat = _ended(request, slug, chat_id)
    text = export.transcript_csv(selectors.transcript_messages(chat))
    return _download(text, "text/csv", export.filename(chat, "csv"))


@login_required
@require_http_methods(["GET", "POST"])
def summary(request, slug: str, chat_id: int):
    chat = _ended(request, slug, chat_id)
    if not perms.can_post_summary(request.user, chat):
        raise Http404
    if chat.summary_thread_id is not None:
        return render(
            request,
            "livechat/summary.html",
            {"community": chat.community, "chat": chat, "posted": chat.summary_thread},
        )
    spaces = list(chat.community.spaces.all())
    form = SummaryForm(
        request.POST or None,
        spaces=spaces,
        initial={"title": summary_title(chat), "body": chat.summary_draft},
    )
    if request.method == "POST" and form.is_valid():
        space = next(s for s in spaces if s.pk == form.cleaned_data["space"])
        try:
            thread = chat_post_summary(
                user=request.user,
                chat=chat,
                space=space,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
            )
        except ServiceError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("The summary is posted in the community."))
            return redirect(thread.get_absolute_url())
    return render(
        request, "livechat/summary.html", {"community": chat.community, "chat": chat, "form": form}
    )
