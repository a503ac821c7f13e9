import os
import subprocess
import time
from decimal import Decimal

import pytest

from certificates.models import Certificate
from certificates.tasks import workshop_certificates_issue_task
from courses.models import Completion, Enrolment
from tests.factories.certificates import CertificateTemplateFactory
from tests.factories.courses import WorkshopFactory
from tests.factories.workforce import FacilityFactory, cadre, directorate
from workforce.models import HealthWorker
from workforce.names import name_normalise

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

QUEUE = "certificates-bulk-test"


def _workshop_with_completions(count: int):
    CertificateTemplateFactory(name="Ministry default", is_default=True)
    venue = FacilityFactory(directorate=directorate("KIR"))
    workshop = WorkshopFactory(venue=venue)
    nurse = cadre("nurse")
    workers = HealthWorker.objects.bulk_create(
        HealthWorker(
            name_latin=f"Worker {n}",
            name_ar=f"عامل {n}",
            name_key=name_normalise(f"عامل {n}"),
            name_latin_key=name_normalise(f"Worker {n}"),
            facility=venue,
            cadre=nurse,
        )
        for n in range(count)
    )
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(workshop=workshop, health_worker=worker) for worker in workers
    )
    Completion.objects.bulk_create(
        Completion(
            enrolment=enrolment,
            health_worker=enrolment.health_worker,
            course=workshop.course,
            workshop=workshop,
            completed_on=workshop.ends_on,
            is_complete=True,
            attendance_percent=Decimal("100.0"),
            cme_hours=Decimal("12.0"),
        )
        for enrolment in enrolments
    )
    return workshop


def _bulk_worker(session_worker) -> subprocess.Popen:
    """A worker of our own queue, so killing it leaves the session's worker alone."""
    env = {**session_worker.env, "CELERY_VISIBILITY_TIMEOUT": "5"}
    return subprocess.Popen(
        [*session_worker.command, "-Q", QUEUE, "-n", f"bulk{os.getpid()}@%h"], env=env
    )


def _wait_for(condition, *, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.05)


def test_killed_worker_mid_bulk_issue_leaves_exactly_one_certificate_each(real_worker):
    workshop = _workshop_with_completions(500)
    worker = _bulk_worker(real_worker)
    try:
        workshop_certificates_issue_task.apply_async((workshop.pk, None), queue=QUEUE)
        _wait_for(lambda: Certificate.objects.count() >= 40, seconds=240)
        worker.kill()
        worker.wait()
        assert Certificate.objects.count() < 500
        worker = _bulk_worker(real_worker)
        _wait_for(
            lambda: (
                Certificate.objects.exclude(pdf="").count() >= 500
                and Certificate.objects.filter(serial__startswith="PENDING").count() == 0
            ),
            seconds=900,
        )
    finally:
        worker.kill()
        worker.wait()

    certificates = Certificate.objects.filter(completion__workshop=workshop)
    assert certificates.count() == 500
    assert len(set(certificates.values_list("serial", flat=True))) == 500
    assert certificates.values("completion").distinct().count() == 500
