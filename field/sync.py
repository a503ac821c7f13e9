"""A phone's batch of typed records, each applied through its record family's one write path.

Marks go through `courses.services.attendance_marks_record` in one call per batch; scores
through `scores_record` (a replay is known by the client UUID kept in the history); walk-ins wait
as `PendingWalkIn` rows until the trainer accepts them. Every history row names the device.
"""

import uuid
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from courses import services as courses_services
from courses.models import (
    AssessmentScore,
    Enrolment,
    PendingWalkIn,
    RecordChange,
    Session,
    Workshop,
)
from courses.models.workshops import RecordMethod
from workforce.models import TRAINING_ROLES, Cadre, Facility

MAX_RECORDS = 2000
TYPES = ("mark", "score", "walk_in")


def _result(key, kind, result, reason="", corrected=False) -> dict:
    return {
        "client_uuid": key,
        "type": kind,
        "result": result,
        "reason": reason,
        "corrected": corrected,
    }


def field_records_apply(*, device, user, records: list) -> list[dict]:
    """Apply a phone's batch: one result per record, in the order sent."""
    results: list[dict | None] = [None] * len(records)
    by_type: dict[str, list[tuple[int, str, dict]]] = {kind: [] for kind in TYPES}
    for i, record in enumerate(records):
        kind = record.get("type") if isinstance(record, dict) else None
        try:
            key = str(uuid.UUID(str(record["client_uuid"])))
        except (KeyError, TypeError, ValueError):
            results[i] = _result(None, str(kind or ""), "refused", _("No valid client UUID."))
            continue
        if kind not in TYPES:
            results[i] = _result(key, str(kind or ""), "refused", _("Unknown record type."))
            continue
        by_type[kind].append((i, key, record))
    workshops = Workshop.objects.manageable_by(user)
    _marks_apply(by_type["mark"], results, device, user, workshops)
    _scores_apply(by_type["score"], results, device, user, workshops)
    _walk_ins_apply(by_type["walk_in"], results, device, user, workshops)
    return results


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _marks_apply(items, results, device, user, workshops) -> None:
    sessions = (
        Session.objects.filter(workshop__in=workshops)
        .select_related("workshop")
        .in_bulk({n for _i, _k, r in items if (n := _int(r.get("session")))})
    )
    enrolments = Enrolment.objects.filter(workshop__in=workshops).in_bulk(
        {n for _i, _k, r in items if (n := _int(r.get("enrolment")))}
    )
    wanted, at, corrected = [], [], set()
    ahead = timezone.now() + settings.ATTENDANCE_CLOCK_TOLERANCE
    for i, key, record in items:
        session = sessions.get(_int(record.get("session")))
        enrolment = enrolments.get(_int(record.get("enrolment")))
        taken_at = parse_datetime(str(record.get("taken_at", "")))
        if session is None or enrolment is None:
            results[i] = _result(key, "mark", "refused", _("Unknown session or person."))
            continue
        if taken_at is None or taken_at.tzinfo is None:
            reason = _("taken_at must be a date and time with its time zone.")
            results[i] = _result(key, "mark", "refused", reason)
            continue
        if taken_at > ahead:
            # The phone's clock runs ahead: the mark is kept at the time the server received it.
            taken_at = None
            corrected.add(i)
        status = str(record.get("status", ""))
        wanted.append(
            courses_services.MarkWanted(session, enrolment, status, uuid.UUID(key), taken_at)
        )
        at.append(i)
    outcomes = courses_services.attendance_marks_record(
        wanted=wanted, method=RecordMethod.SYNC, user=user, device_id=device.pk
    )
    for i, item, outcome in zip(at, wanted, outcomes, strict=True):
        reason, fixed = outcome.reason, i in corrected and outcome.result == "applied"
        if fixed:
            reason = _(
                "The phone's clock was ahead of the server's: the mark is dated when it arrived."
            )
        results[i] = _result(str(item.client_uuid), "mark", outcome.result, reason, fixed)


