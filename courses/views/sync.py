"""Offline devices: a batch of marks taken without a connection, sent when it returns."""

import json
import uuid

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses import services
from courses.models import Enrolment, Session, Workshop
from courses.models.workshops import RecordMethod


@login_required
@require_POST
def sync(request):
    """A batch of marks taken offline: each is applied, already known, or refused with a reason."""
    try:
        batch = json.loads(request.body)["marks"]
        if not isinstance(batch, list):
            raise TypeError
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"error": _('Send {"marks": [...]}.')}, status=400)
    if len(batch) > 2000:
        return JsonResponse({"error": _("At most 2,000 marks per batch.")}, status=400)
    sessions = Session.objects.filter(
        workshop__in=Workshop.objects.manageable_by(request.user)
    ).select_related("workshop")
    results, wanted, at = [], [], []
    for item in batch:
        parsed = _sync_item(item, sessions)
        if isinstance(parsed, dict):
            results.append(parsed)
        else:
            at.append(len(results))
            results.append(None)
            wanted.append(parsed)
    outcomes = services.attendance_marks_record(
        wanted=wanted, method=RecordMethod.SYNC, user=request.user
    )
    for index, item, outcome in zip(at, wanted, outcomes, strict=True):
        results[index] = {
            "client_uuid": str(item.client_uuid),
            "result": outcome.result,
            "reason": outcome.reason,
        }
    return JsonResponse({"results": results})


def _sync_item(item, sessions) -> services.MarkWanted | dict:
    """One mark of a batch as the marking service takes it, or the refusal of what it lacks."""
    try:
        key = str(uuid.UUID(str(item["client_uuid"])))
    except (KeyError, TypeError, ValueError):
        return {"client_uuid": None, "result": "refused", "reason": _("No valid client UUID.")}
    try:
        taken_at = parse_datetime(str(item["taken_at"]))
        session = sessions.get(pk=int(item["session"]))
        enrolment = session.workshop.enrolments.get(pk=int(item["enrolment"]))
    except (KeyError, TypeError, ValueError, Session.DoesNotExist, Enrolment.DoesNotExist):
        taken_at = session = None
    if session is None:
        return {"client_uuid": key, "result": "refused", "reason": _("Unknown session or person.")}
    if taken_at is None or taken_at.tzinfo is None:
        return {
            "client_uuid": key,
            "result": "refused",
            "reason": _("taken_at must be a date and time with its time zone."),
        }
    return services.MarkWanted(
        session, enrolment, str(item.get("status", "")), uuid.UUID(key), taken_at
    )
