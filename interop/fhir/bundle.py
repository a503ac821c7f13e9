"""One health worker's FHIR resources, as a `collection` Bundle or one after another (NDJSON)."""

from collections.abc import Iterable, Iterator

from django.utils import timezone

from interop.fhir import systems
from interop.fhir.practitioner import practitioner, practitioner_role
from interop.fhir.training import training_record


def worker_resources(worker, completions: Iterable) -> Iterator[dict]:
    """The Practitioner, its PractitionerRole, then one training record per complete completion."""
    yield practitioner(worker)
    yield practitioner_role(worker)
    for completion in completions:
        if completion.is_complete:
            yield training_record(completion)


def worker_bundle(worker, completions: Iterable) -> dict:
    """The worker's resources as a `collection` Bundle whose fullUrls resolve their references."""
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": timezone.now().isoformat(timespec="seconds"),
        "entry": [
            {
                "fullUrl": systems.resource_url(resource["resourceType"], resource["id"]),
                "resource": resource,
            }
            for resource in worker_resources(worker, completions)
        ],
    }
