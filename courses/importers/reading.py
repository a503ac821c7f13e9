"""Reading an uploaded sheet: its rows, and the text, dates and scores in its cells."""

import csv
import datetime
import io
from decimal import Decimal

from django.utils.translation import gettext as _

from workforce.names import digits_to_ascii

EXCEL_EPOCH = datetime.date(1899, 12, 30)


class SheetError(ValueError):
    """The file as a whole cannot be read."""


def sheet_rows(content: bytes, filename: str) -> list[tuple[int, list]]:
    """(row number as the spreadsheet shows it, cell values) for every row, header first."""
    if filename.lower().endswith(".xlsx"):
        from python_calamine import CalamineError, CalamineWorkbook

        try:
            book = CalamineWorkbook.from_filelike(io.BytesIO(content))
            values = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
        except (CalamineError, ValueError, IndexError) as error:
            raise SheetError(_("This is not a readable XLSX file.")) from error
        return list(enumerate(values, 1))
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SheetError(_("Save the CSV file as UTF-8.")) from error
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    return [(n, row) for n, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1)]


def cell_text(value) -> str:
    """A cell's value as trimmed text, its digits in ASCII."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return digits_to_ascii(str(value)).strip()


def parse_date(value) -> datetime.date | None:
    """A date from an Excel date cell, an Excel serial number or day-first / ISO text."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = cell_text(value)
    if not text:
        return None
    if text.replace(".", "", 1).isdigit() and 20000 < float(text) < 80000:
        return EXCEL_EPOCH + datetime.timedelta(days=int(float(text)))
    text = text.split(" ")[0].replace(".", "/").replace("-", "/")
    parts = text.split("/")
    if len(parts) != 3 or not all(part.isdigit() for part in parts):
        raise ValueError
    if len(parts[0]) == 4:
        year, month, day = (int(part) for part in parts)
    else:
        day, month, year = (int(part) for part in parts)
    return datetime.date(year, month, day)


def parse_score(value) -> Decimal | None:
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        score = Decimal(str(value))
    else:
        text = cell_text(value).replace("٫", ".").replace(",", ".").rstrip("%").strip()
        if not text:
            return None
        score = Decimal(text)
    if not 0 <= score <= 100:
        raise ValueError
    return score.quantize(Decimal("0.1"))
