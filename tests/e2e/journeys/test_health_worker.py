"""The health worker's journey on a 360 px phone, in English, Arabic and Kurdish."""

import datetime
import re

import pytest

from django.utils.translation import gettext, override

from courses import services
from courses.models import AttendanceMark, CoursePage, ExternalActivity, JoinRequest, Workshop
from tests.e2e.conftest import wait_until
from tests.e2e.journeys.checks import (
    LANGUAGES,
    assert_reads,
    at,
    login,
    qr_from_screen,
    switch_language,
)
from tests.factories.workforce import HealthWorkerFactory, UserFactory
from workforce.models import HealthWorker

COURSE_CODE = "PHC-110"  # translated into Arabic and Kurdish in the demo


def _newcomer(language: str) -> HealthWorker:
    """A nurse in Kirkuk with an account, on the roster of the workshop running today."""
    demo_worker = HealthWorker.objects.get(user__username="worker.kirkuk")
    worker = HealthWorkerFactory(
        facility=demo_worker.facility,
        cadre=demo_worker.cadre,
        user=UserFactory(username=f"nurse.{language}", password="demo-pass-2026"),
    )
    running = Workshop.objects.get(status="running", venue__governorate__code="KIR")
    services.enrolment_add(workshop=running, health_worker=worker, user=running.created_by)
    return worker


def _today_session(workshop):
    return workshop.sessions.get(date=datetime.date.today())


@pytest.mark.parametrize("language", LANGUAGES)
def test_health_worker_reads_a_course_checks_in_by_qr_and_finds_the_credits(
    open_page, screenshots, language
):
    worker = _newcomer(language)
    phone = open_page(language)
    login(phone, worker.user.username)

    # Find a course in the catalogue and read it.
    course = CoursePage.objects.get(code=COURSE_CODE, locale__language_code=language)
    phone.goto(at(language, "/courses/"))
    assert_reads(phone)
    screenshots(phone, "catalogue")
    phone.locator(f"a[href$='/{course.slug}/']").first.click()
    phone.wait_for_url(re.compile(re.escape(course.slug)))
    assert phone.locator("h1").inner_text() == course.title
    assert_reads(phone)
    screenshots(phone, "course")

    # See when and where its next workshop is (Erbil, in the demo) and ask to join it.
    with override(language):
        ask, waiting = gettext("Ask to join"), gettext("Asked to join: waiting for the trainer")
    phone.locator("#workshops").get_by_role("button", name=ask).first.click()
    phone.wait_for_load_state()
    assert waiting in phone.locator("#workshops").inner_text()
    assert JoinRequest.objects.filter(health_worker=worker, status="pending").count() == 1
    assert_reads(phone)
    screenshots(phone, "asked-to-join")
    phone.locator(".module-list a").first.click()
    phone.wait_for_load_state()
    assert phone.locator("h1").count() == 1
    assert_reads(phone)
    screenshots(phone, "module")

    # The trainer shows today's code; the phone's camera reads it from the screen.
    running = Workshop.objects.get(status="running", venue__governorate__code="KIR")
    session = _today_session(running)
    trainer = open_page(language, size="desktop")
    login(trainer, "trainer.kirkuk")
    trainer.goto(at(language, f"/learning/sessions/{session.pk}/"))
    trainer.locator(".qr-panel summary").click()
    wait_until(trainer, "document.getElementById('qr').naturalWidth > 0")
    url = qr_from_screen(trainer, "#qr")
    screenshots(trainer, "trainer-shows-qr")
    assert "/learning/check-in/" in url
    phone.goto(url)
    assert phone.locator("[role=status] .ok").count() == 1
    assert_reads(phone)
    screenshots(phone, "checked-in")
    mark = AttendanceMark.objects.get(enrolment__health_worker=worker, session=session)
    assert (mark.status, mark.method) == ("present", "qr")

    # My learning: the next workshop for the cadre, the credits, the transcript.
    phone.get_by_role("link", name=phone.locator("main p a").last.inner_text()).click()
    phone.wait_for_url(re.compile(r"/learning/$"))
    upcoming = Workshop.objects.filter(status="open", venue__governorate__code="KIR").first()
    with override(language):
        assert upcoming.venue.name in phone.locator("main").inner_text()
    assert_reads(phone)
    screenshots(phone, "my-learning")

    # An outside activity, claimed with a photo of its certificate.
    phone.goto(at(language, "/learning/claims/new/"))
    phone.fill("#id_title", "Neonatal resuscitation refresher")
    phone.fill("#id_provider", "Iraqi Red Crescent")
    phone.select_option("#id_kind", index=1)
    phone.fill("#id_date", (datetime.date.today() - datetime.timedelta(days=3)).isoformat())
    phone.fill("#id_hours", "4")
    phone.set_input_files("#id_evidence", files=[_evidence()])
    screenshots(phone, "claim-form")
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_url(re.compile(r"/learning/$"))
    claim = ExternalActivity.objects.get(health_worker=worker)
    assert (claim.hours, claim.status) == (4, "pending")
    assert claim.title in phone.locator("main").inner_text()
    assert_reads(phone)


def test_the_demo_worker_sees_credits_transcript_and_certificates_in_arabic(open_page, screenshots):
    phone = open_page("ar")
    login(phone, "worker.kirkuk")
    phone.goto("/ar/learning/")
    assert_reads(phone)
    worker = HealthWorker.objects.get(user__username="worker.kirkuk")
    completions = worker.completions.filter(is_complete=True).count()
    assert phone.locator("#transcript tbody tr").count() >= completions > 0
    assert float(phone.locator("[data-earned]").inner_text()) > 0
    screenshots(phone, "credits-and-transcript")
    certificates = phone.locator("a[href*='/certificates/'][href$='/download/']")
    assert certificates.count() >= 1
    with phone.expect_download() as download:
        certificates.first.click()
    assert download.value.suggested_filename.endswith(".pdf")


def _evidence():
    from demo.tracking import _evidence_png

    upload = _evidence_png()
    return {"name": "certificate.png", "mimeType": "image/png", "buffer": upload.read()}


# Every kind of page a health worker meets, and the path that shows it.
PAGE_KINDS = {
    "home": "/",
    "catalogue": "/courses/",
    "course": "/courses/erb/mobile-clinic-phc/",
    "module": None,  # the course's first module, found below
    "my learning": "/learning/",
    "claim form": "/learning/claims/new/",
    "profile": "/accounts/profile/",
    "certificate check": "/verify/no-such-code/",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_switching_language_from_every_page_lands_on_the_same_page(open_page, language):
    phone = open_page(language)
    login(phone, "worker.kirkuk")
    phone.goto(at(language, PAGE_KINDS["course"]))
    module = phone.locator(".module-list a").first.get_attribute("href")
    kinds = {**PAGE_KINDS, "module": re.sub(r"^/(ar|ckb)/", "/", module)}
    for kind, path in kinds.items():
        for target in LANGUAGES:
            if target == language:
                continue
            phone.language = language
            phone.goto(at(language, path) + "?from=switcher")
            switch_language(phone, target)
            landed = phone.url.split(phone.url.split("/")[2], 1)[1]
            assert landed == at(target, path) + "?from=switcher", (kind, language, target)
            html = phone.locator("html")
            assert html.get_attribute("lang") == target, (kind, target)
