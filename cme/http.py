"""The client's address as this site sees it, behind the reverse proxies it trusts."""

from django.conf import settings
from django.http import Http404, HttpRequest

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


def id_or_404(value) -> int:
    """A record id read from a request: anything but a whole number in range is not found."""
    text = str(value if value is not None else "").strip()
    if not (text.isascii() and text.isdigit()) or not 0 < int(text) <= LARGEST_ID:
        raise Http404
    return int(text)
