"""The standards catalogue lookup members use while aligning a resource."""

from django.views.decorators.http import require_safe

from staffroom.core.htmx import is_htmx, render_page
from staffroom.resources import catalogue

LIMIT = 20


@require_safe
def lookup(request):
    """Find catalogue standards by code or words; the whole page, or the results for htmx."""
    # The catalogue is public reference data, so anyone may search it.
    q = request.GET.get("q", "")[: catalogue.MAX_QUERY * 4]
    framework = request.GET.get("framework", "")[: catalogue.KEY_LENGTH]
    results = catalogue.search_standards(q, framework=framework or None, limit=LIMIT)
    searched = bool(q.strip() or framework)
    return render_page(
        request,
        "resources/standards.html",
        {
            "q": " ".join(q.replace("\x00", " ").split()),
            "framework": framework,
            # Only the whole page has the framework menu.
            "frameworks": [] if is_htmx(request) else catalogue.frameworks(),
            "results": results,
            "searched": searched,
            "limit": LIMIT,
        },
        partial="results",
    )
