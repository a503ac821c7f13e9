import pytest

from tests.factories.workforce import (
    governorate,
    staff_user,
)


@pytest.fixture
def staff(db):
    """A staff user holding `role` over one scope, put in the role's group like the admin does."""
    return staff_user


@pytest.fixture
def kirkuk_staff_auditor(staff):
    return staff("auditor", "governorate", governorate=governorate("KIR"))
