"""Communities with their spaces, tags and memberships, as community_create and joining leave them."""

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.utils.text import slugify

from bench.dataset_db import Writer
from bench.dataset_people import People
from bench.dataset_words import (
    COMMUNITY_LEVELS,
    COMMUNITY_NOUNS,
    PLACES,
    SPACE_EXTRAS,
    SUBJECT_LABELS,
    TAG_NAMES,
    TOPICS,
)
from staffroom.communities.models import (
    Community,
    JoinPolicy,
    Membership,
    MembershipState,
    Role,
    Space,
    Visibility,
)
from staffroom.communities.services import DEFAULT_SPACES
from staffroom.core.models import GradeBand, Language, Subject
from staffroom.discussions.models import Tag
from staffroom.discussions.tags import tag_slug

BIG_COMMUNITY = ("The Big Staffroom", "big-staffroom")
QUESTION_COMMUNITY = ("Ask a Teacher", "ask-a-teacher")
BIG_SPACE = SPACE_EXTRAS[0]
BIG_SPACE_SLUG = slugify(BIG_SPACE[0])


@dataclass
class CommunityPlan:
    id: int
    slug: str
    visibility: str
    created_at: datetime
    subject: str
    # Active members, most active first; the steward leads, then the moderators.
    members: list[int] = field(default_factory=list)
    moderators: list[int] = field(default_factory=list)
    spaces: dict[str, int] = field(default_factory=dict)
    # (id, slug) of each tag, in the order ``thread.tags.all()`` returns them (by name).
    tags: list[tuple[int, str]] = field(default_factory=list)
    grade_ids: list[int] = field(default_factory=list)

    @property
    def is_public(self) -> bool:
        return self.visibility == Visibility.PUBLIC


def _visibility(rng: random.Random) -> tuple[str, str]:
    roll = rng.random()
    if roll < 0.03:
        return Visibility.SECRET, JoinPolicy.INVITE
    if roll < 0.13:
        policy = rng.choices([JoinPolicy.REQUEST, JoinPolicy.INVITE, JoinPolicy.OPEN], [6, 2, 2])[0]
        return Visibility.MEMBERS, policy
    return Visibility.PUBLIC, JoinPolicy.REQUEST if rng.random() < 0.15 else JoinPolicy.OPEN


def _name(rng: random.Random, subject: str) -> str:
    name = f"{rng.choice(COMMUNITY_LEVELS)} {SUBJECT_LABELS[subject]} {rng.choice(COMMUNITY_NOUNS)}"
    return f"{name} {rng.choice(PLACES)[2]}" if rng.random() < 0.5 else name


def _member_count(rng: random.Random) -> int:
    return 5 + int(195 * rng.random() ** 2.5)


