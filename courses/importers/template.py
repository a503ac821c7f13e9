"""The XLSX sign-in sheet a trainer downloads, pre-filled with the roster."""

import io

from django.utils.translation import gettext as _

from core.spreadsheets import neutralise
from courses.importers.report import COLUMNS
from courses.models import AssessmentScore, Enrolment, Workshop

SCORE_COLUMNS = (6, 7)


def template_note() -> str:
    """The line above the sheet's header: where scores go, in the reader's language."""
    return _(
        "Mark attendance on every day's row. Write each person's pre-test and post-test scores "
        "once, on their first row; leave the score cells of their other rows blank (the grey ones)."
    )


def attendance_template(*, workshop: Workshop, session=None) -> bytes:
    """The XLSX sign-in sheet of a workshop (or one session), pre-filled with the roster.

    Scores belong to a person, not to a day: they have cells on each person's first row only
    (pre-filled with the scores already recorded); the other rows' score cells are greyed.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = _("Attendance")[:31]
    sheet.append([template_note()])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    sheet["A1"].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[1].height = 48
    sheet.append([str(label) for label in COLUMNS.values()])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A3"
    sessions = [session] if session else list(workshop.sessions.all())
    roster = (
        workshop.enrolments.filter(status=Enrolment.Status.ENROLLED)
        .select_related("health_worker")
        .order_by("health_worker__name_latin", "health_worker__name_ar")
    )
    recorded = {
        (score.enrolment_id, score.kind): score.score
        for score in AssessmentScore.objects.filter(enrolment__in=roster)
    }
    grey = PatternFill("solid", fgColor="D9D9D9")
    for index, day in enumerate(sessions):
        for enrolment in roster:
            worker = enrolment.health_worker
            first = index == 0
            sheet.append(
                [
                    neutralise(worker.licence_number or ""),
                    neutralise(worker.name_ar),
                    neutralise(worker.name_latin),
                    day.date,
                    "",
                    recorded.get((enrolment.pk, "pre")) if first else None,
                    recorded.get((enrolment.pk, "post")) if first else None,
                ]
            )
            for cell in sheet[sheet.max_row][:3]:
                cell.data_type = "s"  # text as typed, never a formula (core.spreadsheets)
            sheet.cell(row=sheet.max_row, column=4).number_format = "yyyy-mm-dd"
            if not first:
                for column in SCORE_COLUMNS:
                    sheet.cell(row=sheet.max_row, column=column).fill = grey
    for column, width in zip("ABCDEFG", (16, 28, 28, 14, 14, 12, 12), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
