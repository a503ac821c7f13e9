import datetime

import pytest

from django.utils import timezone

from field import services
from tests.factories.courses import EnrolmentFactory, WorkshopFactory, course_page
from tests.factories.workforce import RoleAssignmentFactory, directorate


@pytest.fixture
def trainer(db):
    """A trainer whose scope is the Kirkuk governorate."""
    return RoleAssignmentFactory(
        role="trainer", level="governorate", governorate=directorate("KIR").governorate
    ).user


@pytest.fixture
def other_trainer(db):
    return RoleAssignmentFactory(
        role="trainer", level="governorate", governorate=directorate("BAS").governorate
    ).user


@pytest.fixture
def national_admin(db):
    return RoleAssignmentFactory(role="administrator", level="national").user


@pytest.fixture
def device_and_token(trainer):
    """A phone the trainer enrolled, and its bearer token."""
    code = services.enrolment_code_create(user=trainer)
    return services.device_enrol(code=code, name="Galaxy A14")


@pytest.fixture
def device(device_and_token):
    return device_and_token[0]


@pytest.fixture
def token(device_and_token):
    return device_and_token[1]


@pytest.fixture
def bearer(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


@pytest.fixture
def workshop(kirkuk_facility, trainer):
    """A three-day workshop running today in Kirkuk, trained by `trainer`."""
    today = timezone.localdate()
    workshop = WorkshopFactory(
        course=course_page(),
        venue=kirkuk_facility,
        starts_on=today - datetime.timedelta(days=1),
        ends_on=today + datetime.timedelta(days=1),
        status="running",
    )
    workshop.trainers.add(trainer)
    return workshop


@pytest.fixture
def enrolment(workshop, kirkuk_worker):
    return EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
