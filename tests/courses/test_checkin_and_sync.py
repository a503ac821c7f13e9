import json
import uuid

import pytest

from django.urls import reverse

from courses import checkin
from courses.models import AttendanceMark, Enrolment, RecordChange, WalkInRequest
from tests.factories.courses import EnrolmentFactory, ExternalActivityFactory
from tests.factories.workforce import RoleAssignmentFactory, UserFactory, directorate

pytestmark = pytest.mark.django_db


def check_in_url(session, minute=None):
    return reverse(
        "courses:check_in", args=[checkin.checkin_token(session_id=session.pk, minute=minute)]
    )


def sync(client, marks):
    return client.post(
        reverse("courses:sync"), json.dumps({"marks": marks}), content_type="application/json"
    )


def offline_mark(session, enrolment, key, status="present", at="2026-03-01T09:05:00+03:00"):
    return {
        "client_uuid": str(key),
        "session": session.pk,
        "enrolment": enrolment.pk,
        "status": status,
        "taken_at": at,
    }


def test_the_check_in_code_changes_every_minute():
    minute = checkin.current_minute()
    assert checkin.checkin_token(session_id=7, minute=minute) != checkin.checkin_token(
        session_id=7, minute=minute + 1
    )


def test_a_participant_on_the_roster_who_scans_the_code_is_marked_present(
    client, workshop, kirkuk_worker, participant_user
):
    EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    session = workshop.sessions.first()
    client.force_login(participant_user)
    response = client.get(check_in_url(session))
    assert "You are marked present" in response.content.decode()
    assert AttendanceMark.objects.get().method == "qr"


def test_an_expired_code_is_refused_with_a_clear_message(client, workshop, participant_user):
    session = workshop.sessions.first()
    client.force_login(participant_user)
    response = client.get(check_in_url(session, minute=checkin.current_minute() - 3))
    assert response.status_code == 400
    assert "This code has expired" in response.content.decode()
    assert not AttendanceMark.objects.exists()


def test_a_forged_code_is_refused_with_a_clear_message(client, workshop, participant_user):
    token = checkin.checkin_token(session_id=workshop.sessions.first().pk)
    forged = token.replace(token.split(":")[0], str(workshop.sessions.last().pk) + ".1")
    client.force_login(participant_user)
    response = client.get(reverse("courses:check_in", args=[forged]))
    assert response.status_code == 400
    assert "This code is not valid" in response.content.decode()


def test_someone_not_on_the_roster_becomes_a_walk_in_the_trainer_accepts(
    client, trainer, workshop, participant_user, kirkuk_worker
):
    session = workshop.sessions.first()
    client.force_login(participant_user)
    page = client.get(check_in_url(session)).content.decode()
    assert "The trainer has been asked to add you" in page
    client.force_login(trainer)
    marking = client.get(reverse("courses:session_marking", args=[session.pk])).content.decode()
    assert "Ahmed Kirkuki" in marking
    request = WalkInRequest.objects.get()
    client.post(reverse("courses:walk_in_decide", args=[request.pk]), {"decision": "accept"})
    enrolment = Enrolment.objects.get(health_worker=kirkuk_worker)
    assert enrolment.marks.get().status == "present"


def test_a_rejected_walk_in_is_neither_enrolled_nor_marked(
    client, trainer, workshop, participant_user
):
    session = workshop.sessions.first()
    client.force_login(participant_user)
    client.get(check_in_url(session))
    client.force_login(trainer)
    request = WalkInRequest.objects.get()
    client.post(reverse("courses:walk_in_decide", args=[request.pk]), {"decision": "reject"})
    request.refresh_from_db()
    assert request.status == "rejected"
    assert not Enrolment.objects.exists()


def test_another_trainer_cannot_decide_a_walk_in(client, other_trainer, workshop, participant_user):
    client.force_login(participant_user)
    client.get(check_in_url(workshop.sessions.first()))
    client.force_login(other_trainer)
    request = WalkInRequest.objects.get()
    response = client.post(
        reverse("courses:walk_in_decide", args=[request.pk]), {"decision": "accept"}
    )
    assert response.status_code == 404


