"""The one job follower (core/job-progress.js) in a browser: a long export's bar moves as the
worker reports, a Kurdish reader reads its numbers, and the page offers the file once it is done.

The worker's reports are written to the result backend as a Celery worker writes them
(`store_result` with the PROGRESS state and the job's meta), so the page polls the real status
view and the real backend.
"""

import uuid

import pytest
from celery import current_app

from django.core.files.base import ContentFile
from django.utils import timezone

from coverage.models import CoverageExport
from tests.e2e.conftest import login, wait_until
from tests.factories.workforce import RoleAssignmentFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_long_export_shows_its_progress_and_then_its_download(phone):
    auditor = RoleAssignmentFactory(role="auditor", level="national").user
    task_id = f"export-{uuid.uuid4()}"  # the result backend's file outlives the test database
    job = CoverageExport.objects.create(
        user=auditor, view="index", file_format="xlsx", task_id=task_id, language="ckb"
    )
    backend = current_app.backend
    login(phone, auditor.username)
    phone.goto(f"/ckb/coverage/exports/{job.pk}/")
    bar = phone.locator("[data-job] .progress")
    assert bar.get_attribute("aria-valuenow") == "0"
    assert phone.locator("#export-link").is_hidden()

    backend.store_result(task_id, {"done": 3, "total": 12, "user_id": auditor.pk}, "PROGRESS")
    wait_until(
        phone,
        "document.querySelector('[data-job] .progress').ariaValueNow === '25'",
        timeout=30_000,  # polled each second; a busy machine answers slower
    )
    assert phone.locator("[data-job-text]").inner_text() == "3 / 12"

    job.file.save("coverage.xlsx", ContentFile(b"PK\x03\x04"), save=False)
    job.finished_at = timezone.now()
    job.save()
    backend.store_result(task_id, {"user_id": auditor.pk}, "SUCCESS")
    phone.locator("#export-link").wait_for(state="visible")  # the page reloaded by itself
    assert phone.locator("[data-job] .progress").get_attribute("aria-valuenow") == "100"
    assert phone.locator("html").get_attribute("lang") == "ckb"
