"""Members see the interface in their language and times in their zone; visitors negotiate."""

from datetime import UTC, datetime

import pytest
from django.utils import timezone, translation

from staffroom.communities.services import community_create
from tests.factories.accounts import UserFactory
from tests.factories.communities import InvitationFactory
from tests.pages import text

pytestmark = pytest.mark.django_db

EXPIRES = datetime(2030, 1, 15, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _reset_language_and_zone():
    # The middleware activates both for the thread; later tests must start from the defaults.
    yield
    translation.deactivate()
    timezone.deactivate()


def member(*, language: str = "en", zone: str = "UTC"):
    user = UserFactory(display_name="Camille Martin")
    user.profile.ui_language = language
    user.profile.time_zone = zone
    user.profile.save()
    return user


# Language


def test_a_member_who_chose_french_gets_allauth_in_french(client):
    client.force_login(member(language="fr"))

    response = client.get("/accounts/email/")

    assert response.status_code == 200
    assert response.headers["Content-Language"] == "fr"
    assert '<html lang="fr">' in text(response)
    assert "Adresse e-mail" in text(response)
    assert "Changer d'e-mail" in text(response)


def test_a_member_who_chose_french_gets_djangos_form_errors_in_french(client):
    client.force_login(member(language="fr"))

    response = client.post(
        "/settings/profile/",
        {"display_name": "", "role": "teacher", "time_zone": "UTC", "ui_language": "fr"},
    )

    assert response.status_code == 200
    assert "Ce champ est obligatoire." in text(response)


def test_a_members_choice_wins_over_the_browsers_accept_language(client):
    client.force_login(member(language="es"))

    response = client.get("/accounts/email/", HTTP_ACCEPT_LANGUAGE="fr")

    assert response.headers["Content-Language"] == "es"
    assert '<html lang="es">' in text(response)


def test_a_member_who_chose_english_gets_english_whatever_the_browser_says(client):
    client.force_login(member(language="en"))

    response = client.get("/accounts/email/", HTTP_ACCEPT_LANGUAGE="fr")

    assert response.headers["Content-Language"] == "en"
    assert "Change Email" in text(response)


def test_an_anonymous_visitor_gets_the_language_their_browser_asks_for(client):
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9,en;q=0.5")

    assert response.headers["Content-Language"] == "fr"
    assert '<html lang="fr">' in text(response)
    assert "Connexion" in text(response)
    assert "Accept-Language" in response.headers["Vary"]


def test_an_anonymous_visitor_asking_for_an_unoffered_language_gets_english(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de")

    assert response.headers["Content-Language"] == "en"
    assert '<html lang="en">' in text(response)


def test_an_anonymous_visitor_with_no_preference_gets_english(client):
    response = client.get("/")

    assert response.headers["Content-Language"] == "en"


def test_one_members_language_does_not_stick_to_the_next_visitor(client):
    client.force_login(member(language="fr"))
    client.get("/accounts/email/")
    client.logout()

    response = client.get("/accounts/login/")

    assert response.headers["Content-Language"] == "en"
    assert "Sign In" in text(response)


# Time zones


@pytest.fixture
def invitation_page(client):
    """Open the steward invitations page for a steward in the given zone and language."""

    def open_page(*, zone: str, language: str = "en") -> str:
        steward = member(zone=zone, language=language)
        community = community_create(
            creator=steward, name="Maths", slug="maths", domain_statement="Maths."
        )
        InvitationFactory(community=community, created_by=steward, expires_at=EXPIRES)
        client.force_login(steward)
        response = client.get("/c/maths/manage/invitations/")
        assert response.status_code == 200
        return text(response)

    return open_page


def test_an_invitations_expiry_is_shown_in_the_stewards_zone(invitation_page):
    body = invitation_page(zone="America/New_York")

    assert "Works until Jan. 15, 2030, 7 a.m." in body
    assert "noon" not in body
    assert "Times are shown in America/New_York." in body


def test_an_expiry_in_a_half_hour_zone_keeps_its_minutes(invitation_page):
    body = invitation_page(zone="Asia/Kolkata")

    assert "Works until Jan. 15, 2030, 5:30 p.m." in body


def test_an_expiry_is_shown_in_utc_to_a_steward_in_utc(invitation_page):
    body = invitation_page(zone="UTC")

    assert "Works until Jan. 15, 2030, noon" in body


def test_an_expiry_follows_both_the_zone_and_the_language(invitation_page):
    body = invitation_page(zone="Europe/Paris", language="fr")

    assert "15 janvier 2030 13:00" in body


def test_an_unknown_zone_in_a_profile_falls_back_to_utc(client):
    steward = member(zone="UTC")
    community_create(creator=steward, name="Maths", slug="maths", domain_statement="Maths.")
    InvitationFactory(
        community=steward.memberships.get().community, created_by=steward, expires_at=EXPIRES
    )
    steward.profile.__class__.objects.filter(pk=steward.profile.pk).update(time_zone="Mars/Base")
    client.force_login(steward)

    response = client.get("/c/maths/manage/invitations/")

    assert response.status_code == 200
    assert "Works until Jan. 15, 2030, noon" in text(response)


def test_one_members_zone_does_not_stick_to_the_next_visitor(client):
    client.force_login(member(zone="Pacific/Auckland"))
    client.get("/")
    client.logout()

    client.get("/")

    assert timezone.get_current_timezone_name() == "UTC"
