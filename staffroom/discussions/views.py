"""Thread lists, thread pages and the forms that write to them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from staffroom.core.errors import ServiceError
from staffroom.core.htmx import is_htmx
from staffroom.core.outcome import report_outcome
from staffroom.core.pagination import page_links
from staffroom.core.text import clean_slug
from staffroom.discussions import post_fragments, selectors, services
from staffroom.discussions.forms import (
    CONTEXT_SUGGESTIONS,
    AcceptForm,
    FollowForm,
    HideForm,
    ModerateForm,
    PostForm,
    ReactForm,
    ReplyForm,
    ThreadForm,
    VoteForm,
)
from staffroom.discussions.models import FollowLevel, Post, PostImage, ThreadKind
from staffroom.notifications import services as notification_services
from staffroom.permissions import communities as community_perms
from staffroom.permissions import discussions as perms
from staffroom.search import selectors as search_selectors


def _page_url(thread, page: int, position: int | None = None) -> str:
    url = thread.get_absolute_url()
    # Links to one post use the page in thread order, where every post has a fixed place.
    if page > 1 or (position and thread.is_question):
        url += f"?page={page}"
    return url + (f"#post-{position}" if position else "")


@require_safe
def thread_list(request, slug: str, space_slug: str | None = None):
    community = community_perms.access_community(request.user, slug)
    community_perms.check_can_read_community(request.user, community)
    space = None
    if space_slug is not None:
        space = get_object_or_404(community.spaces, slug=space_slug)
    show = request.GET.get("show", "latest")
    show = show if show in selectors.LIST_FILTERS else "latest"
    period = request.GET.get("period", "month")
    period = period if period in selectors.TOP_PERIODS else "month"
    filters = selectors.ThreadFilters(
        show=show,
        space=space,
        tag=clean_slug(request.GET.get("tag")),
        subject=clean_slug(request.GET.get("subject")),
        grade=clean_slug(request.GET.get("grade")),
        period=period,
    )
    page = selectors.thread_list(
        viewer=request.user, community=community, filters=filters, cursor=request.GET.get("after")
    )
    tag, following_tag = selectors.followed_tag(
        viewer=request.user, community=community, slug=filters.tag
    )
    query = request.GET.copy()
    query.pop("after", None)
    return render(
        request,
        "discussions/thread_list.html",
        {
            "community": community,
            "space": space,
            "spaces": list(community.spaces.all()),
            "page": page,
            "show": show,
            "period": period,
            "periods": PERIOD_LABELS,
            "tag": tag,
            "following_tag": following_tag,
            "can_follow_tags": perms.can_follow_tag(request.user, tag) if tag else False,
            "query": query.urlencode(),
            "can_start": perms.can_start_thread(request.user, community),
        },
    )


PERIOD_LABELS = [
    ("week", gettext_lazy("This week")),
    ("month", gettext_lazy("This month")),
    ("year", gettext_lazy("This year")),
    ("all", gettext_lazy("All time")),
]


@login_required
@require_POST
def tag_follow(request, slug: str, tag_slug: str):
    community = community_perms.access_community(request.user, slug)
    community_perms.check_can_read_community(request.user, community)
    tag = get_object_or_404(community.tags, slug=tag_slug)
    follow = request.POST.get("follow") == "1"
    report_outcome(
        request,
        lambda: services.tag_follow_set(user=request.user, tag=tag, follow=follow),
        _("You follow #%(tag)s: new threads with it will notify you.") % {"tag": tag.name}
        if follow
        else _("You no longer follow #%(tag)s.") % {"tag": tag.name},
    )
    return redirect(reverse("discussions:threads", args=[slug]) + f"?tag={tag.slug}")


@login_required
@require_http_methods(["GET", "POST"])
def thread_create(request, slug: str):
    community = community_perms.access_community(request.user, slug)
    if not perms.can_start_thread(request.user, community):
        raise Http404
    kinds = [k for k in ThreadKind.values if perms.can_start_thread(request.user, community, k)]
    initial = {"space": community.spaces.filter(slug=clean_slug(request.GET.get("space"))).first()}
    if request.GET.get("kind") in kinds:
        initial["kind"] = request.GET["kind"]
    title = ""
    data = request.POST or None
    files = request.FILES or None
    if request.method == "POST" and "check_similar" in request.POST:
        # Without JavaScript the writer asks for similar questions with a button; keep what
        # they typed, show no errors yet.
        title = request.POST.get("title", "")[:200]
        initial.update(
            {key: request.POST.get(key, "") for key in ("title", "body", "kind", "space")}
        )
        data = files = None
    form = ThreadForm(data, files, community=community, kinds=kinds, initial=initial)
    form.fields["title"].widget.attrs.update(
        {
            "hx-get": reverse("discussions:similar", args=[community.slug]),
            "hx-trigger": "input changed delay:400ms",
            "hx-target": "#similar-questions",
        }
    )
    if data is not None and form.is_valid():
        data = form.cleaned_data
        try:
            thread = services.thread_create(
                author=request.user,
                community=community,
                space=data["space"],
                kind=data["kind"],
                title=data["title"],
                body=data["body"],
                tags=data.get("tags") or (),
                subjects=data.get("subjects") or (),
                grade_bands=data.get("grade_bands") or (),
                images=data.get("images") or (),
                image_description=data.get("image_description", ""),
            )
        except ServiceError as error:
            form.add_error(error.field, error.message)
        else:
            return redirect(thread.get_absolute_url())
    similar = similar_to(request.user, community, title) if title else []
    return render(
        request,
        "discussions/thread_form.html",
        {"community": community, "form": form, "similar": similar, "checked": bool(title)},
    )


def similar_to(user, community, title: str) -> list:
    return search_selectors.similar(viewer=user, community=community, title=title)


@require_safe
def similar_questions(request, slug: str):
    """List up to five questions like the title being typed (htmx); same rules as search."""
    community = community_perms.access_community(request.user, slug)
    title = request.GET.get("title", "")[:200]
    return render(
        request,
        "discussions/_similar.html",
        {"similar": similar_to(request.user, community, title), "checked": bool(title.strip())},
    )


@require_safe
def thread_detail(request, slug: str, thread_id: int):
    thread = perms.access_thread(request.user, slug, thread_id)
    try:
        page_number = int(request.GET.get("page", "1"))
    except ValueError:
        page_number = 1
    by_votes = (
        thread.is_question and request.GET.get("sort") != "oldest" and "page" not in request.GET
    )
    if by_votes:
        page = selectors.question_page(
            viewer=request.user, thread=thread, cursor=request.GET.get("after")
        )
    else:
        page = selectors.thread_page(viewer=request.user, thread=thread, page=page_number)
    if by_votes:
        # Ranked answers skip around; only a complete list means everything was seen.
        last_shown = 1 if page.next_cursor else thread.last_position
    else:
        last_shown = max([p.position for p in page.posts] + [1])
    services.thread_mark_read(
        user=request.user, thread=thread, position=last_shown, follow=page.follow
    )
    notification_services.notifications_mark_read_for_thread(user=request.user, thread_id=thread.pk)
    user = request.user
    # New replies join the end of the thread, so only its last page listens for them.
    on_last_page = not page.next_cursor if by_votes else page.page == page.page_count
    context = {
        "community": thread.community,
        "thread": thread,
        "user": user,
        "can_reply": perms.can_reply(user, thread),
        "can_moderate": perms.can_moderate_thread(user, thread),
        "can_accept": perms.can_accept_answer(user, thread),
        "can_react": community_perms.can_post_in_community(user, thread.community),
    }
    shown = [page.opening, *page.posts] if page.opening else page.posts
    post_fragments.attach(shown, context, request)
    return render(
        request,
        "discussions/thread_detail.html",
        {
            **context,
            "page": page,
            "pages": page_links(page.page, page.page_count),
            "reply_form": ReplyForm(),
            "labels": selectors.thread_labels(thread),
            "follow_form": FollowForm(
                initial={"level": page.follow.level if page.follow else FollowLevel.TRACK}
            ),
            "accept_form": AcceptForm(),
            "suggestions": CONTEXT_SUGGESTIONS,
            "live_after": max([p.position for p in page.posts] + [1]) if on_last_page else None,
        },
    )


def _number(value: str | None) -> int | None:
    try:
        return int(value) if value and len(value) < 19 else None
    except ValueError:
        return None


@require_safe
def posts_after(request, slug: str, thread_id: int, position: int):
    """Send the replies after ``position``, each rendered for this reader (live updates)."""
    thread = perms.access_thread(request.user, slug, thread_id)
    until = _number(request.GET.get("until"))
    posts, more = selectors.posts_after(request.user, thread, position, until)
    if until is None and posts:
        services.thread_mark_read(user=request.user, thread=thread, position=posts[-1].position)
    user = request.user
    response = render(
        request,
        "discussions/_posts_after.html",
        {
            "community": thread.community,
            "thread": thread,
            "posts": posts,
            "announce": until is None,
            "can_reply": perms.can_reply(user, thread),
            "can_moderate": perms.can_moderate_thread(user, thread),
            "can_accept": perms.can_accept_answer(user, thread),
            "can_react": community_perms.can_post_in_community(user, thread.community),
        },
    )
    response["Cache-Control"] = "private, no-store"
    if more:
        response["X-More-Posts"] = "1"
    return response


@require_safe
def thread_unread(request, slug: str, thread_id: int):
    """Jump to the first post the member has not read yet."""
    thread = perms.access_thread(request.user, slug, thread_id)
    page = selectors.thread_page(viewer=request.user, thread=thread, page=1, size=1)
    position = page.first_unread or thread.last_position
    return redirect(_page_url(thread, selectors.page_of_position(position), position))


def _post(request, slug: str, thread_id: int, position: int) -> Post:
    thread = perms.access_thread(request.user, slug, thread_id)
    post = get_object_or_404(
        Post.objects.select_related("author__profile"), thread=thread, position=position
    )
    post.thread = thread
    return post


@require_safe
def post_permalink(request, slug: str, thread_id: int, position: int):
    post = _post(request, slug, thread_id, position)
    return redirect(_page_url(post.thread, selectors.page_of_position(position), position))


def _back(post: Post):
    return redirect(
        _page_url(post.thread, selectors.page_of_position(post.position), post.position)
    )


def _quote(thread, position: str | None) -> str:
    """Start a reply with a quoted post, credited by handle so readers can find its author."""
    try:
        number = int(position or "")
    except ValueError:
        return ""
    post = (
        Post.objects.filter(thread=thread, position=number, deleted_at__isnull=True)
        .filter(hidden_at__isnull=True)
        .select_related("author__profile")
        .first()
    )
    if post is None:
        return ""
    who = f"@{post.author.profile.handle}" if post.author else post.author_name
    quoted = "\n".join(f"> {line}" if line else ">" for line in post.body.splitlines())
    link = reverse("discussions:post", args=[thread.community.slug, thread.pk, post.position])
    return _("%(who)s [wrote](%(link)s):") % {"who": who, "link": link} + f"\n{quoted}\n\n"


@login_required
@require_http_methods(["GET", "POST"])
def reply(request, slug: str, thread_id: int):
    thread = perms.access_thread(request.user, slug, thread_id)
    if request.method == "GET":
        if not perms.can_reply(request.user, thread):
            raise Http404
        form = ReplyForm(initial={"body": _quote(thread, request.GET.get("quote"))})
        return render(
            request,
            "discussions/reply_form.html",
            {"community": thread.community, "thread": thread, "form": form},
        )
    form = ReplyForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            post = services.post_create(
                author=request.user,
                thread=thread,
                body=form.cleaned_data["body"],
                images=form.cleaned_data["images"],
                image_description=form.cleaned_data["image_description"],
            )
        except ServiceError as error:
            form.add_error(error.field, error.message)
        else:
            return redirect(
                _page_url(thread, selectors.page_of_position(post.position), post.position)
            )
    return render(
        request,
        "discussions/reply_form.html",
        {"community": thread.community, "thread": thread, "form": form},
        status=200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def post_edit(request, slug: str, thread_id: int, position: int):
    post = _post(request, slug, thread_id, position)
    if not perms.can_edit_post(request.user, post):
        raise Http404
    form = PostForm(request.POST or None, initial={"body": post.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.post_edit(editor=request.user, post=post, body=form.cleaned_data["body"])
        except ServiceError as error:
            form.add_error(error.field, error.message)
        else:
            return _back(post)
    return render(
        request,
        "discussions/post_edit.html",
        {"community": post.thread.community, "thread": post.thread, "post": post, "form": form},
    )


@require_safe
def post_image(request, slug: str, thread_id: int, position: int, image_id: int):
    """Send an attached image, only to those who may see its post; never sniffed or cached publicly."""
    post = _post(request, slug, thread_id, position)
    if not perms.can_see_post_images(request.user, post):
        raise Http404
    image = get_object_or_404(PostImage, pk=image_id, post=post)
    try:
        handle = image.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type=image.content_type)
    response["Content-Disposition"] = f'inline; filename="image-{image.pk}.{image.extension}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@require_safe
def post_history(request, slug: str, thread_id: int, position: int):
    post = _post(request, slug, thread_id, position)
    if not post.is_visible and not perms.can_moderate_thread(request.user, post.thread):
        raise Http404
    return render(
        request,
        "discussions/post_history.html",
        {
            "community": post.thread.community,
            "thread": post.thread,
            "post": post,
            "revisions": selectors.post_revisions(post=post),
        },
    )


@login_required
@require_POST
def post_delete(request, slug: str, thread_id: int, position: int):
    post = _post(request, slug, thread_id, position)
    report_outcome(
        request, lambda: services.post_delete(user=request.user, post=post), _("Deleted.")
    )
    if position == 1:
        return redirect(reverse("discussions:threads", args=[slug]))
    return _back(post)


@login_required
@require_POST
def post_hide(request, slug: str, thread_id: int, position: int):
    post = _post(request, slug, thread_id, position)
    form = HideForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a reason of up to 300 characters."))
    else:
        report_outcome(
            request,
            lambda: services.post_hide(
                moderator=request.user, post=post, reason=form.cleaned_data["reason"]
            ),
            _("The post is hidden."),
        )
    return _back(post)


@login_required
@require_POST
def post_unhide(request, slug: str, thread_id: int, position: int):
    post = _post(request, slug, thread_id, position)
    report_outcome(request, lambda: services.post_unhide(moderator=request.user, post=post))
    return _back(post)


def _after_action(request, post: Post, error: str | None):
    """Send htmx the post's refreshed actions; a plain form goes back to the post."""
    if not is_htmx(request):
        if error:
            messages.error(request, error)
        return _back(post)
    user = request.user
    return render(
        request,
        "discussions/_post_actions.html",
        {
            "community": post.thread.community,
            "thread": post.thread,
            "post": selectors.post_with_viewer_state(viewer=user, post=post),
            "can_react": community_perms.can_post_in_community(user, post.thread.community),
            "can_reply": perms.can_reply(user, post.thread),
            "can_moderate": perms.can_moderate_thread(user, post.thread),
            "action_error": error,
        },
    )


