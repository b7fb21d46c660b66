import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from staffroom.accounts.models import User
from staffroom.communities.models import Community, JoinPolicy
from staffroom.communities.services import community_create
from staffroom.core import vocabulary
from staffroom.core.models import GradeBand, Language, Subject
from tests.factories.accounts import UserFactory

CHROMIUM = Path("/usr/bin/chromium")
# Debian's Chromium, headless; the networking switches stop it calling home, which on a
# closed network means a flood of failing requests and slow starts.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Short enough that a missing element fails fast, long enough for a cold first request.
TIMEOUT_MS = 10_000


def pytest_collection_modifyitems(items):
    """Run the browser tests last.

    While Playwright's sync API is running, the test thread has a running asyncio loop;
    moving the browser tests to the end keeps that loop away from every other test.
    """
    items.sort(key=lambda item: item.get_closest_marker("e2e") is not None)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        reason = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; CI must run the browser tests.", pytrace=False)
        pytest.skip(f"{reason}; the browser tests are skipped outside CI.")
    # A loaded CI machine can take a few seconds over a sign-up; Playwright's default
    # five seconds for expect() would make that a flaky failure.
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_context(browser, live_server):
    """Open browser contexts (separate cookie jars: separate people) for one test."""
    contexts = []

    def open_context(**options):
        context = browser.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    return new_context().new_page()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hash passwords cheaply: each sign-up, sign-in and factory user costs half a second.

    The live server runs in this process, so it sees the override too.
    """
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def vocabulary_terms(transactional_db):
    """Put back the subjects, grade bands and languages the data migration loads.

    The live server needs a transactional database, which is emptied after every test,
    so only the first test would otherwise see the migration's rows.
    """
    for model, terms in [
        (Subject, vocabulary.SUBJECTS),
        (GradeBand, vocabulary.GRADE_BANDS),
        (Language, vocabulary.LANGUAGES),
    ]:
        for position, (slug, name) in enumerate(terms):
            model.objects.update_or_create(slug=slug, defaults={"name": name, "position": position})


@dataclass
class Directory:
    """A steward and three communities: two in mathematics, one in science."""

    steward: User
    ratios: Community
    algebra: Community
    lab: Community


@pytest.fixture
def directory(vocabulary_terms):
    steward = UserFactory(email="sam.rivera@example.org", display_name="Sam Rivera")
    maths = Subject.objects.filter(slug="mathematics")
    middle_school = GradeBand.objects.filter(slug="6-8")
    return Directory(
        steward=steward,
        ratios=community_create(
            creator=steward,
            name="Ratio talk",
            slug="ratio-talk",
            tagline="Proportional reasoning, one lesson at a time.",
            domain_statement="How 11–14 year olds come to understand ratio and proportion.",
            subjects=maths,
            grade_bands=middle_school,
        ),
        algebra=community_create(
            creator=steward,
            name="Algebra studio",
            slug="algebra-studio",
            tagline="A small group trying out algebra tiles.",
            domain_statement="Teaching early algebra with manipulatives and visual models.",
            join_policy=JoinPolicy.REQUEST,
            subjects=maths,
            grade_bands=middle_school,
        ),
        lab=community_create(
            creator=steward,
            name="Lab notes",
            slug="lab-notes",
            domain_statement="Practical work in secondary science.",
            subjects=Subject.objects.filter(slug="science"),
        ),
    )
