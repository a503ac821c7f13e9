"""A workshop's trainers have roles; co-trainers and facilitators mark and score like the lead."""

import importlib
import json
import uuid

import pytest

from django.apps import apps
from django.contrib.messages import get_messages
from django.urls import reverse

from courses.models import WorkshopTrainer
from tests.factories.courses import EnrolmentFactory
from tests.factories.workforce import FacilityFactory, directorate, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(db):
    """A trainer of another Kirkuk facility: not in the workshop's scope until added to it."""
    elsewhere = FacilityFactory(directorate=directorate("KIR"))
    return staff_user("trainer", "facility", facility=elsewhere)


def _add(client, workshop, user, role="co_trainer"):
    url = reverse("courses:trainer_add", args=[workshop.pk])
    return client.post(url, {"trainer": user.pk, "role": role})


def test_the_scheduler_of_a_workshop_is_its_lead_trainer(client, trainer, kirkuk_facility, course):
    client.force_login(trainer)
    client.post(
        reverse("courses:workshop_create"),
        {
            "course": course.pk,
            "venue": kirkuk_facility.pk,
            "starts_on": "2026-05-01",
            "ends_on": "2026-05-02",
            "capacity": 20,
            "language": "ar",
        },
    )
    row = WorkshopTrainer.objects.get(user=trainer)
    assert row.role == "lead"


def test_a_facilitator_added_by_the_trainer_marks_attendance(
    client, trainer, colleague, workshop, kirkuk_worker
):
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    session = workshop.sessions.first()
    mark_url = reverse("courses:session_mark", args=[session.pk])
    payload = {"client_uuid": str(uuid.uuid4()), "enrolment": enrolment.pk, "status": "present"}
    client.force_login(colleague)
    before = client.post(mark_url, json.dumps(payload), content_type="application/json")
    assert before.status_code == 404
    client.force_login(trainer)
    assert _add(client, workshop, colleague, "facilitator").status_code == 302
    client.force_login(colleague)
    after = client.post(mark_url, json.dumps(payload), content_type="application/json")
    assert (after.status_code, after.json()["status"]) == (200, "present")
    assert enrolment.marks.get().recorded_by == colleague
    assert client.get(reverse("courses:scores", args=[workshop.pk])).status_code == 200


def test_the_workshop_page_lists_the_trainers_with_their_roles(
    client, trainer, colleague, workshop
):
    WorkshopTrainer.objects.filter(workshop=workshop, user=trainer).update(role="lead")
    client.force_login(trainer)
    _add(client, workshop, colleague)
    html = client.get(reverse("courses:workshop_detail", args=[workshop.pk])).content.decode()
    assert "Lead trainer" in html
    assert f"{colleague.get_username()}</bdi> · <strong>Co-trainer" in html


def test_a_trainer_of_another_governorate_cannot_be_added(client, trainer, other_trainer, workshop):
    client.force_login(trainer)
    assert _add(client, workshop, other_trainer).status_code == 404
    assert not workshop.trainer_roles.filter(user=other_trainer).exists()


def test_a_co_trainer_is_removed_and_loses_the_workshop(client, trainer, colleague, workshop):
    client.force_login(trainer)
    _add(client, workshop, colleague)
    row = workshop.trainer_roles.get(user=colleague)
    client.post(reverse("courses:trainer_remove", args=[workshop.pk]), {"row": row.pk})
    client.force_login(colleague)
    assert client.get(reverse("courses:workshop_detail", args=[workshop.pk])).status_code == 404


def test_the_lead_trainer_cannot_be_removed(client, trainer, workshop):
    row = workshop.trainer_roles.get(user=trainer)
    row.role = "lead"
    row.save()
    client.force_login(trainer)
    response = client.post(reverse("courses:trainer_remove", args=[workshop.pk]), {"row": row.pk})
    flashed = [str(message) for message in get_messages(response.wsgi_request)]
    assert "The lead trainer cannot be removed: make another trainer the lead first." in flashed
    assert workshop.trainer_roles.filter(user=trainer).exists()


def test_the_migration_makes_the_scheduler_lead_and_the_others_co_trainers(
    trainer, colleague, workshop
):
    workshop.created_by = colleague
    workshop.save()
    workshop.trainers.add(colleague)
    migration = importlib.import_module("courses.migrations.0017_workshop_trainer_roles")
    migration.trainers_become_lead(apps, None)
    roles = dict(workshop.trainer_roles.values_list("user", "role"))
    assert roles == {colleague.pk: "lead", trainer.pk: "co_trainer"}
