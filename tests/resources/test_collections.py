"""Collections: services and their rules, what each viewer sees, the pages, query counts."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from staffroom.communities.models import Membership, MembershipState, Role, Visibility
from staffroom.core.errors import ServiceError
from staffroom.discussions.models import Thread
from staffroom.resources import collections as services
from staffroom.resources.collections_selectors import member_collections
from staffroom.resources.models import Collection, CollectionItem, Resource, ResourceKind
from tests.discussions.builders import a_community, a_member, a_thread, fresh
from tests.factories.accounts import UserFactory
from tests.factories.discussions import ThreadFactory
from tests.pages import shown_messages, text
from tests.resources.builders import a_resource

pytestmark = pytest.mark.django_db

PRIVATE_TITLE = "Staff-only moderation rubric"


def rows() -> dict[str, list]:
    """Every collection row, values included, to prove a refusal changed nothing."""
    return {
        "collections": list(Collection.objects.order_by("pk").values()),
        "items": list(CollectionItem.objects.order_by("pk").values()),
    }


def a_collection(user, *, community=None, title="Ratio starters", description="") -> Collection:
    return services.collection_create(
        user=user, title=title, description=description, community=community
    )


def order_of(collection: Collection) -> list[str]:
    items = CollectionItem.objects.filter(collection=collection).order_by("position", "pk")
    return [str(item.resource or item.thread) for item in items]


def positions(collection: Collection) -> list[int]:
    return list(
        CollectionItem.objects.filter(collection=collection)
        .order_by("position", "pk")
        .values_list("position", flat=True)
    )


def add(user, collection, *, resource=None, thread=None, note=""):
    return services.collection_add(
        user=user, collection=fresh(collection), resource=resource, thread=thread, note=note
    )


def item_of(collection, target) -> CollectionItem:
    field = "resource" if isinstance(target, Resource) else "thread"
    return CollectionItem.objects.select_related("collection__community").get(
        collection=collection, **{field: target}
    )


@pytest.fixture
def private():
    """A members-only community with its own steward and one insider."""
    community = a_community(visibility=Visibility.MEMBERS, name="Staff room", slug="staff-room")
    community.insider = a_member(community, name="Ines Insider")
    return community


@pytest.fixture
def secret_resource(private):
    return a_resource(private.insider, private, title=PRIVATE_TITLE)


@pytest.fixture
def outsider():
    return UserFactory(display_name="Otto Outsider")


# --- starting, editing, deleting ----------------------------------------------------------------


def test_any_member_starts_a_public_collection_with_rendered_markdown(member):
    collection = a_collection(member, title="  Ratio   starters ", description="For **year 7**.")

    assert collection.owner == member
    assert collection.community is None
    assert collection.title == "Ratio starters"
    assert "<strong>year 7</strong>" in collection.description_html
    assert collection.item_count == 0


@pytest.mark.parametrize("role", [Role.STEWARD, Role.MODERATOR])
def test_stewards_and_moderators_start_a_community_collection(community, steward, role):
    keeper = steward if role == Role.STEWARD else a_member(community, role=role)

    collection = a_collection(keeper, community=fresh(community))

    assert collection.community == community
    assert collection.owner is None


def test_a_plain_member_cannot_start_a_community_collection(community, member):
    before = rows()

    with pytest.raises(ServiceError) as error:
        a_collection(member, community=fresh(community))

    assert error.value.field == "community"
    assert rows() == before


def test_a_signed_out_visitor_cannot_start_a_collection():
    with pytest.raises(ServiceError):
        a_collection(AnonymousUser())
    assert Collection.objects.count() == 0


@pytest.mark.parametrize(
    ("title", "description", "field"),
    [
        ("   ", "", "title"),
        ("\x00", "", "title"),
        ("x" * 201, "", "title"),
        ("Fine", "y" * 3001, "description"),
    ],
)
def test_a_collection_needs_a_short_title_and_description(member, title, description, field):
    with pytest.raises(ServiceError) as error:
        a_collection(member, title=title, description=description)

    assert error.value.field == field
    assert Collection.objects.count() == 0


def test_the_limits_themselves_are_allowed(member):
    collection = a_collection(member, title="x" * 200, description="y" * 3000)

    assert len(collection.title) == 200


def test_the_owner_edits_title_and_description(member):
    collection = a_collection(member)

    services.collection_edit(
        user=member, collection=collection, title="Ratio, week 1", description="*Short*"
    )

    collection = fresh(collection)
    assert collection.title == "Ratio, week 1"
    assert collection.description_html == "<p><em>Short</em></p>\n"


def test_an_edit_with_a_bad_title_changes_nothing(member):
    collection = a_collection(member)
    before = rows()

    with pytest.raises(ServiceError) as error:
        services.collection_edit(user=member, collection=collection, title="", description="")

    assert error.value.field == "title"
    assert rows() == before


def test_nobody_else_edits_or_deletes_a_members_collection(member, other, steward):
    collection = a_collection(member)
    before = rows()

    for user in (other, steward):
        with pytest.raises(ServiceError):
            services.collection_edit(user=user, collection=collection, title="Mine", description="")
        with pytest.raises(ServiceError):
            services.collection_delete(user=user, collection=collection)

    assert rows() == before


def test_a_plain_member_cannot_edit_the_communitys_collection(community, steward, member):
    collection = a_collection(steward, community=fresh(community))

    with pytest.raises(ServiceError):
        services.collection_edit(
            user=member, collection=fresh(collection), title="Taken over", description=""
        )

    assert fresh(collection).title == "Ratio starters"


def test_deleting_a_collection_keeps_what_it_listed(community, member):
    collection = a_collection(member)
    resource = a_resource(member, community)
    add(member, collection, resource=resource)

    services.collection_delete(user=member, collection=collection)

    assert not Collection.objects.exists()
    assert not CollectionItem.objects.exists()
    assert Resource.objects.filter(pk=resource.pk).exists()


# --- adding items -------------------------------------------------------------------------------


def test_items_are_added_at_the_end_with_their_notes(community, member):
    collection = a_collection(member)
    first = a_resource(member, community, title="First")
    thread = a_thread(community, member, title="Second")
    third = a_resource(member, None, title="Third")

    add(member, collection, resource=first, note="  Start here.  ")
    add(member, collection, thread=thread)
    add(member, collection, resource=third)

    assert order_of(collection) == ["First", "Second", "Third"]
    assert positions(collection) == [1, 2, 3]
    assert item_of(collection, first).note == "Start here."
    assert fresh(collection).item_count == 3


def test_the_same_item_cannot_be_added_twice(community, member):
    collection = a_collection(member)
    resource = a_resource(member, community)
    add(member, collection, resource=resource)
    before = rows()

    with pytest.raises(ServiceError) as error:
        add(member, collection, resource=resource, note="Again")

    assert error.value.code == "duplicate"
    assert error.value.field == "collection"
    assert "already in “Ratio starters”" in error.value.message
    assert rows() == before


def test_the_same_thread_cannot_be_added_twice(community, member):
    collection = a_collection(member)
    thread = a_thread(community, member)
    add(member, collection, thread=thread)

    with pytest.raises(ServiceError) as error:
        add(member, collection, thread=thread)

    assert error.value.code == "duplicate"
    assert fresh(collection).item_count == 1


@pytest.mark.parametrize("both", [True, False])
def test_an_item_is_one_resource_or_one_thread(community, member, both):
    collection = a_collection(member)
    resource = a_resource(member, community)

    with pytest.raises(ServiceError):
        add(
            member,
            collection,
            resource=resource if both else None,
            thread=resource.thread if both else None,
        )

    assert not CollectionItem.objects.exists()


def test_a_note_is_at_most_a_thousand_characters(community, member):
    collection = a_collection(member)
    resource = a_resource(member, community)

    with pytest.raises(ServiceError) as error:
        add(member, collection, resource=resource, note="n" * 1001)

    assert error.value.field == "note"
    assert not CollectionItem.objects.exists()
    assert add(member, collection, resource=resource, note="n" * 1000).note == "n" * 1000


def test_a_collection_holds_at_most_two_hundred_items(member):
    collection = a_collection(member)
    resources = Resource.objects.bulk_create(
        Resource(author=member, kind=ResourceKind.ACTIVITY, title=f"R{n}", summary="s")
        for n in range(201)
    )
    CollectionItem.objects.bulk_create(
        CollectionItem(collection=collection, resource=r, position=n + 1)
        for n, r in enumerate(resources[:200])
    )
    Collection.objects.filter(pk=collection.pk).update(item_count=200)

    with pytest.raises(ServiceError) as error:
        add(member, collection, resource=resources[200])

    assert "at most 200" in error.value.message
    assert fresh(collection).item_count == 200


def test_only_the_keepers_add_to_a_collection(community, member, other):
    collection = a_collection(member)
    resource = a_resource(other, community)

    with pytest.raises(ServiceError):
        add(other, collection, resource=resource)

    assert not CollectionItem.objects.exists()


def test_an_outsider_cannot_add_a_private_communitys_resource(outsider, secret_resource):
    collection = a_collection(outsider)

    with pytest.raises(ServiceError) as error:
        add(outsider, collection, resource=secret_resource)

    assert PRIVATE_TITLE not in error.value.message
    assert not CollectionItem.objects.exists()


def test_an_outsider_cannot_add_a_private_communitys_thread(outsider, private):
    collection = a_collection(outsider)
    thread = a_thread(private, private.insider)

    with pytest.raises(ServiceError):
        add(outsider, collection, thread=thread)

    assert not CollectionItem.objects.exists()


def test_a_member_may_list_a_private_resource_in_their_public_collection(private, secret_resource):
    collection = a_collection(private.insider)

    add(private.insider, collection, resource=secret_resource)

    assert fresh(collection).item_count == 1


def test_deleted_resources_and_hidden_threads_cannot_be_added(community, member, moderator):
    collection = a_collection(moderator)
    gone = a_resource(member, community)
    Resource.objects.filter(pk=gone.pk).update(deleted_at=timezone.now())
    hidden = a_thread(community, member)
    Thread.objects.filter(pk=hidden.pk).update(hidden_at=timezone.now())

    with pytest.raises(ServiceError):
        add(moderator, collection, resource=fresh(gone))
    with pytest.raises(ServiceError):
        add(moderator, collection, thread=fresh(hidden))

    assert not CollectionItem.objects.exists()


def test_a_community_collection_refuses_another_communitys_private_items(
    community, steward, private, secret_resource
):
    # The steward belongs to both communities, so they can read the private resource.
    a_member(private, user=steward)
    collection = a_collection(steward, community=fresh(community))

    with pytest.raises(ServiceError) as error:
        add(steward, collection, resource=secret_resource)
    with pytest.raises(ServiceError):
        add(steward, collection, thread=a_thread(private, steward))

    assert "public" in error.value.message
    assert not CollectionItem.objects.exists()


def test_a_community_collection_takes_its_own_portfolio_and_public_items(
    community, steward, member, private, secret_resource
):
    founder = UserFactory()
    elsewhere = a_community(steward=founder, name="Open science", slug="open-science")
    collection = a_collection(steward, community=fresh(community))
    private_collection = a_collection(private.insider, community=None)
    Membership.objects.filter(community=private, user=private.insider).update(role=Role.STEWARD)
    staff_collection = a_collection(private.insider, community=fresh(private))

    add(steward, collection, resource=a_resource(member, community, title="Own"))
    add(steward, collection, resource=a_resource(member, None, title="Portfolio"))
    add(steward, collection, thread=a_thread(elsewhere, founder, title="Public"))
    add(private.insider, staff_collection, resource=secret_resource)
    add(private.insider, private_collection, resource=secret_resource)

    assert order_of(collection) == ["Own", "Portfolio", "Public"]
    assert fresh(staff_collection).item_count == 1


# --- removing, moving, notes --------------------------------------------------------------------


@pytest.fixture
def three(community, member):
    """A member's collection of A, B, C."""
    collection = a_collection(member)
    items = {}
    for title in "ABC":
        resource = a_resource(member, None, title=title)
        items[title] = add(member, collection, resource=resource)
    collection.items_by_title = items
    return collection


