"""A roster tap, a sync batch and a sheet import write marks, scores and enrolments alike."""

import datetime
import json
import uuid

import pytest

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses import services
from courses.models import AssessmentScore, AttendanceMark, Enrolment, RecordChange
from tests.factories.courses import EnrolmentFactory
from tests.factories.workforce import HealthWorkerFactory

pytestmark = pytest.mark.django_db

MORNING = datetime.datetime(2026, 3, 1, 8, tzinfo=datetime.UTC)
NOON = datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.UTC)


def wanted(session, enrolment, status="present", key=None, at=MORNING):
    return services.MarkWanted(session, enrolment, status, key or uuid.uuid4(), at)


def record(items, user=None):
    return services.attendance_marks_record(wanted=items, method="sync", user=user)


def test_a_batch_with_one_uuid_twice_stores_one_mark_and_says_the_second_is_known(
    workshop, kirkuk_worker
):
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    session, key = workshop.sessions.first(), uuid.uuid4()
    outcomes = record([wanted(session, enrolment, key=key), wanted(session, enrolment, key=key)])
    assert [o.result for o in outcomes] == ["applied", "known"]
    assert AttendanceMark.objects.count() == 1
    assert RecordChange.objects.filter(kind="attendance").count() == 1


def test_two_marks_of_one_person_in_a_batch_keep_the_later_and_both_uuids(workshop, kirkuk_worker):
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    session = workshop.sessions.first()
    first, second = uuid.uuid4(), uuid.uuid4()
    outcomes = record(
        [
            wanted(session, enrolment, "absent", first, MORNING),
            wanted(session, enrolment, "late", second, NOON),
        ]
    )
    assert [(o.result, o.created) for o in outcomes] == [("applied", True), ("applied", False)]
    mark = AttendanceMark.objects.get()
    assert (mark.status, mark.client_uuid) == ("late", second)
    history = RecordChange.objects.filter(kind="attendance", record_id=mark.pk).order_by("pk")
    assert [(h.action, h.client_uuid) for h in history] == [
        ("created", first),
        ("changed", second),
    ]
    assert [o.result for o in record([wanted(session, enrolment, "absent", first)])] == ["known"]


def test_one_refused_mark_of_a_batch_leaves_the_others_applied(workshop, kirkuk_worker):
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    withdrawn = EnrolmentFactory(workshop=workshop, status="withdrawn")
    session = workshop.sessions.first()
    outcomes = record(
        [
            wanted(session, enrolment),
            wanted(session, withdrawn),
            wanted(session, enrolment, "maybe"),
        ]
    )
    assert [o.result for o in outcomes] == ["applied", "refused", "refused"]
    assert "withdrawn" in outcomes[1].reason
    assert outcomes[2].reason == "Unknown attendance status."
    assert AttendanceMark.objects.get().enrolment == enrolment


def test_a_mark_saying_what_is_recorded_changes_nothing_and_adds_no_history(
    workshop, kirkuk_worker
):
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    session = workshop.sessions.first()
    record([wanted(session, enrolment, "present", at=MORNING)])
    [again] = record([wanted(session, enrolment, "present", at=NOON)])
    assert again.result == "known"
    assert AttendanceMark.objects.get().taken_at == MORNING
    assert RecordChange.objects.filter(kind="attendance").count() == 1


def test_an_import_after_a_devices_marks_changes_only_what_differs(
    client, trainer, workshop, kirkuk_facility
):
    """The sheet says present for two people a device marked present and absent."""
    people = HealthWorkerFactory.create_batch(2, facility=kirkuk_facility)
    enrolments = [EnrolmentFactory(workshop=workshop, health_worker=p) for p in people]
    session = workshop.sessions.first()
    record([wanted(session, enrolments[0], "present"), wanted(session, enrolments[1], "absent")])
    sheet = "Licence number,Session date,Attendance\n" + "".join(
        f"{p.licence_number},{session.date:%d/%m/%Y},present\n" for p in people
    )
    client.force_login(trainer)
    response = client.post(
        reverse("courses:attendance_import", args=[workshop.pk]),
        {"file": SimpleUploadedFile("sheet.csv", sheet.encode())},
        follow=True,
    )
    imported = response.context["record"]
    assert (imported.status, imported.marks_created, imported.marks_changed) == ("done", 0, 1)
    assert set(AttendanceMark.objects.values_list("status", flat=True)) == {"present"}
    methods = RecordChange.objects.filter(kind="attendance").values_list("method", flat=True)
    assert sorted(methods) == ["import", "sync", "sync"]


def test_the_sync_endpoint_writes_a_whole_batch_through_the_marking_rules(
    client, trainer, workshop, kirkuk_facility
):
    people = HealthWorkerFactory.create_batch(30, facility=kirkuk_facility)
    enrolments = [EnrolmentFactory(workshop=workshop, health_worker=p) for p in people]
    batch = [
        {
            "client_uuid": str(uuid.uuid4()),
            "session": session.pk,
            "enrolment": enrolment.pk,
            "status": "present",
            "taken_at": MORNING.isoformat(),
        }
        for session in workshop.sessions.all()[:2]
        for enrolment in enrolments
    ]
    batch.append({"client_uuid": "not-a-uuid"})
    client.force_login(trainer)

    def send():
        response = client.post(
            reverse("courses:sync"), json.dumps({"marks": batch}), content_type="application/json"
        )
        return [r["result"] for r in response.json()["results"]]

    assert send() == ["applied"] * 60 + ["refused"]
    assert send() == ["known"] * 60 + ["refused"]
    assert AttendanceMark.objects.count() == 60
    assert RecordChange.objects.filter(kind="attendance", method="sync").count() == 60


def test_a_score_grid_keeps_one_decimal_and_refuses_an_out_of_range_cell_entirely(
    workshop, trainer
):
    first, second = EnrolmentFactory.create_batch(2, workshop=workshop)
    done = services.scores_record(
        grid={(first, "pre"): "40.04", (second, "pre"): "55"}, user=trainer
    )
    assert done.saved == 2
    assert AssessmentScore.objects.get(enrolment=first).score == pytest.approx(40.0)
    with pytest.raises(ValidationError):
        services.scores_record(grid={(first, "pre"): "60", (second, "pre"): "101"}, user=trainer)
    assert AssessmentScore.objects.get(enrolment=first).score == pytest.approx(40.0)
    again = services.scores_record(grid={(first, "pre"): "40.0"}, user=trainer)
    assert again.saved == 0


def test_enrolling_many_refuses_past_capacity_and_keeps_the_enrolled(workshop, trainer):
    workshop.capacity = 2
    workshop.save()
    present = EnrolmentFactory(workshop=workshop)
    newcomers = HealthWorkerFactory.create_batch(2)
    with pytest.raises(ValidationError):
        services.enrolments_add(workshop=workshop, health_workers=newcomers, user=trainer)
    assert list(workshop.enrolments.all()) == [present]
    added = services.enrolments_add(
        workshop=workshop, health_workers=[present.health_worker, newcomers[0]], user=trainer
    )
    assert added[present.health_worker.pk] == present
    assert workshop.enrolments.filter(status=Enrolment.Status.ENROLLED).count() == 2
