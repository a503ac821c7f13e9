"""External participants are not the health workforce: no partner route and no FHIR file lists them.

An engineer of the Ministry of Electricity trained in Kirkuk holds a certificate that verifies like
any other, but a partner who reads Kirkuk's health workers, completions or certificates, or an
auditor who exports Kirkuk's workforce as FHIR, must not find them there (coverage never counts
them either: tests/coverage/test_external_participants.py). The partner routes are walked from the
API's URL patterns, so a new route is held to the rule without anyone listing it here.
"""

import json

import pytest

from django.urls import reverse

from coverage.services import coverage_refresh_pair
from tests.factories.workforce import RoleAssignmentFactory, directorate
from tests.interop.partners.conftest import KIRKUK_MARKS, trained_at
from tests.interop.partners.routes import partner_paths, response_text
from workforce.models import Facility, HealthWorker

pytestmark = pytest.mark.django_db

ENGINEER = "Electricity Engineer"


@pytest.fixture
def engineer(two_governorates):
    """An external participant trained and certified at Kirkuk's hospital, beside its nurse."""
    kirkuk = Facility.objects.get(code="KIR-HOSP-1")
    course = HealthWorker.objects.get(name_latin="Kirkuk Nurse").enrolments.get().workshop.course
    person = trained_at(kirkuk, name=ENGINEER, course=course)
    person.is_external = True
    person.organisation = "Ministry of Electricity"
    person.save()
    coverage_refresh_pair(facility_id=kirkuk.pk, course_id=course.pk)  # as an external, uncounted
    assert person.enrolments.get().completion.certificates.get().status == "valid"
    return person


@pytest.mark.parametrize("path", partner_paths())
@pytest.mark.parametrize("format", ("json", "csv", "ndjson"))
def test_no_partner_route_lists_an_external_participant(client, kirkuk_key, engineer, path, format):
    response = client.get(path, {"format": format}, HTTP_X_API_KEY=kirkuk_key)
    assert response.status_code == 200
    body = response_text(response)
    assert any(mark in body for mark in KIRKUK_MARKS)  # the nurse beside them is there
    assert ENGINEER not in body


@pytest.mark.parametrize("path", partner_paths())
def test_no_partner_row_points_at_an_external_participant(client, kirkuk_key, engineer, path):
    # A completion names its person by id only: no row may carry the participant's id.
    rows = client.get(path, HTTP_X_API_KEY=kirkuk_key).json()["items"]
    assert rows
    assert not [row for row in rows if row.get("health_worker") == engineer.pk]
    if path.endswith("/health-workers"):
        assert engineer.pk not in [row["id"] for row in rows]


def test_the_fhir_export_and_bundle_leave_the_external_participant_out(client, engineer):
    auditor = RoleAssignmentFactory(
        role="auditor", level="governorate", governorate=directorate("KIR").governorate
    ).user
    client.force_login(auditor)
    lines = response_text(client.get(reverse("interop:fhir_export"))).splitlines()
    names = [json.loads(line).get("name", [{}])[0].get("text", "") for line in lines]
    assert "Kirkuk Nurse" in " ".join(names)
    assert ENGINEER not in "\n".join(lines)
    bundle = reverse("interop:fhir_worker", kwargs={"pk": engineer.pk})
    assert client.get(bundle).status_code == 404
