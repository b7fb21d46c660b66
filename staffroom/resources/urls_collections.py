"""Collection routes, mounted inside the ``resources`` namespace by resources/urls.py."""

from django.urls import path

from staffroom.resources import views_collections as views

C = "collections/<id:collection_id>/"
ITEM = C + "items/<id:item_id>/"
urlpatterns = [
    path("collections/", views.index, name="collections"),
    path("collections/new/", views.create, name="collection_create"),
    path("collections/add/", views.add, name="collection_add"),
    path("c/<slug:slug>/collections/", views.community_collections, name="community_collections"),
    path(C, views.detail, name="collection"),
    path(C + "edit/", views.edit, name="collection_edit"),
    path(C + "delete/", views.delete, name="collection_delete"),
    path(ITEM + "move/", views.item_move, name="collection_item_move"),
    path(ITEM + "remove/", views.item_remove, name="collection_item_remove"),
    path(ITEM + "note/", views.item_note, name="collection_item_note"),
]
