import datetime

import pytest
from openpyxl import load_workbook

from coverage.services import coverage_rebuild
from tests.coverage.conftest import complete
from tests.e2e.conftest import login
from tests.factories.courses import course_page
from tests.factories.workforce import (
    FacilityFactory,
    HealthWorkerFactory,
    RoleAssignmentFactory,
    cadre,
    directorate,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def trained_kirkuk():
    """Two of three Kirkuk One workers trained in infection prevention; one elsewhere untrained."""
    course = course_page(title="Infection prevention", code="IPC-01")
    facility = FacilityFactory(directorate=directorate("KIR"), code="K1", name_ar="كركوك الأول")
    FacilityFactory(directorate=directorate("KIR"), code="K2", name_ar="كركوك الثاني")
    nurses = [HealthWorkerFactory(facility=facility, cadre=cadre("nurse")) for _ in range(2)]
    HealthWorkerFactory(facility=facility, cadre=cadre("midwife"))
    for nurse in nurses:
        complete(nurse, course, datetime.date(2026, 3, 2))
    coverage_rebuild()
    auditor = RoleAssignmentFactory(role="auditor", level="national").user
    return course, auditor


def test_auditor_drills_down_in_arabic_and_downloads_the_xlsx(page, trained_kirkuk, tmp_path):
    course, auditor = trained_kirkuk
    login(page, auditor.username)
    page.goto(f"/ar/coverage/?start=2026-01&end=2026-06&courses={course.pk}")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "تغطية التدريب"
    page.click('a[data-drill="KIR"]')  # the governorate
    page.wait_for_url("**level=governorate**")
    page.click('a[data-drill="KIR"]')  # its health directorate
    page.wait_for_url("**level=directorate**")
    page.click('a[data-drill="K1"]')
    page.wait_for_url("**level=facility**")
    nurse_row = page.locator("tbody tr", has_text="ممرض")
    assert nurse_row.locator('[data-figure="trained"]').inner_text() == "2"
    assert (
        page.locator("tfoot [data-figure='share']").inner_text() == "66,7%"
    )  # Arabic decimal comma
    with page.expect_download() as download:
        page.click('a[data-export="xlsx"]')
    path = tmp_path / "coverage.xlsx"
    download.value.save_as(path)
    sheet = load_workbook(path).active
    rows = [tuple(cell.value for cell in row) for row in sheet.iter_rows()]
    assert rows[0][1] == "المكان" and sheet.sheet_view.rightToLeft
    assert ("nurse", "ممرض", "IPC-01", "Infection prevention", 2, 2, 100, 0) in rows


def test_coverage_page_fits_a_phone_in_kurdish(phone, trained_kirkuk):
    course, auditor = trained_kirkuk
    login(phone, auditor.username)
    phone.goto(f"/ckb/coverage/?start=2026-01&end=2026-06&courses={course.pk}")
    assert phone.locator("html").get_attribute("dir") == "rtl"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert phone.locator("svg.coverage-map").bounding_box()["width"] <= 360
    phone.click("summary")
    assert phone.locator("#id_start").is_visible()


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_coverage_table_keeps_the_place_in_view_when_its_figures_scroll_on_a_phone(
    phone, trained_kirkuk, language
):
    course, auditor = trained_kirkuk
    login(phone, auditor.username)
    phone.goto(f"/{language}/coverage/?start=2026-01&end=2026-06&courses={course.pk}")
    wrapper = phone.locator(".table-scroll:has(.coverage-table)")
    # Scroll the figures to their far end (negative in right-to-left).
    wrapper.evaluate("e => { e.scrollLeft = -e.scrollWidth; }")
    assert wrapper.evaluate("e => Math.abs(e.scrollLeft)") > 0
    place = phone.locator(".coverage-table tbody tr:first-child > :first-child")
    box, screen = place.bounding_box(), wrapper.bounding_box()
    assert box["x"] >= screen["x"] - 1
    assert box["x"] + box["width"] <= screen["x"] + screen["width"] + 1


def test_trend_chart_is_drawn_by_the_vendored_library_beside_its_table(page, trained_kirkuk):
    course, auditor = trained_kirkuk
    login(page, auditor.username)
    page.goto(f"/ar/coverage/trend/?start=2026-01&end=2026-06&courses={course.pk}")
    chart = page.locator('[data-chart-library="chartist"] svg')
    chart.wait_for()
    assert chart.locator(".ct-bar").count() == 6
    assert page.locator(".chart-fallback").is_hidden()
    assert page.locator("tbody tr", has_text="2026-03").locator("td").inner_text() == "2"


def _left(locator) -> float:
    return locator.bounding_box()["x"]


@pytest.mark.parametrize(("language", "mirrored"), [("ar", True), ("en", False)])
def test_trend_chart_runs_right_to_left_in_arabic_only(page, trained_kirkuk, language, mirrored):
    course, auditor = trained_kirkuk
    login(page, auditor.username)
    prefix = "" if language == "en" else f"/{language}"
    page.goto(f"{prefix}/coverage/trend/?start=2026-01&end=2026-06&courses={course.pk}")
    chart = page.locator('[data-chart-library="chartist"] svg')
    chart.wait_for()
    january = chart.locator(".ct-label.ct-horizontal", has_text="2026-01")
    june = chart.locator(".ct-label.ct-horizontal", has_text="2026-06")
    assert (_left(january) > _left(june)) is mirrored
    # March, the one month with completions, is drawn above its own label.
    march = chart.locator(".ct-label.ct-horizontal", has_text="2026-03").bounding_box()
    bars = [bar.bounding_box() for bar in chart.locator(".ct-bar").all()]
    bar = max(bars, key=lambda box: box["height"])
    assert march["x"] - 10 <= bar["x"] <= march["x"] + march["width"] + 10
