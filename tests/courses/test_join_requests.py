"""A health worker asks to join a workshop from its course page; a trainer in scope decides."""

import datetime

import pytest

from django.utils import timezone

from courses.models import Enrolment, JoinRequest
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


def test_nobody_asks_to_join_a_closed_or_started_workshop(
    client, course, workshop, kirkuk_worker, participant_user
):
    client.force_login(participant_user)
    # `workshop` is running: it takes no requests and the course page does not offer it.
    assert client.post(f"/learning/workshops/{workshop.pk}/join/").status_code == 404
    assert "Ask to join" not in client.get(course.url).content.decode()
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
