"""The page a phone shows after scanning a session's QR code: which workshop, and what happened."""

import pytest

from courses.models import WalkInRequest
from tests.courses.test_checkin_and_sync import check_in_url
from tests.factories.courses import EnrolmentFactory

pytestmark = pytest.mark.django_db


def test_the_check_in_result_names_the_workshop_its_venue_and_the_day(
    client, workshop, participant_user, kirkuk_worker
):
    EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    client.force_login(participant_user)
    page = client.get(check_in_url(workshop.sessions.first())).content.decode()
    assert f"<bdi>{workshop.course.title}</bdi>" in page
    assert f"<bdi>{workshop.venue}</bdi>" in page and "1 March 2026" in page
    assert "You are marked present at this session." in page


def test_a_second_scan_while_the_walk_in_request_waits_says_already_requested(
    client, workshop, participant_user
):
    client.force_login(participant_user)
    first = client.get(check_in_url(workshop.sessions.first())).content.decode()
    second = client.get(check_in_url(workshop.sessions.first())).content.decode()
    assert "The trainer has been asked to add you" in first
    assert "Already requested" in second and "The trainer has been asked" not in second
    assert WalkInRequest.objects.count() == 1


def test_the_second_scan_in_kurdish_says_it_in_kurdish(client, workshop, participant_user):
    client.force_login(participant_user)
    client.get(check_in_url(workshop.sessions.first()))
    page = client.get("/ckb" + check_in_url(workshop.sessions.first())).content.decode()
    assert "پێشتر داواکراوە" in page


def test_the_home_page_title_names_the_site_once(client):
    home = client.get("/").content.decode()
    assert home.split("<title>")[1].split("</title>")[0] == "CME Tracker"
