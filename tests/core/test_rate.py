"""Rate-limit counts in the shared cache: Redis in CI's second pass, local memory otherwise."""

import os

import pytest
from django.core.cache import cache

from staffroom.core.rate import count_hit


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_hits_count_up_within_a_window_and_the_window_before_is_reported():
    assert count_hit("staffroom-rate:a:", 100, 30) == (1, 0)
    assert count_hit("staffroom-rate:a:", 100, 30) == (2, 0)

    assert count_hit("staffroom-rate:a:", 101, 30) == (1, 2)
    assert count_hit("staffroom-rate:a:", 101, 30) == (2, 2)
    assert count_hit("staffroom-rate:a:", 102, 30) == (1, 2)


def test_each_prefix_counts_on_its_own():
    count_hit("staffroom-rate:a:", 7, 30)
    count_hit("staffroom-rate:a:", 7, 30)

    assert count_hit("staffroom-rate:b:", 7, 30) == (1, 0)
    assert cache.get("staffroom-rate:a:7") == 2


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL")
def test_on_redis_a_counter_expires_and_reads_back_through_the_cache():
    import redis

    count_hit("staffroom-rate:c:", 5, 30)
    count_hit("staffroom-rate:c:", 5, 30)
    client = redis.Redis.from_url(os.environ["REDIS_URL"])
    (key,) = client.keys("*staffroom-rate:c:5")

    assert 0 < client.ttl(key) <= 30  # set once, on the first hit, not renewed by later ones
    assert cache.get("staffroom-rate:c:5") == 2
    cache.set("staffroom-rate:c:6", 4, timeout=30)  # written by Django's own serializer
    assert count_hit("staffroom-rate:c:", 7, 30) == (1, 4)
