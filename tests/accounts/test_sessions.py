"""Sessions are read through a prepared query (accounts.sessions): the same rules as Django's
own store — an expired, ended or made-up session signs nobody in — for one query each."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories.accounts import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def signed_in_as(client):
    user = client.get("/").wsgi_request.user
    return user.email if user.is_authenticated else None


def sign_in(client, user):
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302


def forget_cached_sessions():
    # With Redis, sessions are read from the cache first; these tests are about the rows.
    caches[settings.SESSION_CACHE_ALIAS].clear()


def test_a_session_keeps_a_teacher_signed_in_and_reads_one_row(client):
    user = UserFactory(email="sam@school.example")
    sign_in(client, user)
    forget_cached_sessions()
    with CaptureQueriesContext(connection) as queries:
        assert signed_in_as(client) == "sam@school.example"
    session_reads = [q for q in queries if "django_session" in q["sql"] and "SELECT" in q["sql"]]
    assert len(session_reads) <= 1


def test_an_expired_session_signs_nobody_in(client):
    sign_in(client, UserFactory())
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    forget_cached_sessions()
    assert signed_in_as(client) is None


def test_a_session_about_to_expire_still_counts(client):
    user = UserFactory()
    sign_in(client, user)
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=1))
    forget_cached_sessions()
    assert signed_in_as(client) == user.email


def test_signing_out_ends_the_session_for_its_old_cookie(client):
    sign_in(client, UserFactory())
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    client.post("/accounts/logout/")
    assert not Session.objects.filter(session_key=cookie).exists()
    client.cookies[settings.SESSION_COOKIE_NAME] = cookie
    assert signed_in_as(client) is None


@pytest.mark.parametrize("cookie", ["made-up-session-key-0000000000", "short", "x" * 300, "é" * 40])
def test_a_made_up_session_cookie_is_a_visitor(client, cookie):
    UserFactory()
    client.cookies[settings.SESSION_COOKIE_NAME] = cookie
    response = client.get("/")
    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated


def test_a_deactivated_account_is_signed_out_at_its_next_request(client):
    user = UserFactory()
    sign_in(client, user)
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert signed_in_as(client) is None
