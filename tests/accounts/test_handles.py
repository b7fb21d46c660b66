"""Member handles: making them, checking them, changing them and finding people by them."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.functions import Upper
from hypothesis import given
from hypothesis import strategies as st

from staffroom.accounts import services
from staffroom.accounts.handles import (
    HANDLE_MAX_LENGTH,
    PLACEHOLDER_BASE,
    generate_handle,
    handle_base,
    is_handle,
    validate_handle,
)
from staffroom.accounts.models import EducatorRole, Profile, User
from staffroom.accounts.selectors import MAX_HANDLE_LOOKUPS, users_by_handles
from staffroom.accounts.services import profile_update
from staffroom.core.errors import ServiceError
from staffroom.core.markdown import extract_mentions
from staffroom.demo.data import PEOPLE
from tests.factories.accounts import UserFactory
from tests.pages import text

pytestmark = pytest.mark.django_db

INVALID = "Use 2 to 40 letters, digits, underscores, dots and hyphens, starting and ending with a letter or digit."
RESERVED = "That handle is reserved. Choose another one."
TAKEN = "Someone already has that handle. Choose another one."


def handle_of(user: User) -> str:
    return Profile.objects.get(user=user).handle


def profile_data(**overrides) -> dict:
    return {
        "display_name": "Amara Okafor",
        "role": "teacher",
        "time_zone": "Europe/London",
        "ui_language": "en",
        **overrides,
    }


@pytest.fixture
def amara(client):
    """A signed-in member whose profile is complete, with the handle amara_okafor."""
    user = UserFactory(display_name="Amara Okafor")
    client.force_login(user)
    client.post("/settings/profile/", profile_data())
    assert handle_of(user) == "amara_okafor"
    return user


# --- making handles -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "base"),
    [
        ("Sam Rivera", "sam_rivera"),
        ("Dr. Lena Whitaker", "lena_whitaker"),
        ("Liam O'Brien", "liam_obrien"),
        ("Lucía Hernández", "lucia_hernandez"),
        ("Jean-Luc  Picard", "jean_luc_picard"),
        ("Straße", "strasse"),
        ("Иван Петров", "иван_петров"),
        ("王小明", "王小明"),
        ("Ｆｕｌｌ Width", "full_width"),
        ("__init__", "init"),
        ("प्रिया", PLACEHOLDER_BASE),
        ("王", PLACEHOLDER_BASE),
        ("?!", PLACEHOLDER_BASE),
        ("", PLACEHOLDER_BASE),
        ("x" * 80, "x" * HANDLE_MAX_LENGTH),
    ],
)
def test_a_name_becomes_a_handle_base_people_can_type(name, base):
    assert handle_base(name) == base


def test_every_demo_person_gets_a_distinct_handle_from_their_name():
    bases = [handle_base(person.name) for person in PEOPLE]

    assert len(set(bases)) == len(bases)
    assert PLACEHOLDER_BASE not in bases
    assert handle_base("Sam Rivera") == "sam_rivera"


def test_a_new_account_gets_a_placeholder_handle_not_made_from_its_address():
    first = User.objects.create_user("sam.rivera@school.example")
    second = User.objects.create_user("jo@school.example")

    assert handle_of(first) == "member"
    assert handle_of(second) == "member2"


def test_the_first_profile_save_replaces_the_placeholder_with_a_handle_from_the_name():
    user = User.objects.create_user("someone@school.example")

    profile_update(profile=user.profile, display_name="Amara Okafor", role=EducatorRole.TEACHER)

    assert handle_of(user) == "amara_okafor"


def test_later_saves_without_a_handle_keep_it_even_when_the_name_changes():
    user = User.objects.create_user("someone@school.example")
    profile_update(profile=user.profile, display_name="Amara Okafor", role=EducatorRole.TEACHER)

    profile_update(profile=user.profile, display_name="Amara O.", role=EducatorRole.TEACHER)

    assert handle_of(user) == "amara_okafor"


def test_a_taken_handle_gets_the_next_free_number():
    UserFactory(display_name="Sam Rivera")
    UserFactory(display_name="SAM RIVERA")

    third = UserFactory(display_name="Sam Rivera")

    assert handle_of(third) == "sam_rivera3"


def test_a_reserved_name_gets_a_number():
    assert generate_handle("Admin") == "admin2"
    assert generate_handle("Everyone") == "everyone2"


def test_a_numbered_handle_of_a_long_name_still_fits_and_is_valid():
    UserFactory(display_name="x" * 80)

    handle = handle_of(UserFactory(display_name="x" * 80))

    assert handle == "x" * (HANDLE_MAX_LENGTH - 1) + "2"
    assert is_handle(handle)


def test_generating_ignores_the_profile_the_handle_is_for():
    user = UserFactory(display_name="Sam Rivera")

    assert generate_handle("Sam Rivera", exclude_profile_id=user.profile.pk) == "sam_rivera"


def test_a_profile_saved_without_a_handle_is_given_one():
    user = UserFactory(display_name="Sam Rivera")
    Profile.objects.filter(user=user).delete()

    profile = Profile.objects.create(user=user, display_name="Sam Rivera")

    assert profile.handle == "sam_rivera"
    assert Profile.objects.get(pk=profile.pk).handle_key == "sam_rivera"


def test_a_new_account_retries_when_another_takes_its_handle_first(monkeypatch):
    UserFactory(handle="member")
    offered = iter(["member", "member7"])
    # Both sign-ups saw "member" free; this one loses the race at the unique index.
    monkeypatch.setattr(services, "generate_handle", lambda *args, **kwargs: next(offered))

    user = User.objects.create_user("late@school.example")

    assert handle_of(user) == "member7"


def test_a_first_save_retries_when_another_takes_the_name_handle_first(monkeypatch):
    UserFactory(handle="amara_okafor")
    user = User.objects.create_user("late@school.example")
    offered = iter(["amara_okafor", "amara_okafor2"])
    monkeypatch.setattr(services, "generate_handle", lambda *args, **kwargs: next(offered))

    profile_update(profile=user.profile, display_name="Amara Okafor", role=EducatorRole.TEACHER)

    assert handle_of(user) == "amara_okafor2"


# --- uniqueness -----------------------------------------------------------------------------


@pytest.mark.parametrize(("first", "second"), [("sam_rivera", "SAM_Rivera"), ("élodie", "ÉLODIE")])
def test_two_handles_differing_only_in_case_cannot_both_be_stored(first, second):
    UserFactory(handle=first)
    profile = UserFactory().profile
    profile.handle = second

    with pytest.raises(IntegrityError), transaction.atomic():
        profile.save()


def test_saving_only_the_handle_keeps_its_folded_copy_in_step():
    profile = UserFactory(handle="sam").profile
    profile.handle = "Samantha"

    profile.save(update_fields=["handle"])

    assert Profile.objects.values_list("handle_key", flat=True).get(pk=profile.pk) == "samantha"


def test_a_bulk_update_of_handles_keeps_their_folded_copies_in_step():
    first, second = UserFactory(handle="one").profile, UserFactory(handle="two").profile

    Profile.objects.filter(pk=first.pk).update(handle="Sam_Rivera")
    second.handle = "Élodie"
    Profile.objects.bulk_update([second], ["handle"])

    assert set(users_by_handles(["sam_rivera", "ÉLODIE"])) == {"sam_rivera", "élodie"}


def test_a_handle_cannot_be_updated_with_an_expression_its_key_cannot_follow():
    with pytest.raises(TypeError):
        Profile.objects.update(handle=Upper("handle"))


def test_a_handle_typed_with_a_separate_accent_is_stored_composed():
    profile = UserFactory().profile
    profile.handle = "e\u0301lodie"

    profile.save()

    assert Profile.objects.get(pk=profile.pk).handle == "\u00e9lodie"


def test_the_admin_form_check_reports_a_taken_handle_against_the_handle():
    UserFactory(handle="sam_rivera")
    profile = UserFactory().profile
    profile.handle = "Sam_Rivera"

    with pytest.raises(ValidationError) as rejection:
        profile.full_clean()

    assert rejection.value.message_dict == {"handle": [TAKEN]}


# --- validation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("sam", "sam"),
        ("@Sam_Rivera", "Sam_Rivera"),
        ("  jo.doe-smith ", "jo.doe-smith"),
        ("x" * HANDLE_MAX_LENGTH, "x" * HANDLE_MAX_LENGTH),
        ("élodie", "élodie"),
        ("e\u0301lodie", "\u00e9lodie"),
        ("王小明", "王小明"),
        ("7c", "7c"),
    ],
)
def test_a_well_formed_free_handle_is_accepted_as_stored(typed, stored):
    assert validate_handle(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "@",
        "s",
        "x" * (HANDLE_MAX_LENGTH + 1),
        "-sam",
        "sam.",
        "_sam_",
        "sam rivera",
        "sam@school",
        "sam/../x",
        "sa\x00m",
        "sa\nm",
        "@@sam",
        "<b>sam</b>",
    ],
)
def test_a_malformed_handle_is_refused_with_the_rules(typed):
    with pytest.raises(ValidationError) as rejection:
        validate_handle(typed)

    assert rejection.value.messages == [INVALID]
    assert rejection.value.code == "invalid"


@pytest.mark.parametrize("typed", ["admin", "ADMIN", "@Everyone", "here", "stewards", "staff"])
def test_a_reserved_handle_is_refused(typed):
    with pytest.raises(ValidationError) as rejection:
        validate_handle(typed)

    assert rejection.value.messages == [RESERVED]


def test_a_handle_taken_in_any_case_is_refused_but_your_own_is_not():
    owner = UserFactory(handle="sam_rivera")

    with pytest.raises(ValidationError) as rejection:
        validate_handle("SAM_rivera")

    assert rejection.value.messages == [TAKEN]
    assert validate_handle("SAM_rivera", exclude_profile_id=owner.profile.pk) == "SAM_rivera"


@given(st.from_regex(r"[^\W_][\w.-]{0,38}[^\W_]", fullmatch=True))
def test_every_valid_handle_is_found_whole_in_a_post(handle):
    if not is_handle(handle):
        return
    assert extract_mentions(f"Thanks @{handle} for this!") == [handle]


def test_the_service_refuses_a_bad_handle_and_saves_nothing():
    profile = UserFactory(display_name="Amara", handle="amara").profile
    before = Profile.objects.filter(pk=profile.pk).values().get()

    with pytest.raises(ServiceError) as refusal:
        profile_update(
            profile=profile, display_name="Changed", role=EducatorRole.COACH, handle="admin"
        )

    assert (refusal.value.field, refusal.value.message) == ("handle", RESERVED)
    assert Profile.objects.filter(pk=profile.pk).values().get() == before


# --- the settings page ----------------------------------------------------------------------


def test_the_welcome_form_leaves_the_handle_empty_and_says_what_it_is_for(client):
    client.force_login(UserFactory())

    page = text(client.get("/settings/profile/"))

    assert 'name="handle"' in page
    assert "Others mention you with @handle. Leave it empty" in page


def test_the_edit_form_shows_the_current_handle(client, amara):
    page = text(client.get("/settings/profile/"))

    assert 'value="amara_okafor"' in page
    assert "Others mention you with @handle" in page


def test_a_member_can_change_their_handle(client, amara):
    response = client.post("/settings/profile/", profile_data(handle="@Amara.O"))

    assert response.status_code == 302
    assert handle_of(amara) == "Amara.O"


def test_an_empty_handle_keeps_the_current_one(client, amara):
    client.post("/settings/profile/", profile_data(handle="", display_name="Amara O."))

    assert handle_of(amara) == "amara_okafor"


def test_a_handle_chosen_on_the_welcome_form_is_kept(client):
    user = UserFactory()
    client.force_login(user)

    client.post("/settings/profile/", profile_data(handle="ms_okafor"))

    assert handle_of(user) == "ms_okafor"


@pytest.mark.parametrize(
    ("handle", "error"),
    [
        ("-amara", INVALID),
        ("a", INVALID),
        ("x" * 60, "Ensure this value has at most 50 characters (it has 60)."),
        ("Moderators", RESERVED),
        ("SAM_RIVERA", TAKEN),
    ],
    ids=["malformed", "short", "long", "reserved", "taken-other-case"],
)
def test_a_bad_handle_is_shown_on_the_field_and_nothing_is_saved(client, amara, handle, error):
    UserFactory(handle="sam_rivera")
    before = Profile.objects.filter(user=amara).values().get()

    response = client.post(
        "/settings/profile/", profile_data(handle=handle, display_name="Changed")
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {"handle": [error]}
    assert Profile.objects.filter(user=amara).values().get() == before


def test_a_handle_taken_between_the_form_and_the_save_is_a_field_error(client, amara, monkeypatch):
    UserFactory(handle="sam_rivera")
    # Both checks passed a moment before another member took the handle.
    monkeypatch.setattr("staffroom.accounts.forms.validate_handle", lambda value, **kw: value)
    monkeypatch.setattr(services, "validate_handle", lambda value, **kw: value)

    response = client.post("/settings/profile/", profile_data(handle="Sam_Rivera"))

    assert response.context["form"].errors == {"handle": [TAKEN]}
    assert handle_of(amara) == "amara_okafor"


# --- the profile page and the address by handle ---------------------------------------------


def test_the_profile_page_shows_the_handle(client, amara):
    page = text(client.get(f"/people/{amara.pk}/"))

    assert "@amara_okafor" in page


@pytest.mark.parametrize(
    "path",
    [
        "/people/@amara_okafor/",
        "/people/@AMARA_Okafor/",
    ],
)
def test_the_handle_address_leads_to_the_profile(client, amara, path):
    client.logout()

    response = client.get(path)

    assert response.status_code == 302
    assert response.url == f"/people/{amara.pk}/"


@pytest.mark.parametrize(
    "path",
    [
        "/people/@%C3%A9lodie/",
        "/people/@%C3%89LODIE/",
        "/people/@e%CC%81lodie/",
    ],
    ids=["composed", "upper-case", "decomposed"],
)
def test_a_handle_with_an_accent_leads_to_the_profile(client, path):
    user = UserFactory(handle="élodie")

    response = client.get(path)

    assert response.status_code == 302
    assert response.url == f"/people/{user.pk}/"


@pytest.mark.parametrize(
    "path",
    [
        "/people/@nobody_here/",
        "/people/@/",
        "/people/@../",
        "/people/@./",
        "/people/@_amara_okafor_/",
        "/people/@amara_okafor%20/",
        "/people/@amara%2Fokafor/",
        "/people/@amara%00okafor/",
        "/people/@@amara_okafor/",
        "/people/@amara_okafor%0A/",
        "/people/@%F0%9F%98%80%F0%9F%98%80/",
        "/people/@%FF%FE/",
        "/people/@" + "a" * 41 + "/",
        "/people/@" + "a" * 5000 + "/",
        "/people/@amara_okafor/../",
    ],
)
def test_an_unknown_or_hostile_handle_is_a_404(client, amara, path):
    response = client.get(path)

    assert response.status_code == 404


def test_an_unconfirmed_or_inactive_member_is_not_found_by_handle(client):
    UserFactory(handle="unconfirmed", confirmed=False)
    UserFactory(handle="gone", is_active=False)

    assert client.get("/people/@unconfirmed/").status_code == 404
    assert client.get("/people/@gone/").status_code == 404


def test_the_handle_address_only_answers_reads(client, amara):
    assert client.post("/people/@amara_okafor/").status_code == 405


# --- users_by_handles -----------------------------------------------------------------------


def test_members_are_found_by_handle_in_any_case_in_one_query(django_assert_num_queries):
    sam = UserFactory(handle="sam_rivera")
    elodie = UserFactory(handle="Élodie")
    UserFactory(handle="gone", is_active=False)

    with django_assert_num_queries(1):
        found = users_by_handles(["SAM_Rivera", "élodie", "gone", "nobody", "sam_rivera"])
        # The profile came with the user.
        handles = {key: user.profile.handle for key, user in found.items()}

    assert found == {"sam_rivera": sam, "élodie": elodie}
    assert handles == {"sam_rivera": "sam_rivera", "élodie": "Élodie"}


def test_looking_up_no_handles_or_only_malformed_ones_asks_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert users_by_handles([]) == {}
        assert users_by_handles(["", "x", "-bad-", "a" * 500]) == {}


def test_handles_beyond_the_first_fifty_are_ignored():
    UserFactory(handle="late")
    UserFactory(handle="early")
    filler = [f"filler{n}" for n in range(MAX_HANDLE_LOOKUPS - 1)]

    found = users_by_handles([*filler, "early", "late"])

    assert list(found) == ["early"]


def test_a_single_handle_string_is_looked_up_whole():
    sam = UserFactory(handle="sam")

    assert users_by_handles("sam") == {"sam": sam}


# --- admin ----------------------------------------------------------------------------------


def test_the_admin_lists_and_finds_members_by_handle(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    UserFactory(email="sam@school.example", handle="sam_rivera")
    UserFactory(email="jo@school.example", handle="jo_doe")

    page = text(client.get("/admin/accounts/user/", {"q": "SAM_riv"}))

    assert "@sam_rivera" in page
    assert "jo@school.example" not in page
