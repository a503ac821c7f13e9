import datetime
from decimal import Decimal

import pytest

from django.urls import reverse

from courses.models import ExternalActivity
from tests.certificates.pdftools import pdf_text
from tests.factories.courses import (
    CompletionFactory,
    EnrolmentFactory,
    ExternalActivityFactory,
    course_page,
)
from tests.factories.workforce import HealthWorkerFactory

pytestmark = pytest.mark.django_db

NAME_AR = "زينب حسين الكركوكي"


@pytest.fixture
def kirkuk_worker(kirkuk_worker):
    kirkuk_worker.name_ar = NAME_AR
    kirkuk_worker.save()
    return kirkuk_worker


def test_the_sign_in_sheet_lists_the_roster_in_both_scripts_with_the_day(
    client, trainer, workshop, kirkuk_worker
):
    EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    session = workshop.sessions.all()[1]
    client.force_login(trainer)
    response = client.get(reverse("courses:sign_in_sheet", args=[session.pk]))
    [page] = pdf_text(response.content)
    assert response["Content-Type"] == "application/pdf"
    assert "Ahmed Kirkuki" in page
    assert NAME_AR in page
    assert "Day 2 of 4" in page
    assert "Signature" in page


def test_a_long_roster_runs_onto_a_second_page_with_the_heading_repeated(
    client, trainer, workshop, kirkuk_facility
):
    for number in range(25):
        worker = HealthWorkerFactory(facility=kirkuk_facility, name_latin=f"Person {number:02d}")
        EnrolmentFactory(workshop=workshop, health_worker=worker)
    client.force_login(trainer)
    response = client.get(reverse("courses:sign_in_sheet", args=[workshop.sessions.first().pk]))
    pages = pdf_text(response.content)
    assert len(pages) == 2
    assert "Page 2 of 2" in pages[1]
    assert "Name (Latin)" in pages[1]
    assert "Person 24" in pages[1]


def test_another_trainers_sign_in_sheet_is_404(client, other_trainer, workshop):
    client.force_login(other_trainer)
    response = client.get(reverse("courses:sign_in_sheet", args=[workshop.sessions.first().pk]))
    assert response.status_code == 404


def test_the_transcript_pdf_reads_in_english_and_arabic_with_hours_and_claims(
    client, participant_user, kirkuk_worker
):
    enrolment = EnrolmentFactory(health_worker=kirkuk_worker)
    CompletionFactory(
        enrolment=enrolment, completed_on=datetime.date.today(), cme_hours=Decimal("12")
    )
    ExternalActivityFactory(
        health_worker=kirkuk_worker,
        title="Trauma conference",
        date=datetime.date.today(),
        hours=Decimal("4"),
        status=ExternalActivity.Status.APPROVED,
    )
    client.force_login(participant_user)
    response = client.get(reverse("courses:my_transcript"))
    [page] = pdf_text(response.content)
    assert "CME transcript" in page
    assert "سجل التعليم الطبي المستمر" in page
    assert "Ahmed Kirkuki" in page
    assert NAME_AR in page
    assert enrolment.workshop.course.title in page
    assert "Trauma conference" in page
    assert "16 of " in page  # 12 h from the workshop and 4 h from the approved claim


def test_the_transcript_of_an_account_without_a_health_worker_record_is_404(client, user):
    client.force_login(user)
    assert client.get(reverse("courses:my_transcript")).status_code == 404


def test_my_learning_links_the_transcript_pdf(client, participant_user):
    client.force_login(participant_user)
    page = client.get(reverse("courses:my_learning")).content.decode()
    assert reverse("courses:my_transcript") in page


def test_a_long_course_title_wraps_instead_of_running_into_the_date_column(
    client, participant_user, kirkuk_worker
):
    title = "Primary health care in mobile clinics: triage, infection prevention and referral"
    enrolment = EnrolmentFactory(
        health_worker=kirkuk_worker, workshop__course=course_page(title=title)
    )
    CompletionFactory(enrolment=enrolment, completed_on=datetime.date(2026, 10, 7))
    client.force_login(participant_user)
    [page] = pdf_text(client.get(reverse("courses:my_transcript")).content)
    lines = page.splitlines()
    assert "2026-10-07" in lines
    assert all(word in page for word in title.split())
    assert not any("referral" in line and "2026" in line for line in lines)


def test_the_arabic_issue_date_keeps_its_order_in_the_right_to_left_line(client, participant_user):
    client.force_login(participant_user)
    [page] = pdf_text(client.get(reverse("courses:my_transcript")).content)
    assert f"{datetime.date.today():%d/%m/%Y}" in page
