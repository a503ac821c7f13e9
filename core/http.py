"""The client's address behind trusted proxies, the one rate limiter, the bound on body size."""

import hashlib
import time
from collections.abc import Sequence
from typing import Any, NamedTuple

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

LARGEST_ID = 2**63 - 1  # the largest primary key any supported database stores


def client_address(request: HttpRequest) -> str:
    """The address that throttles and rate limits count by.

    Behind TRUSTED_PROXY_COUNT reverse proxies, each appends the address it received the request
    from to X-Forwarded-For: the client is the one the outermost trusted proxy wrote, counted from
    the right. Anything further left was written by the client and is not believed. With no
    trusted proxy the header is ignored, so a client cannot pick its own address.
    """
    hops = settings.TRUSTED_PROXY_COUNT
    if hops > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR", "unknown")


def client_ip_or_none(request: HttpRequest | None) -> str | None:
    """`client_address` for django-axes, which stores None when the address is unknown."""
    if request is None:
        return None
    address = client_address(request)
    return None if address == "unknown" else address


def rate_limit_hit(*, bucket: str, subject: str, limit: int, window: int) -> bool:
    """Count one request of `subject` in `bucket`; True once more than `limit` fell in the window.

    The one rate limiter of the site: fixed windows of `window` seconds counted in the Django
    cache, which several web processes share only with CACHE_URL (Redis) set.
    """
    return rate_limits_hit(RateLimit(bucket, subject, limit, window))


class RateLimit(NamedTuple):
    """One counter of `rate_limits_hit`: `limit` requests of `subject` per `window` seconds."""

    bucket: str
    subject: str
    limit: int
    window: int


def rate_limits_hit(*limits: RateLimit) -> bool:
    """Count one request in each of `limits` (all of them, always); True if any is past its limit.

    On Redis every counter is one INCR and one EXPIRE, all sent in a single round trip: the
    public verification, the site's busiest page, counts two limits on every request.
    """
    return rate_limits_hit_reading(limits, ())[0]


def rate_limits_hit_reading(
    limits: Sequence[RateLimit], keys: Sequence[str]
) -> tuple[bool, dict[str, Any]]:
    """`rate_limits_hit`, and the cache's values of `keys` (as `cache.get_many` gives them) read
    in the same round trip: a verification counts its look-up and reads its remembered answer
    with one request to Redis instead of two."""
    counted = [(_rate_key(rate.bucket, rate.subject, rate.window), rate) for rate in limits]
    backend = caches["default"]
    if isinstance(backend, RedisCache):
        # The client of Django's own RedisCache (its connection pool), for a pipeline.
        pipeline = backend._cache.get_client(write=True).pipeline(transaction=False)
        for key, rate in counted:
            full_key = backend.make_and_validate_key(key)
            pipeline.incr(full_key)
            pipeline.expire(full_key, rate.window * 2)
        if keys:
            pipeline.mget([backend.make_and_validate_key(key) for key in keys])
        replies = pipeline.execute()
        counts = replies[: 2 * len(counted) : 2]
        loads = backend._cache._serializer.loads  # what RedisCache.get_many decodes with
        values = {
            key: loads(value)
            for key, value in zip(keys, replies[-1] if keys else (), strict=True)
            if value is not None
        }
    else:
        counts = [_count(key, rate.window) for key, rate in counted]
        values = backend.get_many(keys) if keys else {}
    hit = any(count > rate.limit for count, (_key, rate) in zip(counts, counted, strict=True))
    return hit, values


def _count(key: str, window: int) -> int:
    cache.add(key, 0, timeout=window * 2)
    try:
        return cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.add(key, 1, timeout=window * 2)
        return 1


def rate_limit_reached(*, bucket: str, subject: str, limit: int, window: int) -> bool:
    """Whether `subject` already used its `limit` in this window (counts nothing)."""
    return cache.get(_rate_key(bucket, subject, window), 0) >= limit


def rate_limit_retry_after(*, window: int) -> int:
    """Seconds until the current window of `window` seconds ends."""
    return window - int(time.time()) % window


def _rate_key(bucket: str, subject: str, window: int) -> str:
    digest = hashlib.sha256(subject.encode()).hexdigest()[:32]
    return f"cme:rate:{bucket}:{digest}:{int(time.time()) // window}"


def id_or_404(value) -> int:
    """A record id read from a request: anything but a whole number in range is not found."""
    text = str(value if value is not None else "").strip()
    if not (text.isascii() and text.isdigit()) or not 0 < int(text) <= LARGEST_ID:
        raise Http404
    return int(text)


class RequestSizeLimitMiddleware:
    """Refuses a request whose body is larger than CME_REQUEST_MAX_BYTES before it is read.

    Django bounds the form fields of a body but not its files; this bounds the whole, so that no
    upload larger than the limit reaches the disk or a reader.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        maximum = settings.CME_REQUEST_MAX_BYTES
        if length > maximum:
            message = _("The file is larger than %(megabytes)d MB.") % {
                "megabytes": settings.CME_UPLOAD_MAX_BYTES // 2**20
            }
            return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
