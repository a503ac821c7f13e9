"""Paper round-trip: the XLSX template of a workshop and the import of the filled sheet.

An import is all or nothing: every row is checked first, and if any row is wrong nothing is saved
and every bad row is listed with its row number, column and reason. Importing the same sheet again
changes nothing (marks and scores already as the sheet says are left alone). Sheets come as XLSX or
CSV (UTF-8 with or without BOM, comma or semicolon separated); dates may be Excel date cells, Excel
serial numbers or day-first text; digits may be Arabic-Indic.
"""

import csv
import datetime
import io
import uuid
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cme.jobs import job_progress
from courses.models import (
    AssessmentScore,
    AttendanceImport,
    AttendanceMark,
    Enrolment,
    RecordChange,
    Workshop,
)
from courses.models.workshops import RecordMethod
from courses.services import snapshot
from workforce.models import HealthWorker
from workforce.names import digits_to_ascii, name_normalise

COLUMNS = {
    "licence_number": gettext_lazy("Licence number"),
    "name_ar": gettext_lazy("Name (Arabic)"),
    "name_latin": gettext_lazy("Name (Latin)"),
    "date": gettext_lazy("Session date"),
    "attendance": gettext_lazy("Attendance"),
    "pre_test": gettext_lazy("Pre-test (%)"),
    "post_test": gettext_lazy("Post-test (%)"),
}
STATUS_WORDS = {
    AttendanceMark.Status.PRESENT: ["present", "p", "1", "✓", "✔", "x", "yes", "حاضر", "ئامادە"],
    AttendanceMark.Status.LATE: ["late", "l", "متأخر", "متاخر", "دواکەوتوو", "درەنگ"],
    AttendanceMark.Status.ABSENT: [
        "absent",
        "a",
        "0",
        "no",
        "غائب",
        "غايب",
        "ئامادە نییە",
        "نەهاتوو",
    ],
    AttendanceMark.Status.EXCUSED: ["excused", "e", "بعذر", "مجاز", "معذور", "مۆڵەت"],
}
PROGRESS_EVERY = 500
EXCEL_EPOCH = datetime.date(1899, 12, 30)


def _header_aliases() -> dict[str, str]:
    aliases = {}
    for key, label in COLUMNS.items():
        aliases[name_normalise(key)] = key
        for language in ("en", "ar", "ckb"):
            with translation.override(language):
                aliases[name_normalise(str(label))] = key
    return aliases


def _status_lookup() -> dict[str, str]:
    lookup = {}
    for status, words in STATUS_WORDS.items():
        for word in words:
            lookup[name_normalise(word)] = status
        for language in ("en", "ar", "ckb"):
            with translation.override(language):
                lookup[name_normalise(str(AttendanceMark.Status(status).label))] = status
    return lookup


@dataclass
class ImportReport:
    rows: int = 0
    skipped: int = 0
    errors: list[dict] = field(default_factory=list)
    marks_created: int = 0
    marks_changed: int = 0
    scores_saved: int = 0
    enrolments_created: int = 0

    def error(self, row: int, column: str, reason: str) -> None:
        label = str(COLUMNS.get(column, column))
        self.errors.append({"row": row, "column": label, "reason": str(reason)})


class SheetError(ValueError):
    """The file as a whole cannot be read."""


def sheet_rows(content: bytes, filename: str) -> list[tuple[int, list]]:
    """(row number as the spreadsheet shows it, cell values) for every row, header first."""
    if filename.lower().endswith(".xlsx"):
        from python_calamine import CalamineError, CalamineWorkbook

        try:
            book = CalamineWorkbook.from_filelike(io.BytesIO(content))
            values = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
        except (CalamineError, ValueError, IndexError) as error:
            raise SheetError(_("This is not a readable XLSX file.")) from error
        return list(enumerate(values, 1))
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SheetError(_("Save the CSV file as UTF-8.")) from error
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    return [(n, row) for n, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1)]


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return digits_to_ascii(str(value)).strip()


