"""Requests to join a workshop: a health worker asks from the course page, a trainer decides."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import Enrolment, JoinRequest, Workshop
from courses.models.workshops import RecordMethod
from courses.services.roster import enrolment_add
from workforce.duties import decision_service
from workforce.models import HealthWorker

JOINABLE = (Workshop.Status.PLANNED, Workshop.Status.OPEN)


def workshop_joinable(*, workshop: Workshop, today=None) -> bool:
    """Whether people may still ask to join: planned or open, and not started yet."""
    today = today or timezone.localdate()
    return workshop.status in JOINABLE and workshop.starts_on >= today


@transaction.atomic
def join_request_create(*, workshop: Workshop, health_worker: HealthWorker) -> JoinRequest:
    """Ask to join a workshop (once); refused when it has started, closed, or they are enrolled."""
    if not workshop_joinable(workshop=workshop):
        raise ValidationError(_("This workshop no longer takes requests to join."))
    if workshop.enrolments.filter(
        health_worker=health_worker, status=Enrolment.Status.ENROLLED
    ).exists():
        raise ValidationError(_("You are already on this workshop's roster."))
    request, _created = JoinRequest.objects.get_or_create(
        workshop=workshop, health_worker=health_worker
    )
    return request


@decision_service(subject=lambda call: call["request"].health_worker)
@transaction.atomic
def join_request_decide(*, request: JoinRequest, accept: bool, user) -> JoinRequest:
    """Accept (put on the roster, within capacity) or decline a request to join."""
    if request.status != JoinRequest.Status.PENDING:
        return request
    if accept:
        enrolment_add(
            workshop=request.workshop,
            health_worker=request.health_worker,
            user=user,
            source=Enrolment.Source.SELF,
            method=RecordMethod.ROSTER,
        )
    request.status = JoinRequest.Status.ACCEPTED if accept else JoinRequest.Status.DECLINED
    request.decided_by = user
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "decided_by", "decided_at"])
    return request
