"""The demo practice library: enough real-looking resources, remix chains, classroom reports
from many countries, valid standards codes, and a reload that changes nothing."""

from collections import Counter
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from staffroom.accounts.models import User
from staffroom.communities.models import Membership, MembershipState, Visibility
from staffroom.demo.data import COMMUNITIES, PEOPLE
from staffroom.demo.data.resources import REMIXES, RESOURCES
from staffroom.discussions.models import Thread
from staffroom.resources.licences import remix_licences
from staffroom.resources.models import (
    Alignment,
    Resource,
    ResourceKind,
    ResourceVersion,
    TriedReport,
)
from staffroom.resources.standards import check_code
from staffroom.search.models import SearchDocument
from staffroom.search.selectors import search
from tests.demo.conftest import remove_demo

SLUGS = [spec.slug for spec in COMMUNITIES]
EMAILS = [person.email for person in PEOPLE]
COUNTRIES = {person.key: person.country for person in PEOPLE}
WELL_KNOWN_TOOLS = {
    "Desmos Classroom",
    "GeoGebra",
    "Padlet",
    "Kahoot!",
    "Google Forms",
    "Scratch",
    "Book Creator",
    "PhET Interactive Simulations",
}


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker, demo_media):
    """Load the demo once for the module; hashing and forty profiles are too slow per test."""
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)
    yield
    # The rows were committed outside any test's transaction, so remove them by hand.
    with django_db_blocker.unblock():
        remove_demo()


def demo_resources():
    return Resource.objects.filter(author__email__in=EMAILS)


def user(key: str) -> User:
    return User.objects.get(email=next(p.email for p in PEOPLE if p.key == key))


# --- the data, before loading -------------------------------------------------------------


def test_every_resource_key_is_unique_and_every_remix_follows_its_source():
    keys = [spec.key for spec in RESOURCES]
    seen = set(keys)
    assert len(seen) == len(keys)
    for remix in REMIXES:
        assert remix.source in seen, remix.key
        assert remix.key not in seen, remix.key
        seen.add(remix.key)


def test_every_alignment_code_in_the_data_passes_its_frameworks_check():
    alignments = [row for spec in RESOURCES for row in spec.alignments]
    alignments += [row for spec in REMIXES for row in spec.changes.get("alignments", ())]

    assert len(alignments) >= 25
    for framework, code, description in alignments:
        assert check_code(framework, code) is None, code
        assert 15 <= len(description) <= 200, code
    assert {framework for framework, _code, _description in alignments} >= {
        "ccss-math",
        "ccss-ela",
        "ngss",
        "iste-students",
    }


# --- what loading gives --------------------------------------------------------------------


@pytest.mark.django_db
def test_every_spec_became_a_resource_and_every_report_was_written():
    reports = sum(len(spec.tried) for spec in (*RESOURCES, *REMIXES))

    assert demo_resources().count() == len(RESOURCES) + len(REMIXES) >= 30
    assert TriedReport.objects.filter(resource__in=demo_resources()).count() == reports


@pytest.mark.django_db
def test_every_demo_community_has_a_library():
    counts = dict(
        demo_resources()
        .filter(community__isnull=False)
        .values_list("community__slug")
        .annotate(n=Count("pk"))
    )

    assert set(counts) == set(SLUGS)
    assert all(n >= 2 for n in counts.values()), counts


@pytest.mark.django_db
def test_every_kind_of_resource_is_in_the_library():
    kinds = Counter(demo_resources().values_list("kind", flat=True))

    assert set(kinds) == set(ResourceKind.values)
    assert kinds[ResourceKind.LESSON_PLAN] >= 10


@pytest.mark.django_db
def test_lesson_plans_have_objectives_timed_steps_differentiation_and_assessment():
    plans = demo_resources().filter(kind=ResourceKind.LESSON_PLAN, source__isnull=True)

    for plan in plans:
        content = plan.content
        assert len(content["objectives"]) >= 2, plan.title
        assert content["materials"], plan.title
        assert len(content["steps"]) >= 3, plan.title
        assert all(step["minutes"] for step in content["steps"]), plan.title
        assert all(content["differentiation"][key] for key in ("ell", "sped", "extension")), (
            plan.title
        )
        assert content["assessment"], plan.title
        assert plan.alignments.exists(), plan.title


@pytest.mark.django_db
def test_tool_reviews_cover_well_known_tools_with_privacy_and_accessibility_notes():
    reviews = demo_resources().filter(kind=ResourceKind.TOOL_REVIEW)

    assert {review.content["tool_name"] for review in reviews} >= WELL_KNOWN_TOOLS
    for review in reviews:
        content = review.content
        assert content["tool_url"].startswith("https://"), review.title
        assert len(content["privacy_notes"]) >= 100, review.title
        assert len(content["accessibility_notes"]) >= 100, review.title
        assert content["data_collected"] and content["ratings"], review.title
        assert review.content_html["privacy_notes"].startswith("<p>"), review.title


@pytest.mark.django_db
def test_remix_chains_credit_every_ancestor_and_keep_to_the_licence_rules():
    remixes = demo_resources().filter(source__isnull=False).select_related("source")
    depths = sorted((len(remix.lineage) for remix in remixes), reverse=True)
    roots = {remix.lineage[-1]["id"] for remix in remixes}

    assert depths[0] >= 3
    assert len(roots) >= 2
    assert len([depth for depth in depths if depth >= 2]) >= 2
    for remix in remixes:
        assert remix.lineage[0]["id"] == remix.source_id, remix.title
        assert remix.licence in remix_licences(remix.source.licence), remix.title
        assert remix.created_at > remix.source.created_at, remix.title
        assert remix.source.remix_count >= 1, remix.source.title


