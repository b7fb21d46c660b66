import pytest

from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def test_a_visitor_picks_french_from_the_footer_and_pages_follow(client):
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/communities/"})
    page = client.get(response.url)

    assert response.url == "/communities/"
    assert 'lang="fr"' in page.content.decode()
    assert "Trouvez votre communauté" in page.content.decode()


def test_an_unknown_language_is_ignored(client):
    client.post("/i18n/setlang/", {"language": "xx", "next": "/"})

    assert 'lang="en"' in client.get("/").content.decode()


def test_a_member_sees_the_profile_link_instead_of_the_language_form(client):
    client.force_login(UserFactory())

    page = client.get("/").content.decode()

    assert 'name="language"' not in page
    assert "Change your language or time zone" in page
