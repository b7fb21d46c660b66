from django.urls import path, register_converter

from staffroom.accounts import views
from staffroom.accounts.converters import HandleConverter

register_converter(HandleConverter, "handle")

app_name = "accounts"
urlpatterns = [
    path("people/<id:user_id>/", views.profile_detail, name="profile"),
    path("people/@<handle:handle>/", views.profile_by_handle, name="profile_by_handle"),
    path("settings/profile/", views.profile_edit, name="profile_edit"),
]
