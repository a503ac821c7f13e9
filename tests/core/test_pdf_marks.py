"""Vowel marks drawn by the shared PDF text kernel sit on their letters, at every size used."""

import io

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from certificates.pdf import CertificateRenderer
from core.pdf import draw_shaped, shape_line
from courses.pdf import SignInSheetRenderer, TranscriptRenderer
from tests.certificates.pdftools import ink_rows, pdf_page_image

# Harakat, tanween, shadda, sukun, superscript alef, hamza above and below, maddah, and the
# small v marks Sorani writers type over و and ی.
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0653\u0654\u0655\u065a\u065b"
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويةءپچژگڕڵۆێەکی"
# Every size a name or title is drawn at by the templates (certificate, sheet, transcript).
SIZES = sorted(
    {
        CertificateRenderer.name_size,
        CertificateRenderer.title_size,
        CertificateRenderer.course_size,
        CertificateRenderer.body_size,
        SignInSheetRenderer.body_size,
        SignInSheetRenderer.body_size + 1,
        TranscriptRenderer.body_size,
        11,
    },
    reverse=True,  # each line smaller than the one above it, so no line reaches the next
)
RESOLUTION = 110

marked_letter = st.tuples(
    st.sampled_from(LETTERS), st.lists(st.sampled_from(MARKS), max_size=2, unique=True)
).map(lambda pair: pair[0] + "".join(pair[1]))
marked_word = st.lists(marked_letter, min_size=2, max_size=6).map("".join)
marked_name = st.lists(marked_word, min_size=1, max_size=3).map(" ".join)


def _strip_marks(name: str) -> str:
    return "".join(char for char in name if char not in MARKS)


def _draw_at_sizes(name: str, *, language: str) -> tuple[bytes, list[tuple[float, float]]]:
    """The name at every size, one under the other far apart; returns the PDF and baselines."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    line = shape_line(name, bold=True, rtl=True, language=language)
    y = A4[1] - 60
    placed = []
    for size in SIZES:
        draw_shaped(canvas, line, x=60, y=y, size=size)
        placed.append((y, size))
        y -= size * 3
    canvas.save()
    return buffer.getvalue(), placed


def _pixels(points: float) -> int:
    return round(points * RESOLUTION / 72)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(marked_name, st.sampled_from(["ar", "ckb"]))
@example("مُحَمَّدٌ عَلِيّ حَسَنْ", "ar")
@example("حَسَنْ", "ar")
@example("ا\u0627\u0654\u064b", "ar")  # alef, then alef with hamza above and tanween fath
@example("ڕێبوارْ کەریمِی", "ckb")
def test_every_mark_stays_in_the_line_box_and_close_to_its_letters_at_every_size(name, language):
    data, placed = _draw_at_sizes(name, language=language)
    bare, _placed = _draw_at_sizes(_strip_marks(name), language=language)
    rows = ink_rows(pdf_page_image(data, resolution=RESOLUTION))
    bare_rows = ink_rows(pdf_page_image(bare, resolution=RESOLUTION))
    line = shape_line(name, bold=True, rtl=True, language=language)
    height = A4[1]
    for baseline, size in placed:
        band = range(_pixels(height - baseline - 1.4 * size), _pixels(height - baseline + size))
        inked = [row for row in rows if row in band]
        letters = [row for row in bare_rows if row in band]
        bottom, top = line.ink_at(size)
        # The line's own box (what layouts reserve) holds all its ink, marks included.
        assert min(inked) >= _pixels(height - baseline - top) - 2
        assert max(inked) <= _pixels(height - baseline - bottom) + 2
        # Marks sit on their letters: at most two stacked marks (a shadda or a hamza, and its
        # vowel) above the tallest letter; a hamza and tanween over an alef reach 0.68 em.
        assert min(letters) - min(inked) <= _pixels(0.7 * size) + 1
