"""Every response carries the security headers; forms carry CSRF tokens; errors look like us."""

import pytest

from staffroom.communities.models import JoinPolicy, Visibility
from staffroom.communities.services import community_create
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.communities import InvitationFactory, MembershipFactory
from tests.factories.orgs import OrganizationFactory, OrganizationMembershipFactory

pytestmark = pytest.mark.django_db

STYLESHEET = '<link rel="stylesheet" href="/static/staffroom/css/staffroom.css">'


@pytest.fixture
def site():
    """A steward, a request-only community with a pending request, an org and an invitation."""
    steward = UserFactory(display_name="Steward Sam")
    organization = OrganizationFactory(slug="hillside")
    OrganizationMembershipFactory(organization=organization, user=steward, role="admin")
    community = community_create(
        creator=steward,
        name="Middle-school maths",
        slug="ms-maths",
        domain_statement="Ratios.",
        visibility=Visibility.PUBLIC,
        join_policy=JoinPolicy.REQUEST,
        organization=organization,
    )
    MembershipFactory(community=community, state="pending")
    invitation = InvitationFactory(community=community, created_by=steward)
    return {"steward": steward, "community": community, "invitation": invitation}


def page_urls(site) -> list[str]:
    steward, invitation = site["steward"], site["invitation"]
    space = site["community"].spaces.first()
    return [
        "/",
        "/communities/",
        "/communities/?q=maths",
        "/communities/new/",
        "/c/ms-maths/",
        "/c/ms-maths/members/",
        "/c/ms-maths/request/",
        "/c/ms-maths/manage/",
        "/c/ms-maths/manage/spaces/",
        f"/c/ms-maths/manage/spaces/{space.pk}/",
        "/c/ms-maths/manage/members/",
        "/c/ms-maths/manage/invitations/",
        "/c/ms-maths/manage/transfer/",
        f"/people/{steward.pk}/",
        "/settings/profile/",
        "/orgs/hillside/",
        "/orgs/hillside/manage/",
        f"/invite/{invitation.token}/",
        "/accounts/email/",
        "/accounts/password/change/",
        "/robots.txt",
        "/healthz",
        "/no-such-page/",
    ]


def assert_security_headers(response, *, admin: bool = False) -> None:
    policy = response.headers["Content-Security-Policy"]
    directives = {}
    for part in policy.split(";"):
        name, _space, value = part.strip().partition(" ")
        directives[name] = value
    assert directives["default-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    if not admin:
        assert "'unsafe-inline'" not in directives["script-src"]
        assert "'unsafe-eval'" not in directives["script-src"]
        assert "'unsafe-inline'" not in directives["style-src"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]


def test_every_page_a_steward_sees_has_the_security_headers(client, site):
    client.force_login(site["steward"])

    for url in page_urls(site):
        response = client.get(url)

        assert response.status_code in {200, 404}, url
        assert_security_headers(response)


@pytest.mark.parametrize(
    "url",
    ["/", "/communities/", "/c/ms-maths/", "/accounts/login/", "/accounts/signup/", "/nowhere/"],
)
def test_anonymous_pages_have_the_security_headers(client, site, url):
    response = client.get(url)

    assert_security_headers(response)


def test_redirects_and_refusals_have_the_security_headers(client, site):
    site["community"].visibility = Visibility.MEMBERS
    site["community"].save()
    login_redirect = client.get("/settings/profile/")
    client.force_login(UserFactory())
    wrong_method = client.get("/c/ms-maths/join/")
    forbidden = client.get("/c/ms-maths/members/")
    missing = client.get("/c/ms-maths/manage/")

    assert login_redirect.status_code == 302
    assert wrong_method.status_code == 405
    assert forbidden.status_code == 403
    assert missing.status_code == 404
    for response in (login_redirect, wrong_method, forbidden, missing):
        assert_security_headers(response)


def test_static_files_have_the_security_headers(client):
    response = client.get("/static/staffroom/css/staffroom.css")

    # WhiteNoise answers before the clickjacking middleware; a stylesheet cannot be framed.
    assert response.status_code == 200
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]


def test_the_admin_keeps_the_other_headers_and_only_it_allows_inline_script(client):
    client.force_login(StaffFactory(is_superuser=True))

    response = client.get("/admin/")

    assert response.status_code == 200
    assert "'unsafe-inline'" in response.headers["Content-Security-Policy"]
    assert_security_headers(response, admin=True)


def test_pages_have_no_inline_scripts_or_styles(client, site):
    client.force_login(site["steward"])

    for url in page_urls(site):
        body = client.get(url).content.decode()

        assert "<script>" not in body, url
        assert "<style" not in body, url
        assert " style=" not in body, url
        assert " onclick=" not in body, url


@pytest.mark.parametrize(
    "url",
    [
        "/communities/new/",
        "/c/ms-maths/",
        "/c/ms-maths/request/",
        "/c/ms-maths/manage/",
        "/c/ms-maths/manage/spaces/",
        "/c/ms-maths/manage/members/",
        "/c/ms-maths/manage/invitations/",
        "/settings/profile/",
        "/orgs/hillside/manage/",
    ],
)
def test_every_post_form_carries_a_csrf_token(client, site, url):
    client.force_login(UserFactory() if url == "/c/ms-maths/" else site["steward"])

    body = client.get(url).content.decode()

    forms = body.count('method="post"')
    assert forms > 0
    assert body.count('name="csrfmiddlewaretoken"') >= forms


def test_the_sign_in_form_carries_a_csrf_token(client):
    body = client.get("/accounts/login/").content.decode()

    assert 'name="csrfmiddlewaretoken"' in body


def test_the_404_page_is_the_styled_template(client):
    response = client.get("/this/page/does/not/exist/")

    assert response.status_code == 404
    body = response.content.decode()
    assert STYLESHEET in body
    assert "We can&#x27;t find that page" in body or "We can't find that page" in body
    assert "Browse communities" in body


def test_the_403_page_is_the_styled_template(client, site):
    site["community"].visibility = Visibility.MEMBERS
    site["community"].save()

    response = client.get("/c/ms-maths/members/")

    assert response.status_code == 403
    assert STYLESHEET in response.content.decode()
    assert "You can" in response.content.decode()
