"""Writing the checked rows through the services every other write uses, in bulk."""

import uuid

from django.core.exceptions import ValidationError
from django.db import transaction

from core.jobs import job_progress
from courses.importers.report import PROGRESS_EVERY, ImportReport
from courses.models import Enrolment, Workshop
from courses.models.workshops import RecordMethod
from courses.services import (
    MarkOutcome,
    MarkWanted,
    attendance_marks_record,
    enrolments_add,
    scores_record,
)


class _Refused(Exception):
    """A service refused a row the checks let through: nothing of the import is kept."""


def import_apply(*, workshop: Workshop, clean: list, user, report: ImportReport) -> None:
    """Write the checked rows: enrolments, marks and scores that differ, with their history.

    The roster, marking and scoring services apply the same rules here as to a tap on the roster
    or a sync batch, and write in bulk, so thousands of rows cost a few statements. A row they
    refuse (a later mark sent by a device meanwhile, say) is listed, and nothing is saved.
    """
    try:
        with transaction.atomic():
            _write(workshop, clean, user, report)
    except _Refused:
        report.marks_created = report.marks_changed = 0
        report.scores_saved = report.enrolments_created = 0


def _write(workshop: Workshop, clean: list, user, report: ImportReport) -> None:
    workers = {worker.pk: worker for worker, *_rest in clean}
    before = set(workshop.enrolments.values_list("health_worker_id", flat=True))
    enrolments = enrolments_add(
        workshop=workshop,
        health_workers=list(workers.values()),
        user=user,
        source=Enrolment.Source.IMPORT,
        method=RecordMethod.IMPORT,
        check_capacity=False,  # it fits, or the trainer chose to go beyond capacity
    )
    report.enrolments_created = len(workers.keys() - before)
    wanted, numbers, grid = [], [], {}
    for worker, session, status, row_scores, number in clean:
        enrolment = enrolments[worker.pk]
        if status:
            wanted.append(MarkWanted(session, enrolment, status, uuid.uuid4()))
            numbers.append(number)
        for kind, value in row_scores.items():
            if value is not None:
                grid[(enrolment, kind)] = value

    def progress(done: int) -> None:
        if done % PROGRESS_EVERY == 0:
            job_progress(
                done=len(clean) + done, total=len(clean) * 2, user_id=getattr(user, "pk", None)
            )

    outcomes = attendance_marks_record(
        wanted=wanted, method=RecordMethod.IMPORT, user=user, progress=progress
    )
    for number, outcome in zip(numbers, outcomes, strict=True):
        if outcome.result == MarkOutcome.REFUSED:
            report.error(number, "attendance", outcome.reason)
    if report.errors:
        raise _Refused
    applied = [o for o in outcomes if o.result == MarkOutcome.APPLIED]
    report.marks_created = sum(1 for o in applied if o.created)
    report.marks_changed = len(applied) - report.marks_created
    try:
        report.scores_saved = scores_record(grid=grid, user=user, method=RecordMethod.IMPORT).saved
    except ValidationError as error:
        report.error(0, "", " ".join(error.messages))
        raise _Refused from error
