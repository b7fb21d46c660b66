from django.urls import include, path

from staffroom.resources import views, views_attachments, views_standards

app_name = "resources"
R = "r/<id:resource_id>/"
urlpatterns = [
    path("library/", views.library, name="library"),
    path("library/standards/", views_standards.lookup, name="standards"),
    path("c/<slug:slug>/library/", views.community_library, name="community_library"),
    path("", include("staffroom.resources.urls_collections")),
    path("r/new/", views.create, name="create"),
    path(R, views.detail, name="detail"),
    path(R + "edit/", views.edit, name="edit"),
    path(R + "delete/", views.delete, name="delete"),
    path(R + "history/", views.history, name="history"),
    path(R + "history/<id:number>/", views.version, name="version"),
    path(R + "history/<id:number>/restore/", views.restore, name="restore"),
    path(R + "remix/", views.remix, name="remix"),
    path(R + "tried/", views.tried, name="tried"),
    path(R + "discuss/", views.discuss, name="discuss"),
    path(R + "download.json", views.download, name="download"),
    path(R + "files/<id:attachment_id>/", views.attachment, name="attachment"),
    path(R + "files/", views_attachments.files, name="files"),
    path(
        R + "files/<id:attachment_id>/delete/", views_attachments.delete, name="attachment_delete"
    ),
]
