"""The XLSX sign-in sheet a trainer downloads, pre-filled with the roster."""

from django.utils.translation import gettext as _

from cme.spreadsheets import xlsx_bytes
from courses.importers.report import COLUMNS
from courses.models import Enrolment, Workshop

WIDTHS = (16, 28, 28, 14, 14, 12, 12)


def attendance_template(*, workshop: Workshop, session=None) -> bytes:
    """The XLSX sign-in sheet of a workshop (or one session), pre-filled with the roster."""
    sessions = [session] if session else list(workshop.sessions.all())
    roster = (
        workshop.enrolments.filter(status=Enrolment.Status.ENROLLED)
        .select_related("health_worker")
        .order_by("health_worker__name_latin", "health_worker__name_ar")
    )

    def rows():
        yield [str(label) for label in COLUMNS.values()]
        for day in sessions:
            for enrolment in roster:
                worker = enrolment.health_worker
                yield [worker.licence_number or "", worker.name_ar, worker.name_latin, day.date]

    return xlsx_bytes(rows(), title=_("Attendance"), widths=WIDTHS, bold_header=True)
