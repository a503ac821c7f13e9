"""Lines mixing Arabic, Kurdish, Latin, digits and brackets extract in the order they were typed."""

import io
import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from core.pdf import draw_text, text_width
from tests.certificates.pdftools import pdf_text

ARABIC_WORDS = ["أحمد", "علي", "حسن", "مستشفى", "كركوك", "الطوارئ", "شهادة", "دورة", "الصحة"]
KURDISH_WORDS = ["ڕێبوار", "هەولێر", "بڕوانامە", "تەندروستی", "کۆڵێژ", "ئاسۆ"]
LATIN_WORDS = ["Ahmed", "Sara", "Basic", "Life", "Support", "BLS-1", "CME", "Kirkuk"]
NUMBERS = st.integers(0, 99999).map(str) | st.sampled_from(["12.5", "2026/03/05", "١٢", "٣٠"])

word = st.sampled_from(ARABIC_WORDS + KURDISH_WORDS + LATIN_WORDS) | NUMBERS
bracketed = st.tuples(st.sampled_from(["()", "[]"]), word).map(
    lambda pair: pair[0][0] + pair[1] + pair[0][1]
)
joiner = st.sampled_from([" ", " ", " - ", ": ", " · "])
# A line never ends with a hyphen: pdftotext joins such a line to the next (dehyphenation).
mixed_line = st.tuples(
    st.sampled_from(["", "د. ", "Dr. "]),
    word | bracketed,
    st.lists(st.tuples(joiner, word | bracketed).map("".join), max_size=6),
).map(lambda parts: parts[0] + parts[1] + "".join(parts[2]))


def logical(text: str) -> str:
    """What a reader compares: NFC, whitespace runs as one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _page(lines: list[str]) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for number, line in enumerate(lines):
        size = (12, 19, 28)[number % 3]
        # Text off the page is not extracted: a long line is set smaller to fit the page.
        size = min(size, size * 500 / max(text_width(line, size=size), 1))
        draw_text(canvas, line, x=A4[0] / 2, y=780 - 40 * number, size=size, align="center")
    canvas.save()
    return buffer.getvalue()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mixed_line, min_size=1, max_size=6))
@example(["د. أحمد علي (CME-1) 2026", "دورة Basic Life Support في كركوك", "Dr. Ahmed (أحمد) 12"])
@example(["شهادة رقم 12 من 30 ساعة", "[محمد] Ali 15 بڕوانامە"])
def test_every_drawn_line_extracts_as_typed(lines):
    extracted = [logical(line) for line in pdf_text(_page(lines))[0].splitlines() if line.strip()]

    assert extracted == [logical(line) for line in lines]
