"""The FHIR files as ministry staff fetch them: in scope, signed in, valid line by line."""

import json

import pytest

from django.urls import reverse

from tests.factories.workforce import HealthWorkerFactory, RoleAssignmentFactory
from tests.interop.conftest import validated

pytestmark = pytest.mark.django_db


def _bundle_url(worker) -> str:
    return reverse("interop:fhir_worker", kwargs={"pk": worker.pk})


def _lines(response) -> list[dict]:
    body = b"".join(response.streaming_content).decode()
    assert body.endswith("\n")
    return [json.loads(line) for line in body.splitlines()]


def test_an_auditor_gets_the_bundle_of_a_worker_in_scope_as_fhir_json(
    client, kirkuk_auditor, trained_worker
):
    client.force_login(kirkuk_auditor)
    response = client.get(_bundle_url(trained_worker))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/fhir+json")
    assert "no-store" in response["Cache-Control"]
    bundle = json.loads(response.content)
    validated(bundle)
    assert [e["resource"]["resourceType"] for e in bundle["entry"]].count("Basic") == 2
    assert "أحمد الكركوكي" in response.content.decode()


def test_another_governorates_worker_is_not_found(client, kirkuk_auditor, basra_worker):
    client.force_login(kirkuk_auditor)
    assert client.get(_bundle_url(basra_worker)).status_code == 404


def test_a_signed_in_user_who_may_not_audit_is_told_nothing(client, kirkuk_worker):
    trainer = RoleAssignmentFactory(role="trainer", level="national").user
    client.force_login(trainer)
    assert client.get(_bundle_url(kirkuk_worker)).status_code == 404
    assert client.get(reverse("interop:fhir_export")).status_code == 404


def test_a_health_worker_cannot_export_even_their_own_record(client, user, kirkuk_worker):
    kirkuk_worker.user = user
    kirkuk_worker.save()
    client.force_login(user)
    assert client.get(_bundle_url(kirkuk_worker)).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, kirkuk_worker):
    for url in (_bundle_url(kirkuk_worker), reverse("interop:fhir_export")):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_the_ndjson_export_has_one_valid_resource_a_line_for_the_scope_only(
    client, kirkuk_auditor, trained_worker, basra_worker
):
    walk_in = HealthWorkerFactory(facility=trained_worker.facility, licence_number=None)
    client.force_login(kirkuk_auditor)
    response = client.get(reverse("interop:fhir_export"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/fhir+ndjson")
    assert "no-store" in response["Cache-Control"]
    resources = _lines(response)
    for resource in resources:
        validated(resource)
    practitioners = [r["id"] for r in resources if r["resourceType"] == "Practitioner"]
    assert practitioners == [f"cme-hw-{trained_worker.pk}", f"cme-hw-{walk_in.pk}"]
    assert [r["resourceType"] for r in resources].count("Basic") == 2


def test_a_national_auditor_can_limit_the_export_to_one_governorate(
    client, kirkuk_worker, basra_worker
):
    client.force_login(RoleAssignmentFactory(role="auditor", level="national").user)
    response = client.get(reverse("interop:fhir_export"), {"governorate": "BAS"})
    practitioners = [r for r in _lines(response) if r["resourceType"] == "Practitioner"]
    assert [p["id"] for p in practitioners] == [f"cme-hw-{basra_worker.pk}"]
    assert 'filename="health-workers-BAS.ndjson"' in response["Content-Disposition"]


def test_a_governorate_outside_the_scope_is_not_found(client, kirkuk_auditor, basra_worker):
    client.force_login(kirkuk_auditor)
    assert client.get(reverse("interop:fhir_export"), {"governorate": "BAS"}).status_code == 404


def test_a_malformed_governorate_is_refused_with_a_message_in_the_readers_language(
    client, kirkuk_auditor
):
    client.force_login(kirkuk_auditor)
    response = client.get(
        reverse("interop:fhir_export"), {"governorate": "٣عربي"}, HTTP_ACCEPT_LANGUAGE="ar"
    )
    assert response.status_code == 400
    assert "BAS" in response.content.decode()
    assert "محافظة" in response.content.decode()


def test_the_export_reads_a_batch_of_workers_in_the_same_few_queries_however_many_trained(
    client, kirkuk_auditor, trained_worker, django_assert_max_num_queries
):
    for _ in range(4):
        HealthWorkerFactory(facility=trained_worker.facility)
    client.force_login(kirkuk_auditor)
    response = client.get(reverse("interop:fhir_export"))
    # The scope once for workers and for completions, then a batch's workers and their
    # completions, then the empty last batch: nothing per worker or per completion.
    with django_assert_max_num_queries(5):
        resources = _lines(response)
    assert [r["resourceType"] for r in resources].count("Practitioner") == 5
