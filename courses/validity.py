"""How long a completion stays valid under its course's validity, and how it stands on a day.

The ministry's rule: a course with a validity of N months makes a completion valid until the same
day N months after its completion date (the last day of the month when that month is shorter); it
is valid on that day and expired from the next. A course without a validity never expires.
"""

import calendar
import datetime

# Holders are warned this many days ahead (My learning, the transcript, the reminders).
EXPIRING_DAYS = 60


def valid_until_for(*, completed_on: datetime.date, months: int | None) -> datetime.date | None:
    """The last day a completion of `completed_on` is valid, or None when it never expires."""
    if not months:
        return None
    month_index = completed_on.month - 1 + months
    year, month = completed_on.year + month_index // 12, month_index % 12 + 1
    day = min(completed_on.day, calendar.monthrange(year, month)[1])
    return datetime.date(year, month, day)


def expiry_state(*, valid_until: datetime.date | None, on: datetime.date) -> str:
    """ "expired", "expiring" (within EXPIRING_DAYS) or "" (no expiry, or not yet near it)."""
    if valid_until is None:
        return ""
    if valid_until < on:
        return "expired"
    if (valid_until - on).days <= EXPIRING_DAYS:
        return "expiring"
    return ""
