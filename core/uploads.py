"""The one bounded reader of uploaded files: sheets (XLSX, CSV) and images.

Nothing an upload declares is trusted. A sheet is refused before anything is materialised when its
zip has too many parts, inflates beyond the limit or too steeply, holds another zip, or when its
declared dimension, its cells' positions or its number of cells pass the limits. An XLSX that
passes is re-packed from what was actually inflated (never more than each part's declared size),
so the spreadsheet library reads only checked bytes. Limits are settings (`CME_UPLOAD_*`,
`CME_SHEET_*`, `CME_ZIP_*`, `CME_IMAGE_MAX_PIXELS`); see docs/security.md, section 5.
"""

import csv
import io
import re
import zipfile
from xml.parsers import expat

from django.conf import settings
from django.utils.translation import gettext as _

CHUNK = 64 * 1024
WORKSHEET = re.compile(r"^xl/worksheets/[^/]+\.xml$", re.IGNORECASE)
ZIP_MAGIC = b"PK\x03\x04"
NESTED_SUFFIXES = (".zip", ".xlsx", ".xlsm", ".xlsb", ".docx", ".pptx", ".jar", ".gz", ".7z")
CELL_REFERENCE = re.compile(r"^\$?([A-Z]{1,3})\$?([0-9]{1,7})$")


class UploadRefused(ValueError):
    """An upload refused before it was read: the message says why, in the reader's language."""


def limit(name: str) -> int:
    """One of the upload limits, from settings."""
    return int(getattr(settings, name))


