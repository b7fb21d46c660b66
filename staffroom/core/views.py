from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from staffroom.communities.selectors import DirectoryFilters, communities_of, community_directory

HOME_COMMUNITY_COUNT = 9


@require_safe
def home(request):
    featured = community_directory(
        viewer=request.user, filters=DirectoryFilters(), size=HOME_COMMUNITY_COUNT
    )
    return render(
        request,
        "core/home.html",
        {"featured": featured.items, "mine": list(communities_of(request.user))},
    )


@require_safe
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    return HttpResponse(
        "User-agent: *\nDisallow: /admin/\nDisallow: /accounts/\n", content_type="text/plain"
    )


@require_safe
def healthz(request):
    return HttpResponse("ok", content_type="text/plain")
