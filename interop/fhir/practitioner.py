"""A health worker as FHIR R4 `Practitioner` and `PractitionerRole`."""

from core.script_language import arabic_script_language
from interop.fhir import systems

# The registry keeps each full name whole (no family/given split), in two scripts; each HumanName
# says its language so a reader can pick one. The Arabic-script field holds Arabic or Kurdish
# Sorani spellings (told apart by their letters); Latin-script names are those of English
# documents (passports, licences abroad), "en" as on the certificates.
LATIN_NAME_LANGUAGE = "en"
GENDERS = {"F": "female", "M": "male"}


def practitioner_id(worker) -> str:
    return f"cme-hw-{worker.pk}"


def practitioner_reference(worker) -> dict:
    return {"reference": f"Practitioner/{practitioner_id(worker)}", "display": str(worker)}


def _identifier(system: str, value: str, type_code: str, type_text: str) -> dict:
    return {
        "use": "official",
        "type": {
            "coding": [{"system": systems.HL7_IDENTIFIER_TYPE, "code": type_code}],
            "text": type_text,
        },
        "system": systems.site_system(system),
        "value": value,
    }


def _identifiers(worker) -> list[dict]:
    # The registry id always; licence and national ID only where given (walk-ins may have none).
    found = [_identifier("health-worker", str(worker.pk), "EI", "Registry number")]
    if worker.licence_number:
        found.append(_identifier("licence", worker.licence_number, "LN", "Licence number"))
    if worker.national_id:
        found.append(_identifier("national-id", worker.national_id, "NI", "National ID"))
    return found


def _names(worker) -> list[dict]:
    arabic, latin = worker.name_ar.strip(), worker.name_latin.strip()
    written = []
    if arabic:
        written.append((arabic, arabic_script_language(arabic)))
    if latin:
        written.append((latin, LATIN_NAME_LANGUAGE))
    return [
        {
            "extension": [{"url": systems.HL7_LANGUAGE, "valueCode": language}],
            "use": "official",
            "text": text,
        }
        for text, language in written
    ]


def _telecom(worker) -> list[dict]:
    telecom = []
    if worker.phone:
        telecom.append({"system": "phone", "value": worker.phone, "use": "mobile"})
    if worker.email:
        telecom.append({"system": "email", "value": worker.email, "use": "work"})
    return telecom


def practitioner(worker) -> dict:
    """The worker's `Practitioner`: registry id, licence and national ID, both names, telecom."""
    resource = {
        "resourceType": "Practitioner",
        "id": practitioner_id(worker),
        "identifier": _identifiers(worker),
        "active": True,
        "name": _names(worker),
    }
    if telecom := _telecom(worker):
        resource["telecom"] = telecom
    if worker.sex in GENDERS:
        resource["gender"] = GENDERS[worker.sex]
    return resource


def facility_reference(facility) -> dict:
    """A logical reference by the facility's code (the facility is not a resource of the Bundle)."""
    return {
        "identifier": {"system": systems.site_system("facility"), "value": facility.code},
        "display": facility.name_en,
    }


def practitioner_role(worker) -> dict:
    """The worker's `PractitionerRole`: their cadre at their current facility."""
    cadre = worker.cadre
    return {
        "resourceType": "PractitionerRole",
        "id": f"{practitioner_id(worker)}-role",
        "active": True,
        "practitioner": practitioner_reference(worker),
        "organization": facility_reference(worker.facility),
        "location": [facility_reference(worker.facility)],
        "code": [
            {
                "coding": [
                    {
                        "system": systems.site_system("cadre"),
                        "code": cadre.code,
                        "display": cadre.name_en,
                    }
                ],
                "text": cadre.name_en,
            }
        ],
    }
