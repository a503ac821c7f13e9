import csv
import io

import pytest
from openpyxl import load_workbook

from django.urls import reverse

from core.spreadsheets import neutralise
from coverage.models import CoverageExport
from tests.factories.workforce import FacilityFactory, directorate

pytestmark = pytest.mark.django_db

PERIOD = "start=2026-01&end=2026-06"


def download(client, user, view, file_format, query=""):
    client.force_login(user)
    url = reverse("coverage:export", args=[view, file_format])
    return client.get(f"{url}?{PERIOD}{query}")


def csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def xlsx_rows(response) -> list[tuple]:
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    return [tuple(cell.value for cell in row) for row in sheet.iter_rows()]


@pytest.mark.parametrize("value", ["=1+1", "+33", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_formula_like_text_is_neutralised(value):
    assert neutralise(value) == "'" + value


def test_plain_text_and_numbers_pass_unchanged():
    assert neutralise("Kirkuk") == "Kirkuk" and neutralise(-3) == -3


def test_csv_table_export_has_the_page_figures(client, country, national_auditor):
    rows = csv_rows(download(client, national_auditor, "table", "csv", f"&courses={country.a.pk}"))
    assert rows[0][:5] == ["Place code", "Place", "Course code", "Course", "Workers trained"]
    kirkuk = next(row for row in rows if row[0] == "KIR")
    assert kirkuk[4:] == ["2", "4", "50.0", "1"]
    assert rows[-1][1:] == ["Total", "IPC-01", "Infection prevention", "6", "11", "54.5", "2"]


def test_xlsx_export_has_the_same_figures_and_neutralised_names(client, country, national_auditor):
    FacilityFactory(directorate=directorate("KIR"), code="=HYPERLINK(1)", name_en="-evil")
    rows = xlsx_rows(
        download(client, national_auditor, "table", "xlsx", f"&courses={country.a.pk}")
    )
    assert ("BAS", "Basra", "IPC-01", "Infection prevention", 1, 3, 33.3, 1) in rows
    kir = directorate("KIR").pk
    facility_rows = xlsx_rows(
        download(client, national_auditor, "table", "xlsx", f"&level=directorate&place={kir}")
    )
    assert any(row[:2] == ("'=HYPERLINK(1)", "'-evil") for row in facility_rows)


def test_gaps_trend_and_knowledge_exports(client, country, national_auditor):
    course = f"&courses={country.a.pk}"
    gaps = csv_rows(download(client, national_auditor, "gaps", "csv", course))
    trend = csv_rows(download(client, national_auditor, "trend", "csv", course))
    gain = csv_rows(download(client, national_auditor, "knowledge", "csv", course))
    assert gaps[1:] == [["IPC-01", "K2", "Kirkuk Two", "Kirkuk Health Directorate", "Kirkuk", "1"]]
    assert trend[1:] == [["2026-01", "1"], ["2026-02", "1"], ["2026-03", "3"], ["2026-04", "1"],
                         ["2026-05", "1"], ["2026-06", "0"]]  # fmt: skip
    assert next(row for row in gain if row[0] == "KIR")[2:5] == ["45.0", "85.0", "40.0"]


def test_export_headers_follow_the_reader_language(client, country, national_auditor):
    client.force_login(national_auditor)
    response = client.get(f"/ar/coverage/export/trend.csv?{PERIOD}")
    header = csv_rows(response)[0]
    assert header != ["Month", "Completions"] and all(header)


def test_large_export_runs_in_background_for_its_requester_only(
    client, country, national_auditor, kri_auditor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = download(
            client, national_auditor, "facilities", "xlsx", f"&courses={country.a.pk}"
        )
    job = CoverageExport.objects.get()
    assert response.status_code == 302 and job.finished_at is not None
    status = client.get(response["Location"]).content.decode()
    assert reverse("coverage:export_download", args=[job.pk]) in status
    rows = xlsx_rows(client.get(reverse("coverage:export_download", args=[job.pk])))
    assert rows[1][:5] == ("K1", "Kirkuk One", "Kirkuk Health Directorate", "Kirkuk", "IPC-01")
    client.force_login(kri_auditor)
    assert client.get(reverse("coverage:export_download", args=[job.pk])).status_code == 404
