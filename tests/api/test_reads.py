"""The read endpoints: scoped (404 outside), paginated."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import Completion
from tests.factories.courses import EnrolmentFactory, WorkshopFactory
from tests.factories.workforce import HealthWorkerFactory

pytestmark = pytest.mark.django_db


def test_a_workshops_completions_for_its_trainer(client, bearer, workshop, enrolment):
    Completion.objects.create(
        enrolment=enrolment,
        health_worker=enrolment.health_worker,
        course=workshop.course,
        workshop=workshop,
        completed_on=workshop.ends_on,
        is_complete=True,
        attendance_percent=100,
        cme_hours=12,
    )
    response = client.get(f"/api/v1/certificates/workshops/{workshop.pk}", **bearer)
    [row] = response.json()
    assert (row["name_latin"], row["is_complete"], row["certificate_status"]) == (
        "Ahmed Kirkuki",
        True,
        None,
    )


def test_another_trainers_workshop_is_404(client, other_trainer, workshop):
    client.force_login(other_trainer)
    response = client.get(f"/api/v1/certificates/workshops/{workshop.pk}")
    assert response.status_code == 404


def test_the_registry_search_is_scoped_and_paginated(
    client, bearer, kirkuk_facility, basra_facility
):
    for n in range(25):
        HealthWorkerFactory(facility=kirkuk_facility, name_latin=f"Zainab Kirkuk {n}")
    HealthWorkerFactory(facility=basra_facility, name_latin="Zainab Basra")
    first = client.get("/api/v1/workforce/health-workers?q=Zainab", **bearer).json()
    second = client.get("/api/v1/workforce/health-workers?q=Zainab&page=2", **bearer).json()
    names = [w["name_latin"] for w in first["items"] + second["items"]]
    assert first["count"] == 25 and len(first["items"]) == 20 and len(second["items"]) == 5
    assert "Zainab Basra" not in names


def test_the_workshops_list_is_paginated(client, bearer, workshop, kirkuk_worker):
    EnrolmentFactory(workshop=workshop)
    page = client.get("/api/v1/field/workshops?page=1", **bearer).json()
    assert set(page) == {"items", "count"} and page["count"] == 1


def test_the_phones_workshop_list_costs_the_same_queries_for_one_workshop_or_three(
    client, bearer, workshop, enrolment
):
    """Marks, scores and the course title come once: no query per workshop of a course."""
    with CaptureQueriesContext(connection) as one:
        assert client.get("/api/v1/field/workshops", **bearer).status_code == 200
    for _ in range(2):
        EnrolmentFactory(
            workshop=WorkshopFactory(
                course=workshop.course,
                venue=workshop.venue,
                starts_on=workshop.starts_on,
                ends_on=workshop.ends_on,
                status=workshop.status,
            )
        )
    with CaptureQueriesContext(connection) as three:
        response = client.get("/api/v1/field/workshops", **bearer)
    assert response.json()["count"] == 3
    assert len(three.captured_queries) <= len(one.captured_queries) + 2
