"""The pages the benchmark requests, built from a dataset manifest, and their SQL cost."""

import json
import statistics
from dataclasses import dataclass
from urllib.parse import urlencode

# Rotating scenarios are costed in-process on this many of their URLs.
SAMPLED_URLS = 5


@dataclass(frozen=True)
class Scenario:
    name: str
    title: str
    paths: list[str]
    signed_in: bool = False


def _thread(community: str, thread_id: int, page: int | None = None) -> str:
    return f"/c/{community}/t/{thread_id}/" + (f"?page={page}" if page else "")


def scenarios_for(manifest: dict) -> list[Scenario]:
    """Return every scenario, the F1 floor first."""
    hot = manifest["hot_thread"]
    big_space = f"/c/{manifest['big_community']}/s/{manifest['big_space']}/"
    threads = [_thread(t["community"], t["id"]) for t in manifest["threads"]]
    return [
        Scenario("f1", "F1 floor: /healthz", ["/healthz"]),
        Scenario("home", "home /", ["/"]),
        Scenario(
            "community", "community page", [f"/c/{slug}/" for slug in manifest["communities"]]
        ),
        Scenario("thread_list", "thread list, big space", [big_space]),
        Scenario("hot_first", "hot thread, first page", [_thread(hot["community"], hot["id"])]),
        Scenario(
            "hot_middle",
            "hot thread, middle page",
            [_thread(hot["community"], hot["id"], hot["middle_page"])],
        ),
        Scenario(
            "hot_last",
            "hot thread, last page",
            [_thread(hot["community"], hot["id"], hot["pages"])],
        ),
        Scenario("thread", "thread page", threads),
        Scenario(
            "unanswered",
            "unanswered questions",
            [f"/c/{manifest['question_community']}/threads/?show=unanswered"],
        ),
        Scenario("profile", "profile", [f"/people/{pk}/" for pk in manifest["profiles"]]),
        Scenario(
            "search",
            "search",
            [f"/search/?{urlencode({'q': term})}" for term in manifest["search_terms"]],
        ),
        Scenario(
            "library",
            "library, filtered",
            [f"/library/?{query}" for query in manifest["library_filters"]],
        ),
        Scenario("resource", "resource page", [f"/r/{pk}/" for pk in manifest["resources"]]),
        Scenario("thread_signed_in", "thread page, signed in", threads, signed_in=True),
        Scenario("thread_list_signed_in", "thread list, signed in", [big_space], signed_in=True),
        Scenario("home_signed_in", "home, signed in", ["/"], signed_in=True),
    ]


def sampled(paths: list[str]) -> list[str]:
    """Return up to SAMPLED_URLS paths spread evenly over the rotation."""
    step = max(1, len(paths) // SAMPLED_URLS)
    return paths[::step][:SAMPLED_URLS]


def cost_in_process(manifest: dict, scenarios: list[Scenario]) -> dict[str, dict]:
    """Count SQL queries and response bytes of one warm request per URL, with Django's client."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    anonymous = Client()
    member = Client()
    member.force_login(get_user_model().objects.get(pk=manifest["users"][0]["id"]))
    costs = {}
    for scenario in scenarios:
        client = member if scenario.signed_in else anonymous
        urls = []
        for path in sampled(scenario.paths):
            client.get(path)  # Warm: templates compiled, caches filled, connection open.
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            urls.append(
                {
                    "path": path,
                    "status": response.status_code,
                    "queries": len(queries),
                    "bytes": len(response.content),
                }
            )
        costs[scenario.name] = {
            "queries": max(u["queries"] for u in urls),
            "bytes": round(statistics.median(u["bytes"] for u in urls)),
            "statuses": sorted({u["status"] for u in urls}),
            "urls": urls,
        }
    return costs


def main(manifest_path: str, out_path: str) -> None:
    """Cost every scenario in this process and write the numbers as JSON."""
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "staffroom.settings")
    django.setup()
    with open(manifest_path) as file:
        manifest = json.load(file)
    costs = cost_in_process(manifest, scenarios_for(manifest))
    with open(out_path, "w") as file:
        json.dump(costs, file, indent=2)