def _attempt(action) -> str | None:
    try:
        action()
    except ServiceError as error:
        return error.message
    return None


@login_required
@require_POST
def post_react(request, slug: str, thread_id: int, position: int):
    post = _post(request, slug, thread_id, position)
    form = ReactForm(request.POST)
    if form.is_valid():
        kind = form.cleaned_data["kind"]
        error = _attempt(lambda: services.reaction_toggle(user=request.user, post=post, kind=kind))
    else:
        error = _("Choose thanks or “I tried this”.")
    return _after_action(request, post, error)


@login_required
@require_POST
def post_vote(request, slug: str, thread_id: int, position: int):
    post = _post(request, slug, thread_id, position)
    form = VoteForm(request.POST)
    if form.is_valid():
        value = form.cleaned_data["value"]
        error = _attempt(lambda: services.vote_set(user=request.user, post=post, value=value))
    else:
        error = _("Vote up, down or not at all.")
    return _after_action(request, post, error)


@login_required
@require_POST
def post_accept(request, slug: str, thread_id: int, position: int):
    post = _post(request, slug, thread_id, position)
    form = AcceptForm(request.POST)
    if request.POST.get("undo") == "1":
        report_outcome(request, lambda: services.answer_unaccept(user=request.user, post=post))
    elif form.is_valid():
        report_outcome(
            request,
            lambda: services.answer_accept(
                user=request.user, post=post, label=form.cleaned_data["label"]
            ),
            _("Marked as an accepted answer."),
        )
    else:
        messages.error(request, _("Keep the context under 80 characters."))
    return _back(post)


@login_required
@require_POST
def thread_follow(request, slug: str, thread_id: int):
    thread = perms.access_thread(request.user, slug, thread_id)
    form = FollowForm(request.POST)
    if form.is_valid():
        report_outcome(
            request,
            lambda: services.thread_follow_set(
                user=request.user, thread=thread, level=form.cleaned_data["level"]
            ),
            _("Notification setting saved."),
        )
    else:
        messages.error(request, _("Choose watch, track or mute."))
    return redirect(thread.get_absolute_url())


@login_required
@require_POST
def thread_moderate(request, slug: str, thread_id: int):
    thread = perms.access_thread(request.user, slug, thread_id)
    form = ModerateForm(request.POST)
    form.is_valid()
    report_outcome(
        request,
        lambda: services.thread_set_flags(
            moderator=request.user,
            thread=thread,
            locked=form.cleaned_data.get("locked", False),
            pinned=form.cleaned_data.get("pinned", False),
        ),
        _("Thread settings saved."),
    )
    return redirect(thread.get_absolute_url())
