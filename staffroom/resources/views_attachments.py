"""The files page of a resource: its author and moderators upload and remove attachments."""

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from staffroom.core.errors import ServiceError
from staffroom.core.outcome import report_outcome
from staffroom.permissions import resources as perms
from staffroom.permissions.actors import is_signed_in
from staffroom.resources import attachments
from staffroom.resources.models import Attachment, Resource


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File"),
        widget=forms.ClearableFileInput(attrs={"accept": attachments.ACCEPT}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("One file, up to %(limit)s.") % {
            "limit": filesizeformat(attachments.MAX_FILE_BYTES)
        }


def _editable(request, resource_id: int) -> Resource | None:
    """The resource if the viewer may manage its files; None means "sign in first"."""
    # Readability is checked first, so a private resource is a 404 even for the signed out.
    resource = perms.access_resource(request.user, resource_id)
    if not is_signed_in(request.user):
        return None
    if not perms.can_edit_resource(request.user, resource):
        raise Http404
    return resource


@require_http_methods(["GET", "POST"])
def files(request, resource_id: int):
    resource = _editable(request, resource_id)
    if resource is None:
        return redirect_to_login(request.get_full_path())
    bound = request.method == "POST"
    form = AttachmentForm(request.POST, request.FILES) if bound else AttachmentForm()
    if bound and form.is_valid():
        try:
            item = attachments.attachment_add(
                user=request.user, resource=resource, upload=form.cleaned_data["file"]
            )
        except ServiceError as error:
            form.add_error("file" if error.field == "file" else None, error.message)
        else:
            messages.success(request, _("“%(name)s” is attached.") % {"name": item.original_name})
            return redirect("resources:files", resource.pk)
    items = list(resource.attachments.all())
    used = sum(item.size for item in items)
    return render(
        request,
        "resources/files.html",
        {
            "resource": resource,
            "form": form,
            "items": [(item, attachments.LABELS.get(item.content_type, "")) for item in items],
            "used": used,
            "count": len(items),
            "max_files": attachments.MAX_FILES,
            "max_file_size": filesizeformat(attachments.MAX_FILE_BYTES),
            "max_total_size": filesizeformat(attachments.MAX_RESOURCE_BYTES),
            "full": len(items) >= attachments.MAX_FILES,
        },
    )


@require_POST
def delete(request, resource_id: int, attachment_id: int):
    resource = _editable(request, resource_id)
    if resource is None:
        return redirect_to_login(reverse("resources:files", args=[resource_id]))
    item = get_object_or_404(Attachment, pk=attachment_id, resource=resource)
    item.resource = resource
    report_outcome(
        request,
        lambda: attachments.attachment_delete(user=request.user, attachment=item),
        _("“%(name)s” is removed.") % {"name": item.original_name},
    )
    return redirect("resources:files", resource.pk)
