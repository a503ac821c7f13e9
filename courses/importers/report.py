"""The sheet's columns as people read them, and what an import reports back."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy

from core.task_language import stored_text_shown

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

    def error(self, row: int, column: str, reason: str, **params) -> None:
        """Note a problem; `reason` is a message id (gettext_noop) with its `params`, or text."""
        self.errors.append({"row": row, "column": column, "reason": str(reason), "params": params})


def import_errors_shown(errors: list[dict]) -> list[dict]:
    """An import's problems in the reader's language, whoever imported the sheet and in which.

    Reasons are kept as message ids and columns as keys, and translated here when read; text stored
    already translated (a refused file's message, imports before this) is shown as it was written.
    """
    shown = []
    for error in errors:
        column = error["column"]
        shown.append(
            {
                "row": error["row"],
                "column": str(COLUMNS.get(column, column)),
                "reason": stored_text_shown(error["reason"], error.get("params")),
            }
        )
    return shown
