"""Build communities, members, threads and replies the way the product does."""

import itertools

from django.db.models import F
from django.utils import timezone

from staffroom.communities.models import (
    Community,
    JoinPolicy,
    Membership,
    MembershipState,
    Role,
    Visibility,
)
from staffroom.communities.services import community_create
from staffroom.discussions import services
from staffroom.discussions.models import (
    AcceptedAnswer,
    Mention,
    Post,
    PostRevision,
    Reaction,
    Thread,
    ThreadFollow,
    ThreadKind,
    Vote,
)
from tests.factories.accounts import UserFactory
from tests.factories.communities import MembershipFactory

_numbers = itertools.count(1)


def a_community(*, steward=None, visibility=Visibility.PUBLIC, **options) -> Community:
    """Create a community through the service, with its steward and default spaces."""
    number = next(_numbers)
    return community_create(
        creator=steward or UserFactory(),
        name=options.pop("name", f"Early literacy circle {number}"),
        slug=options.pop("slug", f"early-literacy-{number}"),
        domain_statement=options.pop("domain_statement", "Helping 5–7 year olds read."),
        visibility=visibility,
        join_policy=options.pop("join_policy", JoinPolicy.OPEN),
        **options,
    )


def a_member(
    community: Community,
    *,
    role: str = Role.MEMBER,
    state: str = MembershipState.ACTIVE,
    user=None,
    name: str | None = None,
):
    """Add someone to the community with the given role and state; return the user."""
    user = user or UserFactory(display_name=name)
    MembershipFactory(
        community=community,
        user=user,
        role=role,
        state=state,
        joined_at=timezone.now() if state == MembershipState.ACTIVE else None,
    )
    if state == MembershipState.ACTIVE:
        Community.objects.filter(pk=community.pk).update(member_count=F("member_count") + 1)
    return user


def fresh(obj):
    """Load a row again, with no permission answers cached on the old instance."""
    return type(obj).objects.get(pk=obj.pk)


def a_thread(
    community: Community,
    author,
    *,
    kind: str = ThreadKind.DISCUSSION,
    title: str = "How do you teach phonics to a mixed-age class?",
    body: str = "I have Year 1 and Year 2 together this term. What works for you?",
    space=None,
    **options,
) -> Thread:
    community = fresh(community)
    return services.thread_create(
        author=author,
        community=community,
        space=space or community.spaces.order_by("position").first(),
        kind=kind,
        title=title,
        body=body,
        **options,
    )


def a_reply(thread: Thread, author, body: str = "Decodable readers at two levels.") -> Post:
    return services.post_create(author=author, thread=fresh(thread), body=body)


def post_at(thread: Thread, position: int) -> Post:
    return Post.objects.select_related("thread__community").get(thread=thread, position=position)


def row_counts() -> dict[str, int]:
    """Count every table a discussions service writes, to prove a refusal wrote nothing."""
    return {
        "threads": Thread.objects.count(),
        "thread_tags": Thread.tags.through.objects.count(),
        "posts": Post.objects.count(),
        "revisions": PostRevision.objects.count(),
        "accepted": AcceptedAnswer.objects.count(),
        "reactions": Reaction.objects.count(),
        "votes": Vote.objects.count(),
        "follows": ThreadFollow.objects.count(),
        "mentions": Mention.objects.count(),
        "memberships": Membership.objects.count(),
    }


def snapshot() -> dict[str, list]:
    """Capture every discussions row, values included, to prove a refusal changed nothing."""
    return {
        "threads": list(Thread.objects.order_by("pk").values()),
        "posts": list(Post.objects.order_by("pk").values()),
        "revisions": list(PostRevision.objects.order_by("pk").values()),
        "accepted": list(AcceptedAnswer.objects.order_by("pk").values()),
        "reactions": list(Reaction.objects.order_by("pk").values()),
        "votes": list(Vote.objects.order_by("pk").values()),
        "follows": list(
            ThreadFollow.objects.order_by("pk").values(
                "thread", "user", "level", "last_read_position"
            )
        ),
    }
