"""The FHIR builders: every resource valid R4, and carrying what iHRIS needs to read."""

import pytest

from interop.fhir import systems
from interop.fhir.bundle import worker_bundle
from tests.factories.workforce import HealthWorkerFactory
from tests.interop.conftest import validated

pytestmark = pytest.mark.django_db


def _bundle(worker):
    return worker_bundle(worker, worker.completions.select_related("course", "workshop__venue"))


def _resources(bundle, resource_type):
    return [
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == resource_type
    ]


def _training(basic) -> dict:
    (training,) = [e for e in basic["extension"] if e["url"] == systems.IHRIS_INSERVICE_TRAINING]
    return {
        part["url"]: next(v for k, v in part.items() if k != "url")
        for part in training["extension"]
    }


def test_the_bundle_and_every_resource_in_it_validate_as_fhir(trained_worker):
    bundle = _bundle(trained_worker)
    assert validated(bundle).type == "collection"
    for entry in bundle["entry"]:
        validated(entry["resource"])


def test_the_bundle_holds_the_practitioner_its_role_and_one_training_per_complete_completion(
    trained_worker,
):
    bundle = _bundle(trained_worker)
    kinds = [entry["resource"]["resourceType"] for entry in bundle["entry"]]
    assert kinds == ["Practitioner", "PractitionerRole", "Basic", "Basic"]


def test_each_training_carries_course_provider_dates_and_credits_as_ihris_reads_them(
    trained_worker,
):
    first, second = _resources(_bundle(trained_worker), "Basic")
    assert first["meta"]["profile"] == [systems.IHRIS_INSERVICE_TRAINING_PROFILE]
    assert _training(first) == {
        "provider": "Kirkuk General Hospital",
        "courseName": "Neonatal resuscitation",
        "credits": 12,
        "startDate": "2026-03-01",
        "endDate": "2026-03-03",
    }
    assert _training(second)["startDate"] == "2026-05-10"
    assert _training(second)["endDate"] == "2026-05-11"


def test_hours_with_a_fraction_keep_their_exact_value_and_claim_no_rounded_ihris_credit(
    trained_worker,
):
    second = _resources(_bundle(trained_worker), "Basic")[1]
    assert "credits" not in _training(second)
    hours = [e for e in second["extension"] if e["url"] == systems.site_extension("cme-hours")]
    assert hours == [{"url": systems.site_extension("cme-hours"), "valueDecimal": 7.5}]


def test_each_training_points_at_the_practitioner_of_the_bundle(trained_worker):
    bundle = _bundle(trained_worker)
    (practitioner,) = _resources(bundle, "Practitioner")
    target = f"Practitioner/{practitioner['id']}"
    assert bundle["entry"][0]["fullUrl"].endswith(f"/fhir/{target}")
    for basic in _resources(bundle, "Basic"):
        links = [e for e in basic["extension"] if e["url"] == systems.IHRIS_PRACTITIONER_REFERENCE]
        assert links == [
            {"url": systems.IHRIS_PRACTITIONER_REFERENCE, "valueReference": {"reference": target}}
        ]
        assert basic["subject"]["reference"] == target


def test_the_practitioner_has_both_names_with_their_language_licence_and_phone(trained_worker):
    (practitioner,) = _resources(_bundle(trained_worker), "Practitioner")
    names = {name["extension"][0]["valueCode"]: name["text"] for name in practitioner["name"]}
    assert names == {"ar": "أحمد الكركوكي", "en": "Ahmed Kirkuki"}
    identifiers = {i["system"]: i["value"] for i in practitioner["identifier"]}
    assert identifiers[systems.site_system("licence")] == trained_worker.licence_number
    assert identifiers[systems.site_system("health-worker")] == str(trained_worker.pk)
    assert practitioner["telecom"] == [{"system": "phone", "value": "07701234567", "use": "mobile"}]
    assert practitioner["gender"] == "male"


def test_a_kurdish_name_in_arabic_script_is_marked_as_sorani(kirkuk_facility):
    worker = HealthWorkerFactory(facility=kirkuk_facility, name_ar="هاوژین ئومێد هەورامی")
    (practitioner,) = _resources(_bundle(worker), "Practitioner")
    assert practitioner["name"][0]["extension"][0]["valueCode"] == "ckb"
    assert practitioner["name"][0]["text"] == "هاوژین ئومێد هەورامی"


def test_the_licence_system_is_an_address_of_the_site(trained_worker, settings):
    settings.SITE_URL = "https://cme.moh.gov.iq/"
    (practitioner,) = _resources(_bundle(trained_worker), "Practitioner")
    systems_used = {i["system"] for i in practitioner["identifier"]}
    assert "https://cme.moh.gov.iq/fhir/sid/licence" in systems_used


def test_the_role_names_the_cadre_and_the_facility(trained_worker):
    (role,) = _resources(_bundle(trained_worker), "PractitionerRole")
    assert role["code"][0]["coding"][0]["code"] == trained_worker.cadre.code
    assert role["location"][0]["identifier"]["value"] == trained_worker.facility.code
    assert role["location"][0]["display"] == "Kirkuk General Hospital"
    validated(role)


def test_a_walk_in_with_no_licence_and_only_an_arabic_name_still_exports_valid_fhir(
    kirkuk_facility,
):
    walk_in = HealthWorkerFactory(
        facility=kirkuk_facility, licence_number=None, name_latin="", name_ar="مريم"
    )
    bundle = _bundle(walk_in)
    validated(bundle)
    (practitioner,) = _resources(bundle, "Practitioner")
    assert [i["system"] for i in practitioner["identifier"]] == [
        systems.site_system("health-worker")
    ]
    assert [name["text"] for name in practitioner["name"]] == ["مريم"]
