"""Claims for CME done elsewhere, and their review."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import ExternalActivity, RecordChange
from courses.models.workshops import RecordMethod
from courses.notices.events import claim_decided_notify
from courses.services.history import history_record, snapshot
from workforce.duties import decision_service
from workforce.models import HealthWorker


@transaction.atomic
def external_activity_claim(*, health_worker: HealthWorker, user, **fields) -> ExternalActivity:
    """A health worker's claim for CME done elsewhere, waiting for review."""
    activity = ExternalActivity(health_worker=health_worker, **fields)
    activity.full_clean()
    activity.save()
    history_record(
        kind=RecordChange.Kind.CLAIM,
        record=activity,
        action=RecordChange.Action.CREATED,
        method=RecordMethod.SELF,
        actor=user,
        health_worker=health_worker,
    )
    return activity


@decision_service(subject=lambda call: call["activity"].health_worker)
@transaction.atomic
def external_activity_review(
    *, activity: ExternalActivity, approve: bool, note: str, user
) -> ExternalActivity:
    """Approve or reject a claim; a rejection needs a note the health worker can act on."""
    if not approve and not note.strip():
        raise ValidationError({"review_note": _("Say why the claim is rejected.")})
    before = snapshot(RecordChange.Kind.CLAIM, activity)
    activity.status = (
        ExternalActivity.Status.APPROVED if approve else ExternalActivity.Status.REJECTED
    )
    activity.review_note = note.strip()
    activity.reviewer = user
    activity.reviewed_at = timezone.now()
    activity.save()
    history_record(
        kind=RecordChange.Kind.CLAIM,
        record=activity,
        action=RecordChange.Action.CHANGED,
        method=RecordMethod.REVIEW,
        actor=user,
        before=before,
        health_worker=activity.health_worker,
    )
    claim_decided_notify(activity=activity)
    return activity
