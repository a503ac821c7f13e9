"""Paired knowledge gain and who counts in coverage, on a 360 px phone in Arabic and Kurdish.

Each page must say it in the reader's language and fit the phone; with SCREENSHOTS set, a PNG of
each page is written there.
"""

import datetime
import os
from decimal import Decimal

import pytest

from django.urls import reverse
from django.utils import translation

from coverage.services import coverage_rebuild
from tests.coverage.conftest import complete
from tests.e2e.conftest import login
from tests.factories.courses import AssessmentScoreFactory, EnrolmentFactory, course_page
from tests.factories.workforce import (
    FacilityFactory,
    HealthWorkerFactory,
    RoleAssignmentFactory,
    UserFactory,
    cadre,
    directorate,
    governorate,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAIRED = {"ar": "المكسب لكل مشارك", "ckb": "زیادبوونی هەر بەشداربوویەک"}  # as the app says "gain"
PAIRED_WORKSHOP = {"ar": "التحسن لكل مشارك", "ckb": "بەرەوپێشچوونی هەر بەشداربوویەک"}
BOTH = {"ar": "الاختباران كلاهما", "ckb": "هەردوو تاقیکردنەوە"}
WHO_COUNTS = {"ar": "من يُحتسب", "ckb": "کێ دەژمێردرێت"}
# Wagtail's admin speaks English and Arabic only (WAGTAILADMIN_PERMITTED_LANGUAGES).
LEFT = {"ar": "تاريخ ترك الخدمة", "ckb": "Leaving date"}


@pytest.fixture
def kirkuk_workshop():
    """A Kirkuk workshop of March 2026: 40 → 80, and a weak participant with only a pre-test."""
    course = course_page(title="Infection prevention", code="IPC-01")
    facility = FacilityFactory(directorate=directorate("KIR"), code="K1", name_ar="كركوك الأول")
    nurse, weak = (HealthWorkerFactory(facility=facility, cadre=cadre("nurse")) for _ in range(2))
    completion = complete(nurse, course, datetime.date(2026, 3, 2))
    workshop = completion.enrolment.workshop
    AssessmentScoreFactory(enrolment=completion.enrolment, kind="pre", score=Decimal("40"))
    AssessmentScoreFactory(enrolment=completion.enrolment, kind="post", score=Decimal("80"))
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=weak)
    AssessmentScoreFactory(enrolment=enrolment, kind="pre", score=Decimal("10"))
    coverage_rebuild()
    administrator = RoleAssignmentFactory(
        role="administrator", level="governorate", governorate=governorate("KIR")
    ).user
    return workshop, weak, administrator


def look(phone, path: str, name: str) -> str:
    phone.goto(path)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    if folder := os.environ.get("SCREENSHOTS"):
        phone.screenshot(path=f"{folder}/{name}.png", full_page=True)
    return phone.locator("main").inner_text()


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_paired_gain_and_who_counts_read_on_a_phone(phone, kirkuk_workshop, language):
    workshop, weak, administrator = kirkuk_workshop
    login(phone, administrator.username)
    period = "?start=2026-01&end=2026-06"
    with translation.override(language):
        knowledge_url = reverse("coverage:knowledge") + period
        coverage_url = reverse("coverage:index") + period
        detail_url = reverse("courses:workshop_detail", args=[workshop.pk])
        edit_url = reverse("health_workers:edit", args=[weak.pk])
    knowledge = look(phone, knowledge_url, f"knowledge-{language}")
    assert PAIRED[language] in knowledge and BOTH[language] in knowledge
    coverage = look(phone, coverage_url, f"coverage-{language}")
    assert WHO_COUNTS[language] in coverage
    detail = look(phone, detail_url, f"workshop-{language}")
    assert PAIRED_WORKSHOP[language] in detail and "+40" in detail
    phone.goto(edit_url)
    assert LEFT[language] in phone.locator("#w-editor-form").inner_text()
    if folder := os.environ.get("SCREENSHOTS"):
        phone.locator("#id_left_on").scroll_into_view_if_needed()
        phone.screenshot(path=f"{folder}/worker-edit-{language}.png")


LICENCE_CYCLE = {"ar": "تبدأ دوراتك من تاريخ ترخيصك", "ckb": "خولەکانت لە بەرواری مۆڵەتەکەتەوە"}


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_my_learning_shows_a_cycle_from_the_licence_date_on_a_phone(phone, language):
    user = UserFactory()
    nurse = cadre("nurse")
    nurse.cycles_from_licence, nurse.cycle_years = True, 3
    nurse.save()
    HealthWorkerFactory(cadre=nurse, user=user, licensed_on=datetime.date(2023, 9, 15))
    login(phone, user.username)
    with translation.override(language):
        url = reverse("courses:my_learning")
    assert LICENCE_CYCLE[language] in look(phone, url, f"my-learning-{language}")
