"""The community's chat list and calendar, and the pages that schedule, edit and cancel."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from staffroom.core.errors import ServiceError
from staffroom.core.htmx import render_page
from staffroom.livechat import export, ics, selectors, services
from staffroom.livechat.forms import ChatForm, chat_initial
from staffroom.livechat.models import Chat
from staffroom.permissions import livechat as perms
from staffroom.permissions.communities import access_community, can_read_community


def readable_community(request, slug: str):
    """The community, if the viewer may read its content; 404 otherwise, as for nothing."""
    community = access_community(request.user, slug)
    if not can_read_community(request.user, community):
        raise Http404
    return community


def calendar_response(text: str, name: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_safe
def chat_list(request, slug: str):
    community = readable_community(request, slug)
    lists = selectors.community_chats(community=community, cursor=request.GET.get("after"))
    return render_page(
        request,
        "livechat/list.html",
        {
            "community": community,
            "lists": lists,
            "can_schedule": perms.can_schedule_chat(request.user, community),
        },
        partial="coming",
    )


@require_safe
def community_calendar(request, slug: str):
    community = readable_community(request, slug)
    name = _("Live chats of %(community)s") % {"community": community.name}
    chats = selectors.calendar_chats(community=community)
    return calendar_response(ics.calendar(chats, name=name), f"{community.slug}-chats.ics")


@require_safe
def chat_ics(request, slug: str, chat_id: int):
    chat = perms.access_chat(request.user, slug, chat_id)
    text = ics.calendar([chat], name=f"#{chat.hashtag}")
    return calendar_response(text, export.filename(chat, "ics"))


@login_required
@require_http_methods(["GET", "POST"])
def chat_new(request, slug: str):
    community = readable_community(request, slug)
    if not perms.can_schedule_chat(request.user, community):
        raise Http404
    form = ChatForm(request.POST or None, initial=chat_initial(None, request.user))
    if request.method == "POST" and form.is_valid():
        try:
            chat = services.chat_schedule(
                user=request.user, community=community, **form.service_values()
            )
        except ServiceError as error:
            form.show_error(error)
        else:
            messages.success(request, _("The chat is on the calendar; members are invited."))
            return redirect(chat)
    return render(
        request, "livechat/form.html", {"community": community, "form": form, "chat": None}
    )


def _editable(request, slug: str, chat_id: int) -> Chat:
    chat = perms.access_chat(request.user, slug, chat_id)
    if not perms.can_edit_chat(request.user, chat):
        raise Http404
    return chat


@login_required
@require_http_methods(["GET", "POST"])
def chat_edit(request, slug: str, chat_id: int):
    chat = _editable(request, slug, chat_id)
    form = ChatForm(request.POST or None, initial=chat_initial(chat, request.user))
    if request.method == "POST" and form.is_valid():
        try:
            chat = services.chat_edit(user=request.user, chat=chat, **form.service_values())
        except ServiceError as error:
            form.show_error(error)
        else:
            messages.success(request, _("Saved. The questions' release times are below."))
            return redirect(chat)
    return render(
        request, "livechat/form.html", {"community": chat.community, "form": form, "chat": chat}
    )


@login_required
@require_http_methods(["GET", "POST"])
def chat_cancel(request, slug: str, chat_id: int):
    chat = _editable(request, slug, chat_id)
    if request.method == "POST":
        try:
            services.chat_cancel(user=request.user, chat=chat)
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The chat is cancelled."))
        return redirect(chat)
    return render(request, "livechat/cancel.html", {"community": chat.community, "chat": chat})
