"""Hostile sheets and images are refused with a clear message, and nothing of them is kept."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images import get_image_model

from benchmarks import upload_samples
from courses import importers
from courses.models import AttendanceImport, ExternalActivity

pytestmark = pytest.mark.django_db

SHEETS = {
    label: (name, craft)
    for label, (name, craft) in upload_samples.SAMPLES.items()
    if name.endswith((".xlsx", ".csv"))
}


def stored_files(settings) -> list:
    return [path for path in settings.PRIVATE_MEDIA_ROOT.rglob("*") if path.is_file()]


@pytest.mark.parametrize("label", list(SHEETS))
def test_a_hostile_sheet_is_refused_on_the_import_page_and_nothing_is_stored(
    client, settings, trainer, workshop, label
):
    name, craft = SHEETS[label]
    client.force_login(trainer)
    response = client.post(
        reverse("courses:attendance_import", args=[workshop.pk]),
        {"file": SimpleUploadedFile(name, craft())},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "too large" in page or "unpacks to more than" in page or "packed in a way" in page
    assert not AttendanceImport.objects.exists()
    assert stored_files(settings) == []


def test_the_refusal_of_a_sparse_sheet_is_in_arabic_on_arabic_pages(client, trainer, workshop):
    client.force_login(trainer)
    response = client.post(
        f"/ar{reverse('courses:attendance_import', args=[workshop.pk])}",
        {"file": SimpleUploadedFile("sheet.xlsx", upload_samples.sparse_sheet())},
    )
    assert "الجدول كبير جداً" in response.content.decode()


def test_a_stored_sheet_refused_when_read_is_deleted_and_the_import_rejected(
    settings, trainer, workshop
):
    record = AttendanceImport.objects.create(
        workshop=workshop,
        file=SimpleUploadedFile("sheet.xlsx", upload_samples.sparse_sheet()),
        original_name="sheet.xlsx",
        created_by=trainer,
    )
    record = importers.attendance_import_run(import_id=record.pk)
    assert record.status == "rejected"
    assert "too large" in record.errors[0]["reason"]
    assert stored_files(settings) == []


def test_evidence_of_a_huge_image_is_refused_and_no_claim_is_saved(client, participant_user):
    client.force_login(participant_user)
    response = client.post(
        reverse("courses:claim_create"),
        {
            "title": "Trauma course",
            "provider": "Red Crescent",
            "kind": "course",
            "date": "2026-02-01",
            "hours": "8",
            "evidence": SimpleUploadedFile("evidence.png", upload_samples.huge_png()),
        },
    )
    assert "The image is too large" in response.content.decode()
    assert not ExternalActivity.objects.exists()


def test_a_huge_image_is_refused_by_the_wagtail_image_library(client, settings):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Huge", "file": SimpleUploadedFile("huge.png", upload_samples.huge_png(6000))},
    )
    assert response.status_code == 200
    assert "too many pixels" in response.content.decode()
    assert not get_image_model().objects.exists()
