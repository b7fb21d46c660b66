"""Threads, posts, reactions, votes, accepted answers, follows and their search documents.

Every row matches what the services write: positions run 1..n per thread, each thread's
counters (post_count, last_position, answer_count, accepted_count, score, last_posted_at,
last_poster_name) equal what its posts imply, every author is an active member, each
poster watches the thread with their last position read, and every thread and post has
the search document ``discussions.indexing`` would give it.
"""

import json
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.urls import reverse

from bench.dataset_communities import BIG_SPACE_SLUG, CommunityPlan
from bench.dataset_db import Writer
from bench.dataset_people import People
from bench.dataset_text import Corpus, words_of
from staffroom.core.models import Subject
from staffroom.discussions.models import (
    AcceptedAnswer,
    FollowLevel,
    Post,
    Reaction,
    ReactionKind,
    Thread,
    ThreadFollow,
    ThreadKind,
    Vote,
)
from staffroom.search import services as search_services
from staffroom.search.models import SearchDocument

YEAR = 365 * 86400.0
HOT_AGE = 120 * 86400.0
# Reactions and votes per post: how often, and how many people at most.
REACTIONS = ((ReactionKind.THANKS, 0.12, 3), (ReactionKind.TRIED, 0.04, 2))
VOTES = (0.30, 4)
ACCEPTED = 0.4
FLUSH_POSTS = 50_000


@dataclass
class ThreadPlan:
    community: CommunityPlan
    space_id: int
    kind: str
    author: int
    created: datetime
    opening: int
    title: str
    tags: list[tuple[int, str]]
    subject_id: int | None
    grade_id: int | None
    span: float
    replies: int = 0
    hot: bool = False
    id: int = 0


@dataclass
class ThreadSummary:
    """What the manifest needs to know about a thread after it is written."""

    id: int
    community: CommunityPlan
    kind: str
    posts: int
    hot: bool


@dataclass
class Totals:
    threads: list[ThreadSummary] = field(default_factory=list)
    # Documents per word, for the words the manifest may offer as search terms.
    term_documents: Counter = field(default_factory=Counter)


def _pick(members: list[int], rng: random.Random) -> int:
    # Squaring the draw makes the first members of the list post far more than the last.
    return members[int(len(members) * rng.random() ** 2)]


def _others(members: list[int], rng: random.Random, author: int, most: int) -> list[int]:
    chosen = rng.sample(members, min(len(members), rng.randint(1, most) + 1))
    return [uid for uid in chosen if uid != author][:most]


