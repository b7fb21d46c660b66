"""Stewards manage their community's tags: services, pages, access and query counts."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from staffroom.communities.models import MembershipState, Role, Visibility
from staffroom.core.errors import ServiceError
from staffroom.discussions.models import Tag, TagFollow
from staffroom.discussions.tags import tag_create, tag_delete, tag_rename
from staffroom.search.models import SearchDocument
from staffroom.search.selectors import search
from tests.discussions.builders import a_community, a_member, a_thread, fresh
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.discussions import TagFactory, ThreadFactory
from tests.pages import shown_messages, text

pytestmark = pytest.mark.django_db


def tags_of(community) -> list[tuple[str, str]]:
    return list(Tag.objects.filter(community=community).order_by("pk").values_list("name", "slug"))


def manage_url(community, rest: str = "") -> str:
    return f"/c/{community.slug}/manage/tags/{rest}"


@pytest.fixture
def steward_client(client, steward):
    client.force_login(steward)
    return client


# Adding a tag


def test_a_steward_adds_a_tag_whose_slug_comes_from_its_name(steward, community):
    tag = tag_create(actor=steward, community=community, name="Reading aloud")

    assert (tag.name, tag.slug, tag.community) == ("Reading aloud", "reading-aloud", community)


def test_platform_staff_may_add_a_tag_without_being_members(community):
    tag = tag_create(actor=StaffFactory(), community=community, name="Phonics")

    assert tags_of(community) == [("Phonics", "phonics")]
    assert tag.slug == "phonics"


@pytest.mark.parametrize(
    ("name", "stored", "slug"),
    [
        ("Lecture à voix haute", "Lecture à voix haute", "lecture-à-voix-haute"),
        ("数学", "数学", "数学"),
        ("Математика", "Математика", "математика"),
        ("  phonics \n\t games  ", "phonics games", "phonics-games"),
        ("Grade 3 / Year 4", "Grade 3 / Year 4", "grade-3-year-4"),
        ("é" * 40, "é" * 40, "é" * 40),
    ],
)
def test_tag_names_in_any_script_get_a_slug_that_keeps_their_letters(
    steward, community, name, stored, slug
):
    tag = tag_create(actor=steward, community=community, name=name)

    assert tags_of(community) == [(stored, slug)]
    assert (tag.name, tag.slug) == (stored, slug)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Give the tag a name."),
        ("   \n ", "Give the tag a name."),
        ("x" * 41, "Keep the tag name to 40 characters or fewer."),
        ("fractions " * 1000, "Keep the tag name to 40 characters or fewer."),
        ("frac\x00tions", "Tag names cannot contain control characters."),
        ("bell\x07", "Tag names cannot contain control characters."),
        ("lone \ud800 surrogate", "Tag names cannot contain control characters."),
        ("!!! ???", "Give the tag a name with letters or numbers."),
        ("🎉🎉", "Give the tag a name with letters or numbers."),
    ],
    ids=["empty", "blank", "41-chars", "10k-chars", "nul", "bell", "surrogate", "punct", "emoji"],
)
def test_a_tag_name_that_cannot_be_used_is_refused_on_the_name_field(
    steward, community, name, message
):
    with pytest.raises(ServiceError) as refusal:
        tag_create(actor=steward, community=community, name=name)

    assert (refusal.value.field, refusal.value.message) == ("name", message)
    assert tags_of(community) == []


@pytest.mark.parametrize(
    "second", ["reading aloud", "READING ALOUD", "Reading  aloud!", "reading-aloud"]
)
def test_a_tag_with_the_same_slug_or_name_is_refused_and_names_the_existing_tag(
    steward, community, second
):
    tag_create(actor=steward, community=community, name="Reading aloud")

    with pytest.raises(ServiceError) as refusal:
        tag_create(actor=steward, community=community, name=second)

    assert refusal.value.field == "name"
    assert refusal.value.message == "This community already has a tag called “Reading aloud”."
    assert tags_of(community) == [("Reading aloud", "reading-aloud")]


def test_two_communities_may_each_have_a_tag_of_the_same_name(steward, community):
    other = a_community(steward=steward)
    tag_create(actor=steward, community=community, name="Phonics")

    tag_create(actor=steward, community=other, name="Phonics")

    assert tags_of(other) == [("Phonics", "phonics")]


@pytest.mark.parametrize(
    "who", ["anonymous", "outsider", "pending", "banned", "member", "moderator"]
)
def test_only_stewards_and_staff_add_tags(community, who):
    actor = {
        "anonymous": AnonymousUser(),
        "outsider": UserFactory(),
        "pending": a_member(community, state=MembershipState.PENDING),
        "banned": a_member(community, state=MembershipState.BANNED),
        "member": a_member(community),
        "moderator": a_member(community, role=Role.MODERATOR),
    }[who]

    with pytest.raises(PermissionDenied):
        tag_create(actor=actor, community=fresh(community), name="Phonics")

    assert tags_of(community) == []


@settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(name=st.text(max_size=60))
def test_any_text_either_becomes_a_tag_or_is_refused_on_the_name_field(steward, community, name):
    with transaction.atomic():
        try:
            tag = tag_create(actor=steward, community=community, name=name)
        except ServiceError as refusal:
            assert refusal.field == "name"
            assert not Tag.objects.filter(community=community).exists()
        else:
            stored = Tag.objects.get(pk=tag.pk)
            assert 0 < len(stored.name) <= 40
            assert 0 < len(stored.slug) <= 40
            assert stored.name == " ".join(name.split())
        transaction.set_rollback(True)


# Renaming a tag


def test_renaming_a_tag_moves_its_slug_and_its_threads_keep_it(steward, community, member):
    tag = tag_create(actor=steward, community=community, name="Fractions")
    thread = a_thread(community, member, tags=[tag])

    tag_rename(actor=steward, tag=tag, name="Fractions and decimals")

    assert tags_of(community) == [("Fractions and decimals", "fractions-and-decimals")]
    assert [t.slug for t in thread.tags.all()] == ["fractions-and-decimals"]


def test_renaming_a_tag_to_another_case_keeps_its_slug(steward, community):
    tag = tag_create(actor=steward, community=community, name="phonics")

    tag_rename(actor=steward, tag=tag, name="Phonics")

    assert tags_of(community) == [("Phonics", "phonics")]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Behaviour", "This community already has a tag called “Behaviour”."),
        ("behaviour!", "This community already has a tag called “Behaviour”."),
        ("", "Give the tag a name."),
        ("x" * 10_000, "Keep the tag name to 40 characters or fewer."),
        ("\x00", "Tag names cannot contain control characters."),
    ],
)
def test_a_rename_that_cannot_be_used_changes_nothing(steward, community, name, message):
    tag_create(actor=steward, community=community, name="Behaviour")
    tag = tag_create(actor=steward, community=community, name="Fractions")

    with pytest.raises(ServiceError) as refusal:
        tag_rename(actor=steward, tag=tag, name=name)

    assert (refusal.value.field, refusal.value.message) == ("name", message)
    assert tags_of(community) == [("Behaviour", "behaviour"), ("Fractions", "fractions")]
    assert (tag.name, tag.slug) == ("Fractions", "fractions")


def test_a_moderator_cannot_rename_a_tag(steward, community, moderator):
    tag = tag_create(actor=steward, community=community, name="Fractions")

    with pytest.raises(PermissionDenied):
        tag_rename(actor=moderator, tag=fresh(tag), name="Hijacked")

    assert tags_of(community) == [("Fractions", "fractions")]


# Deleting a tag


def test_deleting_a_tag_leaves_its_threads_without_it(steward, community, member):
    tag = tag_create(actor=steward, community=community, name="Fractions")
    keep = tag_create(actor=steward, community=community, name="Decimals")
    thread = a_thread(community, member, tags=[tag, keep])
    TagFollow.objects.create(tag=tag, user=member)

    tag_delete(actor=steward, tag=tag)

    thread = fresh(thread)
    assert [t.name for t in thread.tags.all()] == ["Decimals"]
    assert thread.posts.count() == 1
    assert not TagFollow.objects.exists()
    assert tags_of(community) == [("Decimals", "decimals")]


def test_a_moderator_cannot_delete_a_tag(steward, community, moderator):
    tag = tag_create(actor=steward, community=community, name="Fractions")

    with pytest.raises(PermissionDenied):
        tag_delete(actor=moderator, tag=fresh(tag))

    assert tags_of(community) == [("Fractions", "fractions")]


# Search follows the tags


def test_search_finds_threads_by_a_renamed_tag_and_not_by_a_deleted_one(
    steward, community, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tag = tag_create(actor=steward, community=community, name="Fractions")
        thread = a_thread(community, member, title="Pizza slices for halves", tags=[tag])
        a_thread(community, member, title="Pizza for a class party")

    with django_capture_on_commit_callbacks(execute=True):
        tag_rename(actor=steward, tag=tag, name="Parts of a whole")

    assert [hit.object_id for hit in search(viewer=None, q="pizza", tag="parts-of-a-whole")] == [
        thread.pk
    ]
    assert not search(viewer=None, q="pizza", tag="fractions")

    with django_capture_on_commit_callbacks(execute=True):
        tag_delete(actor=steward, tag=tag)

    assert not search(viewer=None, q="pizza", tag="parts-of-a-whole")
    assert set(SearchDocument.objects.values_list("tags", flat=True)) == {""}


# The pages


def test_the_tag_page_lists_tags_with_how_many_threads_use_them(
    steward_client, steward, community, member
):
    fractions = tag_create(actor=steward, community=community, name="Fractions")
    tag_create(actor=steward, community=community, name="Behaviour")
    a_thread(community, member, tags=[fractions])
    a_thread(community, member, tags=[fractions])

    response = steward_client.get(manage_url(community))

    page = text(response)
    assert response.status_code == 200
    assert "#Fractions" in page and "2 threads" in page
    assert "#Behaviour" in page and "0 threads" in page
    assert 'aria-current="page">Tags<' in page


def test_the_other_steward_pages_link_to_the_tag_page(steward_client, community):
    response = steward_client.get(f"/c/{community.slug}/manage/spaces/")

    assert f'href="{manage_url(community)}"' in text(response)


def test_adding_a_tag_on_the_page_saves_it_and_says_so(steward_client, community):
    response = steward_client.post(manage_url(community), {"name": "  Reading   aloud "})

    assert response.status_code == 302
    assert response.url == manage_url(community)
    assert shown_messages(response) == ["Tag “Reading aloud” added."]
    assert tags_of(community) == [("Reading aloud", "reading-aloud")]


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"name": ""}, "This field is required."),
        ({}, "This field is required."),
        ({"name": "x" * 41}, "Ensure this value has at most 40 characters (it has 41)."),
        ({"name": "x" * 10_000}, "Ensure this value has at most 40 characters (it has 10000)."),
        ({"name": "frac\x00tions"}, "Null characters are not allowed."),
        ({"name": "bell\x07"}, "Tag names cannot contain control characters."),
        ({"name": "???"}, "Give the tag a name with letters or numbers."),
        ({"name": "BEHAVIOUR"}, "This community already has a tag called “Behaviour”."),
    ],
    ids=["empty", "missing", "41-chars", "10k-chars", "nul", "bell", "punct", "duplicate"],
)
def test_a_bad_tag_name_on_the_page_shows_a_field_error_and_writes_nothing(
    steward_client, steward, community, data, error
):
    tag_create(actor=steward, community=community, name="Behaviour")

    response = steward_client.post(manage_url(community), data)

    assert response.status_code == 200
    assert "Please correct the problems below." in text(response)
    assert error in text(response)
    assert 'aria-invalid="true"' in text(response)
    assert tags_of(community) == [("Behaviour", "behaviour")]


def test_renaming_on_the_page_shows_the_form_then_saves(steward_client, steward, community):
    tag = tag_create(actor=steward, community=community, name="Fractions")

    form = steward_client.get(manage_url(community, f"{tag.pk}/"))
    response = steward_client.post(manage_url(community, f"{tag.pk}/"), {"name": "Ratio"})

    assert form.status_code == 200
    assert 'value="Fractions"' in text(form)
    assert response.status_code == 302
    assert shown_messages(response) == ["Tag “Fractions” is now “Ratio”."]
    assert tags_of(community) == [("Ratio", "ratio")]


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("", "This field is required."),
        ("behaviour", "This community already has a tag called “Behaviour”."),
        ("x" * 10_000, "Ensure this value has at most 40 characters (it has 10000)."),
    ],
)
def test_a_bad_rename_on_the_page_shows_a_field_error_and_writes_nothing(
    steward_client, steward, community, name, error
):
    tag_create(actor=steward, community=community, name="Behaviour")
    tag = tag_create(actor=steward, community=community, name="Fractions")

    response = steward_client.post(manage_url(community, f"{tag.pk}/"), {"name": name})

    assert response.status_code == 200
    assert error in text(response)
    assert "Rename the tag “Fractions”" in text(response)
    assert tags_of(community) == [("Behaviour", "behaviour"), ("Fractions", "fractions")]


def test_deleting_asks_first_on_a_page_that_needs_no_javascript(
    steward_client, steward, community, member
):
    tag = tag_create(actor=steward, community=community, name="Fractions")
    a_thread(community, member, tags=[tag])

    confirm = steward_client.get(manage_url(community, f"{tag.pk}/delete/"))

    assert confirm.status_code == 200
    assert "Delete the tag “Fractions”?" in text(confirm)
    assert "1 thread uses this tag." in text(confirm)
    # A plain form that posts back to this page: the confirmation needs no script.
    assert '<form method="post">' in text(confirm)
    assert 'name="csrfmiddlewaretoken"' in text(confirm)
    assert tags_of(community) == [("Fractions", "fractions")]


def test_confirming_the_delete_removes_the_tag(steward_client, steward, community):
    tag = tag_create(actor=steward, community=community, name="Fractions")

    response = steward_client.post(manage_url(community, f"{tag.pk}/delete/"))

    assert response.status_code == 302
    assert response.url == manage_url(community)
    assert shown_messages(response) == ["Tag “Fractions” deleted."]
    assert tags_of(community) == []


@pytest.mark.parametrize("rest", ["{tag}/", "{tag}/delete/"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_communitys_tag_is_404_and_untouched(
    steward_client, steward, community, rest, method
):
    foreign = TagFactory(community=a_community(), name="Foreign", slug="foreign")

    response = getattr(steward_client, method)(
        manage_url(community, rest.format(tag=foreign.pk)), {"name": "Mine now"}
    )

    assert response.status_code == 404
    assert Tag.objects.get(pk=foreign.pk).name == "Foreign"


def test_the_tag_page_costs_the_same_queries_for_5_tags_as_for_50(steward_client, community):
    def add_tags(count: int) -> None:
        for _n in range(count):
            tag = TagFactory(community=community)
            ThreadFactory(community=community).tags.add(tag)

    def queries() -> tuple[int, str]:
        steward_client.get(manage_url(community))  # Warm per-process caches first.
        with CaptureQueriesContext(connection) as context:
            response = steward_client.get(manage_url(community))
        assert response.status_code == 200
        return len(context.captured_queries), text(response)

    add_tags(5)
    few, before = queries()
    add_tags(45)
    many, after = queries()

    assert before.count("1 thread<") == 5
    assert after.count("1 thread<") == 50
    assert few == many


# Who may open the pages: stewards and staff; everyone else gets the 404 of a missing page.

TAG_URLS = ["", "{tag}/", "{tag}/delete/"]
REFUSED = ["non-member", "pending", "banned", "member", "moderator"]


class World:
    """A community with a tag, a member of every kind, and platform staff."""

    def __init__(self, visibility: str):
        self.steward = UserFactory(display_name="Steward Sam")
        self.community = a_community(
            steward=self.steward,
            name="Hidden Valley Heads",
            slug="hidden-valley",
            visibility=visibility,
        )
        self.tag = TagFactory(community=self.community, name="Fractions", slug="fractions")
        self.users = {
            "anonymous": None,
            "non-member": UserFactory(),
            "pending": a_member(self.community, state=MembershipState.PENDING),
            "banned": a_member(self.community, state=MembershipState.BANNED),
            "member": a_member(self.community),
            "moderator": a_member(self.community, role=Role.MODERATOR),
            "steward": self.steward,
            "staff": StaffFactory(),
        }

    def url(self, template: str, slug: str = "hidden-valley") -> str:
        return f"/c/{slug}/manage/tags/" + template.format(tag=self.tag.pk)

    def rows(self) -> list[tuple]:
        return list(Tag.objects.order_by("pk").values_list("pk", "name", "slug"))


@pytest.fixture(params=[Visibility.PUBLIC, Visibility.MEMBERS, Visibility.SECRET])
def world(request) -> World:
    return World(request.param)


def as_actor(client, world: World, actor: str):
    if world.users[actor] is not None:
        client.force_login(world.users[actor])
    return client


@pytest.mark.parametrize("template", TAG_URLS)
def test_anonymous_visitors_are_sent_to_sign_in(client, world, template):
    before = world.rows()

    for method in ("get", "post"):
        response = getattr(client, method)(world.url(template), {"name": "Taken over"})

        assert response.status_code == 302
        assert response.url.startswith("/accounts/login/")
    assert world.rows() == before


@pytest.mark.parametrize("template", TAG_URLS)
@pytest.mark.parametrize("actor", REFUSED)
def test_everyone_but_stewards_and_staff_gets_the_404_of_a_missing_community(
    client, world, actor, template
):
    as_actor(client, world, actor)
    before = world.rows()

    for method in ("get", "post"):
        send = getattr(client, method)
        response = send(world.url(template), {"name": "Taken over"})
        ghost = send(world.url(template, slug="no-such-place"), {"name": "Taken over"})

        assert response.status_code == ghost.status_code == 404, (method, template)
        assert "Fractions" not in text(response)
    assert world.rows() == before


@pytest.mark.parametrize("template", TAG_URLS)
@pytest.mark.parametrize("actor", ["steward", "staff"])
def test_stewards_and_platform_staff_open_every_tag_page(client, world, actor, template):
    as_actor(client, world, actor)

    response = client.get(world.url(template))

    assert response.status_code == 200
    assert "Fractions" in text(response)
