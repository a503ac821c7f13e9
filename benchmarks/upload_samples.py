"""Hostile uploads, each under the size limit, for the bound's tests and `measure_upload_bounds`.

Each is built in memory in well under a second; what it would cost to read is measured in a child
process (`measure`), so that a reader that grows cannot take the measuring process with it.
"""

import io
import json
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Attendance" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/worksheet"/></Relationships>'
)
SHEET_OPEN = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)


def xlsx(sheet_xml: bytes | list[bytes], extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal XLSX whose first sheet is `sheet_xml` (or its chunks), with any extra parts."""
    buffer = io.BytesIO()
    # Level 1 keeps building the samples quick; they inflate more than 100-fold all the same.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as book:
        book.writestr("[Content_Types].xml", CONTENT_TYPES)
        book.writestr("_rels/.rels", ROOT_RELS)
        book.writestr("xl/workbook.xml", WORKBOOK)
        book.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            for chunk in [sheet_xml] if isinstance(sheet_xml, bytes) else sheet_xml:
                sheet.write(chunk)
        for name, content in (extra or {}).items():
            book.writestr(name, content)
    return buffer.getvalue()


def sparse_sheet(*, declare: bool = True) -> bytes:
    """Two cells, A1 and ZZ60000: 1.5 KB that a dense reader turns into 42 million cells."""
    dimension = '<dimension ref="A1:ZZ60000"/>' if declare else '<dimension ref="A1"/>'
    return xlsx(
        (
            SHEET_OPEN + dimension + "<sheetData>"
            '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
            '<row r="60000"><c r="ZZ60000" t="inlineStr"><is><t>y</t></is></c></row>'
            "</sheetData></worksheet>"
        ).encode()
    )


def inflating_sheet(rows: int = 8_000_000) -> bytes:
    """About 1.2 MB that inflates to 200 MB of one-cell rows (a zip bomb under the size limit)."""
    block = b"<row><c><v>1</v></c></row>" * 40_000
    chunks = [SHEET_OPEN.encode() + b"<sheetData>"]
    chunks += [block] * (rows // 40_000)
    chunks.append(b"</sheetData></worksheet>")
    return xlsx(chunks)


def nested_zip_sheet() -> bytes:
    """A small valid sheet carrying another zip (itself inflating) among its parts."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as bomb:
        bomb.writestr("zeros.bin", b"\0" * 50_000_000)
    sheet = SHEET_OPEN + '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>'
    sheet += "</worksheet>"
    return xlsx(sheet.encode(), {"xl/embeddings/data.bin": inner.getvalue()})


def many_lines_csv(lines: int = 9_000_000) -> bytes:
    """18 MB of one-character lines: nine million rows."""
    return b"1\n" * lines


def huge_png(side: int = 10_000) -> bytes:
    """A PNG of side x side RGB pixels (100 million: 300 MB decoded) in about 1.3 MB."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    compressor = zlib.compressobj(1)
    lines = b"\0" * (1 + 3 * side) * 100
    data = b"".join(compressor.compress(lines) for _ in range(side // 100)) + compressor.flush()
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


SAMPLES = {
    "sparse sheet (A1 + ZZ60000)": ("sheet.xlsx", sparse_sheet),
    "sparse sheet, dimension A1 (a lie)": ("sheet.xlsx", lambda: sparse_sheet(declare=False)),
    "inflating sheet (200 MB of rows)": ("sheet.xlsx", inflating_sheet),
    "sheet with a nested zip": ("sheet.xlsx", nested_zip_sheet),
    "CSV of 9 million tiny lines": ("sheet.csv", many_lines_csv),
    "PNG of 10,000 x 10,000 pixels": ("evidence.png", huge_png),
}

CHILD = """
import json, os, resource, sys, time
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cme.settings.test")
import django
django.setup()
from django.utils import translation
from core import uploads
path, name, reader = sys.argv[1:4]
translation.activate("en")
cap = 3 * 2**30  # the unbounded readers must not take the machine with them
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
started = time.perf_counter()
outcome = "read"
try:
    content = open(path, "rb").read()
    if reader == "bounded" and name.endswith(".png"):
        import io
        uploads.image_check(io.BytesIO(content))
    elif reader == "bounded":
        uploads.sheet_rows(content, name)
    elif name.endswith(".png"):
        import io
        from PIL import Image
        Image.MAX_IMAGE_PIXELS = 89_478_485  # Pillow's default, as before the bound
        Image.open(io.BytesIO(content)).load()
    elif name.endswith(".xlsx"):
        import io
        from python_calamine import CalamineWorkbook
        book = CalamineWorkbook.from_filelike(io.BytesIO(content))
        rows = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    else:
        import csv, io
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
except uploads.UploadRefused as refused:
    outcome = "refused: " + str(refused)
except MemoryError:
    outcome = "out of memory at the 3 GB cap"
except Exception as error:
    outcome = "failed: " + type(error).__name__
seconds = time.perf_counter() - started
# VmHWM is this process's own peak; ru_maxrss would keep the parent's from before exec.
status = open("/proc/self/status").read()
peak = int(status.split("VmHWM:")[1].split()[0]) / 1024
print(json.dumps({"outcome": outcome, "seconds": seconds, "peak_mb": peak}))
"""


def measure(path: str, name: str, reader: str = "bounded", timeout: int = 120) -> dict:
    """Read the file in a child process: its outcome, seconds and peak resident memory (MB).

    `reader` is "bounded" (core.uploads, as the site reads) or "baseline" (the libraries read
    directly, as before the bound).
    """
    completed = subprocess.run(  # noqa: S603 - our own interpreter, our own code
        [sys.executable, "-c", CHILD, path, name, reader],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        cwd=Path(__file__).resolve().parent.parent,
    )
    lines = completed.stdout.strip().splitlines()
    if completed.returncode or not lines:
        return {"outcome": f"died ({completed.returncode})", "seconds": None, "peak_mb": None}
    return json.loads(lines[-1])
