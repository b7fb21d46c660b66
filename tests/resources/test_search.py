"""Library resources in search: indexed after each write, found on /search/ and by the
library's search box, never past what the viewer may read. Runs on SQLite FTS5, and on
PostgreSQL when DATABASE_URL points there."""

from io import StringIO

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from staffroom.communities.models import MembershipState, Role, Visibility
from staffroom.resources import services
from staffroom.resources.models import Resource
from staffroom.search.models import SearchDocument
from staffroom.search.selectors import search
from tests.discussions.builders import a_community, a_member
from tests.factories.accounts import StaffFactory, UserFactory
from tests.resources.builders import PLAN, REVIEW, plan_data, review_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish through the service and run its after-commit indexing, as a request would."""

    def publish(author, community=None, data=None):
        with django_capture_on_commit_callbacks(execute=True):
            return services.resource_create(
                author=author, community=community, data=data or plan_data()
            )

    return publish


@pytest.fixture
def after_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def found(q: str, viewer=None, **filters) -> list[int]:
    hits = search(viewer=viewer or AnonymousUser(), q=q, kind="resource", **filters)
    return [hit.object_id for hit in hits]


def page(client, url: str, viewer=None) -> str:
    if viewer is not None:
        client.force_login(viewer)
    response = client.get(url)
    return response.content.decode() if response.status_code == 200 else ""


# --- what is searchable -----------------------------------------------------------------

PLAN_WORDS = {
    "summary": "mixing squash",
    "objective": "ratio relationship in words",
    "material": "Mixing cups",
    "step title": "Warm-up",
    "step description": "Scale the recipe",
    "differentiation": "Three-ingredient recipes",
    "assessment": "Exit ticket",
    "standard code": "CCSS.MATH.CONTENT.6.RP.A.1",
    "standard code without its prefix": "6.RP.A.1",
    "standard description": "ratio language",
}


@pytest.mark.parametrize("q", PLAN_WORDS.values(), ids=PLAN_WORDS.keys())
def test_a_lesson_plan_is_found_by_the_words_of_each_part(publish, community, member, q):
    resource = publish(member, community, plan_data(title="Squash recipes"))
    publish(member, community, review_data(title="Unrelated tool"))

    assert found(q) == [resource.pk]


def test_a_tool_review_is_found_by_the_tool_name_and_its_notes(publish, community, member):
    review = publish(
        member,
        community,
        review_data(title="Shapes online", content=dict(REVIEW, tool_name="Polypad")),
    )

    assert found("Polypad") == [review.pk]
    assert found("audio trace") == [review.pk]
    assert found("join with a code") == [review.pk]


def test_a_tool_is_found_by_platform_and_cost_but_not_by_its_address(publish, community, member):
    review = publish(member, community, review_data(title="Graphs online"))

    assert found("chromebook") == [review.pk]
    assert found("free") == [review.pk]
    assert found('"com"') == []
    [hit] = search(viewer=AnonymousUser(), q="code", kind="resource")
    assert "https://" not in hit.snippet


def test_a_science_standard_code_finds_its_resource(publish, community, member):
    resource = publish(
        member,
        community,
        plan_data(
            title="Where does a plant's mass come from?",
            alignments=[("ngss", "MS-LS1-6", "Photosynthesis cycles matter and energy.")],
        ),
    )

    assert found("MS-LS1-6") == [resource.pk]
    assert found('"LS1 6"') == [resource.pk]


def test_an_edit_replaces_the_indexed_words(publish, after_commit, community, member):
    resource = publish(member, community)

    with after_commit():
        services.resource_edit(
            editor=member,
            resource=resource,
            data=plan_data(summary="Ratio through paint mixing."),
            note="Paint instead of squash",
        )

    assert found("paint") == [resource.pk]
    assert found('"mixing squash"') == []


def test_a_deleted_resource_disappears(publish, after_commit, client, community, member):
    resource = publish(member, community)
    portfolio = publish(member, None, plan_data(title="Squash at home"))

    with after_commit():
        services.resource_delete(user=member, resource=resource)
        services.resource_delete(user=member, resource=portfolio)

    assert found("squash") == []
    assert not SearchDocument.objects.filter(kind="resource").exists()
    for gone in (resource, portfolio):
        assert gone.get_absolute_url() not in page(client, "/search/?q=squash")
        assert gone.get_absolute_url() not in page(client, "/library/?q=squash")


# --- who finds what ---------------------------------------------------------------------


def a_viewer(actor: str, community):
    if actor == "anonymous":
        return None
    if actor == "staff":
        return StaffFactory()
    states = {
        "member": MembershipState.ACTIVE,
        "pending": MembershipState.PENDING,
        "banned": MembershipState.BANNED,
    }
    if actor in states:
        return a_member(community, role=Role.MEMBER, state=states[actor])
    return UserFactory()


@pytest.mark.parametrize("visibility", [Visibility.MEMBERS, Visibility.SECRET])
@pytest.mark.parametrize(
    ("actor", "sees"),
    [
        ("anonymous", False),
        ("outsider", False),
        ("pending", False),
        ("banned", False),
        ("member", True),
        ("staff", True),
    ],
)
def test_a_private_communitys_resources_are_found_only_by_its_members(
    publish, client, visibility, actor, sees
):
    steward = UserFactory(display_name="Sam Steward")
    private = a_community(steward=steward, visibility=visibility, slug="private-maths")
    url = publish(steward, private).get_absolute_url()
    viewer = a_viewer(actor, private)
    user = viewer or AnonymousUser()

    assert bool(found("squash", user)) is sees
    assert bool(found("squash", user, community=private)) is sees
    assert (url in page(client, "/search/?q=squash", viewer)) is sees
    assert (url in page(client, "/search/?q=squash&kind=resource")) is sees
    assert (url in page(client, "/library/?q=squash")) is sees
    assert (url in page(client, "/c/private-maths/library/?q=squash")) is sees


def test_a_private_resource_never_takes_a_place_on_the_page(publish, client):
    steward = UserFactory()
    private = a_community(steward=steward, visibility=Visibility.MEMBERS)
    for n in range(3):
        publish(steward, private, plan_data(title=f"Squash secret {n}"))
    public = publish(steward, None, plan_data(title="Squash for everyone"))

    hits = search(viewer=UserFactory(), q="squash", kind="resource", limit=1)

    assert [hit.object_id for hit in hits] == [public.pk]
    assert hits.has_more is False


@pytest.mark.parametrize("actor", ["anonymous", "outsider", "member", "banned", "staff"])
def test_portfolio_resources_are_found_by_everyone(publish, client, community, member, actor):
    resource = publish(member, None, plan_data(title="Squash recipes at home"))
    viewer = a_viewer(actor, community)

    [hit] = search(viewer=viewer or AnonymousUser(), q="squash", kind="resource")
    assert hit.object_id == resource.pk
    assert (hit.community_id, hit.community_name, hit.community_slug) == (None, "", "")
    url = resource.get_absolute_url()
    assert url in page(client, "/search/?q=squash", viewer)
    assert url in page(client, "/library/?q=squash")


def test_a_community_filter_leaves_portfolio_resources_out(publish, client, community, member):
    shared = publish(member, community, plan_data(title="Squash in class"))
    publish(member, None, plan_data(title="Squash at home"))

    assert found("squash", community=community) == [shared.pk]
    html = page(client, f"/c/{community.slug}/library/?q=squash")
    assert "Squash in class" in html
    assert "Squash at home" not in html
    assert "Squash at home" in page(client, "/library/?q=squash")


def test_the_library_search_box_finds_by_any_words_and_keeps_other_filters(
    publish, client, community, member
):
    plan = publish(member, community, plan_data(title="Squash recipes"))
    review = publish(member, None, review_data(title="Graphing online"))

    html = page(client, "/library/?q=6.RP.A.1")
    assert plan.title in html and review.title not in html
    html = page(client, "/library/?q=desmos")
    assert review.title in html and plan.title not in html
    html = page(client, "/library/?q=desmos&kind=lesson_plan")
    assert review.title not in html
    assert "No resources match yet." in page(client, "/library/?q=nothingmatchesthis")


# --- the search page --------------------------------------------------------------------


def test_resource_results_link_to_the_resource_with_kind_author_and_place(
    publish, client, community, member
):
    shared = publish(member, community, plan_data(title="Squash recipes"))
    portfolio = publish(member, None, review_data(title="Squash timer review"))

    html = page(client, "/search/?q=squash&kind=resource")

    assert f'href="{shared.get_absolute_url()}"' in html
    assert f'href="{portfolio.get_absolute_url()}"' in html
    assert "Lesson plan" in html
    assert "Technology-tool review" in html
    assert "by Mia Member" in html
    assert community.name in html
    assert "portfolio" in html
    # Nothing that only threads have.
    results = html[html.index('class="plain-list search-results"') :]
    for thread_word in ("Solved", "Question", "Reply in", "Thread"):
        assert thread_word not in results


def test_the_kind_filter_separates_resources_from_their_discussion_threads(
    publish, client, community, member
):
    resource = publish(member, community, plan_data(title="Squash recipes"))
    thread_url = resource.thread.get_absolute_url()
    resource_url = resource.get_absolute_url()

    everything = page(client, "/search/?q=squash")
    resources = page(client, "/search/?q=squash&kind=resource")
    discussions = page(client, "/search/?q=squash&kind=discussions")

    assert resource_url in everything and thread_url in everything
    assert resource_url in resources and thread_url not in resources
    assert thread_url in discussions and resource_url not in discussions


def test_asking_for_solved_resources_is_a_clear_error(publish, client, community, member):
    publish(member, community)

    html = page(client, "/search/?q=squash&kind=resource&solved=yes")

    assert "library resources have neither" in html
    assert "Squash recipes" not in html


def test_the_search_page_queries_do_not_grow_with_resource_hits(publish, client, community, member):
    def queries_for_a_page_of(count: int) -> list[str]:
        while Resource.objects.count() < count:
            n = Resource.objects.count()
            publish(member, community if n % 2 else None, plan_data(title=f"Squash {n}"))
        with CaptureQueriesContext(connection) as queries:
            html = client.get("/search/?q=squash&kind=resource").content.decode()
        assert html.count('class="thread-title"') == count
        return [query["sql"] for query in queries.captured_queries]

    client.force_login(member)
    one, eight = queries_for_a_page_of(1), queries_for_a_page_of(8)

    assert len(one) == len(eight)
    assert len([sql for sql in eight if "search_searchdocument" in sql]) == 1


# --- rebuilding the index ---------------------------------------------------------------


def reindex(*args: str) -> str:
    out = StringIO()
    call_command("reindex", *args, stdout=out)
    return out.getvalue()


def test_reindex_rebuilds_resource_documents_as_live_indexing_wrote_them(
    publish, after_commit, community, member
):
    shared = publish(member, community)
    portfolio = publish(member, None, review_data())
    gone = publish(member, None, plan_data(title="Withdrawn squash"))
    with after_commit():
        services.resource_delete(user=member, resource=gone)
    fields = ["kind", "object_id", "community_id", "title", "body", "tags", "attrs"]
    live = list(SearchDocument.objects.order_by("kind", "object_id").values(*fields))
    SearchDocument.objects.all().delete()

    output = reindex()

    assert list(SearchDocument.objects.order_by("kind", "object_id").values(*fields)) == live
    assert found("squash") == [shared.pk]
    assert found("desmos") == [portfolio.pk]
    assert "Indexed 2 of 2 resources…" in output
    assert (
        "1 thread, 2 resources, 0 chat transcripts, 3 documents; 0 stale documents removed."
        in output
    )


def test_reindex_removes_documents_of_resources_deleted_behind_its_back(publish, community, member):
    resource = publish(member, None)
    Resource.objects.filter(pk=resource.pk).delete()

    output = reindex()

    assert found("squash") == []
    assert "1 stale document removed" in output


def test_reindex_of_one_community_leaves_portfolio_documents_alone(publish, community, member):
    shared = publish(member, community)
    portfolio = publish(member, None, plan_data(title="Squash at home"))
    SearchDocument.objects.filter(kind="resource", object_id=shared.pk).delete()

    output = reindex("--community", community.slug)

    assert sorted(found("squash")) == sorted([shared.pk, portfolio.pk])
    assert "1 thread, 1 resource, 0 chat transcripts, 2 documents" in output


def test_the_search_index_of_a_portfolio_resource_follows_its_remix(
    publish, after_commit, community, member, other
):
    source = publish(member, community, plan_data(licence="cc-by-sa"))

    with after_commit():
        remix = services.resource_remix(user=other, source=source, community=None)

    assert sorted(found("squash", UserFactory())) == sorted([source.pk, remix.pk])
    assert found("squash", UserFactory(), community=community) == [source.pk]


def test_steps_with_markdown_are_found_by_their_words(publish, community, member):
    content = dict(
        PLAN, steps=[{"title": "Tasting", "minutes": 5, "description": "**Blind** test"}]
    )
    resource = publish(member, community, plan_data(content=content))

    assert found("blind test") == [resource.pk]
