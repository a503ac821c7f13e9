"""Certificates API: a workshop's completions and the status of their certificates."""

from decimal import Decimal

from ninja import Router, Schema

from django.shortcuts import get_object_or_404

from certificates.models import Certificate
from courses.models import Completion, Workshop

router = Router(tags=["certificates"])


class CompletionOut(Schema):
    enrolment: int
    health_worker: int
    name_ar: str
    name_latin: str
    is_complete: bool
    attendance_percent: Decimal
    post_score: Decimal | None
    cme_hours: Decimal
    certificate_serial: str | None
    certificate_status: str | None


@router.get("/workshops/{workshop_id}", response=list[CompletionOut])
def workshop_completions(request, workshop_id: int):
    """A workshop the user trains: each completion and its latest certificate's status."""
    workshop = get_object_or_404(Workshop.objects.manageable_by(request.user), pk=workshop_id)
    completions = Completion.objects.filter(workshop=workshop).select_related("health_worker")
    latest = {}
    for certificate in Certificate.objects.filter(completion__workshop=workshop).order_by("pk"):
        latest[certificate.completion_id] = certificate
    rows = []
    for completion in completions.order_by("pk"):
        certificate = latest.get(completion.pk)
        rows.append(
            {
                "enrolment": completion.enrolment_id,
                "health_worker": completion.health_worker_id,
                "name_ar": completion.health_worker.name_ar,
                "name_latin": completion.health_worker.name_latin,
                "is_complete": completion.is_complete,
                "attendance_percent": completion.attendance_percent,
                "post_score": completion.post_score,
                "cme_hours": completion.cme_hours,
                "certificate_serial": certificate.serial if certificate else None,
                "certificate_status": certificate.status if certificate else None,
            }
        )
    return rows
