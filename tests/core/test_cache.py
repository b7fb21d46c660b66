"""The cache is Redis when REDIS_URL is set (CI's second pass) and local memory otherwise."""

import os

import pytest
from django.conf import settings
from django.core.cache import cache


def test_the_cache_backend_follows_redis_url():
    backend = settings.CACHES["default"]["BACKEND"]

    if os.environ.get("REDIS_URL"):
        assert backend == "django.core.cache.backends.redis.RedisCache"
    else:
        assert backend == "django.core.cache.backends.locmem.LocMemCache"


def test_values_round_trip_through_the_configured_cache():
    cache.set("staffroom-test-key", {"answer": 42}, timeout=30)

    assert cache.get("staffroom-test-key") == {"answer": 42}


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL")
def test_the_redis_server_really_holds_the_value():
    import redis

    cache.set("staffroom-probe", "here", timeout=30)
    client = redis.Redis.from_url(os.environ["REDIS_URL"])

    assert any(key.endswith(b"staffroom-probe") for key in client.keys("*staffroom-probe"))
