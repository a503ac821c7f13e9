"""A health worker asks to join a workshop from its course page; a trainer in scope decides."""

import datetime

import pytest

from django.utils import timezone

from courses.models import Enrolment, JoinRequest, RecordChange
from tests.factories.courses import EnrolmentFactory, WorkshopFactory
from tests.factories.workforce import HealthWorkerFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def next_workshop(course, kirkuk_facility, trainer):
    """An open two-day workshop of `course` in Kirkuk next week, trained by `trainer`."""
    starts = timezone.localdate() + datetime.timedelta(days=7)
    workshop = WorkshopFactory(
        course=course,
        venue=kirkuk_facility,
        starts_on=starts,
        ends_on=starts + datetime.timedelta(days=1),
        status="open",
        capacity=2,
    )
    workshop.trainers.add(trainer)
    return workshop


def _ask(client, workshop, course):
    return client.post(
        f"/learning/workshops/{workshop.pk}/join/", {"next": course.url}, follow=True
    ).content.decode()


def test_the_course_page_shows_the_next_workshop_and_a_worker_asks_to_join(
    client, course, next_workshop, kirkuk_worker, participant_user
):
    client.force_login(participant_user)
    html = client.get(course.url).content.decode()
    assert "Next workshops" in html
    assert "Kirkuk General Hospital" in html and "2 places left" in html
    assert "Ask to join" in html
    html = _ask(client, next_workshop, course)
    assert "You asked to join" in html
    assert "Asked to join: waiting for the trainer" in html
    assert "Ask to join</button>" not in html
    # Asking twice keeps one request.
    _ask(client, next_workshop, course)
    assert JoinRequest.objects.filter(health_worker=kirkuk_worker).count() == 1


def test_the_trainer_accepts_a_request_and_the_worker_is_on_the_roster(
    client, course, next_workshop, kirkuk_worker, trainer
):
    join = JoinRequest.objects.create(workshop=next_workshop, health_worker=kirkuk_worker)
    client.force_login(trainer)
    detail = client.get(f"/learning/workshops/{next_workshop.pk}/").content.decode()
    assert "1 asks to join" in detail
    roster = client.get(f"/learning/workshops/{next_workshop.pk}/roster/").content.decode()
    assert "Asked to join" in roster and "Ahmed Kirkuki" in roster
    html = client.post(
        f"/learning/join-requests/{join.pk}/decide/", {"decision": "accept"}, follow=True
    ).content.decode()
    assert "Ahmed Kirkuki is on the roster." in html
    enrolment = Enrolment.objects.get(workshop=next_workshop, health_worker=kirkuk_worker)
    assert enrolment.source == Enrolment.Source.SELF
    join.refresh_from_db()
    assert (join.status, join.decided_by) == (JoinRequest.Status.ACCEPTED, trainer)


def test_the_trainer_declines_on_the_workshop_page_and_comes_back_to_it(
    client, next_workshop, kirkuk_worker, trainer
):
    join = JoinRequest.objects.create(workshop=next_workshop, health_worker=kirkuk_worker)
    client.force_login(trainer)
    page = f"/learning/workshops/{next_workshop.pk}/"
    html = client.get(page).content.decode()
    assert 'id="join-requests"' in html and "Ahmed Kirkuki" in html
    response = client.post(
        f"/learning/join-requests/{join.pk}/decide/", {"decision": "decline", "next": page}
    )
    assert response["Location"] == page
    assert "The request was declined." in client.get(page).content.decode()
    assert not Enrolment.objects.filter(health_worker=kirkuk_worker).exists()


def test_accepting_twice_makes_exactly_one_enrolment_and_one_history_entry(
    client, next_workshop, kirkuk_worker, trainer
):
    join = JoinRequest.objects.create(workshop=next_workshop, health_worker=kirkuk_worker)
    client.force_login(trainer)
    url = f"/learning/join-requests/{join.pk}/decide/"
    client.post(url, {"decision": "accept"})
    client.post(url, {"decision": "accept"})
    assert Enrolment.objects.filter(health_worker=kirkuk_worker).count() == 1
    created = RecordChange.objects.filter(
        kind=RecordChange.Kind.ENROLMENT, health_worker=kirkuk_worker
    )
    assert created.count() == 1


