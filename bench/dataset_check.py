"""Check a generated dataset against the rules the services keep, and fingerprint its rows.

    python -m bench.dataset_check MANIFEST [--sample N]

Prints a JSON report: ``problems`` (empty when the dataset is consistent), ``counts``,
hits for a few search terms and a ``fingerprint`` of the rows, equal for equal datasets.
Run it in its own process: it points Django at the manifest's database.
"""

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path

# Each query returns offending rows; an empty result means the rule holds.
RULES = {
    "thread counters match their posts (positions 1..n, contiguous)": """
        SELECT t.id FROM discussions_thread t
        LEFT JOIN (SELECT thread_id, COUNT(*) AS n, MIN(position) AS lo, MAX(position) AS hi,
                          MAX(created_at) AS latest
                   FROM discussions_post GROUP BY thread_id) p ON p.thread_id = t.id
        WHERE p.n IS NULL OR p.n <> t.post_count OR p.lo <> 1 OR p.hi <> t.last_position
           OR t.last_position <> t.post_count OR p.latest <> t.last_posted_at
    """,
    "last poster and author names are copied from the posts": """
        SELECT t.id FROM discussions_thread t
        JOIN discussions_post first ON first.thread_id = t.id AND first.position = 1
        JOIN discussions_post last ON last.thread_id = t.id AND last.position = t.last_position
        WHERE first.author_id <> t.author_id OR first.author_name <> t.author_name
           OR last.author_name <> t.last_poster_name
    """,
    "answer and accepted counts": """
        SELECT t.id FROM discussions_thread t
        WHERE t.answer_count <> CASE WHEN t.kind = 'question' THEN t.post_count - 1 ELSE 0 END
           OR t.accepted_count <> (SELECT COUNT(*) FROM discussions_acceptedanswer a
                                   WHERE a.thread_id = t.id)
    """,
    "thread score is replies + reactions + votes": """
        SELECT t.id FROM discussions_thread t
        JOIN (SELECT thread_id, SUM(thanks_count + tried_count + score) AS s
              FROM discussions_post GROUP BY thread_id) p ON p.thread_id = t.id
        WHERE t.score <> t.post_count - 1 + p.s
    """,
    "post reaction counters and scores": """
        SELECT p.id FROM discussions_post p
        WHERE p.thanks_count <> (SELECT COUNT(*) FROM discussions_reaction r
                                 WHERE r.post_id = p.id AND r.kind = 'thanks')
           OR p.tried_count <> (SELECT COUNT(*) FROM discussions_reaction r
                                WHERE r.post_id = p.id AND r.kind = 'tried')
           OR p.score <> COALESCE((SELECT SUM(v.value) FROM discussions_vote v
                                   WHERE v.post_id = p.id), 0)
    """,
    "authors, reactors and voters are active members": """
        SELECT p.id FROM discussions_post p JOIN discussions_thread t ON t.id = p.thread_id
        WHERE NOT EXISTS (SELECT 1 FROM communities_membership m WHERE m.user_id = p.author_id
                          AND m.community_id = t.community_id AND m.state = 'active')
        UNION ALL
        SELECT r.id FROM discussions_reaction r JOIN discussions_post p ON p.id = r.post_id
        JOIN discussions_thread t ON t.id = p.thread_id
        WHERE r.user_id = p.author_id OR NOT EXISTS (
            SELECT 1 FROM communities_membership m WHERE m.user_id = r.user_id
            AND m.community_id = t.community_id AND m.state = 'active')
    """,
    "every poster watches the thread up to their last post": """
        SELECT p.thread_id FROM discussions_post p
        LEFT JOIN discussions_threadfollow f ON f.thread_id = p.thread_id AND f.user_id = p.author_id
        GROUP BY p.thread_id, p.author_id, f.last_read_position
        HAVING f.last_read_position IS NULL OR f.last_read_position <> MAX(p.position)
    """,
    "member counts": """
        SELECT c.id FROM communities_community c
        WHERE c.member_count <> (SELECT COUNT(*) FROM communities_membership m
                                 WHERE m.community_id = c.id AND m.state = 'active')
    """,
    "every thread and post is indexed, solved as its thread": """
        SELECT p.id FROM discussions_post p JOIN discussions_thread t ON t.id = p.thread_id
        LEFT JOIN search_searchdocument d
          ON d.kind = CASE WHEN p.position = 1 THEN 'thread' ELSE 'post' END
         AND d.object_id = CASE WHEN p.position = 1 THEN t.id ELSE p.id END
        WHERE d.id IS NULL OR d.thread_id <> t.id OR d.community_id <> t.community_id
           OR d.space_id <> t.space_id OR d.thread_kind <> t.kind
           OR d.solved <> (t.accepted_count > 0)
    """,
    "unread notification counters": """
        SELECT pr.id FROM accounts_profile pr
        WHERE pr.unread_notifications <> (SELECT COUNT(*) FROM notifications_notification n
                                          WHERE n.user_id = pr.user_id AND n.read_at IS NULL)
    """,
    "resource tried-it totals match their reports": """
        SELECT r.id FROM resources_resource r
        LEFT JOIN (SELECT resource_id, COUNT(*) AS n, COUNT(DISTINCT user_id) AS teachers,
                          COUNT(DISTINCT CASE WHEN country <> '' THEN country END) AS countries,
                          AVG(rating) AS average
                   FROM resources_triedreport GROUP BY resource_id) t ON t.resource_id = r.id
        WHERE COALESCE(t.n, 0) <> r.rating_count OR COALESCE(t.teachers, 0) <> r.tried_teachers
           OR COALESCE(t.countries, 0) <> r.tried_countries
           OR ABS(COALESCE(t.average, 0) - r.rating_average) > 0.005
    """,
    "every resource has its current version, by its author, and its document": """
        SELECT r.id FROM resources_resource r
        LEFT JOIN resources_resourceversion v ON v.resource_id = r.id AND v.number = r.version
        LEFT JOIN search_searchdocument d ON d.kind = 'resource' AND d.object_id = r.id
        WHERE v.id IS NULL OR v.editor_id <> r.author_id OR v.editor_name <> r.author_name
           OR d.id IS NULL OR COALESCE(d.community_id, 0) <> COALESCE(r.community_id, 0)
    """,
    "resource authors and reporters could post where the resource is": """
        SELECT r.id FROM resources_resource r
        WHERE r.community_id IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM communities_membership m WHERE m.user_id = r.author_id
            AND m.community_id = r.community_id AND m.state = 'active')
        UNION ALL
        SELECT t.id FROM resources_triedreport t JOIN resources_resource r ON r.id = t.resource_id
        WHERE r.community_id IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM communities_membership m WHERE m.user_id = t.user_id
            AND m.community_id = r.community_id AND m.state = 'active')
    """,
    "names and countries are copied from profiles": """
        SELECT r.id FROM resources_resource r JOIN accounts_profile p ON p.user_id = r.author_id
        WHERE r.author_name <> p.display_name
        UNION ALL
        SELECT t.id FROM resources_triedreport t JOIN accounts_profile p ON p.user_id = t.user_id
        WHERE t.author_name <> p.display_name OR t.country <> p.country
    """,
    "every account has one confirmed primary address": """
        SELECT u.id FROM accounts_user u
        LEFT JOIN account_emailaddress e ON e.user_id = u.id AND e.email = u.email
        WHERE e.id IS NULL OR NOT e.verified OR NOT e."primary"
    """,
}
# Rows hashed for the fingerprint, in a fixed order.
FINGERPRINT = {
    "accounts_user": "id, email, password, date_joined",
    "accounts_profile": "id, user_id, display_name, handle, handle_key, completed_at",
    "communities_community": "id, slug, visibility, join_policy, member_count",
    "communities_membership": "id, community_id, user_id, role, state, joined_at",
    "discussions_thread": "id, community_id, space_id, author_id, kind, title, last_posted_at, "
    "post_count, answer_count, accepted_count, score",
    "discussions_post": "id, thread_id, author_id, position, body, created_at, score",
    "search_searchdocument": "id, kind, object_id, title, body, tags, solved",
    "resources_resource": "id, community_id, author_id, kind, title, content, created_at, "
    "rating_average",
    "resources_triedreport": "id, resource_id, user_id, rating, created_at",
}


