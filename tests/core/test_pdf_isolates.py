"""Translated strings with Latin runs in isolates draw in order in PDFs and extract clean."""

import io
import re
import subprocess
import tempfile
import unicodedata
from pathlib import Path

import polib
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from core.isolates import ISOLATE_MARKS, isolate_latin, strip_isolates
from core.pdf import draw_text, shape_line, text_width
from core.pdf.bidi import _visual_runs
from core.pdf.shaping import _glyphs
from tests.test_translations import CATALOGUES, LANGUAGES

CSV_CHOICE = "اختر «\u2068CSV UTF-8 (Comma delimited)\u2069» ثم ارفعه."


def _isolated_translations() -> list[str]:
    """Every ar and ckb msgstr of the project holding an isolate."""
    found = set()
    for path in CATALOGUES:
        if path.parts[-3] in LANGUAGES:
            for entry in polib.pofile(str(path)):
                for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                    if any(mark in text for mark in ISOLATE_MARKS):
                        found.add(text)
    return sorted(found)


def _pdftotext(lines: list[str]) -> str:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for number, line in enumerate(lines):
        if number and number % 20 == 0:
            canvas.showPage()
        size = min(11, 11 * 500 / max(text_width(line, size=11), 1))
        draw_text(canvas, line, x=A4[0] - 40, y=800 - 38 * (number % 20), size=size, align="right")
    canvas.save()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "isolates.pdf"
        path.write_bytes(buffer.getvalue())
        return subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            check=True,
            text=True,
        ).stdout


def _words(text: str) -> list[str]:
    """The words a reader compares: NFC, without the direction marks poppler writes around runs."""
    return unicodedata.normalize("NFC", re.sub("[\u200e\u200f\u202a-\u202e]", "", text)).split()


def test_every_isolated_translation_extracts_its_words_without_marks_or_replacement_glyphs():
    translations = _isolated_translations()
    extracted = _pdftotext(translations)

    assert len(translations) > 40
    assert not set(extracted) & set(ISOLATE_MARKS + "\ufffd")
    words = set(_words(extracted))
    missing = [word for text in translations for word in _words(strip_isolates(text))]
    assert [word for word in missing if word not in words] == []


def test_isolate_marks_add_no_glyph_to_the_drawn_line():
    line = shape_line(CSV_CHOICE, rtl=True, language="ar")
    glyphs = [
        _glyphs(run.font_name).face.charToGlyph[ord(code)]
        for run in line.runs
        for code in run.codes
    ]
    bare = shape_line(strip_isolates(CSV_CHOICE), rtl=True, language="ar")

    assert 0 not in glyphs
    assert len(glyphs) == sum(len(run.codes) for run in bare.runs)
    assert line.text == strip_isolates(CSV_CHOICE)


def test_an_isolated_name_keeps_its_closing_bracket_and_the_sentence_its_quotes():
    runs = [text for _level, text in _visual_runs(CSV_CHOICE, 1)]

    assert "CSV UTF-8 (Comma delimited)" in runs
    assert not any(mark in "".join(runs) for mark in ISOLATE_MARKS)


def test_a_translation_starting_with_an_isolated_code_is_drawn_right_to_left():
    assert shape_line(isolate_latin("PDF جاهز للتنزيل")).rtl


def test_an_isolated_month_after_an_arabic_word_keeps_the_year_first():
    bare = [text for _level, text in _visual_runs("الفترة: من 2025-07 إلى", 1)]
    isolated = [text for _level, text in _visual_runs("الفترة: من \u20662025-07\u2069 إلى", 1)]

    assert "2025-07" not in bare
    assert "2025-07" in isolated
