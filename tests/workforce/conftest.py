import pytest

from tests.factories.workforce import (
    FacilityFactory,
    HealthWorkerFactory,
    UserFactory,
    directorate,
    governorate,
)
from workforce.services import role_assign


@pytest.fixture
def staff(db):
    """A staff user holding `role` over one scope, put in the role's group like the admin does."""

    def make(role, level, **scope):
        user = UserFactory()
        role_assign(user=user, role=role, level=level, **scope)
        return user

    return make


@pytest.fixture
def kirkuk_staff_auditor(staff):
    return staff("auditor", "governorate", governorate=governorate("KIR"))


@pytest.fixture
def erbil_worker(db):
    facility = FacilityFactory(directorate=directorate("ERB"), name_en="Rizgary Hospital")
    return HealthWorkerFactory(
        facility=facility, name_latin="Shilan Barzani", name_ar="شیلان بارزانی"
    )
