"""Each drawn line's logical text, as text extraction (pdftotext, copy, search) should return it.

Shaped glyphs are drawn in visual order and readers rebuild the logical order with a bidi pass of
their own. Poppler's (`reorderText` in TextOutputDev.cc) only reverses runs of right-to-left
letters, so neutrals at run edges ("د." before a name, brackets, digits inside Arabic) come out
in the wrong place; it also reads an /ActualText span's logical text as visual and reverses it.

So the visible glyphs carry no text (a Span with an empty ActualText) and the line's text is
written beside them as invisible text (render mode 3): the string that poppler's reordering
turns back into the logical line. Left-to-right marks (LRM, U+200E) steer the neutrals and
balance the line so the page counts as left-to-right, the direction that string is made for.
"""

import unicodedata
from functools import lru_cache

from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase import pdfmetrics

from core.pdf.shaping import _glyphs

LRM = "\u200e"
_WIDTH = 500  # 1/1000 em: every invisible character is as wide
# Where poppler 22.12's character table differs from the Unicode bidi classes.
_POPPLER_L = set("\u0606\u0607\u0608\u060b\u0659\u065a\u065b\u065c\u065d\u065e\u065f")
_POPPLER_R = set(
    "\u0600\u0601\u0602\u0603\u0616\u0617\u0618\u0619\u061a\u06dd\ufdcf"
    + "".join(chr(code) for code in range(0xFD40, 0xFD50))
)
_POPPLER_NEUTRAL = {"\u202f"}


def poppler_type(char: str) -> str:
    """How poppler reads a character: "L" (letters, digits, number punctuation), "R" or ""."""
    if char in _POPPLER_L:
        return "L"
    if char in _POPPLER_R:
        return "R"
    if char in _POPPLER_NEUTRAL:
        return ""
    kind = unicodedata.bidirectional(char)
    if kind in ("R", "AL", "RLO"):
        return "R"
    if kind in ("L", "EN", "AN", "ES", "ET", "CS", "LRO"):
        return "L"
    return ""


@lru_cache(maxsize=4096)
def needs_reading_layer(text: str) -> bool:
    """Whether a line is drawn out of its typed order (right-to-left letters, Arabic digits)."""
    return any(
        poppler_type(char) == "R" or unicodedata.bidirectional(char) in ("R", "AL", "AN")
        for char in text
    )


@lru_cache(maxsize=4096)
def extraction_string(text: str) -> str:
    """The string whose poppler reordering (left-to-right page) is `text`.

    Poppler keeps non-right-to-left stretches and reverses each stretch that starts at a
    right-to-left letter and runs up to the next left-to-right one. So each right-to-left
    stretch (first to last right-to-left letter before a left-to-right one) is written
    reversed, and what follows it starts with an LRM unless it starts left-to-right itself.
    """
    types = [poppler_type(char) for char in text]
    pieces: list[str] = []
    index = 0
    after_rtl = False
    while index < len(text):
        start = index
        while index < len(text) and types[index] != "R":
            index += 1
        if index > start:
            stretch = text[start:index]
            pieces.append(LRM + stretch if after_rtl and types[start] != "L" else stretch)
        if index == len(text):
            break
        start = last = index
        while index < len(text) and types[index] != "L":
            if types[index] == "R":
                last = index
            index += 1
        pieces.append(text[start : last + 1][::-1])
        index = last + 1
        after_rtl = True
    ends_rtl = after_rtl and index == len(text) and start < len(text) and types[start] == "R"
    visual = "".join(pieces)
    # Poppler picks a page's direction by counting letters: as many LRMs as the line has more
    # right-to-left letters keep every page left-to-right. One more closes a line that ends
    # right-to-left, so a cell beside it on the same row is not read into its reversed stretch.
    # Digits and number punctuation read as left-to-right but are not counted: only letters.
    balance = sum(
        -1 if poppler_type(char) == "R" else int(unicodedata.bidirectional(char) == "L")
        for char in visual
    )
    return visual + LRM * max(int(ends_rtl), -balance)


@lru_cache(maxsize=4096)
def _codes(font_name: str, text: str) -> str:
    glyphs = _glyphs(font_name)
    # Mode 3 draws nothing; the space's glyph has no outline, so the font program stays small
    # however many characters it stands for. The ToUnicode map gives each code its text.
    blank = glyphs.face.charToGlyph[ord(" ")]
    return "".join(chr(glyphs.code_for(blank, char, _WIDTH)) for char in text)


# The characters a reading layer writes, given codes in this order at the start of each document
# (see `READING` in core/pdf/fonts.py): ASCII, the Arabic and Sorani letters, marks, digits and
# punctuation, and the direction marks. A character outside it still works; it is only added
# after them, making that document's subset its own.
_ALPHABET = "".join(
    [chr(code) for code in range(0x20, 0x7F)]
    + [chr(code) for code in range(0x0621, 0x063B)]
    + [chr(code) for code in range(0x0640, 0x0653)]
    + [chr(code) for code in range(0x0660, 0x066E)]
    + list("\u060c\u061b\u061f\u0670\u0679\u067e\u0686\u0688\u0691\u0695\u0698\u06a4")
    + list("\u06a9\u06af\u06b5\u06ba\u06be\u06c1\u06c6\u06cc\u06ce\u06d2\u06d5")
    + [chr(code) for code in range(0x06F0, 0x06FA)]
    + [LRM, "\u200f", "\u061c", "\u00a0"]
)


_PREPARED: dict[str, tuple[list[list[int]], dict[int, int], int]] = {}


def _document_prepared(font, font_name: str, doc) -> None:
    """Give the alphabet its codes, in one order, at the font's first use in `doc`.

    The first document assigns them through ReportLab; the next ones get a copy of that state.
    """
    if doc in font.state:
        return
    prepared = _PREPARED.get(font_name)
    if prepared is None:
        font.splitString(_codes(font_name, _ALPHABET), doc)
        state = font.state[doc]
        _PREPARED[font_name] = (
            [list(subset) for subset in state.subsets],
            dict(state.assignments),
            state.nextCode,
        )
        return
    subsets, assignments, next_code = prepared
    state = font._assignState(doc)
    state.subsets = [list(subset) for subset in subsets]
    state.assignments = dict(assignments)
    state.nextCode = next_code


def invisible_text(doc, font_name: str, text: str, *, x: float, y: float, width: float, size):
    """PDF operators writing `text` unseen over the line drawn at x, y `width` points wide."""
    string = extraction_string(text)
    if not string:
        return ""
    font = pdfmetrics.getFont(font_name)
    _document_prepared(font, font_name, doc)
    natural = len(string) * _WIDTH * size / 1000
    scale = 100 * width / natural if width > 0 else 100
    code = [f"BT 3 Tr {scale:.2f} Tz 1 0 0 1 {x:.2f} {y:.2f} Tm"]
    for subset, data in font.splitString(_codes(font_name, string), doc):
        code.append(f"{font.getSubsetInternalName(subset, doc)} {size:g} Tf")
        code.append(f"({escapePDF(data)}) Tj")
    code.append("0 Tr 100 Tz ET")
    return "\n".join(code)
