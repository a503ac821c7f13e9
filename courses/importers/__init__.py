"""Paper round-trip: the XLSX template of a workshop and the import of the filled sheet.

An import is all or nothing: every row is checked first, and if any row is wrong nothing is saved
and every bad row is listed with its row number, column and reason. Importing the same sheet again
changes nothing (marks and scores already as the sheet says are left alone). Sheets come as XLSX or
text (UTF-8 with or without BOM, UTF-16 with BOM, Arabic Windows-1256; comma, semicolon or tab
separated: see core.sheet_text); an import that would enrol more people than the workshop holds
waits for the trainer's explicit choice; dates may be Excel date cells, Excel
serial numbers or day-first text; digits may be Arabic-Indic.
"""

from core.uploads import sheet_rows
from courses.importers.reading import EXCEL_EPOCH, SheetError, parse_date, parse_score
from courses.importers.report import COLUMNS, PROGRESS_EVERY, ImportReport, import_errors_shown
from courses.importers.template import attendance_template
from courses.importers.uploads import (
    INLINE_LIMIT_BYTES,
    attendance_import_beyond_capacity,
    attendance_import_run,
    attendance_import_start,
)
from courses.importers.validation import STATUS_WORDS, import_validate
from courses.importers.writing import import_apply

__all__ = [
    "COLUMNS",
    "EXCEL_EPOCH",
    "INLINE_LIMIT_BYTES",
    "PROGRESS_EVERY",
    "STATUS_WORDS",
    "ImportReport",
    "SheetError",
    "attendance_import_beyond_capacity",
    "attendance_import_run",
    "attendance_import_start",
    "attendance_template",
    "import_apply",
    "import_errors_shown",
    "import_validate",
    "parse_date",
    "parse_score",
    "sheet_rows",
]
