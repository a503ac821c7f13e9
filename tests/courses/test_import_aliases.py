"""A sign-in sheet that names a merged record's licence marks the person it was merged into."""

import pytest

from courses.models import AttendanceMark
from tests.courses.test_import import HEADER, upload
from tests.factories.workforce import HealthWorkerFactory, staff_user
from workforce.merging.services import health_worker_merge

pytestmark = pytest.mark.django_db


def test_an_imported_row_with_a_merged_licence_marks_the_surviving_record(
    client, trainer, workshop, kirkuk_worker
):
    walk_in = HealthWorkerFactory(facility=kirkuk_worker.facility, licence_number="KIR-WALK-7")
    admin = staff_user("administrator", "national")
    health_worker_merge(survivor=kirkuk_worker, merged=walk_in, actor=admin, choices={})
    client.force_login(trainer)
    record = upload(
        client, workshop, "sheet.csv", f"{HEADER}\nkir-walk-7,,01/03/2026,present,,".encode()
    )
    assert record.status == "done", record.errors
    assert AttendanceMark.objects.get().enrolment.health_worker == kirkuk_worker
