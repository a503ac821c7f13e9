"""Reminders to renew: the holders of certificates that expire in 60 and in 14 days."""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from certificates.models import Certificate
from certificates.selectors import REMINDER_DAYS, certificates_expiring
from courses.notices.events import certificate_expiring_notify


def certificate_expiry_remind(*, on: datetime.date) -> int:
    """Queue the expiry reminders due on `on` (each certificate once per 60 and 14 days left)."""
    queued = 0
    for days in REMINDER_DAYS:
        for certificate in certificates_expiring(on=on, days=days).select_related(
            "completion__workshop", "completion__health_worker__user__preferences"
        ):
            notices = certificate_expiring_notify(
                health_worker=certificate.completion.health_worker,
                certificate_id=certificate.pk,
                days_left=days,
                compose=_composer(certificate),
                language=certificate.completion.workshop.language,
            )
            queued += sum(notice.status == notice.Status.QUEUED for notice in notices)
    return queued


def _composer(certificate: Certificate):
    def compose() -> tuple[str, str]:
        language = translation.get_language()
        course = getattr(certificate, f"course_title_{language}", "") or certificate.course_title_en
        facts = {"course": course, "date": f"{certificate.valid_until:%Y-%m-%d}"}
        verify = settings.SITE_URL.rstrip("/") + reverse(
            "verify:page", args=[certificate.verification_code]
        )
        text = _(
            'Your certificate for "%(course)s" is valid until %(date)s. Join a workshop of the '
            "course before then to renew it."
        )
        return _("Your certificate for %(course)s expires soon") % facts, "\n".join(
            [text % facts, f"{_('Anyone can check it here:')} {verify}"]
        )

    return compose
