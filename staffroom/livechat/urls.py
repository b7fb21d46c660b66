from django.urls import path

from staffroom.livechat import views_archive, views_chat, views_schedule

app_name = "livechat"
C = "c/<slug:slug>/chats/<id:chat_id>/"
M = C + "m/<id:message_id>/"
urlpatterns = [
    path("c/<slug:slug>/chats/", views_schedule.chat_list, name="list"),
    path("c/<slug:slug>/chats/new/", views_schedule.chat_new, name="new"),
    path("c/<slug:slug>/chats.ics", views_schedule.community_calendar, name="calendar"),
    path(C, views_chat.chat_detail, name="chat"),
    path(C + "edit/", views_schedule.chat_edit, name="edit"),
    path(C + "cancel/", views_schedule.chat_cancel, name="cancel"),
    path(C + "chat.ics", views_schedule.chat_ics, name="ics"),
    path(C + "post/", views_chat.chat_post, name="post"),
    path(C + "messages/", views_chat.chat_poll, name="poll"),
    path(C + "by-question/", views_chat.chat_by_question, name="by_question"),
    path(C + "release/", views_chat.chat_release, name="release"),
    path(C + "end/", views_chat.chat_end, name="end"),
    path(C + "mute/", views_chat.chat_mute, name="mute"),
    path(M + "like/", views_chat.message_like, name="like"),
    path(M + "hide/", views_chat.message_hide, name="hide"),
    path(M + "unhide/", views_chat.message_unhide, name="unhide"),
    path(C + "transcript/", views_archive.transcript, name="transcript"),
    path(C + "transcript.md", views_archive.transcript_markdown, name="transcript_md"),
    path(C + "transcript.csv", views_archive.transcript_csv, name="transcript_csv"),
    path(C + "summary/", views_archive.summary, name="summary"),
]
