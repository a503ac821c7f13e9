"""Requests to join a workshop: a health worker asks from the course page, a trainer decides."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import Enrolment, JoinRequest, Workshop
from courses.models.workshops import RecordMethod
from courses.selectors.joining import JOINABLE, places_left
from courses.services.roster import enrolment_add
from workforce.duties import decision_service
from workforce.models import HealthWorker


def workshop_joinable(*, workshop: Workshop, today=None) -> bool:
    """Whether people may still ask to join: planned or open, and not started yet."""
    today = today or timezone.localdate()
    return workshop.status in JOINABLE and workshop.starts_on >= today


def _refusal(*, workshop: Workshop, health_worker: HealthWorker) -> str | None:
    """Why this person may not ask to join this workshop now, in the reader's language."""
    if workshop.status == Workshop.Status.CLOSED:
        return _("This workshop is closed and takes no more requests to join.")
    if not workshop_joinable(workshop=workshop):
        return _("This workshop has started: ask its trainer at the venue.")
    if workshop.enrolments.filter(
        health_worker=health_worker, status=Enrolment.Status.ENROLLED
    ).exists():
        return _("You are already on this workshop's roster.")
    earlier = workshop.join_requests.filter(health_worker=health_worker).first()
    if earlier is not None and earlier.status == JoinRequest.Status.PENDING:
        return _("You have already asked to join this workshop: the trainer has not decided yet.")
    if earlier is not None:
        return _("The trainer has already decided on your request to join this workshop.")
    enrolled = workshop.enrolments.filter(status=Enrolment.Status.ENROLLED).count()
    if places_left(capacity=workshop.capacity, enrolled=enrolled) == 0:
        return _("This workshop is full.")
    return None


def join_request_create(*, workshop: Workshop, health_worker: HealthWorker) -> JoinRequest:
    """Ask to join a workshop, once; refused with the reason when it cannot take the request."""
    if refusal := _refusal(workshop=workshop, health_worker=health_worker):
        raise ValidationError(refusal)
    try:
        with transaction.atomic():
            return JoinRequest.objects.create(workshop=workshop, health_worker=health_worker)
    except IntegrityError:
        # Two taps at once: the other one made the request; the constraint keeps it one.
        raise ValidationError(
            _("You have already asked to join this workshop: the trainer has not decided yet.")
        ) from None


@decision_service(subject=lambda call: call["request"].health_worker)
@transaction.atomic
def join_request_decide(*, request: JoinRequest, accept: bool, user) -> JoinRequest:
    """Accept (put on the roster, within capacity) or decline a request to join."""
    # Locked, so two trainers deciding at once (or a double tap) make one decision.
    request = JoinRequest.objects.select_for_update().get(pk=request.pk)
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
