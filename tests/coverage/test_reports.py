import datetime
import smtplib
import subprocess

import pytest

from django.core import mail
from django.core.mail.backends import locmem
from django.urls import reverse

from coverage.models import ReportSubscription
from coverage.report_facts import coverage_report_facts
from coverage.reports import CoverageReportPDF, coverage_report_pdf
from coverage.services import monthly_reports_queue
from coverage.tasks import monthly_reports_send_task
from tests.factories.workforce import RoleAssignmentFactory

pytestmark = pytest.mark.django_db

JULY = datetime.date(2026, 7, 3)  # the report covers 2025-07 to 2026-06


def pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_report_has_the_scope_tables_and_hand_counted_totals(country, national_auditor, tmp_path):
    text = pdf_text(coverage_report_pdf(user=national_auditor, language="en", today=JULY), tmp_path)
    assert "Training coverage report" in text and "2025-07 to 2026-06" in text
    assert "IPC-01" in text and "OXY-01" in text
    total_line = next(line for line in text.splitlines() if line.split()[:1] == ["Total"])
    assert total_line.split()[1:] == ["6", "11", "54.5%", "2"]


def test_kurdistan_report_holds_no_other_governorate(country, kri_auditor, tmp_path):
    text = pdf_text(coverage_report_pdf(user=kri_auditor, language="en", today=JULY), tmp_path)
    assert "Erbil" in text and "Kirkuk" not in text and "Basra" not in text


def test_arabic_report_extracts_arabic_names(country, kri_auditor, tmp_path):
    text = pdf_text(coverage_report_pdf(user=kri_auditor, language="ar", today=JULY), tmp_path)
    assert "أربيل" in text


def test_monthly_job_emails_each_subscriber_once_a_month(country, kri_auditor):
    kri_auditor.email = "kri@example.org"
    kri_auditor.save()
    ReportSubscription.objects.create(user=kri_auditor, language="ckb")
    unsubscribed = RoleAssignmentFactory(role="auditor", level="national").user
    assert monthly_reports_send_task.delay().get() == 1
    assert monthly_reports_queue(today=datetime.date.today()) == 0  # sent this month already
    assert [message.to for message in mail.outbox] == [["kri@example.org"]]
    assert mail.outbox[0].attachments[0][2] == "application/pdf"
    assert unsubscribed.email not in mail.outbox[0].to


class RefusingMailbox(locmem.EmailBackend):
    """The local outbox behind a mail server that refuses one recipient (what leaves the site)."""

    def send_messages(self, messages):
        if any("full@" in address for message in messages for address in message.to):
            raise smtplib.SMTPRecipientsRefused({"full@example.org": (552, b"Mailbox full")})
        return super().send_messages(messages)


def test_one_refused_report_is_retried_alone_and_stops_no_other(
    country, kri_auditor, worker_path, settings
):
    settings.EMAIL_BACKEND = "tests.coverage.test_reports.RefusingMailbox"
    full = RoleAssignmentFactory(role="auditor", level="national").user
    full.email = "full@example.org"
    full.save()
    kri_auditor.email = "kri@example.org"
    kri_auditor.save()
    ReportSubscription.objects.create(user=full, language="ar")  # queued first
    ReportSubscription.objects.create(user=kri_auditor, language="ckb")

    monthly_reports_send_task.delay()
    results = worker_path.run(stop_on_error=False)

    assert [message.to for message in mail.outbox] == [["kri@example.org"]]
    assert mail.outbox[0].subject != "Monthly training coverage report"  # in Kurdish
    sent = ReportSubscription.objects.filter(last_sent_on__isnull=False)
    assert [subscription.user for subscription in sent] == [kri_auditor]
    # The refused one was tried again on its own: the first try and its five retries.
    refused = [result for result in results if getattr(result, "exception", None) is not None]
    assert len(refused) == 6


def test_report_on_demand_and_subscription_from_the_page(client, country, kri_auditor):
    client.force_login(kri_auditor)
    response = client.get(reverse("coverage:report"))
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    client.post(reverse("coverage:subscription"), {"subscribe": "1"})
    assert ReportSubscription.objects.get(user=kri_auditor).is_active


def test_the_report_renderer_reads_nothing_from_the_database(
    country, national_auditor, django_assert_num_queries
):
    """Facts in, bytes out: the renderer draws only what the facts selector read."""
    facts = coverage_report_facts(user=national_auditor, today=JULY)
    assert facts.courses and any(place.figures for place in facts.map_places)
    with django_assert_num_queries(0):
        pdf = CoverageReportPDF(language="ar").render(facts)
    assert pdf.startswith(b"%PDF")
