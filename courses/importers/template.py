"""The XLSX sign-in sheet a trainer downloads, pre-filled with the roster."""

import io

from django.utils.translation import gettext as _

from courses.importers.report import COLUMNS
from courses.models import Enrolment, Workshop


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
