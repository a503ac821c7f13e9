"""A certificate's own streams are compressed at zlib's fastest level, and still read back.

The page and the subset that carries the holder's Arabic-script name are new in every certificate,
so a bulk issue pays their compression 10,000 times; the faces' subsets shared by every certificate
are compressed once and kept (core/pdf/fonts.py), so they stay at the default level and smaller.
"""

import dataclasses
import datetime
import io

from pypdf import PdfReader

from certificates.pdf import CertificateFacts, CertificateLook, CertificateRenderer
from tests.certificates.pdftools import pdf_text

LOOK = CertificateLook(
    layout="en_ar",
    titles={"en": "Certificate of Completion", "ar": "شهادة إتمام"},
    issuers={"en": "Ministry of Health", "ar": "وزارة الصحة"},
)
FACTS = CertificateFacts(
    serial="CME-KIR-2026-000123",
    holder_latin="Zainab Hussein Al-Bayati",
    holder_arabic="زينب حسين البياتي",
    course_titles={"en": "Medical oxygen management", "ar": "إدارة الأوكسجين الطبي"},
    cme_hours="12.0",
    completed_on=datetime.date(2026, 3, 5),
    verification_url="https://cme.example/verify/ABCDEFGHIJKLMNOPQRSTUVWX/",
    verification_code="ABCDEFGHIJKLMNOPQRSTUVWX",
)
# zlib's header: the second byte's top bits name the level the stream was compressed at.
FASTEST, DEFAULT = 0x01, 0x9C


def _levels(data: bytes) -> dict[str, int]:
    """The zlib level byte of the page's stream and of each font program, by base font."""
    page = PdfReader(io.BytesIO(data)).pages[0]
    levels = {"page": page["/Contents"].get_object()._data[1]}
    for font in page["/Resources"]["/Font"].values():
        font = font.get_object()
        descriptor = font.get("/FontDescriptor")
        if descriptor is not None:
            program = descriptor.get_object()["/FontFile2"].get_object()
            levels[str(font["/BaseFont"]).split("+", 1)[1]] = program._data[1]
    return levels


def test_the_page_and_the_name_subset_are_compressed_fast_and_shared_subsets_are_not():
    renderer = CertificateRenderer(LOOK)
    renderer.render(FACTS)  # the shared subsets are built and kept by the first certificate
    other = dataclasses.replace(FACTS, holder_arabic="أمل وليد المالكي", serial="CME-KIR-2026-9")

    data = renderer.render(other)
    levels = _levels(data)

    assert levels.pop("page") == FASTEST
    assert levels.pop("Amiri-Bold-Var") == FASTEST  # the holder's name, new in each certificate
    assert levels == dict.fromkeys(levels, DEFAULT)
    assert {"NotoSans-Regular", "NotoSans-Bold", "Amiri-Bold"} <= set(levels)
    text = pdf_text(data)[0]
    assert "أمل وليد المالكي" in text
    assert "CME-KIR-2026-9" in text
    assert "Zainab" in text  # the Latin name, drawn with the shared face