def item(collection, title) -> CollectionItem:
    return CollectionItem.objects.select_related("collection__community").get(
        pk=collection.items_by_title[title].pk
    )


def test_removing_an_item_closes_the_gap(three, member):
    services.collection_remove(user=member, item=item(three, "B"))

    assert order_of(three) == ["A", "C"]
    assert positions(three) == [1, 2]
    assert fresh(three).item_count == 2


def test_only_the_keepers_remove_items(three, other):
    before = rows()

    with pytest.raises(ServiceError):
        services.collection_remove(user=other, item=item(three, "B"))

    assert rows() == before


@pytest.mark.parametrize(
    ("title", "direction", "expected"),
    [
        ("B", "up", ["B", "A", "C"]),
        ("B", "down", ["A", "C", "B"]),
        ("A", "down", ["B", "A", "C"]),
        ("C", "up", ["A", "C", "B"]),
    ],
)
def test_an_item_moves_one_place(three, member, title, direction, expected):
    services.collection_move(user=member, item=item(three, title), direction=direction)

    assert order_of(three) == expected
    assert positions(three) == [1, 2, 3]


@pytest.mark.parametrize(("title", "direction"), [("A", "up"), ("C", "down")])
def test_the_first_cannot_move_up_nor_the_last_down(three, member, title, direction):
    before = rows()

    with pytest.raises(ServiceError) as error:
        services.collection_move(user=member, item=item(three, title), direction=direction)

    assert error.value.field == "direction"
    assert rows() == before


