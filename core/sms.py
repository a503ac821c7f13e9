"""Text messages to phones, through a backend chosen by SMS_BACKEND (like Django's email).

The site has no SMS gateway yet. A gateway is a class with `send(*, to: str, body: str)`; name its
dotted path in SMS_BACKEND. Development prints messages (ConsoleBackend); tests keep them in
`core.sms.outbox` (LocmemBackend).
"""

import logging
import sys

from django.conf import settings
from django.utils.module_loading import import_string

from core.isolates import strip_isolates

logger = logging.getLogger(__name__)
outbox: list[dict] = []


class ConsoleBackend:
    """Writes each message to standard output."""

    def send(self, *, to: str, body: str) -> None:
        sys.stdout.write(f"SMS to {to}:\n{body}\n\n")


class LocmemBackend:
    """Keeps each message in `core.sms.outbox` for tests."""

    def send(self, *, to: str, body: str) -> None:
        outbox.append({"to": to, "body": body})


def sms_send(*, to: str, body: str) -> None:
    """Send one text message through the configured backend."""
    # Translated strings wrap Latin codes in Unicode isolates (core/isolates.py). A text message
    # drops them: an Arabic SMS is UCS-2, 70 characters a part, so each mark costs a character,
    # and many phones' SMS apps draw the marks as boxes. Pages, e-mails and sheets keep them.
    body = strip_isolates(body)
    import_string(settings.SMS_BACKEND)().send(to=to, body=body)
    logger.info("SMS sent to a phone ending %s", to[-3:])
