import datetime
from decimal import Decimal

import pytest

from courses import selectors
from tests.factories.courses import (
    CompletionFactory,
    EnrolmentFactory,
    ExternalActivityFactory,
    WorkshopFactory,
    course_page,
)
from tests.factories.workforce import HealthWorkerFactory

pytestmark = pytest.mark.django_db


def completion(worker, *, hours, on, complete=True):
    workshop = WorkshopFactory(
        course=course_page(cme_hours=Decimal(hours)),
        starts_on=on - datetime.timedelta(days=2),
        ends_on=on,
    )
    return CompletionFactory(
        enrolment=EnrolmentFactory(workshop=workshop, health_worker=worker),
        is_complete=complete,
        cme_hours=Decimal(hours) if complete else Decimal(0),
    )


def test_credits_of_a_cycle_add_up_completions_and_approved_claims_only(kirkuk_worker):
    kirkuk_worker.cadre.cme_hours_per_cycle, kirkuk_worker.cadre.cycle_years = 60, 3
    kirkuk_worker.cadre.save()
    on = datetime.date(2026, 6, 1)
    completion(kirkuk_worker, hours="12", on=datetime.date(2024, 5, 3))
    completion(kirkuk_worker, hours="8.5", on=datetime.date(2026, 3, 4))
    completion(kirkuk_worker, hours="20", on=datetime.date(2025, 3, 4), complete=False)
    completion(kirkuk_worker, hours="30", on=datetime.date(2023, 12, 31))
    ExternalActivityFactory(health_worker=kirkuk_worker, hours=Decimal("6"), status="approved")
    ExternalActivityFactory(health_worker=kirkuk_worker, hours=Decimal("9"), status="pending")
    ExternalActivityFactory(health_worker=kirkuk_worker, hours=Decimal("4"), status="rejected")
    credits = selectors.credits_in_cycle(health_worker=kirkuk_worker, on=on)
    assert (credits.starts_on, credits.ends_on) == (
        datetime.date(2024, 1, 1),
        datetime.date(2026, 12, 31),
    )
    assert credits.from_workshops == Decimal("20.5")
    assert credits.from_claims == Decimal("6")
    assert credits.earned == Decimal("26.5")
    assert credits.percent == 44


def test_credits_of_another_worker_do_not_count(kirkuk_worker):
    completion(HealthWorkerFactory(), hours="12", on=datetime.date(2026, 3, 4))
    credits = selectors.credits_in_cycle(health_worker=kirkuk_worker, on=datetime.date(2026, 6, 1))
    assert credits.earned == 0


def test_a_one_year_cycle_is_the_calendar_year():
    assert selectors.cycle_bounds(cycle_years=1, on=datetime.date(2027, 8, 9)) == (
        datetime.date(2027, 1, 1),
        datetime.date(2027, 12, 31),
    )