def test_a_move_needs_a_direction(three, member):
    with pytest.raises(ServiceError) as error:
        services.collection_move(user=member, item=item(three, "B"), direction="sideways")

    assert error.value.field == "direction"
    assert order_of(three) == ["A", "B", "C"]


def test_only_the_keepers_move_items(three, other):
    with pytest.raises(ServiceError):
        services.collection_move(user=other, item=item(three, "B"), direction="up")

    assert order_of(three) == ["A", "B", "C"]


def test_a_move_skips_items_the_keeper_can_no_longer_read(community, member):
    collection = a_collection(member)
    first = add(member, collection, resource=a_resource(member, None, title="A"))
    gone = add(member, collection, resource=a_resource(member, None, title="Gone"))
    last = add(member, collection, resource=a_resource(member, None, title="C"))
    Resource.objects.filter(pk=gone.resource_id).update(deleted_at=timezone.now())

    services.collection_move(user=member, item=item_of(collection, last.resource), direction="up")

    # The two readable items swap; the deleted one keeps its place between them.
    assert order_of(collection) == ["C", "Gone", "A"]
    with pytest.raises(ServiceError):
        services.collection_move(
            user=member, item=item_of(collection, gone.resource), direction="up"
        )
    assert first.pk != last.pk


def test_the_keeper_rewrites_a_note(three, member):
    services.collection_note(user=member, item=item(three, "A"), note=" Use it on day one. ")

    assert item(three, "A").note == "Use it on day one."


