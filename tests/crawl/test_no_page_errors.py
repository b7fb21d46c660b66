"""Follow every link a visitor can reach on the demo instance; none may answer 500."""

from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client

from staffroom.accounts.models import User

pytestmark = pytest.mark.django_db

MAX_PAGES = 400
# Leaving the session would end the crawl as the demo user; admin pages are Django's own.
SKIPPED_PREFIXES = ("/accounts/logout/", "/admin/", "/static/", "/media/")


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


def crawl(client: Client) -> dict[str, int]:
    """Visit pages breadth-first from the home page and return each path's status."""
    seen: dict[str, int] = {}
    queue = deque(["/"])
    while queue and len(seen) < MAX_PAGES:
        path = queue.popleft()
        if path in seen:
            continue
        response = client.get(path)
        seen[path] = response.status_code
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        parser = LinkParser()
        parser.feed(response.content.decode())
        for href in parser.links:
            url = urldefrag(urljoin(path, href)).url
            parts = urlsplit(url)
            if parts.scheme not in {"", "http"} or parts.netloc not in {"", "testserver"}:
                continue
            local = parts.path + (f"?{parts.query}" if parts.query else "")
            if local not in seen and not local.startswith(SKIPPED_PREFIXES):
                queue.append(local)
    return seen


@pytest.fixture
def demo_instance():
    call_command("load_demo", verbosity=0)


def test_no_page_reachable_by_an_anonymous_visitor_answers_500(demo_instance):
    statuses = crawl(Client())

    assert len(statuses) > 15
    assert [path for path, status in statuses.items() if status >= 500] == []


def test_no_page_reachable_by_the_demo_user_answers_500(demo_instance):
    client = Client()
    client.force_login(User.objects.get(email="demo@staffroom.test"))

    statuses = crawl(client)

    assert len(statuses) > 30
    assert [path for path, status in statuses.items() if status >= 500] == []
