from django.urls import path

from staffroom.communities.views import manage, public

app_name = "communities"
urlpatterns = [
    path("communities/", public.directory, name="directory"),
    path("communities/new/", public.create, name="create"),
    path("invite/<token:token>/", public.invitation, name="invitation"),
    path("c/<slug:slug>/", public.detail, name="detail"),
    path("c/<slug:slug>/join/", public.join, name="join"),
    path("c/<slug:slug>/request/", public.request_join, name="request_join"),
    path("c/<slug:slug>/leave/", public.leave, name="leave"),
    path("c/<slug:slug>/members/", public.members, name="members"),
    path("c/<slug:slug>/manage/", manage.settings_view, name="manage"),
    path("c/<slug:slug>/manage/spaces/", manage.spaces, name="manage_spaces"),
    path("c/<slug:slug>/manage/spaces/<id:space_id>/", manage.space_edit, name="space_edit"),
    path("c/<slug:slug>/manage/spaces/<id:space_id>/move/", manage.space_move, name="space_move"),
    path(
        "c/<slug:slug>/manage/spaces/<id:space_id>/delete/",
        manage.space_delete,
        name="space_delete",
    ),
    path("c/<slug:slug>/manage/members/", manage.members, name="manage_members"),
    path(
        "c/<slug:slug>/manage/members/<id:membership_id>/decide/",
        manage.member_decide,
        name="member_decide",
    ),
    path(
        "c/<slug:slug>/manage/members/<id:membership_id>/role/",
        manage.member_role,
        name="member_role",
    ),
    path(
        "c/<slug:slug>/manage/members/<id:membership_id>/ban/",
        manage.member_ban,
        name="member_ban",
    ),
    path(
        "c/<slug:slug>/manage/members/<id:membership_id>/unban/",
        manage.member_unban,
        name="member_unban",
    ),
    path(
        "c/<slug:slug>/manage/members/<id:membership_id>/remove/",
        manage.member_remove,
        name="member_remove",
    ),
    path("c/<slug:slug>/manage/invitations/", manage.invitations, name="manage_invitations"),
    path(
        "c/<slug:slug>/manage/invitations/<id:invitation_id>/revoke/",
        manage.invitation_revoke,
        name="invitation_revoke",
    ),
    path("c/<slug:slug>/manage/transfer/", manage.transfer, name="transfer"),
]