def test_a_request_declined_cannot_then_be_accepted(client, next_workshop, kirkuk_worker, trainer):
    join = JoinRequest.objects.create(workshop=next_workshop, health_worker=kirkuk_worker)
    client.force_login(trainer)
    url = f"/learning/join-requests/{join.pk}/decide/"
    client.post(url, {"decision": "decline"})
    client.post(url, {"decision": "accept"})
    join.refresh_from_db()
    assert join.status == JoinRequest.Status.DECLINED
    assert not Enrolment.objects.filter(health_worker=kirkuk_worker).exists()


def test_a_declined_request_shows_as_declined_to_the_worker(
    client, course, next_workshop, kirkuk_worker, participant_user, trainer
):
    join = JoinRequest.objects.create(workshop=next_workshop, health_worker=kirkuk_worker)
    client.force_login(trainer)
    client.post(f"/learning/join-requests/{join.pk}/decide/", {"decision": "decline"})
    assert not Enrolment.objects.filter(health_worker=kirkuk_worker).exists()
    client.force_login(participant_user)
    assert "The trainer declined your request" in client.get(course.url).content.decode()


def test_a_full_workshop_refuses_to_accept_with_a_message_and_the_request_waits(
    client, course, next_workshop, kirkuk_worker, kirkuk_facility, trainer
):
    for _ in range(2):
        EnrolmentFactory(
            workshop=next_workshop, health_worker=HealthWorkerFactory(facility=kirkuk_facility)
        )
    join = JoinRequest.objects.create(workshop=next_workshop, health_worker=kirkuk_worker)
    client.force_login(trainer)
    html = client.post(
        f"/learning/join-requests/{join.pk}/decide/", {"decision": "accept"}, follow=True
    ).content.decode()
    assert "The workshop is full (2 places)." in html
    join.refresh_from_db()
    assert join.status == JoinRequest.Status.PENDING


def test_a_trainer_cannot_accept_their_own_request(
    client, course, next_workshop, kirkuk_worker, trainer
):
    kirkuk_worker.user = trainer
    kirkuk_worker.save()
    join = JoinRequest.objects.create(workshop=next_workshop, health_worker=kirkuk_worker)
    client.force_login(trainer)
    roster = client.get(f"/learning/workshops/{next_workshop.pk}/roster/").content.decode()
    assert "Asked to join" not in roster
    detail = client.get(f"/learning/workshops/{next_workshop.pk}/").content.decode()
    assert "Asked to join" not in detail and "asks to join" not in detail
    response = client.post(f"/learning/join-requests/{join.pk}/decide/", {"decision": "accept"})
    assert response.status_code == 403
    assert not Enrolment.objects.filter(health_worker=kirkuk_worker).exists()


def test_a_trainer_of_another_governorate_gets_not_found(
    client, course, next_workshop, kirkuk_worker, other_trainer
):
    join = JoinRequest.objects.create(workshop=next_workshop, health_worker=kirkuk_worker)
    client.force_login(other_trainer)
    response = client.post(f"/learning/join-requests/{join.pk}/decide/", {"decision": "accept"})
    assert response.status_code == 404
    join.refresh_from_db()
    assert join.status == JoinRequest.Status.PENDING
    assert client.get(f"/learning/workshops/{next_workshop.pk}/roster/").status_code == 404


def test_asking_again_is_refused_with_a_message_and_keeps_one_request(
    client, course, next_workshop, kirkuk_worker, participant_user
):
    client.force_login(participant_user)
    _ask(client, next_workshop, course)
    html = _ask(client, next_workshop, course)
    assert "You have already asked to join this workshop" in html
    assert JoinRequest.objects.filter(health_worker=kirkuk_worker).count() == 1


