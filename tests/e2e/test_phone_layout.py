"""Arabic and Kurdish pages on a 360 px phone: nothing wider than the screen, the column a person
came for on screen, arrows pointing the way the page reads."""

import datetime
from decimal import Decimal

import pytest

from tests.e2e.conftest import login
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
    UserFactory,
    directorate,
    governorate,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = ["ar", "ckb"]
IN_VIEW = """(selector) => [...document.querySelectorAll(selector)].map((element) => {
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.left >= -0.5 && box.right <= window.innerWidth + 0.5;
})"""


@pytest.fixture
def long_workshop(db):
    """A running workshop with a long title, long names and a participant with a login."""
    course = course_page(
        title="Primary health care in mobile clinics: triage, infection prevention and referral",
        code="PHC-201",
        cme_hours=Decimal("12.0"),
    )
    venue = FacilityFactory(directorate=directorate("KIR"), name_en="Ibn al-Nafis Hospital 1")
    trainer = UserFactory(username="trainer.kirkuk")
    RoleAssignmentFactory(
        user=trainer, role="trainer", level="governorate", governorate=governorate("KIR")
    )
    workshop = WorkshopFactory(course=course, venue=venue, status="running")
    workshop.trainers.add(trainer)
    names = [
        ("Mohammed Osama Abdulrahman Al-Kinani", "محمد أسامة عبد الرحمن الكناني"),
        ("Ruqaya Osama Abdulkareem Al-Hamdani", "رقية أسامة عبد الكريم الحمداني"),
    ]
    for latin, arabic in names:
        worker = HealthWorkerFactory(facility=venue, name_latin=latin, name_ar=arabic)
        AssessmentScoreFactory(
            enrolment=EnrolmentFactory(workshop=workshop, health_worker=worker), kind="pre"
        )
    holder = HealthWorkerFactory(
        facility=venue,
        name_latin="Zainab Hawre Salih",
        name_ar="زينب هاوري صالح",
        user=UserFactory(username="zainab"),
    )
    CompletionFactory(
        enrolment=EnrolmentFactory(workshop=workshop, health_worker=holder),
        completed_on=datetime.date.today(),
        cme_hours=Decimal("12.0"),
    )
    return workshop


def fits(phone) -> bool:
    return phone.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_roster_and_scores_fit_a_phone_with_the_post_test_and_its_error_in_view(
    phone, long_workshop, language
):
    login(phone, "trainer.kirkuk")
    phone.goto(f"/{language}/learning/workshops/{long_workshop.pk}/roster/")
    assert fits(phone)
    phone.goto(f"/{language}/learning/workshops/{long_workshop.pk}/scores/")
    phone.locator("#scores input[name^=post_]").first.fill("101")
    phone.locator("form.card button[type=submit]").click()
    phone.wait_for_load_state()
    assert fits(phone)
    assert all(phone.evaluate(IN_VIEW, "#scores input[name^=post_]"))
    assert phone.evaluate(IN_VIEW, "#scores .cell-error .errorlist") == [True]


@pytest.mark.parametrize("language", LANGUAGES)
def test_my_learning_fits_a_phone_with_the_transcript_hours_in_view(phone, long_workshop, language):
    login(phone, "zainab")
    phone.goto(f"/{language}/learning/")
    assert fits(phone)
    hours = "#transcript tbody tr td:last-child"
    assert phone.locator(hours).first.inner_text().strip() == "12"
    assert phone.evaluate(IN_VIEW, hours) == [True]


@pytest.mark.parametrize(("language", "arrow"), [("ar", "→"), ("ckb", "→"), ("en", "←")])
def test_the_back_arrow_points_to_where_the_page_begins(phone, long_workshop, language, arrow):
    login(phone, "trainer.kirkuk")
    prefix = "" if language == "en" else f"/{language}"
    phone.goto(f"{prefix}/learning/workshops/{long_workshop.pk}/scores/")
    drawn = phone.evaluate(
        "getComputedStyle(document.querySelector('.back-arrow'), '::before').content"
    )
    assert drawn == f'"{arrow}"'
