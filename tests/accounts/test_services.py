"""Educator profile writes: saving, completion, expertise tags and validation."""

import pytest
from django.core.exceptions import ValidationError

from staffroom.accounts.models import EducatorRole, Profile
from staffroom.accounts.services import (
    MAX_EXPERTISE_TAGS,
    MAX_TAG_LENGTH,
    parse_expertise,
    profile_update,
)
from staffroom.core.errors import ServiceError
from staffroom.core.models import GradeBand, Language, Subject
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile():
    return UserFactory(display_name="Amara").profile


def stored(profile: Profile) -> dict:
    """Read the profile row and its vocabulary back from the database."""
    fresh = Profile.objects.get(pk=profile.pk)
    return {
        "row": Profile.objects.filter(pk=profile.pk).values().get(),
        "subjects": list(fresh.subjects.values_list("slug", flat=True)),
        "grade_bands": list(fresh.grade_bands.values_list("slug", flat=True)),
        "languages": list(fresh.languages.values_list("slug", flat=True)),
    }


# --- profile_update -------------------------------------------------------------------------


def test_saving_a_profile_stores_every_field(profile):
    maths = Subject.objects.get(slug="mathematics")
    band = GradeBand.objects.get(slug="6-8")
    english = Language.objects.get(slug="en")

    profile_update(
        profile=profile,
        display_name="  Amara   Okafor ",
        role=EducatorRole.COACH,
        headline=" Year 7 maths coach in Leeds ",
        bio=" I like ratio tables. ",
        country="GB",
        time_zone="Europe/London",
        ui_language="en",
        years_experience=12,
        expertise=["questioning", "formative assessment"],
        open_to_mentoring=True,
        subjects=[maths],
        grade_bands=[band],
        languages=[english],
    )

    saved = stored(profile)
    assert {
        key: saved["row"][key]
        for key in [
            "display_name",
            "role",
            "headline",
            "bio",
            "country",
            "time_zone",
            "years_experience",
            "expertise",
            "open_to_mentoring",
        ]
    } == {
        "display_name": "Amara Okafor",
        "role": "coach",
        "headline": "Year 7 maths coach in Leeds",
        "bio": "I like ratio tables.",
        "country": "GB",
        "time_zone": "Europe/London",
        "years_experience": 12,
        "expertise": ["questioning", "formative assessment"],
        "open_to_mentoring": True,
    }
    assert (saved["subjects"], saved["grade_bands"], saved["languages"]) == (
        ["mathematics"],
        ["6-8"],
        ["en"],
    )


def test_the_first_save_marks_the_profile_complete_and_later_saves_keep_the_date(profile):
    assert not profile.is_complete

    profile_update(profile=profile, display_name="Amara", role=EducatorRole.TEACHER)
    first = Profile.objects.get(pk=profile.pk).completed_at
    profile_update(profile=profile, display_name="Amara O.", role=EducatorRole.TEACHER)

    assert first is not None
    assert Profile.objects.get(pk=profile.pk).completed_at == first


@pytest.mark.parametrize("display_name", ["", "   ", "\n\t"])
def test_a_blank_display_name_is_refused_and_nothing_is_saved(profile, display_name):
    before = stored(profile)

    with pytest.raises(ServiceError) as refusal:
        profile_update(
            profile=profile,
            display_name=display_name,
            role=EducatorRole.TEACHER,
            headline="Changed",
            subjects=Subject.objects.all(),
        )

    assert refusal.value.field == "display_name"
    assert stored(profile) == before


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("time_zone", "Mars/Olympus_Mons"),
        ("time_zone", ""),
        ("role", "headmaster"),
        ("country", "XX"),
        ("headline", "x" * 141),
    ],
    ids=[
        "unknown-time-zone",
        "empty-time-zone",
        "unknown-role",
        "unknown-country",
        "long-headline",
    ],
)
def test_invalid_fields_are_rejected_by_full_clean_and_nothing_is_saved(profile, field, value):
    before = stored(profile)
    fields = {"display_name": "Amara Okafor", "role": EducatorRole.TEACHER, field: value}

    with pytest.raises(ValidationError) as rejection:
        profile_update(profile=profile, subjects=Subject.objects.all(), **fields)

    assert field in rejection.value.message_dict
    assert stored(profile) == before


# --- parse_expertise ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "tags"),
    [
        ("", []),
        (" , ,\n", []),
        ("questioning", ["questioning"]),
        ("questioning, formative   assessment", ["questioning", "formative assessment"]),
        ("questioning\nwait time, Questioning, QUESTIONING", ["questioning", "wait time"]),
        ("Retrieval practice, retrieval   PRACTICE", ["Retrieval practice"]),
    ],
    ids=["empty", "only-separators", "one", "collapses-spaces", "newlines-and-case", "first-wins"],
)
def test_expertise_is_split_cleaned_and_deduplicated(raw, tags):
    assert parse_expertise(raw) == tags


def test_the_most_expertise_tags_allowed_are_accepted():
    raw = ", ".join(f"tag {n}" for n in range(MAX_EXPERTISE_TAGS))

    assert len(parse_expertise(raw)) == MAX_EXPERTISE_TAGS


def test_duplicates_do_not_count_towards_the_tag_limit():
    raw = ", ".join(f"tag {n}" for n in range(MAX_EXPERTISE_TAGS)) + ", TAG 0, tag 1"

    assert len(parse_expertise(raw)) == MAX_EXPERTISE_TAGS


def test_too_many_expertise_tags_are_refused():
    raw = ", ".join(f"tag {n}" for n in range(MAX_EXPERTISE_TAGS + 1))

    with pytest.raises(ServiceError) as refusal:
        parse_expertise(raw)

    assert refusal.value.field == "expertise"


def test_an_expertise_tag_at_the_length_limit_is_accepted():
    assert parse_expertise("x" * MAX_TAG_LENGTH) == ["x" * MAX_TAG_LENGTH]


def test_an_expertise_tag_that_is_too_long_is_refused():
    with pytest.raises(ServiceError) as refusal:
        parse_expertise("questioning, " + "x" * (MAX_TAG_LENGTH + 1))

    assert refusal.value.field == "expertise"
