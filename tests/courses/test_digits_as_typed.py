"""The four cases of issue 11 (digits as typed), through the pages a trainer or worker uses."""

import io
from decimal import Decimal

import pytest
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses.models import AssessmentScore, ExternalActivity, Workshop
from tests.factories.courses import EnrolmentFactory
from tests.factories.workforce import cadre
from workforce.models import HealthWorker

pytestmark = pytest.mark.django_db


def walk_in(client, workshop, **fields):
    data = {"name_ar": "سيروان حمە", "sex": "M", "cadre": cadre("nurse").pk} | fields
    data["facility"] = workshop.venue_id
    return client.post(reverse("courses:roster_walk_in", args=[workshop.pk]), data)


def test_a_walk_in_phone_typed_in_arabic_indic_digits_is_stored_in_ascii(client, trainer, workshop):
    client.force_login(trainer)
    response = walk_in(client, workshop, phone="\u200f٠٧٧٠ ١٢٣ ٤٥٦٧", licence_number="LIC-٩٩٨")
    assert response.status_code == 302
    worker = HealthWorker.objects.get(name_ar="سيروان حمە")
    assert (worker.phone, worker.licence_number) == ("07701234567", "LIC-998")


@pytest.mark.parametrize("query", ["07701234567", "٠٧٧٠١٢٣٤٥٦٧", "۰۷۷۰ ۱۲۳ ۴۵۶۷", "۱۲۳۴۵۶۷"])
def test_the_roster_search_finds_a_walk_in_by_the_phone_in_any_digits(
    client, trainer, workshop, query
):
    client.force_login(trainer)
    walk_in(client, workshop, phone="٠٧٧٠ ١٢٣ ٤٥٦٧")
    workshop.enrolments.all().delete()  # found in the registry, not read off the roster
    response = client.get(reverse("courses:roster", args=[workshop.pk]), {"q": query})
    assert "سيروان حمە" in response.content.decode()


def test_the_roster_search_finds_a_licence_typed_in_extended_arabic_indic_digits(
    client, trainer, workshop
):
    client.force_login(trainer)
    walk_in(client, workshop, licence_number="LIC-٩٩٨")
    workshop.enrolments.all().delete()
    response = client.get(reverse("courses:roster", args=[workshop.pk]), {"q": "lic-۹۹۸"})
    assert "سيروان حمە" in response.content.decode()


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("hours", ["۱۲٫۵", "١٢,٥", "١٢٫٥", "12.5"])
def test_claim_hours_typed_with_an_arabic_or_comma_decimal_are_twelve_and_a_half(
    client, participant_user, hours
):
    client.force_login(participant_user)
    data = {
        "title": "Trauma course",
        "provider": "Red Crescent",
        "kind": "course",
        "date": "٢٠٢٦-٠٢-٠١",
        "hours": hours,
        "evidence": SimpleUploadedFile("certificate.png", png_bytes()),
    }
    response = client.post(reverse("courses:claim_create"), data)
    assert response.status_code == 302
    activity = ExternalActivity.objects.get()
    assert (activity.hours, activity.date.isoformat()) == (Decimal("12.5"), "2026-02-01")


def test_a_workshop_scheduled_with_arabic_indic_dates_gets_its_sessions(
    client, trainer, course, kirkuk_facility
):
    client.force_login(trainer)
    data = {
        "course": course.pk,
        "venue": kirkuk_facility.pk,
        "starts_on": "٢٠٢٦-١٢-٠٥",
        "ends_on": "۲۰۲۶-۱۲-۰۷",
        "capacity": "٢٥",
        "language": "ar",
    }
    response = client.post(reverse("courses:workshop_create"), data)
    assert response.status_code == 302
    workshop = Workshop.objects.get(course=course)
    assert [str(s.date) for s in workshop.sessions.all()] == [
        "2026-12-05",
        "2026-12-06",
        "2026-12-07",
    ]
    assert workshop.capacity == 25


def test_the_score_grid_reads_a_percentage_with_the_arabic_percent_sign(client, trainer, workshop):
    enrolment = EnrolmentFactory(workshop=workshop)
    client.force_login(trainer)
    url = reverse("courses:scores", args=[workshop.pk])
    response = client.post(url, {f"pre_{enrolment.pk}": "٨٥٪", f"post_{enrolment.pk}": "۹۲٫۵ %"})
    assert response.status_code == 302
    scores = {s.kind: s.score for s in AssessmentScore.objects.filter(enrolment=enrolment)}
    assert scores == {"pre": Decimal("85"), "post": Decimal("92.5")}


def test_the_score_grid_still_refuses_a_percentage_above_a_hundred(client, trainer, workshop):
    enrolment = EnrolmentFactory(workshop=workshop)
    client.force_login(trainer)
    url = reverse("courses:scores", args=[workshop.pk])
    response = client.post(url, {f"pre_{enrolment.pk}": "١٠١٪", f"post_{enrolment.pk}": ""})
    assert "Between 0 and 100" in response.content.decode()
    assert not AssessmentScore.objects.exists()


def test_an_imported_sheet_reads_licence_date_and_score_cells_as_typed(
    client, trainer, workshop, kirkuk_worker
):
    kirkuk_worker.licence_number = "LIC-123"
    kirkuk_worker.save()
    client.force_login(trainer)
    sheet = "Licence number,Session date,Attendance,Post-test (%)\n"
    sheet += "\u200fLIC-۱۲ ۳,۰۲/۰۳/۲۰۲۶,present,۹۲٫۵٪\n"
    response = client.post(
        reverse("courses:attendance_import", args=[workshop.pk]),
        {"file": SimpleUploadedFile("sheet.csv", sheet.encode())},
        follow=True,
    )
    record = response.context["record"]
    assert record.status == "done", record.errors
    assert str(AssessmentScore.objects.get(enrolment__health_worker=kirkuk_worker).score) == "92.5"
