"""A completion as the in-service training record iHRIS 5 keeps: a `Basic` with its extension.

iHRIS's `credits` is an integer; our CME hours have one decimal. The exact hours always travel in
our own `cme-hours` extension; iHRIS's `credits` is given only when the hours are whole, so no
record ever shows a credit that was not earned (rounding up) or loses one (rounding down).
"""

from decimal import Decimal

from interop.fhir import systems
from interop.fhir.practitioner import practitioner_reference


def training_id(completion) -> str:
    return f"cme-completion-{completion.pk}"


def training_provider(completion) -> str:
    """Who gave the training: the workshop's venue (the site has no separate organiser)."""
    return completion.workshop.venue.name_en


def _inservice_training(completion) -> dict:
    workshop = completion.workshop
    parts = [
        {"url": "provider", "valueString": training_provider(completion)},
        {"url": "courseName", "valueString": completion.course.title},
    ]
    hours = Decimal(completion.cme_hours)
    if hours == hours.to_integral_value():
        parts.append({"url": "credits", "valueInteger": int(hours)})
    parts += [
        {"url": "startDate", "valueDate": workshop.starts_on.isoformat()},
        {"url": "endDate", "valueDate": workshop.ends_on.isoformat()},
    ]
    return {"url": systems.IHRIS_INSERVICE_TRAINING, "extension": parts}


def training_record(completion) -> dict:
    """One complete completion as iHRIS's `ihris-basic-inservice-training` Basic resource."""
    worker = completion.health_worker
    return {
        "resourceType": "Basic",
        "id": training_id(completion),
        "meta": {"profile": [systems.IHRIS_INSERVICE_TRAINING_PROFILE]},
        "identifier": [{"system": systems.site_system("completion"), "value": str(completion.pk)}],
        "extension": [
            {
                "url": systems.IHRIS_PRACTITIONER_REFERENCE,
                "valueReference": {"reference": practitioner_reference(worker)["reference"]},
            },
            _inservice_training(completion),
            {
                "url": systems.site_extension("cme-hours"),
                "valueDecimal": float(completion.cme_hours),
            },
            {"url": systems.site_extension("course-code"), "valueString": completion.course.code},
        ],
        "code": {
            "coding": [
                {"system": systems.IHRIS_RESOURCE_CODES, "code": systems.IHRIS_PRACTITIONER_LINK}
            ]
        },
        "subject": practitioner_reference(worker),
        "created": completion.completed_on.isoformat(),
    }
