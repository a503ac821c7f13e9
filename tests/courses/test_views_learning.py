import datetime
import io
from decimal import Decimal

import pytest
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from courses.models import ExternalActivity
from tests.factories.course_pages import translation_of
from tests.factories.courses import (
    MINIMAL_PDF,
    CompletionFactory,
    EnrolmentFactory,
    ExternalActivityFactory,
)
from tests.factories.workforce import HealthWorkerFactory, RoleAssignmentFactory, directorate

pytestmark = pytest.mark.django_db


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def claim(client, name, content, **extra):
    data = {
        "title": "Trauma course",
        "provider": "Red Crescent",
        "kind": "course",
        "date": "2026-02-01",
        "hours": "٨",
    } | extra
    data["evidence"] = SimpleUploadedFile(name, content)
    return client.post(reverse("courses:claim_create"), data)


def test_my_learning_shows_the_transcript_and_the_cycle_progress(
    client, participant_user, kirkuk_worker
):
    enrolment = EnrolmentFactory(health_worker=kirkuk_worker)
    CompletionFactory(
        enrolment=enrolment, completed_on=datetime.date.today(), cme_hours=Decimal("12")
    )
    kirkuk_worker.cadre.cme_hours_per_cycle = 48
    kirkuk_worker.cadre.save()
    client.force_login(participant_user)
    page = client.get(reverse("courses:my_learning")).content.decode()
    assert enrolment.workshop.course.title in page
    assert "of 48 hours required" in page
    assert 'aria-valuenow="25"' in page


def test_my_learning_in_arabic_names_the_course_by_its_arabic_title(
    client, participant_user, kirkuk_worker
):
    enrolment = EnrolmentFactory(health_worker=kirkuk_worker)
    CompletionFactory(enrolment=enrolment, completed_on=datetime.date.today())
    translation_of(enrolment.workshop.course, language="ar", title="إدارة الأوكسجين الطبي")
    client.force_login(participant_user)
    transcript = client.get("/ar/learning/").content.decode().split('id="transcript"')[1]
    assert "إدارة الأوكسجين الطبي" in transcript
    assert enrolment.workshop.course.title not in transcript


def test_my_learning_transcript_scrolls_in_a_labelled_region_reachable_by_keyboard(
    client, participant_user, kirkuk_worker
):
    CompletionFactory(
        enrolment=EnrolmentFactory(health_worker=kirkuk_worker), completed_on=datetime.date.today()
    )
    client.force_login(participant_user)
    page = client.get("/ar/learning/").content.decode()
    with translation.override("ar"):
        label = translation.gettext("Transcript")
    assert label != "Transcript"
    assert f'<div class="table-scroll" role="region" tabindex="0" aria-label="{label}">' in page


def test_a_claim_with_a_real_png_is_stored_for_review(client, participant_user):
    client.force_login(participant_user)
    response = claim(client, "certificate.png", png_bytes())
    assert response.status_code == 302
    activity = ExternalActivity.objects.get()
    assert (activity.status, activity.hours) == ("pending", Decimal("8"))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("certificate.pdf", b"<svg xmlns='http://www.w3.org/2000/svg'><script>x()</script></svg>"),
        ("certificate.png", b"<html><body>hello</body></html>"),
        ("certificate.jpg", b"MZ\x90\x00\x03\x00\x00\x00 an executable"),
        ("certificate.png", b"\x89PNG\r\n\x1a\n but nothing of an image"),
    ],
)
def test_evidence_that_is_not_really_pdf_jpeg_or_png_is_refused(
    client, participant_user, name, content
):
    client.force_login(participant_user)
    response = claim(client, name, content)
    assert response.status_code == 200
    assert not ExternalActivity.objects.exists()


def test_evidence_over_five_megabytes_is_refused(client, participant_user):
    client.force_login(participant_user)
    response = claim(client, "big.pdf", MINIMAL_PDF + b" " * (5 * 1024 * 1024) + b"%%EOF")
    assert "larger than 5 MB" in response.content.decode()


def test_evidence_is_served_to_its_owner_and_not_to_another_worker(
    client, participant_user, kirkuk_worker
):
    activity = ExternalActivityFactory(health_worker=kirkuk_worker)
    client.force_login(participant_user)
    response = client.get(reverse("courses:claim_evidence", args=[activity.pk]))
    assert response["Content-Type"] == "application/pdf"
    other = ExternalActivityFactory(health_worker=HealthWorkerFactory())
    assert client.get(reverse("courses:claim_evidence", args=[other.pk])).status_code == 404


def test_a_reviewer_out_of_scope_gets_404_and_one_in_scope_approves(client, kirkuk_worker):
    activity = ExternalActivityFactory(health_worker=kirkuk_worker)
    basra = RoleAssignmentFactory(
        role="reviewer", level="governorate", governorate=directorate("BAS").governorate
    )
    client.force_login(basra.user)
    assert client.get(reverse("courses:claim_evidence", args=[activity.pk])).status_code == 404
    kirkuk = RoleAssignmentFactory(
        role="reviewer", level="governorate", governorate=directorate("KIR").governorate
    )
    client.force_login(kirkuk.user)
    client.post(reverse("courses:claim_review", args=[activity.pk]), {"decision": "approve"})
    activity.refresh_from_db()
    assert activity.status == "approved"


def test_a_rejection_needs_a_note(client, kirkuk_worker):
    activity = ExternalActivityFactory(health_worker=kirkuk_worker)
    client.force_login(RoleAssignmentFactory(role="reviewer").user)
    client.post(reverse("courses:claim_review", args=[activity.pk]), {"decision": "reject"})
    activity.refresh_from_db()
    assert activity.status == "pending"
