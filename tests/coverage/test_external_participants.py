"""External participants get certificates but are never in coverage (the country of conftest.py).

Basra (B1) has three verified nurses, n4 trained in course A in April 2026: 1 of 3. Two people
from outside the registry complete course A at B1 in April; Basra stays 1 of 3.
"""

import datetime

import pytest

from django.core.cache import cache
from django.urls import reverse

from certificates import services as certificates
from coverage import selectors
from coverage.services import coverage_rebuild
from tests.factories.courses import CompletionFactory, WorkshopFactory
from tests.factories.providers import ProviderFactory
from tests.factories.workforce import RoleAssignmentFactory, governorate
from workforce.models import HealthWorker

pytestmark = pytest.mark.django_db


@pytest.fixture
def basra_trainer(db):
    return RoleAssignmentFactory(
        role="trainer", level="governorate", governorate=governorate("BAS")
    ).user


@pytest.fixture
def externals_completed(client, country, basra_trainer):
    """Two external participants added on the roster page, both complete, with certificates."""
    day = datetime.date(2026, 4, 20)
    workshop = WorkshopFactory(
        course=country.a, venue=country.b1, starts_on=day, ends_on=day, status="running"
    )
    workshop.trainers.add(basra_trainer)
    client.force_login(basra_trainer)
    url = reverse("courses:roster_external", args=[workshop.pk])
    electricity = {"name_latin": "Karim Jasim", "organisation": "Ministry of Electricity",
                   "cadre": country.nurse.pk}  # fmt: skip
    supplier = {"name_ar": "سعد ناصر", "organisation_provider": ProviderFactory().pk,
                "cadre": country.nurse.pk}  # fmt: skip
    for data in (electricity, supplier):
        response = client.post(url, data)
        assert response.status_code == 302, response.context["form"].errors
    certificates_issued = []
    for enrolment in workshop.enrolments.all():
        completion = CompletionFactory(enrolment=enrolment, completed_on=day)
        certificates_issued.append(certificates.certificate_issue(completion_id=completion.pk))
    coverage_rebuild()
    return certificates_issued


def _basra(user, query, course):
    table = selectors.coverage_table(user=user, query=query)
    place = next(place for place in table.places if place.code == "BAS")
    return table.figures(place.id, course.pk)


def test_external_participants_are_enrolled_as_such_with_their_organisation(externals_completed):
    externals = HealthWorker.objects.filter(is_external=True)
    assert sorted(w.organisation_name for w in externals)[0] == "Ministry of Electricity"
    assert externals.count() == 2


def test_an_external_participants_certificate_verifies(externals_completed, client):
    cache.clear()
    code = externals_completed[0].verification_code
    page = client.get(f"/verify/{code}/").content.decode()
    assert "Valid certificate" in page


def test_external_participants_change_neither_numerator_nor_denominator(
    externals_completed, country, national_auditor, period_query
):
    figures = _basra(national_auditor, period_query(), country.a)
    assert (figures.trained, figures.workforce) == (1, 3)


def test_an_external_participant_without_an_organisation_is_refused_with_a_message(
    client, country, basra_trainer
):
    workshop = WorkshopFactory(course=country.a, venue=country.b1, status="running")
    workshop.trainers.add(basra_trainer)
    client.force_login(basra_trainer)
    url = reverse("courses:roster_external", args=[workshop.pk])
    response = client.post(url, {"name_latin": "Karim Jasim", "cadre": country.nurse.pk})
    assert response.status_code == 200
    assert "Give the participant&#x27;s organisation." in response.content.decode()
    assert not HealthWorker.objects.filter(is_external=True).exists()