def test_a_note_too_long_or_from_a_stranger_changes_nothing(three, member, other):
    before = rows()

    with pytest.raises(ServiceError) as error:
        services.collection_note(user=member, item=item(three, "A"), note="n" * 1001)
    with pytest.raises(ServiceError):
        services.collection_note(user=other, item=item(three, "A"), note="Mine now")

    assert error.value.field == "note"
    assert rows() == before


# --- what each viewer sees ----------------------------------------------------------------------


@pytest.fixture
def mixed(community, private, secret_resource):
    """The insider's public collection: one public resource, one private one, one thread."""
    insider = private.insider
    collection = a_collection(insider, title="My best finds")
    add(insider, collection, resource=a_resource(insider, None, title="Open ratio task"))
    add(insider, collection, resource=secret_resource, note="Our department's own rubric.")
    add(insider, collection, thread=a_thread(private, insider, title="Private staff thread"))
    return collection


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_private_items_are_left_out_of_a_public_collection(client, mixed, outsider, who):
    if who == "outsider":
        client.force_login(outsider)

    page = text(client.get(mixed.get_absolute_url()))

    assert "Open ratio task" in page
    assert PRIVATE_TITLE not in page
    assert "Our department's own rubric." not in page
    assert "Private staff thread" not in page
    assert "1 item" in page


