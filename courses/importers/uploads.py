"""An uploaded sheet: stored, then read, checked and applied at once or in Celery."""

import uuid

from django.db import transaction
from django.utils.translation import gettext_noop

from cme.uploads import sheet_rows
from courses.importers.reading import SheetError
from courses.importers.report import ImportReport
from courses.importers.validation import import_validate
from courses.importers.writing import import_apply
from courses.models import AttendanceImport, Workshop

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
