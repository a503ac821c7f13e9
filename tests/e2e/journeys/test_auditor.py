"""The auditor's and the reviewer's journeys at desktop size, in English, Arabic and Kurdish."""

import io
import re

import pytest
from openpyxl import load_workbook

from tests.e2e.journeys.checks import LANGUAGES, assert_reads, at, login
from tests.factories.courses import ExternalActivityFactory
from workforce.models import Facility, HealthWorker


@pytest.mark.parametrize("language", LANGUAGES)
def test_auditor_drills_down_to_a_facility_and_takes_the_figures_away(
    open_page, screenshots, language
):
    page = open_page(language, size="desktop")
    login(page, "auditor.national")
    page.goto(at(language, "/coverage/"))
    assert_reads(page, size="desktop")
    screenshots(page, "coverage")

    # Down the map's places: governorate, directorate, facility.
    page.locator('table a[data-drill="KIR"]').first.click()
    page.wait_for_url(re.compile("level=governorate"))
    page.locator("table a[data-drill]").first.click()
    page.wait_for_url(re.compile("level=directorate"))
    facility_link = page.locator("table a[data-drill]").first
    code = facility_link.get_attribute("data-drill")
    facility_link.click()
    page.wait_for_url(re.compile("level=facility"))
    facility = Facility.objects.get(code=code)
    name = {"en": facility.name_en, "ar": facility.name_ar, "ckb": facility.name_ckb}[language]
    assert (name or facility.name_en) in page.locator("main").inner_text()
    assert_reads(page, size="desktop")
    screenshots(page, "facility")

    for view in ("gaps", "trend", "knowledge"):
        page.locator(f"a[href*='/coverage/{view}/']").first.click()
        page.wait_for_url(re.compile(f"/coverage/{view}/"))
        assert_reads(page, size="desktop")
        screenshots(page, view)

    page.goto(at(language, "/coverage/"))
    with page.expect_download() as download:
        page.locator('a[data-export="xlsx"]').first.click()
    sheet = load_workbook(io.BytesIO(download.value.path().read_bytes())).active
    assert sheet.max_row > 1
    assert sheet.sheet_view.rightToLeft == (language != "en")
    report = page.context.request.get(page.url.split("/coverage/")[0] + "/coverage/report.pdf")
    assert report.status == 200
    assert report.headers["content-type"] == "application/pdf"
    assert report.body().startswith(b"%PDF")


@pytest.mark.parametrize("language", LANGUAGES)
def test_reviewer_reads_the_evidence_and_approves_a_claim(open_page, screenshots, language):
    worker = HealthWorker.objects.filter(facility__governorate__code="KIR").first()
    claim = ExternalActivityFactory(health_worker=worker, title=f"Emergency course ({language})")
    page = open_page(language, size="desktop")
    login(page, "reviewer.national")
    page.goto(at(language, "/learning/claims/review/"))
    assert_reads(page, size="desktop")
    screenshots(page, "claims")
    card = page.locator("main section", has_text=claim.title)
    evidence = card.locator(f"a[href$='/learning/claims/{claim.pk}/evidence/']")
    assert page.context.request.get(evidence.get_attribute("href")).status == 200
    card.locator("textarea[name=note]").fill("OK")
    approve = card.locator("button[name=decision][value=approve]")
    if approve.count():  # separate Approve and Reject buttons
        approve.click()
    else:
        card.locator("select[name=decision]").select_option("approve")
        card.locator("button[type=submit]").click()
    page.wait_for_url(re.compile("/learning/claims/review/"))
    claim.refresh_from_db()
    assert claim.status == "approved"
    assert_reads(page, size="desktop")
