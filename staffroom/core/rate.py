"""Counting hits in fixed windows of the shared cache, for sliding-window rate limits."""

from django.core.cache import cache


def count_hit(prefix: str, window: int, timeout: int) -> tuple[int, int]:
    """Count one hit in ``window``; return (hits in it so far, hits in the window before).

    Keys are ``prefix`` and the window's number, kept for ``timeout`` seconds. Redis does
    it in one round trip (``RedisCache.count_hit``); other caches use the generic calls.
    """
    key = f"{prefix}{window}"
    previous_key = f"{prefix}{window - 1}"
    counter = getattr(cache, "count_hit", None)
    if counter is not None:
        return counter(key, previous_key, timeout)
    cache.add(key, 0, timeout=timeout)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=timeout)
        count = 1
    return count, cache.get(previous_key, 0)
