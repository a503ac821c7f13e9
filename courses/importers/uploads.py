"""An uploaded sheet: stored, then read, checked and applied at once or in Celery."""

import uuid

from django.utils.translation import gettext_noop

from core.jobs import job_start
from core.uploads import sheet_rows
from courses.importers.reading import SheetError
from courses.importers.report import ImportReport
from courses.importers.validation import import_validate
from courses.importers.writing import import_apply
from courses.models import AttendanceImport, Enrolment, Workshop

INLINE_LIMIT_BYTES = 64 * 1024


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
        record.file.delete(save=False)  # a refused file is not kept
    if workshop.status == Workshop.Status.CLOSED:
        report.error(1, "", gettext_noop("The workshop is closed; reopen it to import."))
    if not report.errors:
        report, clean = import_validate(workshop=workshop, rows=rows, user=user)
        newcomers = _newcomers(workshop, clean)
        if not report.errors and _over_capacity(workshop, newcomers) and not record.beyond_capacity:
            # Nothing is written and the file is kept: the trainer decides on the result page.
            record.status, record.people_to_enrol = AttendanceImport.Status.HELD, newcomers
            record.rows = report.rows - report.skipped
            record.save()
            return record
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


def _newcomers(workshop: Workshop, clean: list) -> int:
    """How many people of the checked rows are not on the workshop's roster in any way yet."""
    known = set(workshop.enrolments.values_list("health_worker_id", flat=True))
    return len({worker.pk for worker, *_rest in clean} - known)


def _over_capacity(workshop: Workshop, newcomers: int) -> bool:
    enrolled = workshop.enrolments.filter(status=Enrolment.Status.ENROLLED).count()
    return newcomers > 0 and enrolled + newcomers > workshop.capacity


def attendance_import_beyond_capacity(*, record: AttendanceImport) -> AttendanceImport:
    """Import a held sheet after the trainer chose to enrol beyond the workshop's capacity."""
    # One decision per held sheet, even when the button is pressed twice.
    taken = AttendanceImport.objects.filter(
        pk=record.pk, status=AttendanceImport.Status.HELD
    ).update(status=AttendanceImport.Status.QUEUED, beyond_capacity=True)
    record.refresh_from_db()
    if not taken:
        return record
    return _run_or_queue(record, record.file.size)


def attendance_import_start(*, workshop: Workshop, upload, user) -> AttendanceImport:
    """Store an uploaded sheet and import it: at once when small, in Celery when large."""
    record = AttendanceImport.objects.create(
        workshop=workshop, file=upload, original_name=upload.name[:255], created_by=user
    )
    return _run_or_queue(record, upload.size)


def _run_or_queue(record: AttendanceImport, size: int) -> AttendanceImport:
    from courses.tasks import attendance_import_task

    if size <= INLINE_LIMIT_BYTES:
        return attendance_import_run(import_id=record.pk)
    record.task_id = str(uuid.uuid4())
    record.save(update_fields=["task_id"])
    job_start(attendance_import_task, args=[record.pk], job_id=record.task_id)
    return record
