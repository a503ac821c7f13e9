"""Writing the checked rows: enrolments, marks and scores, with their history, in bulk."""

import datetime
import uuid
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from core.jobs import job_progress
from courses.importers.report import PROGRESS_EVERY, ImportReport
from courses.models import AssessmentScore, AttendanceMark, Enrolment, RecordChange, Workshop
from courses.models.workshops import RecordMethod
from courses.services.history import snapshot


@transaction.atomic
def import_apply(*, workshop: Workshop, clean: list, user, report: ImportReport) -> None:
    """Write the checked rows: enrolments, marks and scores that differ, with their history.

    New marks and the history rows go in with one multi-row statement each: thousands of rows
    must not cost thousands of model instances.
    """
    now = timezone.now()
    actor = user if getattr(user, "is_authenticated", False) else None
    enrolments = {e.health_worker_id: e for e in workshop.enrolments.all()}
    new_enrolments = []
    for worker, *_rest in clean:
        if worker.pk not in enrolments:
            enrolments[worker.pk] = Enrolment(
                workshop=workshop, health_worker=worker, source=Enrolment.Source.IMPORT
            )
            new_enrolments.append(enrolments[worker.pk])
    Enrolment.objects.bulk_create(new_enrolments)
    if new_enrolments and new_enrolments[0].pk is None:  # backends that return no ids
        enrolments = {e.health_worker_id: e for e in workshop.enrolments.all()}
        new_enrolments = [enrolments[e.health_worker_id] for e in new_enrolments]
    created, changed = RecordChange.Action.CREATED, RecordChange.Action.CHANGED
    history = [_change(RecordChange.Kind.ENROLMENT, e, created, e) for e in new_enrolments]
    marks = {
        (m.session_id, m.enrolment_id): m
        for m in AttendanceMark.objects.filter(session__workshop=workshop)
    }
    scores = {
        (s.enrolment_id, s.kind): s
        for s in AssessmentScore.objects.filter(enrolment__workshop=workshop)
    }
    new_marks, changed_marks, new_scores, changed_scores = [], [], [], []
    for count, (worker, session, status, row_scores) in enumerate(clean, 1):
        if count % PROGRESS_EVERY == 0:
            job_progress(
                done=len(clean) + count, total=len(clean) * 2, user_id=getattr(user, "pk", None)
            )
        enrolment = enrolments[worker.pk]
        if status:
            mark = marks.get((session.pk, enrolment.pk))
            if mark is None:
                marks[(session.pk, enrolment.pk)] = _NewMark(status)
                new_marks.append((session.pk, enrolment, status, uuid.uuid4()))
            elif mark.status != status:
                before = snapshot(RecordChange.Kind.ATTENDANCE, mark)
                mark.status, mark.taken_at, mark.method = status, now, RecordMethod.IMPORT
                mark.received_at = now
                changed_marks.append((mark, before))
        for kind, value in row_scores.items():
            if value is None:
                continue
            score = scores.get((enrolment.pk, kind))
            if score is None:
                score = AssessmentScore(
                    enrolment=enrolment, kind=kind, score=value, recorded_by=actor
                )
                scores[(enrolment.pk, kind)] = score
                new_scores.append(score)
            elif score.score != value:
                before = snapshot(RecordChange.Kind.SCORE, score)
                score.score, score.recorded_by = value, actor
                changed_scores.append((score, before))
    _insert(
        AttendanceMark,
        ["session", "enrolment", "status", "client_uuid", "taken_at", "method", "recorded_by"],
        [
            (session_id, enrolment.pk, status, key, now, RecordMethod.IMPORT, actor and actor.pk)
            for session_id, enrolment, status, key in new_marks
        ],
    )
    mark_ids = dict(
        AttendanceMark.objects.filter(session__workshop=workshop).values_list("client_uuid", "pk")
    )
    taken_at = str(now)
    for session_id, enrolment, status, key in new_marks:
        after = {
            "session_id": session_id,
            "status": status,
            "taken_at": taken_at,
            "method": "import",
        }
        history.append(
            (RecordChange.Kind.ATTENDANCE, mark_ids[key], created, {}, after, enrolment, key)
        )
    AttendanceMark.objects.bulk_update(
        [m for m, _before in changed_marks],
        ["status", "taken_at", "received_at", "method"],
        batch_size=1000,
    )
    AssessmentScore.objects.bulk_create(new_scores, batch_size=1000)
    if new_scores and new_scores[0].pk is None:
        ids = {
            (s.enrolment_id, s.kind): s.pk
            for s in AssessmentScore.objects.filter(enrolment__workshop=workshop)
        }
        for score in new_scores:
            score.pk = ids[(score.enrolment_id, score.kind)]
    AssessmentScore.objects.bulk_update(
        [s for s, _before in changed_scores], ["score", "recorded_by"], batch_size=1000
    )
    for mark, before in changed_marks:
        history.append(_change(RecordChange.Kind.ATTENDANCE, mark, changed, mark.enrolment, before))
    for score in new_scores:
        history.append(_change(RecordChange.Kind.SCORE, score, created, score.enrolment))
    for score, before in changed_scores:
        history.append(_change(RecordChange.Kind.SCORE, score, changed, score.enrolment, before))
    _insert(
        RecordChange,
        [
            "kind",
            "record_id",
            "action",
            "method",
            "before",
            "after",
            "actor",
            "at",
            "workshop",
            "health_worker",
            "client_uuid",
        ],
        [
            (
                kind,
                record_id,
                action,
                RecordMethod.IMPORT,
                before,
                after,
                actor and actor.pk,
                now,
                workshop.pk,
                enrolment.health_worker_id,
                key,
            )
            for kind, record_id, action, before, after, enrolment, key in history
        ],
    )
    report.enrolments_created = len(new_enrolments)
    report.marks_created, report.marks_changed = len(new_marks), len(changed_marks)
    report.scores_saved = len(new_scores) + len(changed_scores)