def _rows(cursor, sql: str) -> list:
    cursor.execute(sql)
    return cursor.fetchall()


def _reindexed_matches(thread_ids: list[int]) -> list[str]:
    """Index sample threads with the product's own code; report any document that changes."""
    from django.db import transaction

    from staffroom.discussions.indexing import index_thread
    from staffroom.search.models import SearchDocument

    fields = ["kind", "object_id", "community_id", "space_id", "thread_id", "title", "body",
              "tags", "attrs", "solved", "thread_kind", "created_at"]  # fmt: skip
    problems = []
    for thread_id in thread_ids:
        documents = SearchDocument.objects.filter(thread_id=thread_id).order_by("kind", "object_id")
        before = list(documents.values_list(*fields))
        with transaction.atomic():
            index_thread(thread_id)
            after = list(documents.values_list(*fields))
            transaction.set_rollback(True)
        if before != after:
            pairs = zip([*before, None], [*after, None], strict=False)
            changed = next(old for old, new in pairs if old != new)
            problems.append(f"thread {thread_id}: indexing would rewrite {changed!r}")
    return problems


def _resources_match_the_services(resource_ids: list[int]) -> list[str]:
    """Index, snapshot and total sample resources with the product's own code; report any
    row that would change."""
    from django.db import transaction

    from staffroom.resources.indexing import index_resource
    from staffroom.resources.models import Resource
    from staffroom.resources.services import refresh_tried_totals, snapshot
    from staffroom.search.models import SearchDocument

    fields = ["kind", "object_id", "community_id", "space_id", "thread_id", "title", "body",
              "tags", "attrs", "solved", "thread_kind", "created_at"]  # fmt: skip
    totals = ["tried_teachers", "tried_countries", "rating_count", "rating_average"]
    problems = []
    for resource_id in resource_ids:
        resources = Resource.objects.filter(pk=resource_id)
        document = SearchDocument.objects.filter(kind="resource", object_id=resource_id)
        before = (list(document.values_list(*fields)), list(resources.values_list(*totals)))
        with transaction.atomic():
            index_resource(resource_id)
            refresh_tried_totals(resource_id)
            after = (list(document.values_list(*fields)), list(resources.values_list(*totals)))
            transaction.set_rollback(True)
        if before != after:
            problems.append(f"resource {resource_id}: the services would rewrite {before!r}")
        resource = resources.get()
        if snapshot(resource) != resource.versions.get(number=resource.version).snapshot:
            problems.append(f"resource {resource_id}: its version is not the services' snapshot")
    return problems