def parse_date(value) -> datetime.date | None:
    """A date from an Excel date cell, an Excel serial number or day-first / ISO text."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    if not text:
        return None
    if text.replace(".", "", 1).isdigit() and 20000 < float(text) < 80000:
        return EXCEL_EPOCH + datetime.timedelta(days=int(float(text)))
    text = text.split(" ")[0].replace(".", "/").replace("-", "/")
    parts = text.split("/")
    if len(parts) != 3 or not all(part.isdigit() for part in parts):
        raise ValueError
    if len(parts[0]) == 4:
        year, month, day = (int(part) for part in parts)
    else:
        day, month, year = (int(part) for part in parts)
    return datetime.date(year, month, day)


def parse_score(value) -> Decimal | None:
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        score = Decimal(str(value))
    else:
        text = _text(value).replace("٫", ".").replace(",", ".").rstrip("%").strip()
        if not text:
            return None
        score = Decimal(text)
    if not 0 <= score <= 100:
        raise ValueError
    return score.quantize(Decimal("0.1"))


class _Lookup:
    """Everything rows are checked against, read once."""

    def __init__(self, workshop: Workshop, user):
        self.sessions = {session.date: session for session in workshop.sessions.all()}
        self.enrolments = {
            e.health_worker_id: e for e in workshop.enrolments.select_related("health_worker")
        }
        enrolled = [e.health_worker for e in self.enrolments.values()]
        self.by_licence = {w.licence_number.upper(): w for w in enrolled if w.licence_number}
        self.by_name: dict[str, list[HealthWorker]] = {}
        for worker in enrolled:
            for key in {worker.name_key, worker.name_latin_key} - {""}:
                self.by_name.setdefault(key, []).append(worker)
        self.workshop, self.user = workshop, user

    def load_licences(self, licences: set[str]) -> None:
        """Registry workers in the importer's scope with these licence numbers."""
        visible = HealthWorker.objects.visible_to(self.user, roles=["trainer", "administrator"])
        # Exact matches first (as written, and in capitals): they use the unique index. Only what
        # is still unknown then goes through the slower case-insensitive comparison.
        wanted = {number for number in licences if number.upper() not in self.by_licence}
        exact = sorted(wanted | {number.upper() for number in wanted})
        for start in range(0, len(exact), 500):
            for worker in visible.filter(licence_number__in=exact[start : start + 500]):
                self.by_licence[worker.licence_number.upper()] = worker
        missing = [number for number in wanted if number.upper() not in self.by_licence]
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            query = Q()
            for number in chunk:
                query |= Q(licence_number__iexact=number)
            for worker in visible.filter(query):
                self.by_licence[worker.licence_number.upper()] = worker


def import_validate(*, workshop: Workshop, rows: list[tuple[int, list]], user) -> tuple:
    """Check every row; return the report and the clean rows (only meaningful with no errors)."""
    report = ImportReport()
    if not rows:
        report.error(1, "", _("The file is empty."))
        return report, []
    aliases = _header_aliases()
    header_number, header = rows[0]
    columns = {}
    for index, title in enumerate(header):
        key = aliases.get(name_normalise(_text(title)))
        if key:
            columns[key] = index
    for required in ("date", "attendance"):
        if required not in columns:
            report.error(header_number, required, _("This column is missing."))
    if "licence_number" not in columns and "name_ar" not in columns and "name_latin" not in columns:
        report.error(header_number, "licence_number", _("This column is missing."))
    if report.errors:
        return report, []
    statuses = _status_lookup()
    lookup = _Lookup(workshop, user)

    def cell(values, key):
        index = columns.get(key)
        return values[index] if index is not None and index < len(values) else None

    lookup.load_licences({_text(cell(values, "licence_number")) for _, values in rows[1:]} - {""})
    clean, seen, scores_seen = [], {}, {}
    for count, (number, values) in enumerate(rows[1:], 1):
        if count % PROGRESS_EVERY == 0:
            job_progress(done=count, total=len(rows) * 2, user_id=user.pk)
        if not any(_text(value) for value in values):
            continue
        report.rows += 1
        row_errors = len(report.errors)
        worker = _row_worker(
            report,
            lookup,
            number,
            cell(values, "licence_number"),
            cell(values, "name_ar"),
            cell(values, "name_latin"),
        )
        try:
            date = parse_date(cell(values, "date"))
            if date is None:
                report.error(number, "date", _("The date is missing."))
            elif date not in lookup.sessions:
                report.error(
                    number, "date", _("%(date)s is not a day of this workshop.") % {"date": date}
                )
        except (ValueError, OverflowError):
            date = None
            report.error(number, "date", _("Not a date; write it as 31/12/2026."))
        status_text = _text(cell(values, "attendance"))
        status = statuses.get(name_normalise(status_text)) if status_text else None
        if status_text and status is None:
            report.error(number, "attendance", _("Write present, late, absent or excused."))
        scores = {}
        for key, kind in (("pre_test", "pre"), ("post_test", "post")):
            try:
                scores[kind] = parse_score(cell(values, key))
            except (ValueError, InvalidOperation):
                report.error(number, key, _("A score is a number from 0 to 100."))
        if not status_text and all(score is None for score in scores.values()):
            report.skipped += 1  # a pre-filled row left blank: nothing to record
            continue
        if worker and date:
            first = seen.setdefault((worker.pk, date), number)
            if first != number:
                report.error(
                    number,
                    "date",
                    _("This person and day are already on row %(row)d.") % {"row": first},
                )
        for kind, score in scores.items():
            if worker and score is not None:
                earlier = scores_seen.setdefault((worker.pk, kind), (number, score))
                if earlier[1] != score:
                    report.error(
                        number,
                        "pre_test" if kind == "pre" else "post_test",
                        _("Differs from the score on row %(row)d.") % {"row": earlier[0]},
                    )
        if len(report.errors) == row_errors:
            clean.append((worker, lookup.sessions[date], status, scores))
    return report, clean