def test_asking_after_a_decision_is_refused_with_a_message(
    client, course, next_workshop, kirkuk_worker, participant_user
):
    JoinRequest.objects.create(
        workshop=next_workshop, health_worker=kirkuk_worker, status=JoinRequest.Status.DECLINED
    )
    client.force_login(participant_user)
    html = _ask(client, next_workshop, course)
    assert "The trainer has already decided on your request" in html
    assert JoinRequest.objects.get().status == JoinRequest.Status.DECLINED


def test_asking_to_join_a_full_workshop_is_refused_with_a_message(
    client, course, next_workshop, kirkuk_worker, kirkuk_facility, participant_user
):
    for _ in range(next_workshop.capacity):
        EnrolmentFactory(
            workshop=next_workshop, health_worker=HealthWorkerFactory(facility=kirkuk_facility)
        )
    client.force_login(participant_user)
    assert "This workshop is full." in _ask(client, next_workshop, course)
    assert not JoinRequest.objects.exists()


def test_asking_when_already_on_the_roster_is_refused_with_a_message(
    client, course, next_workshop, kirkuk_worker, participant_user
):
    EnrolmentFactory(workshop=next_workshop, health_worker=kirkuk_worker)
    client.force_login(participant_user)
    assert "You are already on this workshop" in _ask(client, next_workshop, course)
    assert not JoinRequest.objects.exists()


@pytest.mark.parametrize(
    ("status", "days_from_today", "message"),
    [
        ("open", -1, "This workshop has started"),
        ("planned", -3, "This workshop has started"),
        ("running", 0, "This workshop has started"),
        ("closed", -10, "This workshop is closed"),
    ],
)
def test_asking_to_join_a_started_or_closed_workshop_is_refused_with_a_message(
    client, course, next_workshop, participant_user, status, days_from_today, message
):
    next_workshop.status = status
    next_workshop.starts_on = timezone.localdate() + datetime.timedelta(days=days_from_today)
    next_workshop.ends_on = next_workshop.starts_on + datetime.timedelta(days=1)
    next_workshop.save()
    client.force_login(participant_user)
    assert message in _ask(client, next_workshop, course)
    assert not JoinRequest.objects.exists()


def test_a_started_workshop_is_not_offered_on_the_course_page(
    client, course, workshop, participant_user
):
    client.force_login(participant_user)
    # `workshop` is running.
    html = client.get(course.url).content.decode()
    assert "Kirkuk General Hospital" not in html and "Ask to join" not in html


def test_asking_to_join_a_workshop_of_an_unpublished_course_is_not_found(
    client, course, next_workshop, participant_user
):
    course.unpublish()
    client.force_login(participant_user)
    response = client.post(f"/learning/workshops/{next_workshop.pk}/join/")
    assert response.status_code == 404
    assert not JoinRequest.objects.exists()


def test_asking_to_join_takes_only_a_post(client, next_workshop, participant_user):
    client.force_login(participant_user)
    assert client.get(f"/learning/workshops/{next_workshop.pk}/join/").status_code == 405
    assert not JoinRequest.objects.exists()


def test_a_login_without_a_registry_record_is_told_why_it_cannot_ask(client, course, next_workshop):
    client.force_login(UserFactory())
    html = _ask(client, next_workshop, course)
    assert "linked to a registry record" in html
    assert not JoinRequest.objects.exists()


def test_the_arabic_roster_names_the_request_in_arabic(
    client, course, next_workshop, kirkuk_worker, trainer
):
    JoinRequest.objects.create(workshop=next_workshop, health_worker=kirkuk_worker)
    client.force_login(trainer)
    html = client.get(f"/ar/learning/workshops/{next_workshop.pk}/roster/").content.decode()
    assert "طلبوا الانضمام" in html and "قبول" in html and "رفض" in html
    assert "Asked to join" not in html
