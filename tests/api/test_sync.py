"""A phone's batch through /api/v1/field/sync: one mark per tap, replays known, reasons given."""

import datetime
import threading
import uuid

import pytest

from django.db import connection
from django.utils import timezone

from courses.models import AttendanceMark, PendingWalkIn, RecordChange
from field.sync import MAX_RECORDS

pytestmark = pytest.mark.django_db


def send(client, bearer, records, **extra):
    return client.post(
        "/api/v1/field/sync", {"records": records}, "application/json", **bearer, **extra
    )


def mark(session, enrolment, status="present", at=None, key=None):
    return {
        "type": "mark",
        "client_uuid": str(key or uuid.uuid4()),
        "session": session.pk,
        "enrolment": enrolment.pk,
        "status": status,
        "taken_at": (at or timezone.now() - datetime.timedelta(minutes=5)).isoformat(),
    }


def test_a_replayed_batch_leaves_exactly_one_mark_per_tap(client, bearer, workshop, enrolment):
    batch = [mark(s, enrolment) for s in workshop.sessions.all()]
    first = send(client, bearer, batch).json()["results"]
    second = send(client, bearer, batch).json()["results"]
    assert [r["result"] for r in first] == ["applied"] * 3
    assert [r["result"] for r in second] == ["known"] * 3
    assert AttendanceMark.objects.count() == 3


def test_a_duplicate_within_one_batch_is_known(client, bearer, workshop, enrolment):
    tap = mark(workshop.sessions.first(), enrolment)
    results = send(client, bearer, [tap, tap]).json()["results"]
    assert [r["result"] for r in results] == ["applied", "known"]
    assert AttendanceMark.objects.count() == 1


def test_every_history_row_names_the_phone(client, bearer, device, workshop, enrolment):
    send(client, bearer, [mark(workshop.sessions.first(), enrolment)])
    send(
        client,
        bearer,
        [
            {
                "type": "score",
                "client_uuid": str(uuid.uuid4()),
                "enrolment": enrolment.pk,
                "kind": "pre",
                "score": "55",
            }
        ],
    )
    rows = RecordChange.objects.filter(kind__in=["attendance", "score"])
    assert rows.count() == 2
    assert set(rows.values_list("device_id", flat=True)) == {device.pk}


def test_a_mark_from_a_clock_ahead_is_dated_when_it_arrived(client, bearer, workshop, enrolment):
    ahead = timezone.now() + datetime.timedelta(days=2)
    before = timezone.now()
    [result] = send(client, bearer, [mark(workshop.sessions.first(), enrolment, at=ahead)]).json()[
        "results"
    ]
    assert (result["result"], result["corrected"]) == ("applied", True)
    assert "clock" in result["reason"]
    stored = AttendanceMark.objects.get()
    assert before <= stored.taken_at <= timezone.now()


def test_refusals_say_why(client, bearer, workshop, enrolment):
    session = workshop.sessions.first()
    results = send(
        client,
        bearer,
        [
            mark(session, enrolment, status="dancing"),
            {**mark(session, enrolment), "session": 999999},
            {**mark(session, enrolment), "client_uuid": "not-a-uuid"},
            {**mark(session, enrolment), "type": "poem"},
            {**mark(session, enrolment), "taken_at": "yesterday"},
        ],
    ).json()["results"]
    assert [r["result"] for r in results] == ["refused"] * 5
    assert [r["reason"] for r in results] == [
        "Unknown attendance status.",
        "Unknown session or person.",
        "No valid client UUID.",
        "Unknown record type.",
        "taken_at must be a date and time with its time zone.",
    ]
    assert not AttendanceMark.objects.exists()


def test_another_trainers_workshop_is_unknown_to_the_phone(
    client, other_trainer, workshop, enrolment
):
    from field import services

    code = services.enrolment_code_create(user=other_trainer)
    _device, token = services.device_enrol(code=code, name="Other")
    other = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    [result] = send(client, other, [mark(workshop.sessions.first(), enrolment)]).json()["results"]
    assert result["reason"] == "Unknown session or person."
    assert client.get("/api/v1/field/workshops", **other).json()["items"] == []


def test_a_score_replayed_is_known(client, bearer, enrolment):
    score = {
        "type": "score",
        "client_uuid": str(uuid.uuid4()),
        "enrolment": enrolment.pk,
        "kind": "post",
        "score": "81.5",
    }
    assert send(client, bearer, [score]).json()["results"][0]["result"] == "applied"
    assert send(client, bearer, [score]).json()["results"][0]["result"] == "known"
    assert enrolment.scores.get().score == pytest.approx(81.5)


def test_a_walk_in_waits_for_the_trainer(client, bearer, workshop):
    walk_in = {
        "type": "walk_in",
        "client_uuid": str(uuid.uuid4()),
        "workshop": workshop.pk,
        "name_ar": "سارا",
        "name_latin": "Sara",
    }
    assert send(client, bearer, [walk_in]).json()["results"][0]["result"] == "applied"
    assert send(client, bearer, [walk_in]).json()["results"][0]["result"] == "known"
    pending = PendingWalkIn.objects.get()
    assert (pending.status, pending.workshop, workshop.enrolments.count()) == (
        "pending",
        workshop,
        0,
    )


