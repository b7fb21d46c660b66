from django.urls import path

from staffroom.orgs import views

app_name = "orgs"
urlpatterns = [
    path("orgs/<slug:slug>/", views.detail, name="detail"),
    path("orgs/<slug:slug>/manage/", views.manage, name="manage"),
    path(
        "orgs/<slug:slug>/manage/domains/<id:domain_id>/remove/",
        views.domain_remove,
        name="domain_remove",
    ),
    path(
        "orgs/<slug:slug>/manage/members/<id:membership_id>/admin/",
        views.member_admin,
        name="member_admin",
    ),
]
