from django.urls import path

from staffroom.discussions import views_tags

app_name = "discussion_tags"
urlpatterns = [
    path("c/<slug:slug>/manage/tags/", views_tags.manage, name="manage"),
    path("c/<slug:slug>/manage/tags/<id:tag_id>/", views_tags.edit, name="edit"),
    path("c/<slug:slug>/manage/tags/<id:tag_id>/delete/", views_tags.delete, name="delete"),
]
