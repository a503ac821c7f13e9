"""Device clocks that run ahead never block later corrections of attendance."""

import datetime
import uuid

import pytest

from django.utils import timezone

from courses import services
from courses.models import AttendanceMark
from tests.courses.test_checkin_and_sync import offline_mark, sync
from tests.factories.courses import EnrolmentFactory

pytestmark = pytest.mark.django_db

FUTURE_REASON = "This mark is dated after the server's time"


@pytest.fixture
def enrolment(workshop, kirkuk_worker):
    return EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)


def at(delta: datetime.timedelta) -> str:
    return (timezone.now() + delta).isoformat()


def test_a_mark_dated_2099_is_refused_with_a_reason_and_the_rest_of_the_batch_applies(
    client, trainer, workshop, enrolment
):
    first, second = workshop.sessions.all()[:2]
    batch = [
        offline_mark(first, enrolment, uuid.uuid4(), at="2099-01-01T09:00:00+03:00"),
        offline_mark(second, enrolment, uuid.uuid4(), at=at(-datetime.timedelta(hours=1))),
    ]
    client.force_login(trainer)
    results = sync(client, batch).json()["results"]
    assert [r["result"] for r in results] == ["refused", "applied"]
    assert results[0]["reason"].startswith(FUTURE_REASON)
    assert list(AttendanceMark.objects.values_list("session", flat=True)) == [second.pk]


def test_a_mark_a_few_minutes_ahead_is_within_the_tolerance(client, trainer, workshop, enrolment):
    item = offline_mark(workshop.sessions.first(), enrolment, uuid.uuid4())
    item["taken_at"] = at(datetime.timedelta(minutes=5))
    client.force_login(trainer)
    [result] = sync(client, [item]).json()["results"]
    assert result["result"] == "applied"


def test_the_tolerance_is_a_setting(client, trainer, workshop, enrolment, settings):
    settings.ATTENDANCE_CLOCK_TOLERANCE = datetime.timedelta(0)
    item = offline_mark(workshop.sessions.first(), enrolment, uuid.uuid4())
    item["taken_at"] = at(datetime.timedelta(minutes=2))
    client.force_login(trainer)
    [result] = sync(client, [item]).json()["results"]
    assert (result["result"], result["reason"][: len(FUTURE_REASON)]) == ("refused", FUTURE_REASON)


@pytest.fixture
def stored_in_2099(workshop, enrolment):
    """A mark a device dated 2099, received two hours ago (before the rule refused such dates)."""
    return AttendanceMark.objects.create(
        session=workshop.sessions.first(),
        enrolment=enrolment,
        status="absent",
        taken_at=datetime.datetime(2099, 1, 1, tzinfo=datetime.UTC),
        received_at=timezone.now() - datetime.timedelta(hours=2),
        method="sync",
    )


def test_a_mark_stored_in_2099_before_the_rule_does_not_block_a_correction(
    client, trainer, enrolment, stored_in_2099
):
    session = stored_in_2099.session
    item = offline_mark(session, enrolment, uuid.uuid4(), at=at(-datetime.timedelta(hours=1)))
    client.force_login(trainer)
    [result] = sync(client, [item]).json()["results"]
    assert result["result"] == "applied"
    assert AttendanceMark.objects.get().status == "present"


def test_a_correction_taken_before_the_stored_mark_was_received_is_still_refused(
    client, trainer, enrolment, stored_in_2099
):
    session = stored_in_2099.session
    item = offline_mark(session, enrolment, uuid.uuid4(), at=at(-datetime.timedelta(hours=3)))
    client.force_login(trainer)
    [result] = sync(client, [item]).json()["results"]
    assert (result["result"], result["reason"]) == ("refused", "A later mark is already recorded.")
    assert AttendanceMark.objects.get().status == "absent"


def test_a_device_ahead_within_the_tolerance_does_not_beat_the_trainers_next_correction(
    trainer, workshop, enrolment
):
    session = workshop.sessions.first()
    ahead = services.attendance_mark(
        session=session,
        enrolment=enrolment,
        status="absent",
        client_uuid=uuid.uuid4(),
        method="sync",
        user=trainer,
        taken_at=timezone.now() + datetime.timedelta(minutes=8),
    )
    correction = services.attendance_mark(
        session=session,
        enrolment=enrolment,
        status="present",
        client_uuid=uuid.uuid4(),
        method="roster",
        user=trainer,
    )
    assert (ahead.result, correction.result) == ("applied", "applied")
    assert AttendanceMark.objects.get().status == "present"
