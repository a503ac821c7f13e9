"""The one formula-safe writer of every CSV and XLSX the site produces.

A cell whose text a spreadsheet would take for a formula (starting with =, +, -, @, a tab or a
carriage return) is written with an apostrophe in front, so it shows as typed and runs nothing.
Coverage exports, the attendance template and every Wagtail admin export (viewsets, snippets,
reports: `wagtail_exports_protect`, called when the `cme` app is ready) write through here.
"""

import csv
import datetime
import tempfile
from collections.abc import Iterable, Iterator

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "yyyy-mm-dd"


# Translated headings and notes keep their Unicode isolates (U+2068 ... U+2069 around Latin codes,
# core/isolates.py): Excel and LibreOffice apply them and draw nothing, so "CSV" stays in place in
# an Arabic heading. The importer's readers (core.digits.typed_text, workforce.names) drop them, so
# a sheet the site wrote reads back the same.


def neutralise(value):
    """The value, made inert if a spreadsheet would take it for a formula."""
    if isinstance(value, str) and value.startswith(DANGEROUS):
        return "'" + value
    return value


def unneutralise(text: str) -> str:
    """Text read back from a sheet this site wrote: the protecting apostrophe taken off again."""
    if text.startswith("'") and text[1:].startswith(DANGEROUS):
        return text[1:]
    return text


class _Echo:
    def write(self, value):
        return value


def csv_stream(rows: Iterable[list]) -> Iterator[str]:
    """CSV lines one by one (UTF-8 with a byte-order mark, so spreadsheets read Arabic right)."""
    writer = csv.writer(_Echo())
    yield "\ufeff"
    for row in rows:
        yield writer.writerow([neutralise(value) for value in row])


def xlsx_write(
    rows: Iterable[list],
    *,
    title: str,
    rtl: bool = False,
    on_row=None,
    widths: Iterable[int] = (),
    bold_header: bool = False,
):
    """Write the rows into a temporary XLSX file in constant memory and return the open file.

    Dates get a day-month-year format; text is never a formula (the cell is written as a string
    even when it starts with "=").
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.sheet_view.rightToLeft = rtl
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    bold = Font(bold=True)
    for number, row in enumerate(rows, start=1):
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, neutralise(value))
            if cell.data_type == "f":  # openpyxl's own guess; never a formula from here
                cell.data_type = "s"
            if isinstance(value, datetime.date):
                cell.number_format = DATE_FORMAT
            if bold_header and number == 1:
                cell.font = bold
            cells.append(cell)
        sheet.append(cells)
        if on_row:
            on_row(number)
    handle = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 - the caller closes it
    workbook.save(handle)
    handle.seek(0)
    return handle


def xlsx_bytes(rows: Iterable[list], **options) -> bytes:
    """The XLSX of `xlsx_write` as bytes, for small sheets sent at once."""
    with xlsx_write(rows, **options) as handle:
        return handle.read()


def wagtail_exports_protect() -> None:
    """Make every Wagtail spreadsheet export write its headings and cells through `neutralise`.

    Wagtail's SpreadsheetExportMixin serves the `?export=csv|xlsx` of every model viewset, snippet
    and report, including Wagtail's own (site history, page listings). It escapes nothing in CSV;
    wrapping its two value hooks once covers every one of them, present and future.
    """
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin, "formula_safe", False):
        return
    preprocess, heading = (
        SpreadsheetExportMixin.preprocess_field_value,
        SpreadsheetExportMixin.get_heading,
    )

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(preprocess(self, field, value, export_format))

    def get_heading(self, queryset, field):
        return neutralise(heading(self, queryset, field))

    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
    SpreadsheetExportMixin.get_heading = get_heading
    SpreadsheetExportMixin.formula_safe = True