@pytest.mark.parametrize("path", ["/collections/", "/collections/{id}/"])
def test_outsiders_see_only_the_count_of_what_they_can_read(client, mixed, path):
    page = text(client.get(path.format(id=mixed.pk)))

    assert "My best finds" in page
    assert "1 item" in page
    assert "3 items" not in page


def test_members_of_the_private_community_see_everything(client, mixed, private):
    client.force_login(a_member(private))

    page = text(client.get(mixed.get_absolute_url()))

    assert PRIVATE_TITLE in page
    assert "Our department's own rubric." in page
    assert "Private staff thread" in page
    assert "3 items" in page


def test_a_members_collections_count_only_what_each_viewer_can_read(mixed, private, outsider):
    [for_outsider] = member_collections(viewer=outsider, owner=private.insider)
    [for_insider] = member_collections(viewer=private.insider, owner=private.insider)

    assert for_outsider.visible_count == 1
    assert for_insider.visible_count == 3


def test_an_outsider_cannot_open_the_note_page_of_a_private_item(client, mixed, outsider):
    hidden = CollectionItem.objects.get(collection=mixed, resource__title=PRIVATE_TITLE)
    client.force_login(outsider)

    response = client.get(f"/collections/{mixed.pk}/items/{hidden.pk}/note/")

    assert response.status_code == 404


def test_a_keeper_who_left_is_told_items_are_hidden_without_their_titles(client, mixed, private):
    Membership.objects.filter(community=private, user=private.insider).update(
        state=MembershipState.BANNED
    )
    client.force_login(private.insider)

    page = text(client.get(mixed.get_absolute_url()))

    assert "2 items are not shown" in page
    assert PRIVATE_TITLE not in page


@pytest.fixture
def members_only_collection(private):
    Membership.objects.filter(community=private, user=private.insider).update(role=Role.MODERATOR)
    return a_collection(private.insider, community=fresh(private), title="Staff picks")


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_a_members_only_communitys_collections_are_closed_like_its_library(
    client, members_only_collection, private, outsider, who
):
    if who == "outsider":
        client.force_login(outsider)

    collection_page = client.get(members_only_collection.get_absolute_url())
    collections_page = client.get(f"/c/{private.slug}/collections/")
    library_page = client.get(f"/c/{private.slug}/library/")

    assert collection_page.status_code == 404
    assert collections_page.status_code == library_page.status_code == 403
    assert "Staff picks" not in text(client.get("/collections/"))


def test_a_secret_communitys_collections_page_is_not_found(client, outsider):
    secret = a_community(visibility=Visibility.SECRET, slug="hidden-circle")
    client.force_login(outsider)

    assert client.get(f"/c/{secret.slug}/collections/").status_code == 404


def test_members_read_their_communitys_collections(client, members_only_collection, private):
    client.force_login(a_member(private))

    assert "Staff picks" in text(client.get(f"/c/{private.slug}/collections/"))
    assert client.get(members_only_collection.get_absolute_url()).status_code == 200


# --- pages and forms ----------------------------------------------------------------------------


def test_a_member_starts_a_collection_from_the_form(client, member):
    client.force_login(member)

    response = client.post(
        "/collections/new/", {"title": "Warm-ups", "description": "Five-minute *starters*."}
    )

    collection = Collection.objects.get()
    assert response.status_code == 302
    assert response["Location"] == collection.get_absolute_url()
    assert collection.owner == member


def test_a_steward_starts_a_community_collection_from_the_form(client, community, steward):
    client.force_login(steward)

    form = text(client.get(f"/collections/new/?community={community.slug}"))
    client.post("/collections/new/", {"title": "Our best", "keeper": community.slug})

    assert "Kept by" in form
    assert Collection.objects.get().community == community


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"title": ""}, "This field is required."),
        ({"title": "x" * 201}, "at most 200 characters"),
        ({"title": "Fine", "description": "y" * 3001}, "at most 3000 characters"),
        ({"title": "\x00"}, "Null characters are not allowed."),
    ],
)
def test_bad_input_on_the_form_shows_errors_and_writes_nothing(client, member, data, error):
    client.force_login(member)

    response = client.post("/collections/new/", data)

    assert response.status_code == 200
    assert "Please correct the problems below." in text(response)
    assert error in text(response)
    assert not Collection.objects.exists()


