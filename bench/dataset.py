"""Generate a deterministic benchmark dataset and describe it in ``manifest.json``.

    python -m bench.dataset --size S [--database-url URL] [--var-dir DIR] [--out-dir DIR]

Without ``--database-url`` (or ``DATABASE_URL``) the dataset is a fresh SQLite file in the
var dir; with a PostgreSQL URL it is a fresh database (``bench_<size>`` unless named). The
same size, seed and anchor day always give the same rows. Start the product on the dataset
with the manifest's ``database_url`` as ``DATABASE_URL`` and its ``var_dir`` as
``STAFFROOM_VAR_DIR``.
"""

import argparse
import json
import math
import os
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from datetime import time as clock
from pathlib import Path

from bench.dataset_db import Target, recreate, resolve_target, setup_django

POSTS_PER_PAGE = 25  # staffroom.discussions.selectors.POSTS_PER_PAGE, checked in generate().
MANIFEST = "manifest.json"
# Raised when the generator adds or changes rows: the harness makes a dataset of an older
# format again instead of measuring it (2: the library's resources joined).
FORMAT = 2


@dataclass(frozen=True)
class Size:
    users: int
    communities: int
    threads: int  # including the hot thread
    posts: int  # in ordinary threads, opening posts included
    hot_posts: int
    big_space_threads: int
    question_threads: int
    # Member counts of the big community (1), the question community (2) and a few others.
    big_members: dict[int, int] = field(default_factory=dict)
    openings: int = 300
    replies: int = 500
    resources: int = 0  # library resources, portfolios included
    resource_bodies: int = 0  # distinct resource bodies they share


SIZES = {
    "tiny": Size(200, 10, 200, 2_000, 1_000, 60, 40, {1: 150, 2: 60, 3: 80}, 120, 200, 200, 40),
    "S": Size(
        10_000, 1_000, 10_000, 100_000, 50_000, 2_500, 600,
        {1: 3_000, 2: 800, 3: 2_500, 4: 1_500, 5: 1_000}, 600, 900, 2_000, 120,
    ),
    "M": Size(
        100_000, 5_000, 100_000, 1_000_000, 50_000, 5_000, 2_000,
        {1: 20_000, 2: 3_000, 3: 10_000, 4: 8_000, 5: 5_000, 6: 4_000, 7: 3_000, 8: 2_500},
        1_500, 2_500, 20_000, 300,
    ),
}  # fmt: skip


def size_named(name: str) -> str:
    for known in SIZES:
        if known.lower() == name.lower():
            return known
    raise ValueError(f"Unknown size {name!r}; choose one of {', '.join(SIZES)}.")


def _default_anchor() -> datetime:
    return datetime.combine(datetime.now(UTC).date(), clock(), tzinfo=UTC)


class Progress:
    """Print what the load is doing, with the seconds each step took."""

    def __init__(self, log: Callable[[str], None]) -> None:
        self.log = log
        self.started = self.last = time.perf_counter()
        self.timings: dict[str, float] = {}

    def step(self, name: str, detail: str = "") -> None:
        now = time.perf_counter()
        self.timings[name] = round(self.timings.get(name, 0.0) + now - self.last, 2)
        self.last = now
        self.log(f"[{now - self.started:7.1f}s] {name} done in {self.timings[name]:.1f}s {detail}")

    def note(self, message: str) -> None:
        self.log(f"[{time.perf_counter() - self.started:7.1f}s] {message}")

    @property
    def total(self) -> float:
        return round(time.perf_counter() - self.started, 1)


def generate(
    size: str,
    *,
    out_dir: Path,
    database_url: str | None = None,
    var_dir: Path | None = None,
    seed: int = 1,
    anchor: datetime | date | None = None,
    log: Callable[[str], None] = print,
) -> dict:
    """Create the dataset of ``size`` in a fresh database and return its manifest.

    The database is ``database_url`` (else ``DATABASE_URL``; else SQLite in ``var_dir``,
    else ``STAFFROOM_VAR_DIR``, else ``out_dir``). ``anchor`` is the moment the data ends
    (default: today, 00:00 UTC); all times are before it. The manifest is also written to
    ``out_dir/manifest.json``.
    """
    size = size_named(size)
    spec = SIZES[size]
    out_dir = Path(out_dir).resolve()
    if database_url is None:
        database_url = os.environ.get("DATABASE_URL") or None
    var_dir = Path(var_dir or os.environ.get("STAFFROOM_VAR_DIR") or out_dir)
    if anchor is None:
        anchor = _default_anchor()
    elif not isinstance(anchor, datetime):
        anchor = datetime.combine(anchor, clock(), tzinfo=UTC)
    target = resolve_target(size, database_url=database_url, var_dir=var_dir)
    progress = Progress(log)
    progress.note(f"dataset {size} (seed {seed}) into {target.vendor} {target.name}")
    recreate(target)
    setup_django(target)
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    progress.step("migrate")
    loaded = _load(spec, target, seed=seed, anchor=anchor, progress=progress)
    manifest = _manifest(size, target, seed, anchor, loaded, progress)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    progress.note(f"loaded in {manifest['load_seconds']}s; manifest in {out_dir / MANIFEST}")
    return manifest


