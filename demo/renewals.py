"""Demo step of renewals: the oxygen course is valid two years; some certificates near their end.

Run after the certificates step (templates exist) and before coverage (its figures include these
workshops). Everything goes through the services, as a trainer would have recorded it: an oxygen
workshop in Kirkuk that closed two years ago less a month, so its certificates (the demo health
worker's among them) expire within 60 days, and one in Baghdad whose certificates have expired.
"""

import calendar
import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from certificates.models import Certificate
from courses.models import CoursePage, Workshop
from demo.certificates import close_and_certify
from demo.tracking import DEMO_WORKER_LICENCE, _fill, _participants, _workshop
from workforce.models import HealthWorker

COURSE = "OXY-101"
VALIDITY_MONTHS = 24
# (governorate, last valid day in days from today, workshop days, participants, demo worker)
HISTORIC = [("KIR", 30, 3, 8, True), ("BGD", -45, 2, 8, False)]


def _months_before(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return datetime.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def course_validity_set(*, code: str = COURSE, months: int = VALIDITY_MONTHS) -> CoursePage:
    """Give a course (each of its translations) a validity, published as an editor would."""
    course = CoursePage.objects.get(code=code, locale__language_code="en")
    for page in CoursePage.objects.filter(translation_key=course.translation_key):
        if page.validity_months != months:
            page.validity_months = months
            page.save_revision().publish()
    course.refresh_from_db()
    return course


def seed_renewals(*, rng, report) -> None:
    """OXY-101 valid 24 months; Kirkuk certificates expiring in 30 days, Baghdad ones expired."""
    course = course_validity_set()
    today = timezone.localdate()
    admin = get_user_model().objects.get(username="admin")
    trainer = get_user_model().objects.get(username="trainer.kirkuk")
    demo_worker = HealthWorker.objects.filter(licence_number=DEMO_WORKER_LICENCE).first()
    shown = {}
    for governorate, last_day_in, days, count, with_demo_worker in HISTORIC:
        last_day = today + datetime.timedelta(days=last_day_in)
        ends_on = _months_before(last_day, VALIDITY_MONTHS)
        state = "expiring" if last_day_in >= 0 else "expired"
        existing = Workshop.objects.filter(
            course=course, venue__governorate__code=governorate, ends_on=ends_on
        ).first()
        if existing is None:
            runner = trainer if governorate == "KIR" else admin
            existing = _workshop(
                trainer=runner,
                code=COURSE,
                governorate=governorate,
                started_days_ago=(today - ends_on).days + days - 1,
                days=days,
                today=today,
            )
            people = _participants(course, governorate, count, rng)
            worker = demo_worker if with_demo_worker else None
            _fill(existing, trainer=runner, people=people, rng=rng, today=today, demo_worker=worker)
            close_and_certify(workshop=existing, user=runner)
        certificates = Certificate.objects.filter(
            completion__workshop=existing, status=Certificate.Status.VALID
        ).order_by("pk")
        mine = certificates.filter(completion__health_worker=demo_worker).first()
        shown[state] = (mine or certificates.first()).verification_code
    report["renewals"] = shown
