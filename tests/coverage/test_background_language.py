"""Coverage work done in the background speaks the language of the person it is for."""

import io
import subprocess

import pytest
from openpyxl import load_workbook

from django.core import mail
from django.urls import reverse
from django.utils import translation

from coverage.models import CoverageExport, ReportSubscription
from coverage.tasks import monthly_reports_send_task

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:Results are not stored in backend"),
]

FACILITY_CODE = {"ar": "رمز المؤسسة الصحية", "ckb": "کۆدی دامەزراوە"}
REPORT = {"ar": "تقرير تغطية التدريب", "ckb": "ڕاپۆرتی ڕووماڵی ڕاهێنان"}
MONTHLY = {"ar": "تقرير تغطية التدريب الشهري", "ckb": "ڕاپۆرتی مانگانەی ڕووماڵی ڕاهێنان"}


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_a_background_export_has_the_header_of_the_page_it_was_asked_from(
    language, client, country, national_auditor, worker_path, django_capture_on_commit_callbacks
):
    client.force_login(national_auditor)
    with translation.override(language), django_capture_on_commit_callbacks(execute=True):
        url = reverse("coverage:export", args=["facilities", "xlsx"])
        client.get(f"{url}?start=2026-01&end=2026-06")
    worker_path.run()
    export = CoverageExport.objects.get()
    download = client.get(reverse("coverage:export_download", args=[export.pk]))
    sheet = load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    assert FACILITY_CODE[language] in next(sheet.iter_rows(values_only=True))


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_the_scheduled_report_is_written_in_each_subscribers_language(
    language, country, kri_auditor, worker_path, tmp_path
):
    kri_auditor.email = "kri@example.org"
    kri_auditor.save()
    ReportSubscription.objects.create(user=kri_auditor, language=language)
    with translation.override(None):  # beat queues it with nobody's request behind it
        monthly_reports_send_task.delay()
    assert worker_path.run() == [1, True]  # one report queued, then sent by its own task
    [message] = mail.outbox
    assert message.subject == MONTHLY[language]
    path = tmp_path / "report.pdf"
    path.write_bytes(message.attachments[0][1])
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    title = next(line for line in info.stdout.splitlines() if line.startswith("Title:"))
    assert title.split(":", 1)[1].strip() == REPORT[language]