def test_a_member_cannot_pick_a_community_they_do_not_keep(client, community, member):
    kept = a_community(name="Science leads", slug="science-leads")
    a_member(kept, user=member, role=Role.MODERATOR)
    client.force_login(member)

    response = client.post("/collections/new/", {"title": "Ours", "keeper": community.slug})

    assert "Select a valid choice." in text(response)
    assert not Collection.objects.exists()


def test_a_member_who_keeps_no_community_is_not_asked(client, community, member):
    client.force_login(member)

    form = text(client.get(f"/collections/new/?community={community.slug}"))
    client.post("/collections/new/", {"title": "Mine", "keeper": community.slug})

    assert "Kept by" not in form
    assert Collection.objects.get().owner == member


def test_the_keeper_edits_and_deletes_through_the_pages(client, member):
    collection = a_collection(member)
    client.force_login(member)

    client.post(f"/collections/{collection.pk}/edit/", {"title": "Renamed", "description": ""})
    assert fresh(collection).title == "Renamed"
    confirm = client.get(f"/collections/{collection.pk}/delete/")
    response = client.post(f"/collections/{collection.pk}/delete/")

    assert "Delete “Renamed”?" in text(confirm)
    assert response["Location"] == "/collections/"
    assert not Collection.objects.exists()


def test_an_edit_with_a_bad_title_shows_the_error(client, member):
    collection = a_collection(member)
    client.force_login(member)
    before = rows()

    response = client.post(f"/collections/{collection.pk}/edit/", {"title": " ", "description": ""})

    assert "Please correct the problems below." in text(response)
    assert rows() == before


@pytest.mark.parametrize("action", ["edit", "delete"])
def test_strangers_get_not_found_for_edit_and_delete(client, member, other, action):
    collection = a_collection(member)
    client.force_login(other)
    before = rows()

    assert client.get(f"/collections/{collection.pk}/{action}/").status_code == 404
    assert client.post(f"/collections/{collection.pk}/{action}/", {"title": "x"}).status_code == 404
    assert rows() == before


def test_strangers_cannot_move_remove_or_annotate(client, three, other):
    client.force_login(other)
    b = item(three, "B")
    base = f"/collections/{three.pk}/items/{b.pk}/"
    before = rows()

    client.post(base + "move/", {"direction": "up"})
    client.post(base + "remove/")
    note = client.post(base + "note/", {"note": "Mine"})

    assert note.status_code == 404
    assert rows() == before


def test_the_keeper_moves_removes_and_annotates_with_plain_forms(client, three, member):
    client.force_login(member)
    base = f"/collections/{three.pk}/items/"
    b, c = item(three, "B"), item(three, "C")

    page = text(client.get(three.get_absolute_url()))
    moved = client.post(f"{base}{b.pk}/move/", {"direction": "up"})
    client.post(f"{base}{c.pk}/remove/")
    client.post(f"{base}{b.pk}/note/", {"note": "Day one."})

    assert 'Move up<span class="visually-hidden">: A<' not in page
    assert 'Move up<span class="visually-hidden">: B<' in page
    assert 'Move down<span class="visually-hidden">: C<' not in page
    assert moved["Location"] == f"{three.get_absolute_url()}#item-{b.pk}"
    assert order_of(three) == ["B", "A"]
    assert item(three, "B").note == "Day one."


def test_a_move_at_the_end_reports_why(client, three, member):
    client.force_login(member)
    a = item(three, "A")

    response = client.post(f"/collections/{three.pk}/items/{a.pk}/move/", {"direction": "up"})

    assert shown_messages(response) == ["It is already first."]
    assert order_of(three) == ["A", "B", "C"]


def test_a_note_too_long_shows_the_error_on_the_note_page(client, three, member):
    client.force_login(member)
    a = item(three, "A")
    before = rows()

    response = client.post(f"/collections/{three.pk}/items/{a.pk}/note/", {"note": "n" * 1001})

    assert response.status_code == 200
    assert "at most 1000 characters" in text(response)
    assert rows() == before


