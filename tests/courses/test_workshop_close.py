"""Closing a workshop: a confirmation that shows what is missing and what will be decided."""

import pytest

from django.urls import reverse

from courses.models import Completion, RecordChange, Workshop
from tests.factories.courses import AssessmentScoreFactory, AttendanceMarkFactory, EnrolmentFactory
from tests.factories.workforce import HealthWorkerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def half_done(workshop, kirkuk_facility):
    """Four days; Amal attended all and passed, Bilal came once and has no post-test."""
    amal = EnrolmentFactory(
        workshop=workshop,
        health_worker=HealthWorkerFactory(facility=kirkuk_facility, name_latin="Amal Saleh"),
    )
    bilal = EnrolmentFactory(
        workshop=workshop,
        health_worker=HealthWorkerFactory(facility=kirkuk_facility, name_latin="Bilal Hadi"),
    )
    sessions = list(workshop.sessions.all())
    for session in sessions:
        AttendanceMarkFactory(enrolment=amal, session=session)
    AttendanceMarkFactory(enrolment=bilal, session=sessions[0])
    AssessmentScoreFactory(enrolment=amal, kind="post", score=90)
    return amal, bilal


def test_the_close_confirmation_lists_gaps_and_outcomes_and_changes_nothing(
    client, trainer, workshop, half_done
):
    client.force_login(trainer)
    page = client.get(reverse("courses:workshop_close", args=[workshop.pk])).content.decode()
    assert page.count("1 person not marked") == 3
    missing = page[page.index('id="missing-post-tests"') :]
    assert "Bilal Hadi" in missing and "Amal Saleh" not in missing.split("</section>")[0]
    assert "data-will-complete>1<" in page and "data-will-not-complete>1<" in page
    workshop.refresh_from_db()
    assert workshop.status == "running"
    assert not Completion.objects.exists() and not RecordChange.objects.filter(kind="completion")


def test_the_confirmation_foretells_what_closing_then_records(client, trainer, workshop, half_done):
    client.force_login(trainer)
    url = reverse("courses:workshop_close", args=[workshop.pk])
    preview = client.get(url).content.decode()
    client.post(url)
    done = Completion.objects.filter(is_complete=True).count()
    assert f"data-will-complete>{done}<" in preview
    assert Workshop.objects.get().status == "closed"


def test_the_workshop_page_leads_to_the_confirmation_not_straight_to_closing(
    client, trainer, workshop
):
    client.force_login(trainer)
    page = client.get(reverse("courses:workshop_detail", args=[workshop.pk])).content.decode()
    url = reverse("courses:workshop_close", args=[workshop.pk])
    assert f'href="{url}"' in page
    assert f'<form method="post" action="{url}"' not in page


def test_the_confirmation_answers_404_to_a_trainer_of_another_governorate(
    client, other_trainer, workshop
):
    client.force_login(other_trainer)
    assert client.get(reverse("courses:workshop_close", args=[workshop.pk])).status_code == 404
