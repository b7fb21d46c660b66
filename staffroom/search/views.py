from django.shortcuts import render
from django.views.decorators.http import require_safe

from staffroom.communities.models import Community
from staffroom.permissions.communities import readable_communities
from staffroom.search import selectors
from staffroom.search.forms import SearchForm

PAGE_SIZE = 20


@require_safe
def search_page(request):
    """Search every thread and reply the viewer may read."""
    communities = list(
        readable_communities(request.user, Community.objects.order_by("name")).values_list(
            "slug", "name"
        )
    )
    form = SearchForm(request.GET or None, communities=communities)
    results = None
    offset = 0
    if form.is_valid() and form.cleaned_data["q"].strip():
        data = form.cleaned_data
        try:
            offset = max(0, min(int(request.GET.get("offset", "0")), 1000))
        except ValueError:
            offset = 0
        community = (
            Community.objects.filter(slug=data["community"]).first() if data["community"] else None
        )
        results = selectors.search(
            viewer=request.user,
            q=data["q"],
            community=community,
            kind=data["kind"] or None,
            solved={"yes": True, "no": False}.get(data["solved"]),
            thread_kind="question" if data["solved"] else None,
            tag=data["tag"] or None,
            limit=PAGE_SIZE,
            offset=offset,
        )
    query = request.GET.copy()
    query.pop("offset", None)
    return render(
        request,
        "search/search.html",
        {
            "form": form,
            "results": results,
            "query": query.urlencode(),
            "next_offset": offset + PAGE_SIZE,
            "previous_offset": max(0, offset - PAGE_SIZE),
            "offset": offset,
        },
    )
