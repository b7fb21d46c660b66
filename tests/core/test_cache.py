"""The cache is Redis when REDIS_URL is set (CI's second pass) and local memory otherwise."""

import os

import pytest
from django.conf import settings
from django.core.cache import cache


def test_the_cache_backend_follows_redis_url():
    backend = settings.CACHES["default"]["BACKEND"]

    if os.environ.get("REDIS_URL"):
        assert backend == "staffroom.core.redis_cache.RedisCache"
    else:
        assert backend == "django.core.cache.backends.locmem.LocMemCache"
        # Room for the visitor copies of many threads' posts, not Django's 300 entries.
        assert settings.CACHES["default"]["OPTIONS"]["MAX_ENTRIES"] >= 10_000


def test_values_round_trip_through_the_configured_cache():
    cache.set("staffroom-test-key", {"answer": 42}, timeout=30)

    assert cache.get("staffroom-test-key") == {"answer": 42}


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL")
def test_the_redis_server_really_holds_the_value():
    import redis

    cache.set("staffroom-probe", "here", timeout=30)
    client = redis.Redis.from_url(os.environ["REDIS_URL"])

    assert any(key.endswith(b"staffroom-probe") for key in client.keys("*staffroom-probe"))


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL")
def test_the_redis_cache_reuses_one_client_for_every_call():
    backend = cache._cache  # the configured backend's client wrapper
    cache.set("staffroom-reuse", 1, timeout=30)
    first = backend.get_client("staffroom-reuse", write=True)

    assert cache.incr("staffroom-reuse") == 2
    assert cache.add("staffroom-reuse-2", 5, timeout=30)
    assert cache.get_many(["staffroom-reuse", "staffroom-reuse-2"]) == {
        "staffroom-reuse": 2,
        "staffroom-reuse-2": 5,
    }
    assert backend.get_client("staffroom-reuse", write=True) is first
    assert backend.get_client("staffroom-reuse") is backend.get_client("other")


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL")
def test_threads_sharing_one_redis_client_each_get_their_own_answers():
    from concurrent.futures import ThreadPoolExecutor

    from django.core.cache import caches

    shared = caches["default"]  # this thread's backend, used from every worker thread

    def work(n: int) -> list[int]:
        return [shared.incr(f"staffroom-thread-{n}") for _step in range(50)]

    for n in range(8):
        cache.set(f"staffroom-thread-{n}", 0, timeout=30)
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(work, range(8)))

    assert results == [list(range(1, 51))] * 8
