from django.urls import path

from staffroom.accounts import views

app_name = "accounts"
urlpatterns = [
    path("people/<id:user_id>/", views.profile_detail, name="profile"),
    path("settings/profile/", views.profile_edit, name="profile_edit"),
]
