"""Demo step for reminders and notices (see demo/build.py): the day's reminders, and an opt-out."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.models import AccountPreferences
from courses.models import Enrolment, Notice
from courses.notices.events import cycle_reminders_queue, session_reminders_queue


def _kurdish_reader_without_sms() -> None:
    """Someone on tomorrow's roster reads Kurdish and turned text messages off on their profile."""
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    enrolment = (
        Enrolment.objects.filter(
            status=Enrolment.Status.ENROLLED, workshop__sessions__date=tomorrow
        )
        .exclude(health_worker__user__username="worker.kirkuk")
        .select_related("health_worker__user")
        .first()
    )
    if enrolment is None:
        return
    worker = enrolment.health_worker
    if worker.user is None:
        worker.user = get_user_model().objects.create_user(username="reader.ckb", password=None)
    worker.phone = worker.phone or "07501234567"
    worker.save()
    AccountPreferences.objects.update_or_create(
        user=worker.user, defaults={"language": "ckb", "notices_by_sms": False}
    )


def seed_notices(*, rng, report) -> None:
    """A Kurdish reader who turned SMS off, then the daily reminders as the beat runs them.

    The staff's admin menu then lists Notices: the workshop invitations the roster step sent, the
    reminders of tomorrow's sessions, people short of hours near their cycle's end, and the
    opted-out text messages recorded as skipped.
    """
    _kurdish_reader_without_sms()
    report["notices"] = {
        "session reminders": session_reminders_queue(),
        "cycle reminders": cycle_reminders_queue(),
        "recorded": Notice.objects.count(),
    }
