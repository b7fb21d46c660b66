from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from staffroom.notifications import selectors, services


@login_required
@require_safe
def inbox(request):
    page = selectors.inbox(user=request.user, cursor=request.GET.get("after"))
    return render(request, "notifications/inbox.html", {"page": page})


@login_required
@require_POST
def mark_read(request):
    services.notifications_mark_read(user=request.user)
    return redirect("notifications:inbox")