def _scores_apply(items, results, device, user, workshops) -> None:
    if not items:
        return
    keys = [uuid.UUID(key) for _i, key, _r in items]
    known = set(
        RecordChange.objects.filter(kind=RecordChange.Kind.SCORE, client_uuid__in=keys).values_list(
            "client_uuid", flat=True
        )
    )
    enrolments = (
        Enrolment.objects.filter(workshop__in=workshops)
        .select_related("workshop")
        .in_bulk({n for _i, _k, r in items if (n := _int(r.get("enrolment")))})
    )
    field = AssessmentScore._meta.get_field("score")
    cells: dict[tuple[int, str], tuple[int, str, Enrolment, Decimal]] = {}
    for i, key, record in items:
        enrolment = enrolments.get(_int(record.get("enrolment")))
        kind = record.get("kind")
        if uuid.UUID(key) in known:
            results[i] = _result(key, "score", "known")
            continue
        if enrolment is None:
            results[i] = _result(key, "score", "refused", _("Unknown session or person."))
            continue
        if kind not in AssessmentScore.Kind.values:
            results[i] = _result(key, "score", "refused", _("The test is pre or post."))
            continue
        if enrolment.workshop.status == Workshop.Status.CLOSED:
            results[i] = _result(key, "score", "refused", _("The workshop is closed."))
            continue
        try:
            value = field.clean(Decimal(str(record.get("score"))), None)
        except (InvalidOperation, ValidationError):
            results[i] = _result(key, "score", "refused", _("The score is not a valid percentage."))
            continue
        earlier = cells.get((enrolment.pk, kind))
        if earlier:  # the later record of the same test in one batch wins
            reason = _("A later score for the same test is in this batch.")
            results[earlier[0]] = _result(earlier[1], "score", "refused", reason)
        cells[(enrolment.pk, kind)] = (i, key, enrolment, value)
    grid = {(e, kind): value for (_pk, kind), (_i, _k, e, value) in cells.items()}
    client_uuids = {cell: uuid.UUID(key) for cell, (_i, key, _e, _v) in cells.items()}
    for attempt in range(2):
        try:
            with transaction.atomic():
                courses_services.scores_record(
                    grid=grid,
                    user=user,
                    method=RecordMethod.SYNC,
                    device_id=device.pk,
                    client_uuids=client_uuids,
                )
            break
        except IntegrityError:  # a concurrent copy of this batch stored the same cell first
            if attempt:
                raise
    for i, key, _e, _v in cells.values():
        results[i] = _result(key, "score", "applied")


def _walk_ins_apply(items, results, device, user, workshops) -> None:
    in_scope = workshops.in_bulk({n for _i, _k, r in items if (n := _int(r.get("workshop")))})
    # A walk-in's facility is one the trainer may see, as on the roster's walk-in form.
    facilities = Facility.objects.visible_to(user, roles=TRAINING_ROLES).in_bulk(
        {n for _i, _k, r in items if (n := _int(r.get("facility")))}
    )
    cadres = Cadre.objects.in_bulk({n for _i, _k, r in items if (n := _int(r.get("cadre")))})
    for i, key, record in items:
        workshop = in_scope.get(_int(record.get("workshop")))
        name_ar = str(record.get("name_ar") or "").strip()[:200]
        name_latin = str(record.get("name_latin") or "").strip()[:200]
        if workshop is None:
            results[i] = _result(key, "walk_in", "refused", _("Unknown workshop."))
            continue
        if not (name_ar or name_latin):
            results[i] = _result(key, "walk_in", "refused", _("Give the person's name."))
            continue
        fields = {
            "workshop": workshop,
            "name_ar": name_ar,
            "name_latin": name_latin,
            "cadre": cadres.get(_int(record.get("cadre"))),
            "facility": facilities.get(_int(record.get("facility"))),
            "phone": str(record.get("phone") or "").strip()[:32],
            "device_id": device.pk,
            "sent_by": user,
        }
        try:
            with transaction.atomic():
                _walk_in, created = PendingWalkIn.objects.get_or_create(
                    client_uuid=uuid.UUID(key), defaults=fields
                )
        except IntegrityError:
            created = False
        results[i] = _result(key, "walk_in", "applied" if created else "known")
