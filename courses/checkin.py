"""QR self check-in codes: signed, bound to one session, and changing every minute.

A code names the session and the minute it was shown, signed with the site's secret. It is accepted
during its own minute and the next one (someone who scans at 10:00:59 still checks in at 10:01:10);
older codes are expired, and a code whose signature does not match is forged.
"""

import time

from django.core import signing

SALT = "courses.checkin"
ACCEPTED_MINUTES = 2


class CheckInError(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason  # "expired" or "forged"


def current_minute() -> int:
    return int(time.time() // 60)


def checkin_token(*, session_id: int, minute: int | None = None) -> str:
    """The code shown on the session page during `minute`."""
    minute = current_minute() if minute is None else minute
    return signing.Signer(salt=SALT).sign(f"{session_id}.{minute}")


def checkin_token_read(token: str, *, minute: int | None = None) -> int:
    """The session id of a valid, fresh code; raises CheckInError otherwise."""
    try:
        value = signing.Signer(salt=SALT).unsign(token)
        session_id, shown = (int(part) for part in value.split("."))
    except (signing.BadSignature, ValueError) as error:
        raise CheckInError("forged") from error
    now = current_minute() if minute is None else minute
    if not 0 <= now - shown < ACCEPTED_MINUTES:
        raise CheckInError("expired")
    return session_id
