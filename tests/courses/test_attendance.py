import datetime
import threading
import time
import uuid

import pytest

from django.db import OperationalError, connection

from courses import services
from courses.models import AttendanceMark, RecordChange
from tests.factories.courses import EnrolmentFactory

pytestmark = pytest.mark.django_db

LATER = datetime.datetime(2026, 3, 1, 10, tzinfo=datetime.UTC)
EARLIER = datetime.datetime(2026, 3, 1, 8, tzinfo=datetime.UTC)


def mark(enrolment, *, status="present", client_uuid=None, taken_at=LATER, user=None):
    return services.attendance_mark(
        session=enrolment.workshop.sessions.first(),
        enrolment=enrolment,
        status=status,
        client_uuid=client_uuid or uuid.uuid4(),
        method="sync",
        user=user,
        taken_at=taken_at,
    )


def test_attendance_mark_replayed_uuid_keeps_one_mark(workshop, kirkuk_worker):
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    key = uuid.uuid4()
    first = mark(enrolment, client_uuid=key)
    second = mark(enrolment, client_uuid=key)
    assert (first.result, second.result) == ("applied", "known")
    assert AttendanceMark.objects.filter(enrolment=enrolment).count() == 1
    assert RecordChange.objects.filter(kind="attendance").count() == 1


def test_attendance_mark_replay_of_a_superseded_uuid_changes_nothing(workshop, kirkuk_worker):
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    old_key = uuid.uuid4()
    mark(enrolment, client_uuid=old_key, status="absent", taken_at=EARLIER)
    mark(enrolment, status="late", taken_at=LATER)
    replay = mark(enrolment, client_uuid=old_key, status="absent", taken_at=EARLIER)
    assert replay.result == "known"
    assert AttendanceMark.objects.get(enrolment=enrolment).status == "late"


def test_attendance_mark_taken_earlier_than_the_stored_one_is_refused(workshop, kirkuk_worker):
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    mark(enrolment, status="present", taken_at=LATER)
    outcome = mark(enrolment, status="absent", taken_at=EARLIER)
    assert outcome.result == "refused"
    assert "later mark" in outcome.reason
    assert AttendanceMark.objects.get(enrolment=enrolment).status == "present"


def test_attendance_mark_for_a_withdrawn_person_is_refused(workshop, kirkuk_worker, trainer):
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    services.enrolment_withdraw(enrolment=enrolment, user=trainer)
    assert mark(enrolment).result == "refused"
    assert not AttendanceMark.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_attendance_mark_sent_concurrently_with_one_uuid_keeps_one_mark(workshop, kirkuk_worker):
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    key, results, barrier = uuid.uuid4(), [], threading.Barrier(4)

    def replay():
        """One device sending the mark, and sending it again while the database is busy."""
        barrier.wait()
        try:
            for _attempt in range(50):
                try:
                    results.append(mark(enrolment, client_uuid=key).result)
                    return
                except OperationalError:  # SQLite's shared test cache locks instead of waiting
                    time.sleep(0.05)
        finally:
            connection.close()

    threads = [threading.Thread(target=replay) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["applied", "known", "known", "known"]
    assert AttendanceMark.objects.filter(client_uuid=key).count() == 1
    assert RecordChange.objects.filter(client_uuid=key).count() == 1