def plan_threads(
    rng: random.Random,
    corpus: Corpus,
    communities: list[CommunityPlan],
    people: People,
    *,
    threads: int,
    posts: int,
    big_space_threads: int,
    question_threads: int,
    hot_posts: int,
    anchor: datetime,
) -> list[ThreadPlan]:
    """Decide every thread: where, what kind, by whom, when and how many replies."""
    subject_ids = people.vocabulary[Subject]
    big, questions = communities[0], communities[1]
    ordinary = threads - 1 - big_space_threads - question_threads
    if ordinary < 0:
        raise ValueError("Too few threads for the big space and the question community.")
    weights, total = [], 0.0
    for community in communities:
        total += len(community.members)
        weights.append(total)
    homes = [(big, BIG_SPACE_SLUG)] * big_space_threads + [(questions, None)] * question_threads
    homes += [(c, None) for c in rng.choices(communities, cum_weights=weights, k=ordinary)]

    plans = []
    for community, space_slug in homes:
        roll = rng.random()
        question_share = 0.85 if community is questions else 0.15 if space_slug else 0.35
        if roll < 0.04 and not space_slug:
            kind, author = ThreadKind.ANNOUNCEMENT, rng.choice(community.moderators)
        else:
            kind = ThreadKind.QUESTION if rng.random() < question_share else ThreadKind.DISCUSSION
            author = _pick(community.members, rng)
        if space_slug is None:
            if kind == ThreadKind.QUESTION and rng.random() < 0.8:
                space_slug = "questions"
            else:
                space_slug = rng.choice(list(community.spaces))
        opening = rng.randrange(len(corpus.openings))
        body = corpus.openings[opening]
        age = 3600 + (YEAR - 3600) * rng.random() ** 1.3
        tags = []
        if rng.random() < 0.6:
            picked = set(rng.sample(range(len(community.tags)), rng.randint(1, 2)))
            tags = [tag for index, tag in enumerate(community.tags) if index in picked]
        subject = corpus.topics[body.topic][1]
        plans.append(
            ThreadPlan(
                community=community,
                space_id=community.spaces[space_slug],
                kind=kind,
                author=author,
                created=anchor - timedelta(seconds=age),
                opening=opening,
                title=corpus.title(rng, body, announcement=kind == ThreadKind.ANNOUNCEMENT),
                tags=tags,
                subject_id=subject_ids[subject] if rng.random() < 0.4 else None,
                grade_id=rng.choice(community.grade_ids) if rng.random() < 0.3 else None,
                span=min(age - 60, 86400 * (0.05 + 30 * rng.random() ** 2)),
            )
        )
    _share_replies(rng, plans, posts - len(plans), questions)

    opening = rng.randrange(len(corpus.openings))
    hot = ThreadPlan(
        community=big,
        space_id=big.spaces["general"],
        kind=ThreadKind.DISCUSSION,
        author=big.members[0],
        created=anchor - timedelta(seconds=HOT_AGE),
        opening=opening,
        title="The staffroom kettle: what went well today?",
        tags=big.tags[:1],
        subject_id=None,
        grade_id=None,
        span=HOT_AGE - 300,
        replies=hot_posts - 1,
        hot=True,
    )
    plans.append(hot)
    # Ids follow the order threads were started in, as they would in a live instance.
    plans.sort(key=lambda plan: plan.created)
    for thread_id, plan in enumerate(plans, start=1):
        plan.id = thread_id
    return plans


def _share_replies(
    rng: random.Random, plans: list[ThreadPlan], replies: int, questions: CommunityPlan
) -> None:
    """Spread replies over threads with a long tail; some questions stay unanswered."""
    weights = []
    for plan in plans:
        unanswered = 0.55 if plan.community is questions else 0.15
        if plan.kind == ThreadKind.QUESTION and rng.random() < unanswered:
            weights.append(0.0)
        else:
            weights.append(rng.lognormvariate(0.0, 1.0))
    total = sum(weights) or 1.0
    given = 0
    for plan, weight in zip(plans, weights, strict=True):
        plan.replies = int(replies * weight / total)
        given += plan.replies
    answered = [plan for plan, weight in zip(plans, weights, strict=True) if weight > 0]
    for index in range(replies - given):
        answered[index % len(answered)].replies += 1


