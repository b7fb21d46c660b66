from django.urls import path

from staffroom.discussions import views

app_name = "discussions"
T = "c/<slug:slug>/t/<id:thread_id>/"
P = T + "p/<id:position>/"
urlpatterns = [
    path("c/<slug:slug>/threads/", views.thread_list, name="threads"),
    path("c/<slug:slug>/s/<slug:space_slug>/", views.thread_list, name="space"),
    path("c/<slug:slug>/new/", views.thread_create, name="thread_create"),
    path("c/<slug:slug>/new/similar/", views.similar_questions, name="similar"),
    path("c/<slug:slug>/tags/<str:tag_slug>/follow/", views.tag_follow, name="tag_follow"),
    path(T, views.thread_detail, name="thread"),
    path(T + "unread/", views.thread_unread, name="unread"),
    path(T + "after/<id:position>/", views.posts_after, name="posts_after"),
    path(T + "reply/", views.reply, name="reply"),
    path(T + "follow/", views.thread_follow, name="follow"),
    path(T + "moderate/", views.thread_moderate, name="moderate"),
    path(P, views.post_permalink, name="post"),
    path(P + "edit/", views.post_edit, name="post_edit"),
    path(P + "history/", views.post_history, name="post_history"),
    path(P + "images/<id:image_id>/", views.post_image, name="post_image"),
    path(P + "delete/", views.post_delete, name="post_delete"),
    path(P + "hide/", views.post_hide, name="post_hide"),
    path(P + "unhide/", views.post_unhide, name="post_unhide"),
    path(P + "react/", views.post_react, name="post_react"),
    path(P + "vote/", views.post_vote, name="post_vote"),
    path(P + "accept/", views.post_accept, name="post_accept"),
]
