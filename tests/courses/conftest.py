import datetime

import pytest

from tests.factories.courses import WorkshopFactory, course_page
from tests.factories.workforce import RoleAssignmentFactory, UserFactory, directorate


@pytest.fixture
def trainer(db):
    """A trainer whose scope is the Kirkuk governorate."""
    assignment = RoleAssignmentFactory(
        role="trainer", level="governorate", governorate=directorate("KIR").governorate
    )
    return assignment.user


@pytest.fixture
def other_trainer(db):
    """A trainer in Basra, who trains none of the Kirkuk workshops."""
    assignment = RoleAssignmentFactory(
        role="trainer", level="governorate", governorate=directorate("BAS").governorate
    )
    return assignment.user


@pytest.fixture
def course(db):
    return course_page(min_attendance_percent=75, pass_mark_percent=70)


@pytest.fixture
def workshop(course, kirkuk_facility, trainer):
    """A running four-day workshop in Kirkuk, trained by `trainer`."""
    workshop = WorkshopFactory(
        course=course,
        venue=kirkuk_facility,
        starts_on=datetime.date(2026, 3, 1),
        ends_on=datetime.date(2026, 3, 4),
        status="running",
    )
    workshop.trainers.add(trainer)
    return workshop


@pytest.fixture
def participant_user(kirkuk_worker):
    """The login of `kirkuk_worker`."""
    user = UserFactory()
    kirkuk_worker.user = user
    kirkuk_worker.save()
    return user
