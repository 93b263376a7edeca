"""A fixed-window counter in the cache (Redis in production): ``allow`` says whether one more event of ``key``
fits in ``limit`` per ``window`` seconds, and counts it."""

from django.core.cache import cache


def allow(key: str, *, limit: int, window: int) -> bool:
    cache_key = f"rate:{key}"
    if cache.add(cache_key, 1, timeout=window):
        return True
    try:
        return cache.incr(cache_key) <= limit
    except ValueError:  # expired between the two calls
        cache.add(cache_key, 1, timeout=window)
        return True
