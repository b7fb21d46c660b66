import os

import pytest
from django.core.cache import cache

from staffroom.core import memo

# Playwright's sync API runs an event loop in the test thread; the ORM calls the
# e2e tests make around it are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Start every test with an empty cache so rate limits and cached pages do not leak."""
    cache.clear()
    memo.forget_all()
    yield
    cache.clear()
    memo.forget_all()


@pytest.fixture
def password():
    return "correct horse battery staple"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Real hashing costs half a second per user; tests check behaviour, not hash strength.
    # PBKDF2 stays listed so hashes made outside a test (the demo data) still verify.
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]


@pytest.fixture(autouse=True)
def _private_media_root(settings, tmp_path_factory):
    # Uploaded files go to a scratch folder, never into the checkout's var/ directory.
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