def check(manifest: dict, *, sample: int = 25) -> dict:
    """Return problems, counts, search hits and a fingerprint of the dataset in use."""
    from django.contrib.auth.hashers import identify_hasher
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection

    from bench.dataset import _counts
    from staffroom.accounts.handles import handle_key
    from staffroom.accounts.models import Profile, User
    from staffroom.search.selectors import search

    problems = []
    with connection.cursor() as cursor:
        for rule, sql in RULES.items():
            rows = _rows(cursor, sql)
            if rows:
                problems.append(f"{rule}: {len(rows)} rows, e.g. {rows[:3]}")
        digest = hashlib.sha256()
        for table, columns in FINGERPRINT.items():
            cursor.execute(f"SELECT {columns} FROM {table} ORDER BY id")
            while batch := cursor.fetchmany(10_000):
                digest.update(repr([tuple(str(value) for value in row) for row in batch]).encode())
    user = User.objects.order_by("pk").first()
    hasher = identify_hasher(user.password)
    if not user.check_password(manifest["password"]) or hasher.must_update(user.password):
        problems.append("the shared password does not verify, or would be re-hashed on sign-in")
    for profile in Profile.objects.order_by("pk")[:sample]:
        if profile.handle_key != handle_key(profile.handle):
            problems.append(f"profile {profile.pk}: handle_key does not match its handle")
    step = max(1, len(manifest["threads"]) // sample)
    threads = [thread["id"] for thread in manifest["threads"][::step]]
    if manifest["hot_thread"]["posts"] <= 5_000:
        threads.append(manifest["hot_thread"]["id"])
    problems += _reindexed_matches(threads)
    step = max(1, len(manifest["resources"]) // sample)
    problems += _resources_match_the_services(manifest["resources"][::step])
    hits = {}
    for term in manifest["search_terms"][:5]:
        hits[term] = len(search(viewer=AnonymousUser(), q=term, limit=20))
        if not hits[term]:
            problems.append(f"search for {term!r} finds nothing")
    counts = _counts()
    for name, expected in manifest["counts"].items():
        if counts.get(name) != expected:
            problems.append(f"{name}: manifest says {expected}, database has {counts.get(name)}")
    return {
        "problems": problems,
        "counts": counts,
        "search": hits,
        "fingerprint": digest.hexdigest(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.dataset_check")
    parser.add_argument("manifest", type=Path)
    parser.add_argument("--sample", type=int, default=25)
    args = parser.parse_args(argv)
    manifest = json.loads(args.manifest.read_text())
    os.environ["DATABASE_URL"] = manifest["database_url"]
    os.environ["STAFFROOM_VAR_DIR"] = manifest["var_dir"]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "staffroom.settings")
    import django

    django.setup()
    report = check(manifest, sample=args.sample)
    print(json.dumps(report, indent=2))
    return 1 if report["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
