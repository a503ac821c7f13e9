"""Text messages to phones, through a backend chosen by SMS_BACKEND (like Django's email).

A gateway is a class with `send(*, to: str, body: str)`; name its dotted path in SMS_BACKEND.
Development prints messages (ConsoleBackend); tests keep them in `core.sms.outbox`
(LocmemBackend); production sends through RapidPro or TextIt (RapidProBackend, the platform
U-Report Iraq runs on). A backend raises `SmsUnavailable` when trying again later may work (the
gateway down, 5xx, 429) and `SmsRejected` when it will not (the gateway refused the message).
"""

import json
import logging
import re
import sys
import urllib.error
import urllib.request
from urllib.parse import urlparse

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from core.isolates import strip_isolates

logger = logging.getLogger(__name__)
outbox: list[dict] = []
TIMEOUT = 20  # seconds; RapidPro answers a broadcast at once and sends it in the background
_DIGITS = re.compile(r"^\+?\d{7,15}$")


class SmsUnavailable(OSError):
    """The gateway could not take the message now (unreachable, 5xx, throttled): try again."""


class SmsRejected(ValueError):
    """The gateway refused the message (a bad number, a bad token): trying again will not help."""


class ConsoleBackend:
    """Writes each message to standard output."""

    def send(self, *, to: str, body: str) -> None:
        sys.stdout.write(f"SMS to {to}:\n{body}\n\n")


class LocmemBackend:
    """Keeps each message in `core.sms.outbox` for tests."""

    def send(self, *, to: str, body: str) -> None:
        outbox.append({"to": to, "body": body})


def tel_urn(phone: str) -> str:
    """A phone as RapidPro's URN in E.164 (`tel:+9647701234567`); a local 07… number is Iraq's.

    Registry phones are stored as people type them (digits only, `0770 …` or `+964 …`).
    """
    number = re.sub(r"[\s\-()]", "", phone or "")
    if not _DIGITS.match(number):
        raise SmsRejected("not a phone number")
    country = settings.SMS_COUNTRY_CODE
    if number.startswith("+"):
        pass
    elif number.startswith("00"):
        number = "+" + number[2:]
    elif number.startswith("0"):
        number = f"+{country}{number[1:]}"
    elif number.startswith(country) and len(number) > 10:
        number = "+" + number
    else:
        number = f"+{country}{number}"
    return f"tel:{number}"


class RapidProBackend:
    """Sends through RapidPro's (or TextIt's) broadcasts API, v2.

    POST {RAPIDPRO_URL}/api/v2/broadcasts.json with `Authorization: Token …` and
    `{"urns": ["tel:+964…"], "text": …}`; RapidPro answers 201 with the broadcast and sends it
    through the channel of the workspace.
    """

    def send(self, *, to: str, body: str) -> None:
        base, token = settings.RAPIDPRO_URL, settings.RAPIDPRO_TOKEN
        if not base or not token or urlparse(base).scheme not in ("http", "https"):
            raise ImproperlyConfigured("RapidProBackend needs RAPIDPRO_URL and RAPIDPRO_TOKEN")
        request = urllib.request.Request(  # noqa: S310 (scheme checked above)
            f"{base.rstrip('/')}/api/v2/broadcasts.json",
            data=json.dumps({"urns": [tel_urn(to)], "text": body}).encode(),
            method="POST",
            headers={
                "Authorization": f"Token {token}",
                "Content-Type": "application/json",
                "Accept": "application/json",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
                response.read()
        except urllib.error.HTTPError as error:
            detail = error.read()[:300].decode(errors="replace")
            if error.code >= 500 or error.code == 429:
                raise SmsUnavailable(f"RapidPro answered {error.code}") from None
            # 400 names the field it refused ({"urns": ["…"]}); 401/403 a bad token.
            raise SmsRejected(f"RapidPro answered {error.code}: {detail}") from None
        except (urllib.error.URLError, TimeoutError) as error:
            # Neither the request nor its headers go into the message: the token stays out of logs.
            reason = getattr(error, "reason", error)
            raise SmsUnavailable(f"RapidPro not reachable: {reason}") from None


def sms_send(*, to: str, body: str) -> None:
    """Send one text message through the configured backend."""
    # Translated strings wrap Latin codes in Unicode isolates (core/isolates.py). A text message
    # drops them: an Arabic SMS is UCS-2, 70 characters a part, so each mark costs a character,
    # and many phones' SMS apps draw the marks as boxes. Pages, e-mails and sheets keep them.
    body = strip_isolates(body)
    import_string(settings.SMS_BACKEND)().send(to=to, body=body)
    logger.info("SMS sent to a phone ending %s", to[-3:])