def test_a_batch_too_large_is_refused_with_a_message(client, bearer, workshop, enrolment):
    records = [mark(workshop.sessions.first(), enrolment)] * (MAX_RECORDS + 1)
    response = send(client, bearer, records)
    assert response.status_code == 413 and "2,000" in response.json()["detail"]


def test_a_signed_in_browser_cannot_send_a_batch(client, trainer):
    client.force_login(trainer)
    response = client.post("/api/v1/field/sync", {"records": []}, "application/json")
    assert response.status_code in (403,)


def test_the_workshops_come_with_sessions_roster_and_marks(client, bearer, workshop, enrolment):
    send(client, bearer, [mark(workshop.sessions.first(), enrolment, status="late")])
    page = client.get("/api/v1/field/workshops", **bearer).json()
    [item] = page["items"]
    assert page["count"] == 1 and len(item["sessions"]) == 3
    [person] = item["roster"]
    assert person["name_latin"] == "Ahmed Kirkuki"
    assert person["marks"] == [{"session": workshop.sessions.first().pk, "status": "late"}]


def test_the_phone_was_seen(client, bearer, device):
    client.get("/api/v1/field/workshops", **bearer)
    device.refresh_from_db()
    assert device.last_seen_at is not None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_same_batch_sent_twice_at_once_stores_it_once(workshop, enrolment, token):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL")
    from django.test import Client

    batch = [mark(s, enrolment) for s in workshop.sessions.all()]
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    answers = []

    def post():
        answers.append(send(Client(), bearer, batch).status_code)
        connection.close()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [200, 200]
    assert AttendanceMark.objects.count() == 3
    assert RecordChange.objects.filter(kind="attendance").count() == 3


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_scores_and_a_walk_in_sent_twice_at_once_are_stored_once(workshop, enrolment, token):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL")
    from django.test import Client

    from courses.models import AssessmentScore

    batch = [
        {
            "type": "score",
            "client_uuid": str(uuid.uuid4()),
            "enrolment": enrolment.pk,
            "kind": kind,
            "score": score,
        }
        for kind, score in (("pre", "40"), ("post", "85.5"))
    ] + [
        {
            "type": "walk_in",
            "client_uuid": str(uuid.uuid4()),
            "workshop": workshop.pk,
            "name_ar": "سارا",
            "name_latin": "Sara Walkin",
        }
    ]
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    answers = []

    def post():
        answers.append(send(Client(), bearer, batch).json())
        connection.close()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(AssessmentScore.objects.values_list("kind", "score")) == [
        ("post", 85.5),
        ("pre", 40),
    ]
    assert RecordChange.objects.filter(kind="score").count() == 2
    assert PendingWalkIn.objects.count() == 1
    results = sorted(r["result"] for answer in answers for r in answer["results"])
    assert results.count("refused") == 0 and len(results) == 6


def test_the_trainer_accepts_a_phones_walk_in_on_the_marking_page(
    client, bearer, trainer, workshop
):
    from tests.factories.workforce import HealthWorkerFactory

    cadre = HealthWorkerFactory().cadre
    walk_in = {
        "type": "walk_in",
        "client_uuid": str(uuid.uuid4()),
        "workshop": workshop.pk,
        "name_ar": "سارا",
        "name_latin": "Sara Walkin",
        "cadre": cadre.pk,
    }
    send(client, bearer, [walk_in])
    session = workshop.sessions.first()
    client.force_login(trainer)
    page = client.get(f"/learning/sessions/{session.pk}/").content.decode()
    assert "Sara Walkin" in page
    pending = PendingWalkIn.objects.get()
    client.post(
        f"/learning/phone-walk-ins/{pending.pk}/decide/",
        {"decision": "accept", "session": session.pk},
    )
    pending.refresh_from_db()
    assert pending.status == "accepted"
    assert workshop.enrolments.get().health_worker.name_latin == "Sara Walkin"


def test_a_declined_walk_in_joins_no_roster(client, bearer, trainer, workshop):
    walk_in = {
        "type": "walk_in",
        "client_uuid": str(uuid.uuid4()),
        "workshop": workshop.pk,
        "name_latin": "Nobody",
    }
    send(client, bearer, [walk_in])
    client.force_login(trainer)
    pending = PendingWalkIn.objects.get()
    client.post(f"/learning/phone-walk-ins/{pending.pk}/decide/", {"decision": "decline"})
    pending.refresh_from_db()
    assert pending.status == "declined" and not workshop.enrolments.exists()


def test_a_walk_in_keeps_only_a_facility_the_trainer_may_see(
    client, bearer, workshop, kirkuk_facility, basra_facility
):
    """A phone naming a facility of another governorate does not place the person there."""
    records = [
        {
            "type": "walk_in",
            "client_uuid": str(uuid.uuid4()),
            "workshop": workshop.pk,
            "name_latin": f"Walk-in {facility.pk}",
            "facility": facility.pk,
        }
        for facility in (kirkuk_facility, basra_facility)
    ]
    results = send(client, bearer, records).json()["results"]
    assert [r["result"] for r in results] == ["applied", "applied"]
    kept = dict(PendingWalkIn.objects.values_list("name_latin", "facility_id"))
    assert kept == {
        f"Walk-in {kirkuk_facility.pk}": kirkuk_facility.pk,
        f"Walk-in {basra_facility.pk}": None,
    }
