import io

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from core.pdf import draw_text, text_width
from tests.certificates.pdftools import pdf_text


def _pdf(*lines: str) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=landscape(A4))
    y = 500
    for line in lines:
        draw_text(canvas, line, x=420, y=y, size=18, align="center")
        y -= 40
    canvas.save()
    return buffer.getvalue()


def test_arabic_name_extracts_in_logical_order():
    text = pdf_text(_pdf("أحمد علي حسن"))[0]

    assert "أحمد علي حسن" in text


def test_kurdish_sorani_letters_extract_as_typed():
    sorani = "بڕوانامەی تەواوکردن بۆ ڕێکخستنی کۆڵێژ"

    assert sorani in pdf_text(_pdf(sorani))[0]


def test_latin_serial_inside_arabic_line_keeps_its_hyphens_and_digits():
    text = pdf_text(_pdf("شهادة رقم CME-BGD-2026-000123"))[0]

    assert "CME-BGD-2026-000123" in text
    assert "شهادة رقم" in text


def test_article_before_kaf_extracts_as_one_word():
    # Amiri draws this lam as a kashida and a lam: one letter in two glyphs.
    assert "محمد الكركوكي" in pdf_text(_pdf("محمد الكركوكي"))[0]


def test_lam_alef_ligature_extracts_as_two_letters():
    text = pdf_text(_pdf("لا إله إلا الله"))[0]

    assert "لا إله إلا الله" in text


def test_latin_line_extracts_unchanged():
    assert (
        "Certificate of Completion — Dr. Ahmed Ali"
        in pdf_text(_pdf("Certificate of Completion — Dr. Ahmed Ali"))[0]
    )


def test_mixed_line_is_wider_than_its_arabic_part():
    assert text_width("أحمد Ahmed", size=12) > text_width("أحمد", size=12) > 0
