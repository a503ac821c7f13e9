"""A course page lists its next workshops, the reader's governorate first, with places left."""

import datetime

import pytest

from django.utils import timezone

from courses.models import Enrolment, JoinRequest
from courses.services import join_request_decide
from tests.factories.courses import EnrolmentFactory, WorkshopFactory
from tests.factories.workforce import HealthWorkerFactory

pytestmark = pytest.mark.django_db


def _workshop(course, venue, *, in_days: int, capacity: int = 20, **fields):
    starts = timezone.localdate() + datetime.timedelta(days=in_days)
    return WorkshopFactory(
        course=course,
        venue=venue,
        starts_on=starts,
        ends_on=starts + datetime.timedelta(days=1),
        status="open",
        capacity=capacity,
        **fields,
    )


def _order(html: str, *names: str) -> list[str]:
    section = html[html.index('id="workshops"') :]
    return sorted(names, key=section.index)


def test_a_worker_sees_the_workshops_of_their_governorate_first(
    client, course, kirkuk_facility, basra_facility, participant_user
):
    _workshop(course, basra_facility, in_days=3)
    _workshop(course, kirkuk_facility, in_days=20)
    client.force_login(participant_user)  # works in Kirkuk
    html = client.get(course.url).content.decode()
    assert _order(html, "Basra Teaching Hospital", "Kirkuk General Hospital") == [
        "Kirkuk General Hospital",
        "Basra Teaching Hospital",
    ]


def test_a_reader_not_logged_in_sees_the_workshops_by_date(
    client, course, kirkuk_facility, basra_facility
):
    _workshop(course, kirkuk_facility, in_days=20)
    _workshop(course, basra_facility, in_days=3)
    html = client.get(course.url).content.decode()
    assert _order(html, "Basra Teaching Hospital", "Kirkuk General Hospital") == [
        "Basra Teaching Hospital",
        "Kirkuk General Hospital",
    ]
    assert "Log in to ask to join" in html


def test_each_workshop_shows_its_governorate_and_language(client, course, basra_facility):
    _workshop(course, basra_facility, in_days=3, language="ckb")
    html = client.get(course.url).content.decode()
    assert "<bdi>Basra</bdi>" in html
    assert "taught in Kurdish (Sorani)" in html


def test_places_left_are_the_capacity_less_the_people_on_the_roster(
    client, course, kirkuk_facility, kirkuk_worker, trainer
):
    workshop = _workshop(course, kirkuk_facility, in_days=5, capacity=6)
    workshop.trainers.add(trainer)
    for _ in range(2):
        EnrolmentFactory(workshop=workshop, health_worker=HealthWorkerFactory())
    EnrolmentFactory(
        workshop=workshop, health_worker=HealthWorkerFactory(), status=Enrolment.Status.WITHDRAWN
    )
    JoinRequest.objects.create(workshop=workshop, health_worker=HealthWorkerFactory())
    accepted = JoinRequest.objects.create(workshop=workshop, health_worker=kirkuk_worker)
    join_request_decide(request=accepted, accept=True, user=trainer)
    # 6 places; 2 enrolled and 1 accepted take 3; the withdrawn and the one waiting take none.
    assert "3 places left" in client.get(course.url).content.decode()


def test_a_full_workshop_says_full_and_offers_no_request(
    client, course, kirkuk_facility, participant_user
):
    workshop = _workshop(course, kirkuk_facility, in_days=5, capacity=1)
    EnrolmentFactory(workshop=workshop, health_worker=HealthWorkerFactory())
    client.force_login(participant_user)
    html = client.get(course.url).content.decode()
    assert "Full" in html and "places left" not in html
    assert "Ask to join</button>" not in html


def test_the_arabic_course_page_says_full_and_the_language_in_arabic(
    client, course, kirkuk_facility
):
    workshop = _workshop(course, kirkuk_facility, in_days=5, capacity=1, language="ar")
    EnrolmentFactory(workshop=workshop, health_worker=HealthWorkerFactory())
    html = client.get(f"/ar{course.url}").content.decode()
    assert "مكتملة" in html and "باللغة العربية" in html
    assert "Full" not in html


def test_my_learning_shows_my_requests_and_their_status_in_arabic(
    client, course, kirkuk_facility, kirkuk_worker, participant_user
):
    waiting = _workshop(course, kirkuk_facility, in_days=5)
    declined = _workshop(course, kirkuk_facility, in_days=9)
    JoinRequest.objects.create(workshop=waiting, health_worker=kirkuk_worker)
    JoinRequest.objects.create(
        workshop=declined, health_worker=kirkuk_worker, status=JoinRequest.Status.DECLINED
    )
    client.force_login(participant_user)
    html = client.get("/ar/learning/").content.decode()
    section = html[html.index('id="join-requests"') :]
    assert "طلباتي للانضمام" in section
    assert "بانتظار المدرب" in section and "مرفوض" in section