def test_the_sync_reply_says_per_record_applied_known_or_refused(
    client, trainer, workshop, kirkuk_worker
):
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    first, second = workshop.sessions.all()[:2]
    batch = [
        offline_mark(first, enrolment, uuid.uuid4()),
        offline_mark(second, enrolment, uuid.uuid4(), status="asleep"),
        {"session": first.pk},
    ]
    client.force_login(trainer)
    results = sync(client, batch).json()["results"]
    assert [r["result"] for r in results] == ["applied", "refused", "refused"]
    assert results[1]["reason"] == "Unknown attendance status."
    assert results[2]["reason"] == "No valid client UUID."
    again = sync(client, batch[:1]).json()["results"]
    assert again == [{"client_uuid": batch[0]["client_uuid"], "result": "known", "reason": ""}]
    assert AttendanceMark.objects.get().method == "sync"


def test_a_mark_without_a_time_zone_is_refused(client, trainer, workshop, kirkuk_worker):
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    client.force_login(trainer)
    item = offline_mark(workshop.sessions.first(), enrolment, uuid.uuid4(), at="2026-03-01T09:05")
    [result] = sync(client, [item]).json()["results"]
    assert result["result"] == "refused"
    assert not AttendanceMark.objects.exists()


def test_another_trainers_sync_is_refused_and_marks_nothing(
    client, other_trainer, workshop, kirkuk_worker
):
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    client.force_login(other_trainer)
    item = offline_mark(workshop.sessions.first(), enrolment, uuid.uuid4())
    [result] = sync(client, [item]).json()["results"]
    assert result == {
        "client_uuid": item["client_uuid"],
        "result": "refused",
        "reason": "Unknown session or person.",
    }
    assert not AttendanceMark.objects.exists()


def test_the_workshop_and_the_health_worker_record_show_the_history_with_its_method(
    client, trainer, workshop, kirkuk_worker
):
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    client.force_login(trainer)
    sync(client, [offline_mark(workshop.sessions.first(), enrolment, uuid.uuid4())])
    detail = client.get(reverse("courses:workshop_detail", args=[workshop.pk])).content.decode()
    record = client.get(reverse("courses:worker_history", args=[kirkuk_worker.pk])).content.decode()
    for page in (detail, record):
        assert "Attendance · Created" in page
        assert "Offline device" in page
        assert "<dt>Attendance</dt><dd><bdi>Present</bdi></dd>" in page
    assert RecordChange.objects.get().actor == trainer


def test_evidence_is_served_to_a_reviewer_in_scope(client, kirkuk_worker):
    activity = ExternalActivityFactory(health_worker=kirkuk_worker)
    reviewer = RoleAssignmentFactory(
        role="reviewer", level="governorate", governorate=directorate("KIR").governorate
    )
    client.force_login(reviewer.user)
    response = client.get(reverse("courses:claim_evidence", args=[activity.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_trainer_not_reviewing_gets_404_for_evidence_in_their_area(
    client, trainer, kirkuk_worker
):
    activity = ExternalActivityFactory(health_worker=kirkuk_worker)
    client.force_login(trainer)
    assert client.get(reverse("courses:claim_evidence", args=[activity.pk])).status_code == 404


def test_a_worker_without_a_login_cannot_check_in(client, workshop):
    client.force_login(UserFactory())
    response = client.get(check_in_url(workshop.sessions.first()))
    assert response.status_code == 400
    assert "not linked to a health worker record" in response.content.decode()


def test_the_session_qr_is_a_standalone_svg_a_browser_can_draw(client, workshop, trainer):
    from defusedxml import ElementTree

    client.force_login(trainer)
    response = client.get(reverse("courses:session_qr", args=[workshop.sessions.first().pk]))
    assert response["Content-Type"] == "image/svg+xml"
    root = ElementTree.fromstring(response.content)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("width") and root.get("height")


def test_every_svg_among_the_static_files_declares_the_svg_namespace():
    from defusedxml import ElementTree

    from django.contrib.staticfiles import finders

    found = []
    for finder in finders.get_finders():
        for path, storage in finder.list(["admin", "wagtail*", "rest_framework"]):
            if path.endswith(".svg"):
                root = ElementTree.parse(storage.path(path)).getroot()
                found.append((path, root.tag))
    assert [path for path, tag in found if tag != "{http://www.w3.org/2000/svg}svg"] == []
