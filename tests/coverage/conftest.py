"""A small country whose coverage figures are worked out by hand in the tests.

Period of the tests: 2026-01 to 2026-06. Course A and course B.

| facility (governorate, directorate) | worker (cadre) | complete completions        |
| K1 (Kirkuk, KIR)                    | n1 nurse       | A 2026-01, A 2026-03 again  |
|                                     | n2 nurse       | A 2026-02, B 2026-02        |
|                                     | m1 midwife     | A 2026-02 but not complete  |
| K2 (Kirkuk, KIR)                    | n3 nurse       | A 2025-06 (before period)   |
| B1 (Basra, BAS)                     | n4 nurse       | A 2026-04                   |
|                                     | n5, n7 nurse   | none                        |
| E1 (Erbil, KRI)                     | n6 nurse       | A 2026-05                   |
|                                     | m2 midwife     | B 2026-05                   |
| GK (Baghdad, BGD-KRK)               | g1 nurse       | A 2026-03                   |
| GR (Baghdad, BGD-RSF)               | g2 nurse       | A 2026-03                   |

Certificates: n1's January A valid, n2's A revoked, n4's A valid. Scores (pre/post): n1's January A
40/80, n2's A 50/90, n4's A 60/70.
"""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest

from django.utils import translation

from certificates.models import Certificate
from coverage.selectors import CoverageQuery
from coverage.services import coverage_rebuild
from tests.factories.courses import (
    AssessmentScoreFactory,
    CompletionFactory,
    EnrolmentFactory,
    WorkshopFactory,
    course_page,
)
from tests.factories.workforce import (
    FacilityFactory,
    HealthWorkerFactory,
    RoleAssignmentFactory,
    cadre,
    directorate,
    governorate,
)


@pytest.fixture(autouse=True)
def _english_urls():
    """A request to /ar/ leaves Arabic active in the thread; reverse() here needs English."""
    with translation.override("en"):
        yield


PERIOD = {"start": datetime.date(2026, 1, 1), "end": datetime.date(2026, 6, 1)}


def complete(worker, course, day: datetime.date, *, is_complete: bool = True, venue=None):
    workshop = WorkshopFactory(
        course=course, venue=venue or worker.facility, starts_on=day, ends_on=day
    )
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=worker)
    return CompletionFactory(enrolment=enrolment, completed_on=day, is_complete=is_complete)


def certify(completion, *, status: str = "valid"):
    return Certificate.objects.create(
        completion=completion,
        serial=f"S-{completion.pk}",
        verification_code=f"V-{completion.pk}",
        course_title_en=completion.course.title,
        cme_hours=completion.cme_hours,
        completed_on=completion.completed_on,
        status=status,
    )


def scores(completion, pre: str, post: str) -> None:
    AssessmentScoreFactory(enrolment=completion.enrolment, kind="pre", score=Decimal(pre))
    AssessmentScoreFactory(enrolment=completion.enrolment, kind="post", score=Decimal(post))


@pytest.fixture
def country(db):
    nurse, midwife = cadre("nurse"), cadre("midwife")
    a = course_page(title="Infection prevention", code="IPC-01")
    b = course_page(title="Medical oxygen", code="OXY-01")
    k1 = FacilityFactory(directorate=directorate("KIR"), code="K1", name_en="Kirkuk One")
    k2 = FacilityFactory(directorate=directorate("KIR"), code="K2", name_en="Kirkuk Two")
    b1 = FacilityFactory(directorate=directorate("BAS"), code="B1", name_en="Basra One")
    e1 = FacilityFactory(directorate=directorate("ERB"), code="E1", name_en="Erbil One")
    gk = FacilityFactory(directorate=directorate("BGD-KRK"), code="GK", name_en="Karkh One")
    gr = FacilityFactory(directorate=directorate("BGD-RSF"), code="GR", name_en="Rusafa One")
    w = {}
    for name, facility, group in [
        ("n1", k1, nurse), ("n2", k1, nurse), ("m1", k1, midwife), ("n3", k2, nurse),
        ("n4", b1, nurse), ("n5", b1, nurse), ("n7", b1, nurse), ("n6", e1, nurse),
        ("m2", e1, midwife), ("g1", gk, nurse), ("g2", gr, nurse),
    ]:  # fmt: skip
        w[name] = HealthWorkerFactory(facility=facility, cadre=group, name_latin=name)
    day = datetime.date
    n1_jan = complete(w["n1"], a, day(2026, 1, 15))
    complete(w["n1"], a, day(2026, 3, 10))
    n2_a = complete(w["n2"], a, day(2026, 2, 5))
    complete(w["n2"], b, day(2026, 2, 20))
    complete(w["m1"], a, day(2026, 2, 5), is_complete=False)
    complete(w["n3"], a, day(2025, 6, 1))
    n4_a = complete(w["n4"], a, day(2026, 4, 2))
    complete(w["n6"], a, day(2026, 5, 2))
    complete(w["m2"], b, day(2026, 5, 3))
    complete(w["g1"], a, day(2026, 3, 3))
    complete(w["g2"], a, day(2026, 3, 4))
    certify(n1_jan)
    certify(n2_a, status="revoked")
    certify(n4_a)
    scores(n1_jan, "40", "80")
    scores(n2_a, "50", "90")
    scores(n4_a, "60", "70")
    coverage_rebuild()
    return SimpleNamespace(
        a=a, b=b, k1=k1, k2=k2, b1=b1, e1=e1, gk=gk, gr=gr, nurse=nurse, midwife=midwife, **w
    )


@pytest.fixture
def period_query():
    def build(**fields) -> CoverageQuery:
        return CoverageQuery(**{**PERIOD, **fields})

    return build


@pytest.fixture
def national_auditor(db):
    return RoleAssignmentFactory(role="auditor", level="national").user


@pytest.fixture
def kri_auditor(db):
    return RoleAssignmentFactory(role="auditor", level="region", region="kri").user


@pytest.fixture
def karkh_auditor(db):
    return RoleAssignmentFactory(
        role="auditor", level="directorate", directorate=directorate("BGD-KRK")
    ).user


@pytest.fixture
def kirkuk_gov(db):
    return governorate("KIR")
