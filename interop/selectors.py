"""Reads for the FHIR exports; every one goes through `visible_to(user, roles=AUDITING_ROLES)`.

A worker's own record (`HealthWorker.visible_to` without roles) does not count here: the exports
are for ministry staff who audit, so only their auditing scopes decide. They are the health
workforce: external participants are not in them (`workforce_q`).
"""

from collections import defaultdict
from collections.abc import Iterator

from django.http import Http404

from courses.models import Completion
from workforce.models import AUDITING_ROLES, Governorate, HealthWorker, workforce_q

BATCH = 500  # workers per round of queries in the bulk export


def _workers(user):
    return (
        HealthWorker.objects.visible_to(user, roles=AUDITING_ROLES)
        .workforce()
        .select_related("cadre", "facility")
    )


def _completions_query(user):
    return (
        Completion.objects.visible_to(user, roles=AUDITING_ROLES)
        .filter(workforce_q("health_worker__"), is_complete=True)
        .select_related("course", "workshop__venue")
        .order_by("workshop__starts_on", "pk")
    )


def _completions_of(completions, workers: list[HealthWorker]) -> dict[int, list]:
    """Each worker's completions, in one query, each pointing at the worker already read."""
    by_id = {worker.pk: worker for worker in workers}
    by_worker = defaultdict(list)
    for completion in completions.filter(health_worker_id__in=by_id):
        completion.health_worker = by_id[completion.health_worker_id]
        by_worker[completion.health_worker_id].append(completion)
    return by_worker


def export_worker(*, user, pk: int) -> tuple[HealthWorker, list]:
    """One worker in the user's auditing scope and their complete completions; 404 outside it."""
    worker = _workers(user).filter(pk=pk).first()
    if worker is None:
        raise Http404
    return worker, _completions_of(_completions_query(user), [worker])[worker.pk]


def export_governorate(*, user, code: str | None) -> Governorate | None:
    """The governorate an export is limited to (None: the whole scope); 404 outside the scope."""
    if not code:
        return None
    governorate = (
        Governorate.objects.visible_to(user, roles=AUDITING_ROLES).filter(code=code).first()
    )
    if governorate is None:
        raise Http404
    return governorate


def export_workers(*, user, governorate: Governorate | None) -> Iterator[tuple[HealthWorker, list]]:
    """Every worker of the scope (or of one governorate in it) with their completions, in batches.

    Keyset batches by primary key keep memory flat and each query short over 250,000 workers.
    """
    workers = _workers(user).order_by("pk")
    if governorate is not None:
        workers = workers.filter(facility__governorate=governorate)
    completions_query = _completions_query(user)  # the user's scope is read once, not per batch
    last = 0
    while batch := list(workers.filter(pk__gt=last)[:BATCH]):
        completions = _completions_of(completions_query, batch)
        for worker in batch:
            yield worker, completions[worker.pk]
        last = batch[-1].pk