@pytest.mark.django_db
def test_share_alike_stays_share_alike_down_a_whole_chain():
    [deepest] = [r for r in demo_resources().filter(source__isnull=False) if len(r.lineage) == 3]

    assert deepest.licence == "cc-by-sa"
    assert {credit["licence"] for credit in deepest.lineage} == {"cc-by-sa"}


@pytest.mark.django_db
def test_a_private_communitys_resources_are_adapted_only_inside_it():
    remixes = demo_resources().filter(source__isnull=False).select_related("source__community")

    for remix in remixes:
        source = remix.source
        if source.community and source.community.visibility != Visibility.PUBLIC:
            assert remix.community_id == source.community_id, remix.title


@pytest.mark.django_db
def test_members_in_at_least_five_countries_report_trying_resources():
    reports = TriedReport.objects.filter(resource__in=demo_resources()).select_related(
        "user", "resource__community"
    )
    keys = {person.email: person.key for person in PEOPLE}

    assert len({report.country for report in reports}) >= 5
    for report in reports:
        assert report.country == COUNTRIES[keys[report.user.email]], report
        community = report.resource.community
        if community is not None:
            assert Membership.objects.filter(
                community=community, user=report.user, state=MembershipState.ACTIVE
            ).exists(), report


@pytest.mark.django_db
def test_tried_totals_agree_with_the_reports():
    for resource in demo_resources().prefetch_related("reports"):
        reports = list(resource.reports.all())
        assert resource.tried_teachers == len({report.user_id for report in reports})
        assert resource.tried_countries == len({report.country for report in reports})
        assert resource.rating_count == len(reports)


@pytest.mark.django_db
def test_some_resources_have_later_versions_that_say_what_changed():
    later = ResourceVersion.objects.filter(resource__in=demo_resources(), number__gt=1)
    originals = later.filter(resource__source__isnull=True)

    assert originals.count() >= 3
    assert not later.filter(note="").exists()
    for version in later.select_related("resource"):
        assert version.resource.version >= version.number
        first = version.resource.versions.get(number=1)
        assert first.created_at < version.created_at, version


@pytest.mark.django_db
def test_the_library_is_spread_over_the_last_six_weeks_after_each_author_joined():
    now = timezone.now()
    joined = {
        (m.community_id, m.user_id): m.joined_at
        for m in Membership.objects.filter(state=MembershipState.ACTIVE)
    }

    resources = list(demo_resources())
    assert len({resource.created_at.date() for resource in resources}) >= 20
    for resource in resources:
        assert now - timedelta(days=43) <= resource.created_at < now, resource.title
        if resource.community_id:
            assert joined[resource.community_id, resource.author_id] < resource.created_at
    for report in TriedReport.objects.filter(resource__in=resources).select_related("resource"):
        assert report.resource.created_at < report.created_at < now, report


@pytest.mark.django_db
def test_each_community_resource_has_its_discussion_thread_dated_with_it():
    for resource in demo_resources().filter(community__isnull=False).select_related("thread"):
        thread = resource.thread
        assert thread is not None and thread.community_id == resource.community_id
        assert thread.created_at == resource.created_at
        assert thread.posts.get(position=1).created_at == resource.created_at


@pytest.mark.django_db
def test_portfolio_resources_are_public_and_found_by_anyone():
    portfolio = list(demo_resources().filter(community__isnull=True))

    assert len(portfolio) >= 2
    for resource in portfolio:
        hits = search(viewer=AnonymousUser(), q=resource.title, kind="resource")
        assert resource.pk in [hit.object_id for hit in hits], resource.title


@pytest.mark.django_db
def test_the_search_index_holds_every_live_resource_as_published():
    documents = dict(
        SearchDocument.objects.filter(kind="resource").values_list("object_id", "created_at")
    )

    for resource in demo_resources():
        assert documents[resource.pk] == resource.created_at, resource.title


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("viewer", "hidden"),
    [
        ("anonymous", ["early-literacy", "riverside-science", "first-year-circle"]),
        # Banned from EdTech; a member of no private community.
        ("brandon", ["early-literacy", "first-year-circle", "assessment-for-learning"]),
        # Waiting to be let in.
        ("hannah", ["riverside-science"]),
        ("thandiwe", ["early-literacy"]),
        ("sam", ["early-literacy", "riverside-science"]),
    ],
)
def test_private_libraries_stay_out_of_outsiders_searches(viewer, hidden):
    who = AnonymousUser() if viewer == "anonymous" else user(viewer)

    for slug in hidden:
        for resource in demo_resources().filter(community__slug=slug):
            words = " ".join(resource.title.split()[:4])
            hits = search(viewer=who, q=words, kind="resource", limit=100)
            assert resource.pk not in [hit.object_id for hit in hits], (viewer, resource.title)


@pytest.mark.django_db
def test_members_find_their_private_library_by_a_standards_code():
    rosa = user("rosa")

    hits = search(viewer=rosa, q="RF.K.2.D", kind="resource")

    assert [hit.title for hit in hits] == [
        "Sound boxes for CVC words with bottle tops (for large classes)"
    ]


@pytest.mark.django_db
def test_loading_the_demo_again_adds_nothing_to_the_library():
    def counts() -> dict[str, int]:
        return {
            "resources": demo_resources().count(),
            "versions": ResourceVersion.objects.filter(resource__in=demo_resources()).count(),
            "alignments": Alignment.objects.filter(resource__in=demo_resources()).count(),
            "reports": TriedReport.objects.filter(resource__in=demo_resources()).count(),
            "documents": SearchDocument.objects.filter(kind="resource").count(),
            "threads": Thread.objects.filter(resource__in=demo_resources()).count(),
        }

    before = counts()

    call_command("load_demo", verbosity=0)

    assert counts() == before