def _row_worker(report, lookup, number, licence, name_ar, name_latin) -> HealthWorker | None:
    licence = _text(licence).upper()
    if licence:
        worker = lookup.by_licence.get(licence)
        if worker is None:
            report.error(
                number,
                "licence_number",
                _("No health worker with this licence number in your area."),
            )
        elif (
            enrolment := lookup.enrolments.get(worker.pk)
        ) and enrolment.status == Enrolment.Status.WITHDRAWN:
            report.error(
                number, "licence_number", _("This person has withdrawn from the workshop.")
            )
            return None
        return worker
    for column, name in (("name_ar", name_ar), ("name_latin", name_latin)):
        key = name_normalise(_text(name))
        if not key:
            continue
        matches = lookup.by_name.get(key, [])
        if len(matches) == 1:
            return matches[0]
        reason = (
            _("Several people on the roster have this name; give the licence number.")
            if matches
            else _("Nobody on the roster has this name; give the licence number.")
        )
        report.error(number, column, reason)
        return None
    report.error(number, "licence_number", _("Give the licence number or the name."))
    return None


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
        [m for m, _before in changed_marks], ["status", "taken_at", "method"], batch_size=1000
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


def attendance_import_run(*, import_id: int) -> AttendanceImport:
    """Read, check and (only if every row is right) apply one uploaded sheet."""
    record = AttendanceImport.objects.select_related("workshop", "created_by").get(pk=import_id)
    if record.status != AttendanceImport.Status.QUEUED:
        return record
    workshop, user = record.workshop, record.created_by
    report = ImportReport()
    try:
        with record.file.open("rb") as handle:
            rows = sheet_rows(handle.read(), record.original_name)
    except SheetError as error:
        report.error(1, "", str(error))
        rows = []
    if workshop.status == Workshop.Status.CLOSED:
        report.error(1, "", _("The workshop is closed; reopen it to import."))
    if not report.errors:
        report, clean = import_validate(workshop=workshop, rows=rows, user=user)
        if not report.errors:
            import_apply(workshop=workshop, clean=clean, user=user, report=report)
    record.rows = report.rows - report.skipped
    record.errors = report.errors
    record.status = (
        AttendanceImport.Status.REJECTED if report.errors else AttendanceImport.Status.DONE
    )
    for name in ("marks_created", "marks_changed", "scores_saved", "enrolments_created"):
        setattr(record, name, getattr(report, name))
    record.save()
    return record


def attendance_template(*, workshop: Workshop, session=None) -> bytes:
    """The XLSX sign-in sheet of a workshop (or one session), pre-filled with the roster."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = _("Attendance")[:31]
    sheet.append([str(label) for label in COLUMNS.values()])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sessions = [session] if session else list(workshop.sessions.all())
    roster = (
        workshop.enrolments.filter(status=Enrolment.Status.ENROLLED)
        .select_related("health_worker")
        .order_by("health_worker__name_latin", "health_worker__name_ar")
    )
    for day in sessions:
        for enrolment in roster:
            worker = enrolment.health_worker
            sheet.append(
                [
                    worker.licence_number or "",
                    worker.name_ar,
                    worker.name_latin,
                    day.date,
                    "",
                    None,
                    None,
                ]
            )
            sheet.cell(row=sheet.max_row, column=4).number_format = "yyyy-mm-dd"
    for column, width in zip("ABCDEFG", (16, 28, 28, 14, 14, 12, 12), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


INLINE_LIMIT_BYTES = 64 * 1024


def attendance_import_start(*, workshop: Workshop, upload, user) -> AttendanceImport:
    """Store an uploaded sheet and import it: at once when small, in Celery when large."""
    from courses.tasks import attendance_import_task

    record = AttendanceImport.objects.create(
        workshop=workshop, file=upload, original_name=upload.name[:255], created_by=user
    )
    if upload.size <= INLINE_LIMIT_BYTES:
        return attendance_import_run(import_id=record.pk)
    record.task_id = str(uuid.uuid4())
    record.save(update_fields=["task_id"])
    transaction.on_commit(
        lambda: attendance_import_task.apply_async(args=[record.pk], task_id=record.task_id)
    )
    return record
