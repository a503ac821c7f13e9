"""A Kirkuk and an Erbil worker, each trained and certified, and partner keys of each scope."""

import datetime
from decimal import Decimal

import pytest

from certificates.services import certificate_issue
from coverage.services import coverage_refresh_pair
from tests.factories.certificates import CertificateTemplateFactory, SignatoryFactory
from tests.factories.courses import (
    CompletionFactory,
    EnrolmentFactory,
    WorkshopFactory,
    course_page,
)
from tests.factories.interop import partner_key
from tests.factories.workforce import FacilityFactory, HealthWorkerFactory, directorate

# What a Kirkuk or an Erbil row shows in every resource: its facility's code, or its holder.
KIRKUK_MARKS = ("KIR-HOSP-1", "Kirkuk Nurse")
ERBIL_MARKS = ("ERB-HOSP-1", "Erbil Nurse")


def trained_at(facility, *, name: str, course):
    """A worker of the facility with a complete workshop, its certificate and coverage cell."""
    worker = HealthWorkerFactory(facility=facility, name_latin=name, name_ar=name)
    workshop = WorkshopFactory(
        course=course,
        venue=facility,
        starts_on=datetime.date(2026, 3, 1),
        ends_on=datetime.date(2026, 3, 2),
    )
    completion = CompletionFactory(
        enrolment=EnrolmentFactory(workshop=workshop, health_worker=worker)
    )
    certificate_issue(completion_id=completion.pk, notify=False)
    coverage_refresh_pair(facility_id=facility.pk, course_id=course.pk)
    return worker


@pytest.fixture
def two_governorates(db):
    template = CertificateTemplateFactory(name="Ministry default", is_default=True)
    SignatoryFactory(template=template)
    course = course_page(title="Basic Life Support", code="BLS-1", cme_hours=Decimal("7.5"))
    kirkuk = FacilityFactory(code="KIR-HOSP-1", directorate=directorate("KIR"))
    erbil = FacilityFactory(code="ERB-HOSP-1", directorate=directorate("ERB"))
    trained_at(kirkuk, name="Kirkuk Nurse", course=course)
    trained_at(erbil, name="Erbil Nurse", course=course)
    return kirkuk, erbil


@pytest.fixture
def kirkuk_key(two_governorates):
    """The secret of a key over Kirkuk governorate."""
    return partner_key(
        organisation="Kirkuk NGO", level="governorate", governorate=directorate("KIR").governorate
    )[1]


@pytest.fixture
def national_key(two_governorates):
    return partner_key(organisation="WHO Iraq")[1]