def upload_size_check(upload) -> None:
    """Refuse a file larger than CME_UPLOAD_MAX_BYTES."""
    maximum = limit("CME_UPLOAD_MAX_BYTES")
    size = upload.size if hasattr(upload, "size") else upload.getbuffer().nbytes
    if size > maximum:
        raise UploadRefused(
            _("The file is larger than %(megabytes)d MB.") % {"megabytes": maximum // 2**20}
        )


def _too_large() -> UploadRefused:
    return UploadRefused(
        _(
            "The sheet is too large: at most %(rows)s rows, %(columns)s columns and %(cells)s "
            "cells. Split it into smaller files."
        )
        % {
            "rows": f"{limit('CME_SHEET_MAX_ROWS'):,}",
            "columns": f"{limit('CME_SHEET_MAX_COLUMNS'):,}",
            "cells": f"{limit('CME_SHEET_MAX_CELLS'):,}",
        }
    )


def _unusual_packing() -> UploadRefused:
    return UploadRefused(
        _(
            "This XLSX file is packed in a way we do not accept (too many parts, too much "
            "compression or a file inside the file). Save it again from your spreadsheet program."
        )
    )


def _unreadable() -> UploadRefused:
    return UploadRefused(_("This is not a readable XLSX file."))


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _position(reference: str | None) -> tuple[int, int] | None:
    """(row, column) of an A1 reference such as ZZ60000, or None if it is not one."""
    match = CELL_REFERENCE.match((reference or "").upper())
    if not match:
        return None
    return int(match.group(2)), _column_number(match.group(1))


class _SheetScanner:
    """Counts a worksheet's rows, columns and cells while its XML streams past, keeping none."""

    def __init__(self):
        self.rows = self.columns = self.cells = 0
        self._row = self._column = 0
        self.parser = expat.ParserCreate(namespace_separator=" ")
        self.parser.StartElementHandler = self._start
        # A worksheet has no document type: refusing one rules out entity expansion.
        self.parser.StartDoctypeDeclHandler = self._doctype

    def _doctype(self, *args):
        raise _unreadable()

    def _check(self) -> None:
        rows, columns = self.rows, self.columns
        if (
            rows > limit("CME_SHEET_MAX_ROWS")
            or columns > limit("CME_SHEET_MAX_COLUMNS")
            or self.cells > limit("CME_SHEET_MAX_CELLS")
            or rows * columns > limit("CME_SHEET_MAX_CELLS")
        ):
            raise _too_large()

    def _start(self, name, attributes):
        tag = name.rsplit(" ", 1)[-1]
        if tag == "dimension":
            # The declared bounding box: the spreadsheet library allocates it whole.
            for corner in str(attributes.get("ref", "")).split(":"):
                position = _position(corner)
                if position:
                    self.rows, self.columns = (
                        max(self.rows, position[0]),
                        max(self.columns, position[1]),
                    )
        elif tag == "row":
            number = attributes.get("r", "")
            self._row = int(number) if number.isdigit() else self._row + 1
            self._column = 0
            self.rows = max(self.rows, self._row)
        elif tag == "c":
            position = _position(attributes.get("r"))
            self._column = position[1] if position else self._column + 1
            self.columns = max(self.columns, self._column)
            self.cells += 1
        else:
            return
        self._check()

    def feed(self, data: bytes, final: bool = False) -> None:
        try:
            self.parser.Parse(data, final)
        except expat.ExpatError as error:
            raise _unreadable() from error


def _zip_members(book: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The zip's parts, refused on their declared count, sizes, ratio or a zip inside."""
    members = book.infolist()
    if len(members) > limit("CME_ZIP_MAX_ENTRIES"):
        raise _unusual_packing()
    inflated = sum(member.file_size for member in members)
    if inflated > limit("CME_ZIP_MAX_INFLATED_BYTES"):
        raise UploadRefused(
            _("The sheet unpacks to more than %(megabytes)d MB. Split it into smaller files.")
            % {"megabytes": limit("CME_ZIP_MAX_INFLATED_BYTES") // 2**20}
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        # Small parts compress steeply for nothing (an empty style sheet); only big ones count.
        if member.file_size > 2**20 and ratio > limit("CME_ZIP_MAX_RATIO"):
            raise _unusual_packing()
        if member.filename.lower().endswith(NESTED_SUFFIXES):
            raise _unusual_packing()
    return members


def xlsx_checked(handle) -> io.BytesIO:
    """The XLSX re-packed from its checked parts, or UploadRefused before anything grows."""
    try:
        book = zipfile.ZipFile(handle)
        members = _zip_members(book)
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w", zipfile.ZIP_STORED) as repacked:
            for member in members:
                if member.is_dir():
                    continue
                scanner = _SheetScanner() if WORKSHEET.match(member.filename) else None
                # Reading through zipfile stops at the declared size and checks the CRC: a part
                # that lies about its size inflates no further than it declared.
                with book.open(member) as part, repacked.open(member.filename, "w") as copy:
                    first = True
                    while chunk := part.read(CHUNK):
                        if first and chunk.startswith(ZIP_MAGIC):
                            raise _unusual_packing()
                        first = False
                        if scanner:
                            scanner.feed(chunk)
                        copy.write(chunk)
                if scanner:
                    scanner.feed(b"", final=True)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, NotImplementedError):
        raise _unreadable() from None
    output.seek(0)
    return output


def csv_check(content: bytes) -> None:
    """Refuse a CSV with more lines, or more cells, than a sheet may have."""
    lines = content.count(b"\n") + content.count(b"\r") - content.count(b"\r\n")
    separators = max(content.count(b","), content.count(b";"), content.count(b"\t"))
    if lines > limit("CME_SHEET_MAX_ROWS") or separators + lines > limit("CME_SHEET_MAX_CELLS"):
        raise _too_large()


def sheet_check(upload) -> None:
    """Refuse an uploaded sheet (XLSX or CSV) that passes a limit, before it is stored."""
    upload_size_check(upload)
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    if upload.name.lower().endswith(".xlsx"):
        xlsx_checked(io.BytesIO(content))
    else:
        from core.sheet_text import csv_text  # it raises this module's UploadRefused

        csv_check(content)
        csv_text(content)  # refused now, with how to save it, rather than after it is stored


def sheet_rows(content: bytes, filename: str) -> list[tuple[int, list]]:
    """(row number as the spreadsheet shows it, cell values) for every row, header first.

    UploadRefused when the file is unreadable or passes the limits: nothing larger than the
    limits is ever built.
    """
    upload_size_check(io.BytesIO(content))
    if filename.lower().endswith(".xlsx"):
        from python_calamine import CalamineError, CalamineWorkbook

        checked = xlsx_checked(io.BytesIO(content))
        try:
            book = CalamineWorkbook.from_filelike(checked)
            values = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
        except (CalamineError, ValueError, IndexError) as error:
            raise _unreadable() from error
        return list(enumerate(values, 1))
    from core.sheet_text import csv_delimiter, csv_text  # it raises this module's UploadRefused

    csv_check(content)
    text = csv_text(content)
    delimiter = csv_delimiter(text)
    try:
        return list(enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1))
    except csv.Error as error:  # a field longer than the csv module allows, a NUL byte
        raise UploadRefused(_("This is not a readable CSV file.")) from error


def image_check(handle) -> None:
    """Refuse an image whose header announces more than CME_IMAGE_MAX_PIXELS (nothing decoded)."""
    from PIL import Image

    maximum = limit("CME_IMAGE_MAX_PIXELS")
    message = _("The image is too large: at most %(megapixels)d million pixels.") % {
        "megapixels": maximum // 1_000_000
    }
    handle.seek(0)
    try:
        with Image.open(handle) as image:
            width, height = image.size
    except Image.DecompressionBombError as error:
        raise UploadRefused(message) from error
    finally:
        handle.seek(0)
    if width * height > maximum:
        raise UploadRefused(message)