@dataclass(frozen=True, slots=True)
class _NewMark:
    """A mark this import adds, for a later row of the same person and day to compare with."""

    status: str


def _change(kind, record, action, enrolment, before=None) -> tuple:
    key = record.client_uuid if kind == RecordChange.Kind.ATTENDANCE else None
    return (kind, record.pk, action, before or {}, snapshot(kind, record), enrolment, key)


def _converter(field):
    """How a value of this field becomes a database parameter (None: as it is)."""
    kind = field.get_internal_type()
    if kind == "UUIDField" and not connection.features.has_native_uuid_field:
        return lambda value: value.hex
    if kind == "JSONField":
        return _memoised(lambda value: connection.ops.adapt_json_value(value, field.encoder))
    if kind == "DateTimeField":  # one timestamp for the whole import: prepared once
        return _memoised(lambda value: field.get_db_prep_save(value, connection))
    return None


def _memoised(convert):
    """Convert each distinct value once: an import repeats a few values thousands of times."""
    done: dict = {}

    def converted(value):
        key = value if isinstance(value, datetime.datetime) else repr(value)
        if key not in done:
            done[key] = convert(value)
        return done[key]

    return converted


def _insert(model, field_names: list[str], rows: list[tuple], batch_size: int = 2000) -> None:
    """INSERT rows in multi-row statements (COPY on PostgreSQL), preparing only what needs it."""
    if not rows:
        return
    fields = [model._meta.get_field(name) for name in field_names]
    convert = {i: c for i, f in enumerate(fields) if (c := _converter(f))}
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    cell = "(" + ", ".join(["%s"] * len(fields)) + ")"
    step = min(batch_size, max(1, 30000 // len(fields)))  # SQLite allows 32,766 parameters

    def prepared(row):
        row = list(row)
        for i, converter in convert.items():
            if row[i] is not None:
                row[i] = converter(row[i])
        return row

    table = quote(model._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY streams the rows; a VALUES list of 30,000 placeholders costs psycopg seconds
            # just to parse the statement.
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(prepared(row))
            return
        for start in range(0, len(rows), step):
            chunk = rows[start : start + step]
            values = []
            for row in chunk:
                values.extend(prepared(row))
            # Only the model's own table and column names are formatted in; values are parameters.
            sql = f"INSERT INTO {table} ({columns}) VALUES "  # noqa: S608
            cursor.execute(sql + ", ".join([cell] * len(chunk)), values)
