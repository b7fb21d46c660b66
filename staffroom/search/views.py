from dataclasses import dataclass

from django.db.models import Q
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from staffroom.communities.models import Community
from staffroom.communities.selectors import communities_of
from staffroom.permissions.communities import readable_communities
from staffroom.resources.models import ResourceKind
from staffroom.search import selectors
from staffroom.search.backends.base import SearchHit
from staffroom.search.forms import KINDS, SearchForm

PAGE_SIZE = 20
RESOURCE_KINDS = dict(ResourceKind.choices)


@dataclass(frozen=True)
class Result:
    """A hit and the words the result list shows for its kind."""

    hit: SearchHit
    resource_kind: str = ""
    url: str = ""


def _result(hit: SearchHit) -> Result:
    if hit.kind == "chat":
        # Transcripts live under their community; the document keeps its slug.
        return Result(
            hit, url=reverse("livechat:transcript", args=[hit.community_slug, hit.object_id])
        )
    if hit.kind != "resource":
        return Result(hit, url=hit.url)
    return Result(hit, str(RESOURCE_KINDS.get(hit.attrs.get("resource_kind"), "")), hit.url)


def _community_choices(request) -> list[tuple[str, str]]:
    """The communities the filter offers: the viewer's own, and the one asked for.

    Not every readable community: on a big site that is thousands of options, most of the
    page's weight and time (4,365 options, 390 KB, 200 ms at the bench's M size). A
    community's own pages link here with its slug, which is offered when readable.
    """
    wanted = Q(pk__in=communities_of(request.user).values("pk"))
    asked = request.GET.get("community", "")
    if asked and isinstance(asked, str) and len(asked) <= 100:
        wanted |= Q(slug=asked)
    chosen = Community.objects.filter(wanted).order_by("name")
    return list(readable_communities(request.user, chosen).values_list("slug", "name"))


@require_safe
def search_page(request):
    """Search every thread, reply, library resource and chat transcript the viewer may read."""
    form = SearchForm(request.GET or None, communities=_community_choices(request))
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
            kind=KINDS.get(data["kind"]),
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
            "rows": [_result(hit) for hit in results] if results is not None else [],
            "query": query.urlencode(),
            "next_offset": offset + PAGE_SIZE,
            "previous_offset": max(0, offset - PAGE_SIZE),
            "offset": offset,
        },
    )