def test_the_resource_page_offers_the_members_collections(client, community, member):
    collection = a_collection(member, title="Ratio starters")
    a_collection(member, title="Already there")
    resource = a_resource(member, community)
    add(member, Collection.objects.get(title="Already there"), resource=resource)
    client.force_login(member)

    page = text(client.get(resource.get_absolute_url()))

    form = page.split("Add to a collection", 1)[1]
    assert f'<option value="{collection.pk}">Ratio starters</option>' in form
    assert 'name="csrfmiddlewaretoken"' in form
    assert "Already in:" in form


def test_signed_out_visitors_get_no_add_form(client, community, member):
    resource = a_resource(member, community)

    assert "Add to a collection" not in text(client.get(resource.get_absolute_url()))


def test_a_private_resource_is_not_offered_to_a_community_collection_elsewhere(
    client, community, steward, private, secret_resource
):
    a_member(private, user=steward)
    a_collection(steward, community=fresh(community), title="Public picks")
    mine = a_collection(steward, title="My own")
    client.force_login(steward)

    page = text(client.get(secret_resource.get_absolute_url()))

    assert "Public picks" not in page
    assert f'<option value="{mine.pk}">My own</option>' in page


def test_adding_from_the_resource_page_returns_to_it(client, community, member):
    collection = a_collection(member)
    resource = a_resource(member, community)
    client.force_login(member)

    response = client.post(
        "/collections/add/",
        {"resource_id": resource.pk, "collection": collection.pk, "note": "Great start"},
    )

    assert response["Location"] == resource.get_absolute_url()
    assert item_of(collection, resource).note == "Great start"


def test_adding_from_the_thread_page_returns_to_it(client, community, member):
    collection = a_collection(member)
    thread = a_thread(community, member)
    client.force_login(member)

    page = text(client.get(thread.get_absolute_url()))
    form = text(client.get(f"/collections/add/?thread_id={thread.pk}"))
    response = client.post(
        "/collections/add/", {"thread_id": thread.pk, "collection": collection.pk}
    )

    assert f'href="/collections/add/?thread_id={thread.pk}"' in page
    assert f'<option value="{collection.pk}">Ratio starters</option>' in form
    assert response["Location"] == thread.get_absolute_url()
    assert item_of(collection, thread).position == 1


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"note": "Again"}, "This is already in “Ratio starters”."),
        ({"note": "n" * 1001}, "at most 1000 characters"),
        ({"collection": "999999"}, "Select a valid choice."),
        ({"collection": "not a number"}, "Select a valid choice."),
    ],
)
def test_adding_with_bad_input_shows_the_error_and_writes_nothing(
    client, community, member, data, error
):
    collection = a_collection(member)
    resource = a_resource(member, community)
    add(member, collection, resource=resource)
    client.force_login(member)
    before = rows()

    response = client.post(
        "/collections/add/", {"resource_id": resource.pk, "collection": collection.pk, **data}
    )

    assert response.status_code == 200
    assert error in text(response)
    assert rows() == before


def test_an_outsider_cannot_add_a_private_resource_through_the_form(
    client, outsider, secret_resource
):
    collection = a_collection(outsider)
    client.force_login(outsider)

    response = client.post(
        "/collections/add/", {"resource_id": secret_resource.pk, "collection": collection.pk}
    )

    assert response.status_code == 404
    assert not CollectionItem.objects.exists()


def test_nobody_adds_to_someone_elses_collection_through_the_form(client, community, member, other):
    theirs = a_collection(member)
    resource = a_resource(member, community)
    client.force_login(other)

    response = client.post(
        "/collections/add/", {"resource_id": resource.pk, "collection": theirs.pk}
    )

    assert response.status_code == 200
    assert not CollectionItem.objects.exists()


@pytest.mark.parametrize(
    "query", ["", "?resource_id=abc", "?resource_id=1&thread_id=1", "?thread_id=99999999"]
)
def test_the_add_page_needs_one_readable_item(client, member, query):
    client.force_login(member)

    assert client.get("/collections/add/" + query).status_code == 404


