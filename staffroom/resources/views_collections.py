"""Collection pages: browse, start, read, edit and delete; add, move, annotate and remove items.

Every control is a plain form; nothing needs JavaScript.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from staffroom.communities.models import Community
from staffroom.core.errors import ServiceError
from staffroom.core.outcome import report_outcome
from staffroom.discussions.models import Thread
from staffroom.permissions import communities as community_perms
from staffroom.permissions import resources as perms
from staffroom.permissions.discussions import can_read_thread
from staffroom.resources import collections as services
from staffroom.resources import collections_selectors as selectors
from staffroom.resources.models import Collection, CollectionItem

NOTE_HELP = gettext_lazy("Why it is here, or how you use it. Up to 1,000 characters.")


class CollectionForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=services.MAX_TITLE)
    description = forms.CharField(
        label=gettext_lazy("Description (optional)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=services.MAX_DESCRIPTION,
        required=False,
        help_text=gettext_lazy("What the collection is for and who it helps. Markdown works."),
    )


class NoteForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Note (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=services.MAX_NOTE,
        required=False,
        help_text=NOTE_HELP,
    )


class AddForm(NoteForm):
    collection = forms.TypedChoiceField(label=gettext_lazy("Collection"), coerce=int)

    field_order = ["collection", "note"]

    def __init__(self, *args, choices: list[Collection], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["collection"].choices = [(c.pk, _choice_label(c)) for c in choices]


def _choice_label(collection: Collection) -> str:
    label = collection.title
    if collection.community is not None:
        label = f"{label} ({collection.community.name})"
    if collection.has_item:
        label = _("%(label)s — already in it") % {"label": label}
    return label


def _show_error(form: forms.Form, error: ServiceError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


def _item_in(collection: Collection, item_id: int) -> CollectionItem:
    item = CollectionItem.objects.filter(pk=item_id, collection=collection).first()
    if item is None:
        raise Http404
    item.collection = collection  # keeps the viewer's cached membership answers
    return item


def _editable(request, collection_id: int) -> Collection:
    """Fetch a collection the viewer may edit, or 404 as for one they may not read."""
    collection = perms.access_collection(request.user, collection_id)
    if not perms.can_edit_collection(request.user, collection):
        raise Http404
    return collection


# --- lists --------------------------------------------------------------------------------------


@require_safe
def index(request):
    user = request.user
    return render(
        request,
        "resources/collection_list.html",
        {
            "yours": selectors.kept_collections(viewer=user),
            "page": selectors.browse_collections(viewer=user, cursor=request.GET.get("after")),
        },
    )


@require_safe
def community_collections(request, slug: str):
    community = community_perms.access_community(request.user, slug)
    community_perms.check_can_read_community(request.user, community)
    return render(
        request,
        "resources/collection_community.html",
        {
            "community": community,
            "page": selectors.community_collections(
                viewer=request.user, community=community, cursor=request.GET.get("after")
            ),
            "can_start": community_perms.can_moderate_community(request.user, community),
        },
    )


# --- one collection -----------------------------------------------------------------------------


@require_safe
def detail(request, collection_id: int):
    collection = perms.access_collection(request.user, collection_id)
    return render(
        request,
        "resources/collection_detail.html",
        {
            "collection": collection,
            "community": collection.community,
            "page": selectors.collection_page(viewer=request.user, collection=collection),
            "can_edit": perms.can_edit_collection(request.user, collection),
            "note_help": NOTE_HELP,
        },
    )


def _keepers(user) -> list[tuple[str, str]]:
    choices = [("", _("Just me (public)"))]
    choices += [(c.slug, c.name) for c in selectors.kept_communities(user)]
    return choices


@login_required
@require_http_methods(["GET", "POST"])
def create(request):
    keepers = _keepers(request.user)
    form = CollectionForm(request.POST or None)
    if len(keepers) > 1:
        slug = request.GET.get("community", "")
        form.fields["keeper"] = forms.ChoiceField(
            label=_("Kept by"),
            choices=keepers,
            required=False,
            initial=slug if slug in dict(keepers) else "",
            help_text=_("A community's collection is kept by its stewards and moderators."),
        )
    if request.method == "POST" and form.is_valid():
        slug = form.cleaned_data.get("keeper") or ""
        try:
            collection = services.collection_create(
                user=request.user,
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
                community=Community.objects.filter(slug=slug).first() if slug else None,
            )
        except ServiceError as error:
            _show_error(form, error)
        else:
            messages.success(request, _("Your collection is ready: add resources and threads."))
            return redirect(collection)
    return render(request, "resources/collection_form.html", {"form": form, "creating": True})


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, collection_id: int):
    collection = _editable(request, collection_id)
    form = CollectionForm(
        request.POST or None,
        initial={"title": collection.title, "description": collection.description},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.collection_edit(
                user=request.user,
                collection=collection,
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
            )
        except ServiceError as error:
            _show_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(collection)
    return render(
        request,
        "resources/collection_form.html",
        {"form": form, "collection": collection, "creating": False},
    )


@login_required
@require_http_methods(["GET", "POST"])
def delete(request, collection_id: int):
    collection = _editable(request, collection_id)
    if request.method == "POST":
        services.collection_delete(user=request.user, collection=collection)
        messages.success(request, _("The collection is deleted."))
        if collection.community is not None:
            return redirect("resources:community_collections", collection.community.slug)
        return redirect("resources:collections")
    return render(request, "resources/collection_delete.html", {"collection": collection})


# --- items --------------------------------------------------------------------------------------


def _positive_id(value) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None


def _target(request) -> tuple:
    """Find the resource or thread named in the request, if the viewer may read it."""
    data = request.POST if request.method == "POST" else request.GET
    resource_id = _positive_id(data.get("resource_id"))
    thread_id = _positive_id(data.get("thread_id"))
    if resource_id and not thread_id:
        return perms.access_resource(request.user, resource_id), None
    if thread_id and not resource_id:
        thread = Thread.objects.select_related("community").filter(pk=thread_id).first()
        if thread is not None and can_read_thread(request.user, thread):
            return None, thread
    raise Http404


@login_required
@require_http_methods(["GET", "POST"])
def add(request):
    resource, thread = _target(request)
    target = resource or thread
    choices = selectors.collection_choices(request.user, resource=resource, thread=thread)
    form = AddForm(request.POST or None, choices=choices)
    if request.method == "POST" and form.is_valid():
        collection = perms.access_collection(request.user, form.cleaned_data["collection"])
        try:
            services.collection_add(
                user=request.user,
                collection=collection,
                resource=resource,
                thread=thread,
                note=form.cleaned_data["note"],
            )
        except ServiceError as error:
            _show_error(form, error)
        else:
            messages.success(request, _("Added to “%(title)s”.") % {"title": collection.title})
            return redirect(target.get_absolute_url())
    return render(
        request,
        "resources/collection_add.html",
        {
            "form": form,
            "target": target,
            "resource": resource,
            "thread": thread,
            "choices": choices,
        },
    )


@login_required
@require_POST
def item_move(request, collection_id: int, item_id: int):
    collection = perms.access_collection(request.user, collection_id)
    item = _item_in(collection, item_id)
    direction = request.POST.get("direction", "")
    report_outcome(
        request,
        lambda: services.collection_move(user=request.user, item=item, direction=direction),
    )
    return redirect(f"{collection.get_absolute_url()}#item-{item.pk}")


@login_required
@require_POST
def item_remove(request, collection_id: int, item_id: int):
    collection = perms.access_collection(request.user, collection_id)
    item = _item_in(collection, item_id)
    report_outcome(
        request,
        lambda: services.collection_remove(user=request.user, item=item),
        _("Removed from the collection."),
    )
    return redirect(collection)


@login_required
@require_http_methods(["GET", "POST"])
def item_note(request, collection_id: int, item_id: int):
    collection = _editable(request, collection_id)
    item = _item_in(collection, item_id)
    shown = selectors.collection_item(viewer=request.user, item=item)
    if shown is None:
        raise Http404
    form = NoteForm(request.POST or None, initial={"note": item.note})
    if request.method == "POST" and form.is_valid():
        try:
            services.collection_note(user=request.user, item=item, note=form.cleaned_data["note"])
        except ServiceError as error:
            _show_error(form, error)
        else:
            messages.success(request, _("Note saved."))
            return redirect(f"{collection.get_absolute_url()}#item-{item.pk}")
    return render(
        request,
        "resources/collection_note.html",
        {"form": form, "collection": collection, "item": shown},
    )
