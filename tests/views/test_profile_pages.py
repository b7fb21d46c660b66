"""The educator profile: the public page and the owner's edit form."""

import pytest

from staffroom.accounts.models import Profile
from staffroom.core.models import GradeBand, Language, Subject
from tests.factories.accounts import UserFactory
from tests.pages import shown_messages, text

pytestmark = pytest.mark.django_db


def profile_data(**overrides) -> dict:
    return {
        "display_name": "Amara Okafor",
        "role": "teacher",
        "headline": "Year 7 maths teacher in Leeds",
        "bio": "Fractions are my thing.",
        "country": "GB",
        "time_zone": "Europe/London",
        "ui_language": "en",
        "years_experience": "6",
        "expertise_text": "formative assessment, Desmos, formative assessment",
        "open_to_mentoring": "on",
        **overrides,
    }


def test_an_anonymous_visitor_is_sent_to_sign_in_before_editing(client):
    response = client.get("/settings/profile/")

    assert response.status_code == 302
    assert response.url == "/accounts/login/?next=/settings/profile/"


def test_a_new_member_is_welcomed_on_the_edit_page(client):
    client.force_login(UserFactory())

    response = client.get("/settings/profile/")

    assert response.status_code == 200
    assert "Welcome! Tell colleagues who you are" in text(response)


def test_saving_the_profile_for_the_first_time_sends_you_to_the_directory(client):
    teacher = UserFactory()
    client.force_login(teacher)
    maths = Subject.objects.get(slug="mathematics")
    middle = GradeBand.objects.get(slug="6-8")
    english = Language.objects.get(slug="en")

    response = client.post(
        "/settings/profile/",
        profile_data(subjects=[maths.pk], grade_bands=[middle.pk], languages=[english.pk]),
    )

    assert response.status_code == 302
    assert response.url == "/communities/"
    profile = Profile.objects.get(user=teacher)
    assert profile.display_name == "Amara Okafor"
    assert profile.headline == "Year 7 maths teacher in Leeds"
    assert profile.country == "GB"
    assert profile.time_zone == "Europe/London"
    assert profile.years_experience == 6
    assert profile.expertise == ["formative assessment", "Desmos"]
    assert profile.open_to_mentoring is True
    assert profile.completed_at is not None
    assert list(profile.subjects.all()) == [maths]
    assert list(profile.grade_bands.all()) == [middle]
    assert list(profile.languages.all()) == [english]
    assert shown_messages(response) == ["Your profile is saved."]


def test_saving_a_completed_profile_goes_back_to_the_profile_page(client):
    teacher = UserFactory()
    client.force_login(teacher)
    client.post("/settings/profile/", profile_data())

    response = client.post("/settings/profile/", profile_data(display_name="Amara O."))

    assert response.url == f"/people/{teacher.pk}/"
    assert Profile.objects.get(user=teacher).display_name == "Amara O."


def test_the_edit_form_shows_expertise_as_comma_separated_text(client):
    teacher = UserFactory()
    client.force_login(teacher)
    client.post("/settings/profile/", profile_data())

    response = client.get("/settings/profile/")

    assert "Edit your profile" in text(response)
    assert 'value="formative assessment, Desmos"' in text(response)


def test_the_profile_page_shows_the_teaching_details(client):
    teacher = UserFactory()
    client.force_login(teacher)
    client.post(
        "/settings/profile/",
        profile_data(subjects=[Subject.objects.get(slug="science").pk]),
    )
    client.logout()

    response = client.get(f"/people/{teacher.pk}/")

    assert response.status_code == 200
    body = text(response)
    assert "Amara Okafor" in body
    assert "Year 7 maths teacher in Leeds" in body
    assert "6 years of experience" in body
    assert "United Kingdom" in body
    assert "Open to mentoring" in body
    assert "Science" in body
    assert "Europe/London" in body
    assert "formative assessment" in body
    assert "Edit your profile" not in body


def test_a_deactivated_account_has_no_profile_page(client):
    gone = UserFactory(is_active=False)

    response = client.get(f"/people/{gone.pk}/")

    assert response.status_code == 404
