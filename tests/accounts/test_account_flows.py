"""Sign-up, confirmation, sign-in limits, password reset, e-mail changes and TOTP, end to end."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.core import mail

from staffroom.accounts.models import User
from staffroom.orgs.models import OrganizationMembership
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.orgs import OrganizationDomainFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a long and memorable passphrase"


def link_in_last_mail() -> str:
    return re.search(r"http://testserver(/accounts/\S+)", mail.outbox[-1].body).group(1)


def sign_up(client, email: str):
    return client.post(
        "/accounts/signup/",
        {"email": email, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )


def sign_in(client, email: str, password: str = PASSWORD):
    return client.post("/accounts/login/", {"login": email, "password": password})


def reauthenticate(client, password: str = PASSWORD):
    # Changing two-factor settings asks for the password again, whatever the session's age.
    client.post("/accounts/reauthenticate/", {"password": password})


def current_totp_code(secret: str) -> str:
    counters = list(yield_hotp_counters_from_time())
    # The counters run from “tolerance” periods ago to as many ahead; the middle one is now.
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))


def test_signing_up_sends_a_confirmation_and_signs_nobody_in(client):
    response = sign_up(client, "amara@school.example")

    user = User.objects.get(email="amara@school.example")
    assert response.status_code == 302
    assert response.url == "/accounts/confirm-email/"
    assert not EmailAddress.objects.get(user=user).verified
    assert "_auth_user_id" not in client.session
    assert len(mail.outbox) == 1


def test_confirming_the_address_signs_in_and_asks_for_the_profile(client):
    sign_up(client, "amara@school.example")

    response = client.post(link_in_last_mail())

    assert response.status_code == 302
    assert response.url == "/settings/profile/?welcome=1"
    assert EmailAddress.objects.get(email="amara@school.example").verified
    assert client.get(response.url).status_code == 200


def test_confirming_an_address_on_a_verified_domain_joins_the_organisation(client):
    domain = OrganizationDomainFactory(domain="riverside-usd.example")
    sign_up(client, "kim@riverside-usd.example")

    client.post(link_in_last_mail())

    assert OrganizationMembership.objects.filter(
        organization=domain.organization, user__email="kim@riverside-usd.example"
    ).exists()


def test_an_unconfirmed_address_on_a_verified_domain_does_not_join_the_organisation(client):
    OrganizationDomainFactory(domain="riverside-usd.example")

    sign_up(client, "kim@riverside-usd.example")

    assert not OrganizationMembership.objects.exists()


def test_signing_up_twice_with_one_address_creates_one_account(client):
    UserFactory(email="amara@school.example")

    response = sign_up(client, "AMARA@school.example")

    assert User.objects.filter(email__iexact="amara@school.example").count() == 1
    assert response.status_code in {200, 302}


@pytest.mark.parametrize(
    ("email", "password1", "password2"),
    [
        ("not-an-address", NEW_PASSWORD, NEW_PASSWORD),
        ("amara@school.example", NEW_PASSWORD, "something else entirely"),
        ("amara@school.example", "short", "short"),
        ("", NEW_PASSWORD, NEW_PASSWORD),
    ],
)
def test_a_bad_sign_up_shows_field_errors_and_creates_nothing(client, email, password1, password2):
    response = client.post(
        "/accounts/signup/", {"email": email, "password1": password1, "password2": password2}
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not User.objects.exists()
    assert mail.outbox == []


def test_a_confirmed_teacher_signs_in_with_email_and_password(client):
    user = UserFactory(email="sam@school.example")

    response = sign_in(client, "sam@school.example")

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_an_unconfirmed_teacher_cannot_sign_in_until_they_confirm(client):
    UserFactory(email="sam@school.example", confirmed=False)

    response = sign_in(client, "sam@school.example")

    assert "_auth_user_id" not in client.session
    assert response.status_code == 302
    assert response.url == "/accounts/confirm-email/"


def test_repeated_wrong_passwords_are_rate_limited(client):
    UserFactory(email="sam@school.example")

    for _ in range(5):
        sign_in(client, "sam@school.example", password="wrong password")
    response = sign_in(client, "sam@school.example")

    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in response.content.decode()


def test_a_password_reset_mails_a_link_that_sets_a_new_password(client):
    user = UserFactory(email="sam@school.example")

    client.post("/accounts/password/reset/", {"email": "sam@school.example"})
    reset_page = client.get(link_in_last_mail(), follow=True)
    client.post(
        reset_page.redirect_chain[-1][0] if reset_page.redirect_chain else link_in_last_mail(),
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_a_password_reset_for_an_unknown_address_reveals_nothing(client):
    response = client.post("/accounts/password/reset/", {"email": "nobody@school.example"})

    assert response.status_code == 302
    assert response.url == "/accounts/password/reset/done/"


def test_adding_and_confirming_a_work_address_joins_the_organisation(client):
    domain = OrganizationDomainFactory(domain="riverside-usd.example")
    user = UserFactory(email="sam@home.example")
    sign_in(client, "sam@home.example")

    client.post("/accounts/email/", {"action_add": "", "email": "sam@riverside-usd.example"})
    client.post(link_in_last_mail())

    user.refresh_from_db()
    assert user.email == "sam@riverside-usd.example"
    assert OrganizationMembership.objects.filter(
        organization=domain.organization, user=user
    ).exists()


def test_removing_the_work_address_ends_the_domain_membership(client):
    domain = OrganizationDomainFactory(domain="riverside-usd.example")
    user = UserFactory(email="sam@home.example")
    EmailAddress.objects.create(user=user, email="sam@riverside-usd.example", verified=True)
    from staffroom.orgs.services import org_memberships_sync

    org_memberships_sync(user=user)
    sign_in(client, "sam@home.example")

    client.post("/accounts/email/", {"action_remove": "", "email": "sam@riverside-usd.example"})

    assert not OrganizationMembership.objects.filter(organization=domain.organization).exists()


def test_turning_on_totp_makes_sign_in_ask_for_a_code(client):
    user = UserFactory(email="sam@school.example")
    sign_in(client, "sam@school.example")
    reauthenticate(client)
    client.get("/accounts/2fa/totp/activate/")
    secret = client.session["mfa.totp.secret"]

    client.post("/accounts/2fa/totp/activate/", {"code": current_totp_code(secret)})
    client.post("/accounts/logout/")
    response = sign_in(client, "sam@school.example")

    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert response.url == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    client.post("/accounts/2fa/authenticate/", {"code": current_totp_code(secret)})
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_wrong_totp_code_does_not_turn_on_two_factor_authentication(client):
    user = UserFactory(email="sam@school.example")
    sign_in(client, "sam@school.example")
    reauthenticate(client)
    client.get("/accounts/2fa/totp/activate/")

    response = client.post("/accounts/2fa/totp/activate/", {"code": "000000"})

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Authenticator.objects.filter(user=user).exists()
