"""A Kirkuk nurse with two complete workshops and one not complete, and who may audit what."""

import datetime
from decimal import Decimal

import pytest
from fhir.resources.R4B import get_fhir_model_class

from tests.factories.courses import (
    CompletionFactory,
    EnrolmentFactory,
    WorkshopFactory,
    course_page,
)
from tests.factories.workforce import RoleAssignmentFactory, directorate


def validated(resource: dict):
    """The resource parsed by fhir.resources' R4B models (R4's Practitioner, Basic, Bundle)."""
    return get_fhir_model_class(resource["resourceType"]).model_validate(resource)


def completion_of(worker, *, title, code, hours, starts_on, days=3, is_complete=True):
    workshop = WorkshopFactory(
        course=course_page(title=title, code=code, cme_hours=Decimal(hours)),
        venue=worker.facility,
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=days - 1),
    )
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=worker)
    return CompletionFactory(enrolment=enrolment, is_complete=is_complete)


@pytest.fixture
def trained_worker(kirkuk_worker):
    kirkuk_worker.phone = "07701234567"
    kirkuk_worker.sex = "M"
    kirkuk_worker.save()
    completion_of(
        kirkuk_worker, title="Neonatal resuscitation", code="NRP-1", hours="12.0",
        starts_on=datetime.date(2026, 3, 1),
    )  # fmt: skip
    completion_of(
        kirkuk_worker, title="Infection prevention", code="IPC-2", hours="7.5",
        starts_on=datetime.date(2026, 5, 10), days=2,
    )  # fmt: skip
    completion_of(
        kirkuk_worker, title="Triage", code="TRI-3", hours="6.0",
        starts_on=datetime.date(2026, 6, 1), is_complete=False,
    )  # fmt: skip
    return kirkuk_worker


@pytest.fixture
def basra_auditor(db):
    return RoleAssignmentFactory(
        role="auditor", level="governorate", governorate=directorate("BAS").governorate
    ).user
