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


SMALL_TARGETS = """() => {
  const small = [];
  const targets = "button, .button, summary, select, a, "
    + "input:not([type=hidden]):not([type=checkbox]):not([type=radio])";
  for (const element of document.querySelectorAll(`main :is(${targets})`)) {
    const box = element.getBoundingClientRect();
    if (!box.width) continue;
    // A link inside a sentence is read, not aimed at; a link alone on its line is a target.
    if (element.tagName === "A" && !element.classList.contains("button")
        && element.parentElement.textContent.trim() !== element.textContent.trim()) continue;
    const label = element.textContent.trim().slice(0, 30);
    if (box.height < 43.5) small.push(`${element.tagName} "${label}" ${box.height}`);
  }
  return small;
}"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_buttons_and_links_of_the_trainers_and_the_workers_pages_are_44_px_tall(
    phone, long_workshop, language
):
    login(phone, "trainer.kirkuk")
    for path in ("", "roster/", "scores/", "close/"):
        phone.goto(f"/{language}/learning/workshops/{long_workshop.pk}/{path}")
        assert phone.evaluate(SMALL_TARGETS) == [], path
    phone.context.clear_cookies()
    login(phone, "zainab")
    phone.goto(f"/{language}/learning/")
    assert phone.evaluate(SMALL_TARGETS) == []


def test_status_labels_are_framed_words_not_empty_looking_bars(phone, long_workshop):
    login(phone, "trainer.kirkuk")
    phone.goto(f"/ar/learning/workshops/{long_workshop.pk}/")
    badge = phone.locator(".page-head .badge")
    assert badge.inner_text().strip()
    style = badge.evaluate(
        "(e) => { const s = getComputedStyle(e); return [s.borderTopWidth, s.borderRadius]; }"
    )
    assert style[0] != "0px" and float(style[1].removesuffix("px")) <= 6


def test_the_editors_floating_bar_does_not_cover_the_sites_own_pages(phone, long_workshop):
    UserFactory(username="editor", is_superuser=True, is_staff=True)
    login(phone, "editor")
    phone.goto(f"/ar/learning/workshops/{long_workshop.pk}/")
    covered = phone.evaluate(
        """() => {
          const bar = document.querySelector("wagtail-userbar");
          if (!bar) return [];
          const inner = bar.shadowRoot && bar.shadowRoot.querySelector(".w-userbar");
          const b = (inner || bar).getBoundingClientRect();
          return [...document.querySelectorAll("main a, main button, main input, main td")]
            .filter((e) => {
              const r = e.getBoundingClientRect();
              const across = r.left < b.right && r.right > b.left;
              return r.width && across && r.top < b.bottom && r.bottom > b.top;
            })
            .map((e) => e.tagName);
        }"""
    )
    assert covered == []
    assert phone.locator("wagtail-userbar").count() == 0
