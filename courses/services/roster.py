"""The roster: putting health workers on a workshop and taking them off."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from courses.models import Enrolment, RecordChange, Workshop
from courses.models.workshops import RecordMethod
from courses.notices.events import workshop_scheduled_queue
from courses.services.history import Change, history_record, history_record_many, snapshot
from workforce.models import HealthWorker
from workforce.services import health_worker_create


def enrolment_add(
    *,
    workshop: Workshop,
    health_worker: HealthWorker,
    user,
    source: str = Enrolment.Source.REGISTRY,
    method: str = RecordMethod.ROSTER,
    check_capacity: bool = True,
) -> Enrolment:
    """Put a health worker on the roster (again, if they had withdrawn)."""
    return enrolments_add(
        workshop=workshop,
        health_workers=[health_worker],
        user=user,
        source=source,
        method=method,
        check_capacity=check_capacity,
    )[health_worker.pk]


@transaction.atomic
def enrolments_add(
    *,
    workshop: Workshop,
    health_workers: list[HealthWorker],
    user,
    source: str = Enrolment.Source.REGISTRY,
    method: str = RecordMethod.ROSTER,
    check_capacity: bool = True,
) -> dict[int, Enrolment]:
    """Put health workers on the roster in one go: each worker's enrolment, by worker id.

    People already enrolled stay as they are; withdrawn people are enrolled again; a closed
    workshop takes nobody, and a full one nobody more (unless the trainer chose to go beyond).
    """
    enrolments = {
        e.health_worker_id: e
        for e in workshop.enrolments.filter(health_worker__in=[w.pk for w in health_workers])
    }
    workers = {w.pk: w for w in health_workers}
    joining = [pk for pk in workers if enrolments.get(pk) is None or not _enrolled(enrolments[pk])]
    if not joining:
        return enrolments
    if workshop.status == Workshop.Status.CLOSED:
        raise ValidationError(_("The workshop is closed."))
    enrolled = workshop.enrolments.filter(status=Enrolment.Status.ENROLLED).count()
    if check_capacity and enrolled + len(joining) > workshop.capacity:
        raise ValidationError(_("The workshop is full (%(n)d places).") % {"n": workshop.capacity})
    returning = [enrolments[pk] for pk in joining if pk in enrolments]
    befores = {e.pk: snapshot(RecordChange.Kind.ENROLMENT, e) for e in returning}
    for enrolment in returning:
        enrolment.status = Enrolment.Status.ENROLLED
    Enrolment.objects.bulk_update(returning, ["status"])
    new = [
        Enrolment(workshop=workshop, health_worker=workers[pk], source=source)
        for pk in joining
        if pk not in enrolments
    ]
    Enrolment.objects.bulk_create(new, batch_size=1000)
    if new and new[0].pk is None:  # backends that return no ids
        ids = dict(
            workshop.enrolments.filter(
                health_worker__in=[e.health_worker_id for e in new]
            ).values_list("health_worker_id", "pk")
        )
        for enrolment in new:
            enrolment.pk = ids[enrolment.health_worker_id]
            enrolment._state.adding = False
    changes = [
        Change(
            kind=RecordChange.Kind.ENROLMENT,
            record=enrolment,
            action=RecordChange.Action.CHANGED
            if enrolment.pk in befores
            else RecordChange.Action.CREATED,
            before=befores.get(enrolment.pk, {}),
            after=snapshot(RecordChange.Kind.ENROLMENT, enrolment),
            workshop_id=workshop.pk,
            health_worker_id=enrolment.health_worker_id,
        )
        for enrolment in [*returning, *new]
    ]
    history_record_many(changes=changes, method=method, actor=user)
    workshop_scheduled_queue(workshop=workshop, health_worker_ids=joining)
    enrolments.update({e.health_worker_id: e for e in new})
    return enrolments


def _enrolled(enrolment: Enrolment) -> bool:
    return enrolment.status == Enrolment.Status.ENROLLED


@transaction.atomic
def enrolment_withdraw(*, enrolment: Enrolment, user) -> Enrolment:
    """Take a health worker off the roster; their marks stay in the history."""
    if enrolment.status == Enrolment.Status.WITHDRAWN:
        return enrolment
    before = snapshot(RecordChange.Kind.ENROLMENT, enrolment)
    enrolment.status = Enrolment.Status.WITHDRAWN
    enrolment.save(update_fields=["status"])
    history_record(
        kind=RecordChange.Kind.ENROLMENT,
        record=enrolment,
        action=RecordChange.Action.CHANGED,
        method=RecordMethod.ROSTER,
        actor=user,
        before=before,
        workshop=enrolment.workshop,
        health_worker=enrolment.health_worker,
    )
    return enrolment


@transaction.atomic
def walk_in_add(*, workshop: Workshop, user, **worker_fields) -> Enrolment:
    """Register a new health worker on the spot (unverified until an administrator checks them)."""
    worker = health_worker_create(**worker_fields, is_verified=False)
    return enrolment_add(
        workshop=workshop, health_worker=worker, user=user, source=Enrolment.Source.WALK_IN
    )


@transaction.atomic
def external_participant_add(*, workshop: Workshop, user, **worker_fields) -> Enrolment:
    """Enrol someone from outside the registry; never counted in coverage (docs/programmes.md).

    Their record sits at the workshop's venue so that the trainers there keep it in scope.
    """
    worker = health_worker_create(**worker_fields, is_external=True, facility=workshop.venue)
    return enrolment_add(
        workshop=workshop, health_worker=worker, user=user, source=Enrolment.Source.EXTERNAL
    )


def pending_walk_in_decide(*, pending, accept: bool, user) -> Enrolment | None:
    """Accept a phone's walk-in (registered and enrolled like any walk-in), or decline it."""
    from courses.models import PendingWalkIn

    with transaction.atomic():
        pending = PendingWalkIn.objects.select_for_update().get(pk=pending.pk)
        if pending.status != PendingWalkIn.Status.PENDING:
            return pending.enrolment
        enrolment = None
        if accept:
            enrolment = walk_in_add(
                workshop=pending.workshop,
                user=user,
                name_ar=pending.name_ar,
                name_latin=pending.name_latin,
                cadre=pending.cadre,
                facility=pending.facility or pending.workshop.venue,
                phone=pending.phone,
            )
        pending.status = PendingWalkIn.Status.ACCEPTED if accept else PendingWalkIn.Status.DECLINED
        pending.enrolment = enrolment
        pending.save(update_fields=["status", "enrolment"])
    return enrolment
