"""The roster: putting health workers on a workshop and taking them off."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from courses.models import Enrolment, RecordChange, Workshop
from courses.models.workshops import RecordMethod
from courses.services.history import history_record, snapshot
from workforce.models import HealthWorker
from workforce.services import health_worker_create


@transaction.atomic
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
    enrolment = Enrolment.objects.filter(workshop=workshop, health_worker=health_worker).first()
    if enrolment and enrolment.status == Enrolment.Status.ENROLLED:
        return enrolment
    if workshop.status == Workshop.Status.CLOSED:
        raise ValidationError(_("The workshop is closed."))
    enrolled = workshop.enrolments.filter(status=Enrolment.Status.ENROLLED).count()
    if check_capacity and enrolled >= workshop.capacity:
        raise ValidationError(_("The workshop is full (%(n)d places).") % {"n": workshop.capacity})
    if enrolment:
        before = snapshot(RecordChange.Kind.ENROLMENT, enrolment)
        enrolment.status = Enrolment.Status.ENROLLED
        enrolment.save(update_fields=["status"])
        action = RecordChange.Action.CHANGED
    else:
        before = None
        enrolment = Enrolment.objects.create(
            workshop=workshop, health_worker=health_worker, source=source
        )
        action = RecordChange.Action.CREATED
    history_record(
        kind=RecordChange.Kind.ENROLMENT,
        record=enrolment,
        action=action,
        method=method,
        actor=user,
        before=before,
        workshop=workshop,
        health_worker=health_worker,
    )
    return enrolment


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
    """Register a new health worker on the spot (the registry's own service) and enrol them."""
    worker = health_worker_create(**worker_fields)
    return enrolment_add(
        workshop=workshop, health_worker=worker, user=user, source=Enrolment.Source.WALK_IN
    )