def test_every_page_answers_for_a_signed_in_keeper(client, community, steward, three, member):
    client.force_login(member)
    a = item(three, "A")

    for path in [
        "/collections/",
        "/collections/new/",
        three.get_absolute_url(),
        f"/collections/{three.pk}/edit/",
        f"/collections/{three.pk}/delete/",
        f"/collections/{three.pk}/items/{a.pk}/note/",
        f"/collections/add/?resource_id={a.resource_id}",
        f"/c/{community.slug}/collections/",
    ]:
        assert client.get(path).status_code == 200, path


def test_the_browse_list_pages_on_with_a_cursor(client, member):
    for n in range(30):
        a_collection(member, title=f"Shelf {n:02}")

    first = text(client.get("/collections/"))
    cursor = first.split("?after=", 1)[1].split('"', 1)[0]
    second = text(client.get(f"/collections/?after={cursor}"))

    assert "Shelf 29" in first and "Shelf 06" in first and "Shelf 05" not in first
    assert "Shelf 05" in second and "Shelf 00" in second and "Shelf 06" not in second


# --- query counts -------------------------------------------------------------------------------

FEW, MANY = 5, 50


def fill(collection: Collection, community, count: int) -> None:
    """Add resources (some private to the viewer) and threads, cheaply, in bulk."""
    owner = collection.owner
    start = collection.items.count()
    resources = Resource.objects.bulk_create(
        Resource(
            author=owner,
            author_name="Rita",
            community=community if n % 3 else None,
            kind=ResourceKind.ACTIVITY,
            title=f"Bulk resource {start + n}",
            summary="s",
        )
        for n in range(count)
    )
    threads = [ThreadFactory(community=community) for _n in range(count // 2)]
    items = [CollectionItem(collection=collection, resource=r, note="Why") for r in resources]
    items += [CollectionItem(collection=collection, thread=t) for t in threads]
    for n, row in enumerate(items, start=start + 1):
        row.position = n
    CollectionItem.objects.bulk_create(items)
    Collection.objects.filter(pk=collection.pk).update(item_count=start + len(items))


def count_queries(client, url: str) -> tuple[int, str]:
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), text(response)


@pytest.mark.parametrize("who", ["anonymous", "keeper", "member"])
def test_the_collection_page_is_flat(client, community, private, who):
    keeper = private.insider
    collection = a_collection(keeper)
    fill(collection, private, FEW)
    fill(collection, community, FEW)
    if who == "keeper":
        client.force_login(keeper)
    elif who == "member":
        client.force_login(a_member(community))

    few, before = count_queries(client, collection.get_absolute_url())
    fill(collection, private, MANY - FEW)
    fill(collection, community, MANY - FEW)
    many, after = count_queries(client, collection.get_absolute_url())

    assert after.count('class="card"') > before.count('class="card"') > 0
    assert few == many
    # The collection, then its readable items; signed in adds the session and the user.
    assert many <= (2 if who == "anonymous" else 4)


@pytest.mark.parametrize("who", ["anonymous", "member"])
@pytest.mark.parametrize("url", ["/collections/", "/c/maths/collections/"])
def test_the_collection_lists_are_flat(client, community, steward, who, url):
    owners = [a_member(community) for _n in range(3)]
    if who == "member":
        client.force_login(a_member(community))

    def grow(count):
        for n in range(count):
            collection = a_collection(owners[n % 3], title=f"List {n}")
            fill(collection, community, 2)
            a_collection(steward, community=fresh(community), title=f"Ours {n}")

    grow(2)
    few, before = count_queries(client, url)
    grow(20)
    many, after = count_queries(client, url)

    assert after.count('class="card"') > before.count('class="card"') > 0
    assert few == many
    # Anonymous: the list, after the community on its page. Signed in adds the session and
    # user, then the member's own collections, or their membership on the community's page.
    assert many <= (1 if who == "anonymous" else 4) + (1 if url.startswith("/c/") else 0)


def test_the_add_form_costs_one_query_on_the_resource_page(client, community, member):
    resource = a_resource(member, community)
    client.force_login(member)
    a_collection(member)
    few, _page = count_queries(client, resource.get_absolute_url())

    for n in range(10):
        a_collection(member, title=f"Extra {n}")
    many, page = count_queries(client, resource.get_absolute_url())

    assert "Extra 9" in page
    assert few == many
