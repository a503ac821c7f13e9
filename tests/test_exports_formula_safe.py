"""Every spreadsheet and CSV the site writes is formula-safe, found by walking the site."""

import csv
import io

import pytest
from openpyxl import load_workbook

from django.contrib.auth import get_user_model

from wagtail.admin.views.mixins import SpreadsheetExportMixin

from core.spreadsheets import DANGEROUS
from tests import walk
from tests.factories.courses import EnrolmentFactory, WorkshopFactory, course_page
from tests.factories.workforce import FacilityFactory, HealthWorkerFactory, directorate

pytestmark = pytest.mark.django_db

HOSTILE = ['=HYPERLINK("http://x","y")', "+1", "-1", "@SUM(1)", "\tTab", "\rReturn"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def hostile_records():
    """People, a facility and a course whose names a spreadsheet would run as formulas."""
    facility = FacilityFactory(directorate=directorate("KIR"), name_en="@SUM(1)", name_ar="-1")
    course = course_page(title='=HYPERLINK("http://x","y")')
    workshop = WorkshopFactory(course=course, venue=facility, status="running")
    for index, name in enumerate(HOSTILE):
        worker = HealthWorkerFactory(
            facility=facility, name_latin=name, name_ar=HOSTILE[-1 - index], phone=name[:20]
        )
        EnrolmentFactory(workshop=workshop, health_worker=worker)
    return workshop


def export_urls() -> list[str]:
    """`?export=csv|xlsx` of every Wagtail view that can export (viewsets, snippets, reports)."""
    urls = []
    for route in walk.routes():
        view_class = route.view_class
        if isinstance(view_class, type) and issubclass(view_class, SpreadsheetExportMixin):
            path = route.fill()
            if path:
                urls += [f"{path}?export=csv", f"{path}?export=xlsx"]
    return urls


def spreadsheets_reached(client) -> dict[str, object]:
    """Every response of the walk that is a CSV or an XLSX, by URL."""
    crawl = walk.Crawl()
    starts = [r.fill() for r in walk.routes() if not r.converters() and r.fill()]
    crawl.run(
        client,
        export_urls() + [s for s in starts if not s.startswith("/admin/")],
        budget=400,
        follow=lambda url: not url.startswith(("/admin/", "/ar/", "/ckb/")) or "export=" in url,
    )
    found = {}
    for url, response in crawl.visited.values():
        kind = response.get("Content-Type", "")
        if response.status_code == 200 and ("text/csv" in kind or XLSX in kind):
            found[url] = response
    return found


def cells(response) -> list:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if "text/csv" in response["Content-Type"]:
        rows = csv.reader(io.StringIO(content.decode("utf-8-sig")))
        return [value for row in rows for value in row]
    book = load_workbook(io.BytesIO(content))
    values = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                values.append(cell.value)
    return values


def test_no_cell_of_any_export_or_template_is_a_formula(client, hostile_records):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    found = spreadsheets_reached(client)
    kinds = {("csv" if "text/csv" in r["Content-Type"] else "xlsx") for r in found.values()}
    assert kinds == {"csv", "xlsx"}
    hostile_seen = 0
    for url, response in found.items():
        for value in cells(response):
            if isinstance(value, str):
                assert not value.startswith(DANGEROUS), (url, value)
                hostile_seen += value.lstrip("'").startswith(DANGEROUS)
    assert hostile_seen >= len(HOSTILE)
    template = f"/learning/workshops/{hostile_records.pk}/template.xlsx"
    assert template in found and "/admin/health_workers/?export=csv" in found
