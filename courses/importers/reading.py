"""The text, dates and scores in the cells of a sheet read by `core.uploads.sheet_rows`."""

import datetime
from decimal import Decimal

from core.digits import typed_identifier, typed_number, typed_text
from core.spreadsheets import unneutralise
from core.uploads import UploadRefused

EXCEL_EPOCH = datetime.date(1899, 12, 30)


# The bounded reader of every uploaded sheet lives below the apps; the importer reads through it.
SheetError = UploadRefused


def cell_text(value) -> str:
    """A cell's value as trimmed text, its digits in ASCII and without bidi marks."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    # A name written into the site's template as "'=..." (core.spreadsheets) reads back as typed.
    return unneutralise(typed_text(str(value)))


def licence_text(value) -> str:
    """A licence-number cell as the registry stores it: ASCII digits, no spaces."""
    return typed_identifier(cell_text(value))


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
        text = typed_number(cell_text(value), decimal=True, percent=True)
        if not text:
            return None
        score = Decimal(text)
    if not 0 <= score <= 100:
        raise ValueError
    return score.quantize(Decimal("0.1"))