def load_communities(
    writer: Writer,
    rng: random.Random,
    people: People,
    *,
    count: int,
    sizes: dict[int, int],
) -> list[CommunityPlan]:
    """Create communities 1..count; ``sizes`` fixes the member count of a few of them."""
    eligible = [uid for uid in range(1, people.count + 1) if people.complete[uid]]
    vocabulary = people.vocabulary
    grade_ids = list(vocabulary[GradeBand].values())
    language_ids = list(vocabulary[Language].values())
    plans, used_slugs = [], set()
    communities, spaces, tags, memberships = [], [], [], []
    m2m: dict[str, list[tuple]] = {"subjects": [], "grade_bands": [], "languages": []}
    space_id = tag_id = membership_id = 0
    for cid in range(1, count + 1):
        topic, subject = rng.choice(TOPICS)
        if cid == 1:
            (name, slug), (visibility, policy) = BIG_COMMUNITY, (Visibility.PUBLIC, JoinPolicy.OPEN)
        elif cid == 2:
            (name, slug) = QUESTION_COMMUNITY
            visibility, policy = Visibility.PUBLIC, JoinPolicy.OPEN
        else:
            name = _name(rng, subject)
            slug = slugify(name)[:55].strip("-")
            visibility, policy = _visibility(rng)
        base, number = slug, 1
        while slug in used_slugs:
            number += 1
            slug = f"{base}-{number}"
        used_slugs.add(slug)
        size = min(sizes.get(cid) or _member_count(rng), len(eligible))
        chosen = rng.sample(eligible, size)
        steward = chosen[0]
        created = people.joined[steward] + timedelta(days=1 + 19 * rng.random())
        plan = CommunityPlan(cid, slug, visibility, created, subject)
        plan.grade_ids = rng.sample(grade_ids, rng.randint(1, 2))
        moderators = min(5, size // 40)
        for index, uid in enumerate(chosen):
            role = Role.MEMBER
            if index <= moderators:
                role = Role.MODERATOR if index else Role.STEWARD
            state, joined, message, reason, decided = MembershipState.ACTIVE, None, "", "", None
            # Requests and bans come on top of the first five, so every community has five members.
            waiting = index >= 5 and role == Role.MEMBER
            if waiting and policy == JoinPolicy.REQUEST and rng.random() < 0.04:
                state, message = MembershipState.PENDING, "I'd love to join; I teach this too."
            elif waiting and rng.random() < 0.007:
                state, reason, decided = MembershipState.BANNED, "Repeated spam links.", steward
            if state != MembershipState.PENDING:
                start = max(people.joined[uid], created)
                joined = created if index == 0 else start + timedelta(days=10 * rng.random())
            if state == MembershipState.ACTIVE:
                plan.members.append(uid)
                if role != Role.MEMBER:
                    plan.moderators.append(uid)
                if index and policy == JoinPolicy.REQUEST:
                    decided = steward  # membership_approve records who let them in.
            stamp = joined or created + timedelta(days=20 + 300 * rng.random())
            membership_id += 1
            memberships.append(
                (
                    membership_id,
                    cid,
                    uid,
                    role,
                    state,
                    message,
                    joined,
                    decided,
                    reason,
                    stamp,
                    stamp,
                )
            )
        for position, (space_name, space_slug, description) in enumerate(DEFAULT_SPACES):
            space_id += 1
            spaces.append((space_id, cid, space_name, space_slug, description, position, created))
            plan.spaces[space_slug] = space_id
        extras = [BIG_SPACE] if cid == 1 else rng.sample(SPACE_EXTRAS, rng.randint(0, 2))
        for position, (space_name, description) in enumerate(extras, start=len(DEFAULT_SPACES)):
            space_id += 1
            space_slug = slugify(space_name)
            spaces.append((space_id, cid, space_name, space_slug, description, position, created))
            plan.spaces[space_slug] = space_id
        for tag_name in sorted(rng.sample(TAG_NAMES, rng.randint(3, 8))):
            tag_id += 1
            tags.append((tag_id, cid, tag_slug(tag_name), tag_name))
            plan.tags.append((tag_id, tag_slug(tag_name)))
        label = SUBJECT_LABELS[subject]
        communities.append(
            (cid, name, slug, f"{label} ideas from real classrooms",
             f"A place for {label.lower()} teachers to share what works in class, ask for help "
             f"and try each other's ideas. We care most about {topic}.",
             visibility, policy, len(plan.members), False, created, created)
        )  # fmt: skip
        m2m["subjects"].append((cid, vocabulary[Subject][subject]))
        m2m["grade_bands"] += [(cid, grade) for grade in plan.grade_ids]
        m2m["languages"].append((cid, vocabulary[Language]["en"]))
        if rng.random() < 0.1:
            m2m["languages"].append((cid, rng.choice(language_ids[1:])))
        plans.append(plan)

    writer.insert(
        Community,
        ["id", "name", "slug", "tagline", "domain_statement", "visibility", "join_policy",
         "member_count", "restricted_to_organization", "created_at", "updated_at"],
        communities,
    )  # fmt: skip
    for name, rows in m2m.items():
        through = Community._meta.get_field(name).remote_field.through
        columns = [f.attname for f in through._meta.concrete_fields if not f.primary_key]
        writer.insert(through, columns, rows)
    writer.insert(
        Space,
        [
            "id",
            "community_id",
            "name",
            "slug",
            "description",
            "position",
            "created_at",
            "updated_at",
        ],
        ((*row, row[-1]) for row in spaces),
    )
    writer.insert(Tag, ["id", "community_id", "slug", "name"], tags)
    writer.insert(
        Membership,
        ["id", "community_id", "user_id", "role", "state", "request_message", "joined_at",
         "decided_by_id", "ban_reason", "created_at", "updated_at"],
        memberships,
    )  # fmt: skip
    return plans
