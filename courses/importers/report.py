"""The sheet's columns as people read them, and what an import reports back."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy

COLUMNS = {
    "licence_number": gettext_lazy("Licence number"),
    "name_ar": gettext_lazy("Name (Arabic)"),
    "name_latin": gettext_lazy("Name (Latin)"),
    "date": gettext_lazy("Session date"),
    "attendance": gettext_lazy("Attendance"),
    "pre_test": gettext_lazy("Pre-test (%)"),
    "post_test": gettext_lazy("Post-test (%)"),
}
PROGRESS_EVERY = 500


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
