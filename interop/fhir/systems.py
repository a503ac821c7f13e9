"""Every URL the FHIR resources name: iHRIS 5's profiles and extensions, HL7's, and our own.

iHRIS's come from its FHIR Shorthand sources on GitHub, read (not run) while writing this:
`IhrisPractitionerBasic.fsh` of iHRIS/iHRIS (`ig/input/fsh/`): profile `ihris-practitioner-basic`,
extension `ihris-practitioner-reference`, `Basic.code` fixed to `practitioner-link` of
`ihris-resource-codesystem`; and the in-service training FSH of an iHRIS 5 site guide, found by
full-text search of stored GitHub sources (its repository was not pinned): profile
`ihris-basic-inservice-training` with the complex extension `ihris-inservice-training` and its
sub-extensions `provider` (string), `training` (Coding), `courseName` (string, 1..1), `credits`
(integer), `startDate` and `endDate` (date). iHRIS's own bulk-upload script writes exactly these
URLs under the canonical base `http://ihris.org/fhir/`. Not checked against a running iHRIS
(docs/interop.md).
"""

from django.conf import settings

IHRIS = "http://ihris.org/fhir"
IHRIS_INSERVICE_TRAINING_PROFILE = f"{IHRIS}/StructureDefinition/ihris-basic-inservice-training"
IHRIS_INSERVICE_TRAINING = f"{IHRIS}/StructureDefinition/ihris-inservice-training"
IHRIS_PRACTITIONER_REFERENCE = f"{IHRIS}/StructureDefinition/ihris-practitioner-reference"
IHRIS_RESOURCE_CODES = f"{IHRIS}/CodeSystem/ihris-resource-codesystem"
IHRIS_PRACTITIONER_LINK = "practitioner-link"

# HL7's: the language of one element (core extension) and the v2 identifier types.
HL7_LANGUAGE = "http://hl7.org/fhir/StructureDefinition/language"
HL7_IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203"


def site_base() -> str:
    """The site's own address, the root of every system and definition URL we coin."""
    return settings.SITE_URL.rstrip("/")


def site_system(name: str) -> str:
    """One of our identifier systems or code systems, e.g. `https://<site>/fhir/sid/licence`."""
    return f"{site_base()}/fhir/sid/{name}"


def site_extension(name: str) -> str:
    """One of our own extensions: what iHRIS's have no place for (exact CME hours, course code)."""
    return f"{site_base()}/fhir/StructureDefinition/{name}"


def resource_url(resource_type: str, resource_id: str) -> str:
    """A Bundle entry's fullUrl, RESTful so that `Practitioner/<id>` references resolve in it."""
    return f"{site_base()}/fhir/{resource_type}/{resource_id}"