class ThreadWriter:
    """Generate each thread's rows and write them in large batches."""

    def __init__(
        self,
        writer: Writer,
        rng: random.Random,
        corpus: Corpus,
        people: People,
        *,
        anchor: datetime,
        terms: set[str],
    ) -> None:
        self.writer = writer
        self.rng = rng
        self.corpus = corpus
        self.people = people
        self.anchor = anchor
        self.terms = terms
        self.totals = Totals()
        self.reply_uses: Counter = Counter()
        self.post_id = 0
        self.document_id = 0
        self.thread_url = reverse("discussions:thread", args=["SLUG", 7777777])
        self.post_url = reverse("discussions:post", args=["SLUG", 7777777, 8888888])
        self._clear()

    def _clear(self) -> None:
        self.threads: list[tuple] = []
        self.thread_tags: list[tuple] = []
        self.thread_subjects: list[tuple] = []
        self.thread_grades: list[tuple] = []
        self.posts: list[tuple] = []
        self.accepted: list[tuple] = []
        self.reactions: list[tuple] = []
        self.votes: list[tuple] = []
        self.follows: list[tuple] = []
        self.documents: list[tuple] = []

    def write(self, plan: ThreadPlan) -> None:
        rng, people, corpus = self.rng, self.people, self.corpus
        members = plan.community.members
        question = plan.kind == ThreadKind.QUESTION
        thread_id, slug = plan.id, plan.community.slug
        thread_url = self.thread_url.replace("SLUG", slug).replace("7777777", str(thread_id))
        post_url = self.post_url.replace("SLUG", slug).replace("7777777", str(thread_id))
        anchor = self.anchor

        # Replies come in bursts: exponential gaps, scaled to the thread's span.
        n = 1 + plan.replies
        gaps = [rng.expovariate(1.0) for _ in range(plan.replies)]
        scale = plan.span / (sum(gaps) or 1.0)
        first_post_id = self.post_id + 1
        elapsed, created = 0.0, plan.created
        authors = [plan.author]
        bodies = [plan.opening]
        times = [created]
        for gap in gaps:
            elapsed += gap * scale
            times.append(created + timedelta(seconds=elapsed))
            authors.append(_pick(members, rng))
            bodies.append(rng.randrange(len(corpus.replies)))

        posts, reactions, votes = self.posts, self.reactions, self.votes
        reaction_total = vote_total = 0
        follows: dict[int, tuple[int, datetime]] = {}
        for index in range(n):
            post_id, position = first_post_id + index, index + 1
            author, at = authors[index], times[index]
            follows[author] = (position, at)
            thanks = tried = score = 0
            for kind, chance, most in REACTIONS:
                if rng.random() < chance:
                    for uid in _others(members, rng, author, most):
                        when = min(anchor, at + timedelta(seconds=600 + 172800 * rng.random()))
                        reactions.append((post_id, uid, kind, when))
                        if kind == ReactionKind.THANKS:
                            thanks += 1
                        else:
                            tried += 1
            if question and position > 1 and rng.random() < VOTES[0]:
                for uid in _others(members, rng, author, VOTES[1]):
                    value = 1 if rng.random() < 0.85 else -1
                    votes.append((post_id, uid, value))
                    score += value
            reaction_total += thanks + tried
            vote_total += score
            body = corpus.openings[bodies[0]] if index == 0 else corpus.replies[bodies[index]]
            posts.append(
                (post_id, thread_id, author, people.names[author], position, body.text,
                 body.html, at, score, thanks, tried)
            )  # fmt: skip
        self.post_id += n

        accepted = 0
        if question and plan.replies and rng.random() < ACCEPTED:
            picks = [rng.randint(2, n)]
            if n > 2 and rng.random() < 0.1:
                picks.append(rng.choice([p for p in range(2, n + 1) if p != picks[0]]))
            labels = ["", ""] if len(picks) == 1 else ["For younger classes", "For exam groups"]
            for position, label in zip(picks, labels, strict=False):
                when = min(anchor, times[position - 1] + timedelta(hours=1 + 48 * rng.random()))
                post_id = first_post_id + position - 1
                self.accepted.append((thread_id, post_id, label, plan.author, when))
            accepted = len(picks)

        last_at, last_author = times[-1], authors[-1]
        self.threads.append(
            (thread_id, plan.community.id, plan.space_id, plan.author, plan.kind, plan.title,
             plan.created, last_at, people.names[plan.author], people.names[last_author], n, n,
             plan.replies if question else 0, accepted, plan.replies + reaction_total + vote_total,
             rng.random() < 0.01, plan.kind == ThreadKind.ANNOUNCEMENT and rng.random() < 0.5)
        )  # fmt: skip
        self.thread_tags += [(thread_id, tag_id) for tag_id, _slug in plan.tags]
        if plan.subject_id:
            self.thread_subjects.append((thread_id, plan.subject_id))
        if plan.grade_id:
            self.thread_grades.append((thread_id, plan.grade_id))
        self.follows += [
            (thread_id, uid, FollowLevel.WATCH, position, at)
            for uid, (position, at) in follows.items()
        ]
        urls = (thread_url, post_url)
        self._index(plan, n, first_post_id, authors, bodies, times, accepted > 0, urls)
        self.totals.threads.append(ThreadSummary(thread_id, plan.community, plan.kind, n, plan.hot))
        if len(self.posts) >= FLUSH_POSTS:
            self.flush()

    def _index(self, plan, n, first_post_id, authors, bodies, times, solved, urls):
        """Add the documents ``indexing.index_thread`` writes: the thread, then each reply."""
        people, corpus = self.people, self.corpus
        title = search_services._plain(plan.title)[: search_services.MAX_TITLE_CHARS]
        tags = search_services._tags([slug for _id, slug in plan.tags])
        thread_url, post_url = urls
        kind, thread_id = plan.kind, plan.id
        community_id, space_id = plan.community.id, plan.space_id
        # Escaped for the %-formatting below.
        title_json = json.dumps(plan.title).replace("%", "%%")
        # Serialised as json.dumps would serialise the dict indexing builds, in its key order.
        attrs = '{"url": "%s", "thread_title": ' + title_json + ', "thread_kind": "' + kind
        attrs += '", "author": %s}'
        opening = corpus.openings[bodies[0]]
        anchor, documents = self.anchor, self.documents
        doc_id = self.document_id
        doc_id += 1
        documents.append(
            (doc_id, "thread", thread_id, community_id, space_id, thread_id, title, opening.plain,
             tags, attrs % (thread_url, people.name_json[plan.author]), solved, kind, plan.created,
             anchor)
        )  # fmt: skip
        words = words_of(title) | opening.words | words_of(tags)
        self.totals.term_documents.update(self.terms & words)
        uses = self.reply_uses
        for index in range(1, n):
            body = corpus.replies[bodies[index]]
            uses[bodies[index]] += 1
            doc_id += 1
            documents.append(
                (doc_id, "post", first_post_id + index, community_id, space_id, thread_id, "",
                 body.plain, tags, attrs % (post_url.replace("8888888", str(index + 1)),
                 people.name_json[authors[index]]), solved, kind, times[index], anchor)
            )  # fmt: skip
        self.document_id = doc_id

    def flush(self) -> None:
        write = self.writer.insert
        write(
            Thread,
            ["id", "community_id", "space_id", "author_id", "kind", "title", "created_at",
             "last_posted_at", "author_name", "last_poster_name", "post_count", "last_position",
             "answer_count", "accepted_count", "score", "is_locked", "is_pinned"],
            self.threads,
        )  # fmt: skip
        for name, rows in (
            ("tags", self.thread_tags),
            ("subjects", self.thread_subjects),
            ("grade_bands", self.thread_grades),
        ):
            through = Thread._meta.get_field(name).remote_field.through
            columns = [f.attname for f in through._meta.concrete_fields if not f.primary_key]
            write(through, columns, rows)
        write(
            Post,
            ["id", "thread_id", "author_id", "author_name", "position", "body", "body_html",
             "created_at", "score", "thanks_count", "tried_count"],
            self.posts,
        )  # fmt: skip
        write(
            AcceptedAnswer,
            ["thread_id", "post_id", "label", "accepted_by_id", "created_at"],
            self.accepted,
        )
        write(Reaction, ["post_id", "user_id", "kind", "created_at"], self.reactions)
        write(Vote, ["post_id", "user_id", "value"], self.votes)
        write(
            ThreadFollow,
            ["thread_id", "user_id", "level", "last_read_position", "updated_at"],
            self.follows,
        )
        write(
            SearchDocument,
            ["id", "kind", "object_id", "community_id", "space_id", "thread_id", "title", "body",
             "tags", "attrs", "solved", "thread_kind", "created_at", "updated_at"],
            self.documents,
        )  # fmt: skip
        self._clear()

    def close(self) -> Totals:
        self.flush()
        for index, uses in self.reply_uses.items():
            for term in self.terms & self.corpus.replies[index].words:
                self.totals.term_documents[term] += uses
        return self.totals
