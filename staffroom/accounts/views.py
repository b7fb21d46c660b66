from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from staffroom.accounts.forms import ProfileForm
from staffroom.accounts.handles import handle_key
from staffroom.accounts.models import Profile
from staffroom.accounts.selectors import users_by_handles
from staffroom.accounts.services import profile_update
from staffroom.core.errors import ServiceError
from staffroom.orgs.selectors import organizations_of
from staffroom.permissions.profiles import (
    access_profile,
    can_edit_profile,
    communities_shown_on_profile,
)


@require_safe
def profile_detail(request, user_id: int):
    profile = access_profile(request.user, user_id)
    communities = communities_shown_on_profile(request.user, profile).order_by("name")
    can_edit = can_edit_profile(request.user, profile)
    return render(
        request,
        "accounts/profile_detail.html",
        {
            "profile": profile,
            "communities": list(communities),
            "can_edit": can_edit,
            # Where someone works is theirs to know; others see only their communities.
            "organizations": organizations_of(profile.user) if can_edit else [],
        },
    )


@require_safe
def profile_by_handle(request, handle: str):
    # Handles change hands, so the redirect is temporary; the id is the lasting address.
    user = users_by_handles([handle]).get(handle_key(handle))
    if user is None:
        raise Http404
    profile = access_profile(request.user, user.pk)
    return redirect(profile.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    # A fresh copy: a rejected form must not change the profile shown in the page header.
    profile = Profile.objects.get(user=request.user)
    welcome = request.GET.get("welcome") == "1" or not profile.is_complete
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            profile_update(
                profile=profile,
                display_name=data["display_name"],
                role=data["role"],
                handle=data["handle"],
                headline=data["headline"],
                bio=data["bio"],
                country=data["country"],
                time_zone=data["time_zone"],
                ui_language=data["ui_language"],
                years_experience=data["years_experience"],
                expertise=data["expertise_text"],
                open_to_mentoring=data["open_to_mentoring"],
                subjects=data["subjects"],
                grade_bands=data["grade_bands"],
                languages=data["languages"],
            )
        except ServiceError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("Your profile is saved."))
            if welcome:
                return redirect("communities:directory")
            return redirect(profile.get_absolute_url())
    return render(request, "accounts/profile_edit.html", {"form": form, "welcome": welcome})