def _load(spec: Size, target: Target, *, seed: int, anchor: datetime, progress: Progress) -> dict:
    from django.apps import apps
    from django.db import connection, transaction

    from bench import dataset_db as db
    from bench.dataset_communities import load_communities
    from bench.dataset_inbox import load_inbox
    from bench.dataset_people import load_people
    from bench.dataset_resources import load_resources
    from bench.dataset_text import Corpus
    from bench.dataset_threads import ThreadWriter, plan_threads
    from bench.dataset_words import RARE_TOPICS, TOOLS
    from staffroom.communities.models import Membership
    from staffroom.discussions import selectors
    from staffroom.discussions.models import Post, Reaction, Thread, ThreadFollow, Vote
    from staffroom.search.models import SearchDocument

    if selectors.POSTS_PER_PAGE != POSTS_PER_PAGE:
        raise RuntimeError("POSTS_PER_PAGE changed; update bench.dataset.POSTS_PER_PAGE.")
    corpus = Corpus(random.Random(f"{seed}:text"), openings=spec.openings, replies=spec.replies)
    progress.step("render bodies", f"({spec.openings + spec.replies} distinct bodies)")
    writer = db.Writer(connection)
    db.tune_for_load(connection)
    big_tables = [Post, SearchDocument, ThreadFollow, Reaction, Vote, Thread, Membership]
    with transaction.atomic():
        with db.deferred_indexes(writer, big_tables), db.deferred_full_text(writer):
            people = load_people(
                writer, random.Random(f"{seed}:people"), count=spec.users, anchor=anchor
            )
            progress.step("users", f"({spec.users} users and profiles)")
            communities = load_communities(
                writer,
                random.Random(f"{seed}:communities"),
                people,
                count=spec.communities,
                sizes=spec.big_members,
            )
            progress.step(
                "communities", f"({writer.rows.get('communities_membership', 0)} memberships)"
            )
            plans = plan_threads(
                random.Random(f"{seed}:plan"),
                corpus,
                communities,
                people,
                threads=spec.threads,
                posts=spec.posts,
                big_space_threads=spec.big_space_threads,
                question_threads=spec.question_threads,
                hot_posts=spec.hot_posts,
                anchor=anchor,
            )
            progress.step("plan threads")
            terms = {topic for topic, _subject in corpus.topics} | set(RARE_TOPICS)
            terms |= {tool.lower() for tool in TOOLS if tool.isalpha()}
            threads = ThreadWriter(
                writer, random.Random(f"{seed}:threads"), corpus, people, anchor=anchor, terms=terms
            )
            step = max(1, len(plans) // 10)
            for index, plan in enumerate(plans, start=1):
                threads.write(plan)
                if index % step == 0:
                    progress.note(f"  threads {index}/{len(plans)}, posts {threads.post_id}")
            totals = threads.close()
            progress.step("threads and posts", f"({threads.post_id} posts)")
            slowest = sorted(writer.seconds.items(), key=lambda item: -item[1])[:6]
            progress.note("  writes: " + ", ".join(f"{t} {s:.1f}s" for t, s in slowest))
            library = load_resources(
                writer,
                random.Random(f"{seed}:resources"),
                corpus,
                people,
                communities,
                count=spec.resources,
                bodies=spec.resource_bodies,
                anchor=anchor,
                first_document_id=threads.document_id,
                terms=terms,
            )
            progress.step("resources", f"({spec.resources} resources)")
        progress.step("indexes and full text")
        big = communities[0]
        moderators = set(big.moderators)
        signed_in = [uid for uid in big.members if uid not in moderators][:50]
        load_inbox(writer, random.Random(f"{seed}:inbox"), big, signed_in, anchor=anchor)
        writer.reset_sequences(apps.get_models())
        progress.step("inbox and sequences")
    db.finish(connection)
    progress.step("checkpoint" if connection.vendor == "sqlite" else "vacuum analyze")
    return {
        "people": people,
        "communities": communities,
        "totals": totals,
        "library": library,
        "signed_in": signed_in,
    }


def _spread(items: list, count: int) -> list:
    """Pick ``count`` items evenly spaced over the list (all of them if there are fewer)."""
    if len(items) <= count:
        return list(items)
    return [items[index * len(items) // count] for index in range(count)]


def _counts() -> dict[str, int]:
    from allauth.account.models import EmailAddress

    from staffroom.accounts.models import User
    from staffroom.communities.models import Community, Membership, Space
    from staffroom.discussions.models import (
        AcceptedAnswer,
        Post,
        Reaction,
        Thread,
        ThreadFollow,
        Vote,
    )
    from staffroom.notifications.models import Notification
    from staffroom.resources.models import Resource, TriedReport
    from staffroom.search.models import SearchDocument

    models = {
        "users": User,
        "communities": Community,
        "threads": Thread,
        "posts": Post,
        "search_documents": SearchDocument,
        "email_addresses": EmailAddress,
        "memberships": Membership,
        "spaces": Space,
        "reactions": Reaction,
        "votes": Vote,
        "accepted_answers": AcceptedAnswer,
        "thread_follows": ThreadFollow,
        "notifications": Notification,
        "resources": Resource,
        "tried_reports": TriedReport,
    }
    return {name: model.objects.count() for name, model in models.items()}


def _manifest(size, target, seed, anchor, loaded, progress) -> dict:
    from bench.dataset_communities import BIG_SPACE_SLUG
    from bench.dataset_people import PASSWORD

    people, communities, totals = loaded["people"], loaded["communities"], loaded["totals"]
    hot = next(thread for thread in totals.threads if thread.hot)
    pages = max(1, math.ceil((hot.posts - 1) / POSTS_PER_PAGE))
    ordinary = [
        {"community": thread.community.slug, "id": thread.id, "posts": thread.posts}
        for thread in totals.threads
        if thread.community.is_public and not thread.hot and thread.posts > 1
    ]
    public = [community.slug for community in communities if community.is_public]
    profiles = [uid for uid in range(1, people.count + 1) if people.complete[uid]]
    # Terms from common to rare, so scenarios can pick a spread of result sizes.
    ranked = sorted(
        ((term, count) for term, count in totals.term_documents.items() if count),
        key=lambda item: (-item[1], item[0]),
    )
    # Chosen by the discussions alone, so adding the library did not change the terms; the
    # counts include the resources' documents.
    terms = [
        (term, count + loaded["library"].term_documents[term])
        for term, count in _spread(ranked, 40)
    ]
    counts = _counts()
    return {
        "size": size,
        "format": FORMAT,
        "seed": seed,
        "anchor": anchor.isoformat(),
        "database": target.vendor,
        "database_url": target.database_url,
        "var_dir": str(target.var_dir),
        "counts": counts,
        "load_seconds": progress.total,
        "timings": progress.timings,
        "password": PASSWORD,
        "users": [{"email": people.email(uid), "id": uid} for uid in loaded["signed_in"]],
        "big_community": communities[0].slug,
        "big_space": BIG_SPACE_SLUG,
        "question_community": communities[1].slug,
        "hot_thread": {
            "community": hot.community.slug,
            "id": hot.id,
            "posts": hot.posts,
            "pages": pages,
            "middle_page": max(1, pages // 2),
        },
        "threads": _spread(ordinary, 200),
        "communities": _spread(public, 100),
        "profiles": _spread(profiles, 200),
        "resources": _spread(loaded["library"].public_ids, 200),
        "library_filters": loaded["library"].filters,
        "search_terms": [term for term, _count in terms],
        "search_term_documents": dict(terms),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.dataset", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--size", required=True, help=f"one of {', '.join(SIZES)}")
    parser.add_argument("--database-url", help="PostgreSQL URL; default: SQLite in the var dir")
    parser.add_argument("--var-dir", type=Path, help="default: var/bench-<size> in the checkout")
    parser.add_argument("--out-dir", type=Path, help="where manifest.json goes; default: var dir")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--anchor", type=date.fromisoformat, help="day the data ends (UTC)")
    args = parser.parse_args(argv)
    try:
        size = size_named(args.size)
    except ValueError as error:
        parser.error(str(error))
    from bench.dataset_db import REPO_DIR

    var_dir = args.var_dir or REPO_DIR / "var" / f"bench-{size.lower()}"
    generate(
        size,
        out_dir=args.out_dir or var_dir,
        database_url=args.database_url or os.environ.get("DATABASE_URL") or None,
        var_dir=var_dir,
        seed=args.seed,
        anchor=args.anchor,
        log=lambda line: print(line, flush=True),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
