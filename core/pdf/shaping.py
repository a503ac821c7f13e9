"""Shaping mixed-direction text: bidi runs shaped by HarfBuzz, with the Unicode text attached.

A line is split into bidi runs (UAX #9 levels, `core/pdf/bidi.py`), each run into font segments
(Arabic script in the Arabic font, the rest in the Latin font), and each segment is shaped by
HarfBuzz in its own direction. Glyphs are written in visual order, as PDF readers expect; each
shaped glyph's code maps (ToUnicode, see `TextFont`) to the letters of its HarfBuzz cluster, so
`pdftotext` and copy-paste return the letters typed, in logical order, not presentation forms.

Just over 300 lines: segmenting, shaping and mapping clusters back to text are one pipeline whose
steps pass HarfBuzz's clusters to each other.
"""

from dataclasses import dataclass
from functools import lru_cache

import uharfbuzz
from bidi import algorithm as bidi_algorithm
from reportlab.pdfbase import pdfmetrics

from core.isolates import outside_isolates, strip_isolates
from core.pdf.bidi import _visual_runs, is_arabic_script
from core.pdf.fonts import font_pair, register_fonts
from core.pdf.marks import settled_rises

_PRIVATE_START = 0xE000
# Kerning within this many 1/1000 em leaves no gap or overlap that text extraction would read
# as a space or a joined word.
_KERN_TOLERANCE = 100


@dataclass(frozen=True, slots=True)
class GlyphRun:
    """Shaped glyphs of one font in visual order; numbers in 1/1000 of the font size."""

    font_name: str
    codes: str
    adjustments: tuple[float, ...]
    rises: tuple[float, ...] | None
    width: float
    numbers: tuple[str, ...]  # the adjustments as written in a TJ array, "" for none
    top: float = 0.0  # highest ink above the baseline, marks included
    bottom: float = 0.0  # lowest ink (negative below the baseline)


@dataclass(frozen=True, slots=True)
class ShapedLine:
    """One line of text shaped and ordered for display, with its logical text."""

    text: str
    runs: tuple[GlyphRun, ...]
    width: float
    rtl: bool

    def width_at(self, size: float) -> float:
        """The line's width in points at a font size."""
        return self.width * size / 1000

    @property
    def top(self) -> float:
        """Highest ink above the baseline in 1/1000 em, vowel marks included."""
        return max((run.top for run in self.runs), default=0.0)

    @property
    def bottom(self) -> float:
        """Lowest ink in 1/1000 em, negative below the baseline (kasra, descenders)."""
        return min((run.bottom for run in self.runs), default=0.0)

    def ink_at(self, size: float) -> tuple[float, float]:
        """(bottom, top) of the line's ink in points from its baseline at a font size."""
        return self.bottom * size / 1000, self.top * size / 1000


class _FontGlyphs:
    """HarfBuzz font of a registered TrueType font and the glyph-to-code map it needs."""

    def __init__(self, font_name: str):
        self.font = pdfmetrics.getFont(font_name)
        face = self.font.face
        self.face = face
        self.hb_font = uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob(face._ttf_data)))
        self.scale = 1000 / self.hb_font.face.upem
        self.codes: dict[tuple[int, str, int], int] = {}
        self.next_private = _PRIVATE_START
        self.boxes: dict[int, tuple[float, float, float, float]] = {}

    def box(self, gid: int) -> tuple[float, float, float, float]:
        """(left, right, bottom, top) of a glyph's outline in 1/1000 em; zeros for a blank."""
        box = self.boxes.get(gid)
        if box is None:
            extents = self.hb_font.get_glyph_extents(gid)
            if extents is None or not extents.height or not extents.width:
                box = (0.0, 0.0, 0.0, 0.0)
            else:
                scale = self.scale
                box = (
                    extents.x_bearing * scale,
                    (extents.x_bearing + extents.width) * scale,
                    (extents.y_bearing + extents.height) * scale,
                    extents.y_bearing * scale,
                )
            self.boxes[gid] = box
        return box

    def code_for(self, gid: int, text: str, width: int) -> int:
        """A character code that selects glyph `gid`, is `width` wide and extracts as `text`."""
        key = (gid, text, width)
        code = self.codes.get(key)
        if code is not None:
            return code
        face = self.face
        if (
            len(text) == 1
            and face.charToGlyph.get(ord(text)) == gid
            and round(face.charWidths.get(ord(text), -1)) == width
        ):
            code = ord(text)
        else:
            # Contextual forms, ligatures and marks moved by shaping have no code point of their
            # own: a private-use code selects the glyph and the ToUnicode map gives its text.
            code = self.next_private
            while code in face.charToGlyph:
                code += 1
            if code > 0xF8FF:
                raise ValueError(f"{self.font.fontName}: private-use codes exhausted")
            self.next_private = code + 1
            face.charToGlyph[code] = gid
            face.glyphToChar.setdefault(gid, []).append(code)
            face.charWidths[code] = width
            self.font.to_unicode[code] = text
        self.codes[key] = code
        return code


_glyph_fonts: dict[str, _FontGlyphs] = {}


def _glyphs(font_name: str) -> _FontGlyphs:
    glyphs = _glyph_fonts.get(font_name)
    if glyphs is None:
        register_fonts()
        glyphs = _glyph_fonts[font_name] = _FontGlyphs(font_name)
    return glyphs


def _font_segments(run: str, *, rtl: bool, fonts: tuple[str, str]) -> list[tuple[str, str]]:
    """Split a run into (font name, text) pieces in logical order."""
    latin, arabic = fonts
    latin_cmap = _glyphs(latin).face.charToGlyph
    arabic_cmap = _glyphs(arabic).face.charToGlyph
    segments: list[tuple[str, str]] = []
    for char in run:
        if is_arabic_script(char):
            font = arabic
        elif char.isalnum():
            font = latin
        else:
            font = arabic if rtl else latin
        cmap = arabic_cmap if font == arabic else latin_cmap
        if ord(char) not in cmap:
            font = latin if font == arabic else arabic
        if segments and segments[-1][0] == font:
            segments[-1] = (font, segments[-1][1] + char)
        else:
            segments.append((font, char))
    return segments


def _natural_width(glyphs: "_FontGlyphs", gid: int, text: str) -> int | None:
    """The width of the letter's own code when `gid` is its nominal glyph, else None."""
    if len(text) != 1:
        return None
    face = glyphs.face
    code = ord(text)
    if face.charToGlyph.get(code) != gid or code not in face.charWidths:
        return None
    return round(face.charWidths[code])


def _shape(text: str, *, font_name: str, rtl: bool, language: str | None) -> GlyphRun:
    glyphs = _glyphs(font_name)
    buffer = uharfbuzz.Buffer()
    buffer.add_codepoints([ord(char) for char in text])
    buffer.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
    buffer.guess_segment_properties()
    buffer.direction = "rtl" if rtl else "ltr"
    if language:
        buffer.language = language
    uharfbuzz.shape(glyphs.hb_font, buffer, {"kern": True, "liga": True})
    scale = glyphs.scale
    infos = buffer.glyph_infos
    positions = buffer.glyph_positions
    starts = sorted({info.cluster for info in infos})
    ends = dict(zip(starts, starts[1:] + [len(text)], strict=True))
    offsets = [position.x_offset * scale for position in positions] + [0.0]
    boxes = [glyphs.box(info.codepoint) for info in infos]
    settled = settled_rises(
        text,
        [info.cluster for info in infos],
        [position.x_advance * scale for position in positions],
        offsets[:-1],
        [position.y_offset * scale for position in positions],
        boxes,
    )
    codes = []
    adjustments = [-offsets[0]]
    rises = []
    width = 0.0
    top = bottom = 0.0
    reaches = [
        position.x_advance * scale + offsets[index + 1] - offsets[index]
        for index, position in enumerate(positions)
    ]
    # A cluster drawn with several glyphs (Amiri's lam before kaf is a kashida and a lam) gives
    # its text and the width of all its glyphs to the first one: the others extract as nothing
    # and are zero wide, so text extraction sees no gap inside the word to read as a space.
    cluster_reach: dict[int, float] = {}
    for index, info in enumerate(infos):
        cluster_reach[info.cluster] = cluster_reach.get(info.cluster, 0.0) + reaches[index]
    seen: set[int] = set()
    for index, (info, position) in enumerate(zip(infos, positions, strict=True)):
        advance = position.x_advance * scale
        cluster = info.cluster
        first_of_cluster = cluster not in seen
        cluster_text = text[cluster : ends[cluster]] if first_of_cluster else ""
        seen.add(cluster)
        # The glyph's PDF width reaches to where the next glyph is drawn, so text extraction sees
        # no gap where HarfBuzz shifted a glyph (Amiri moves some letters by offset, not advance).
        reach = cluster_reach[cluster] if first_of_cluster else 0.0
        pdf_width = round(reach) if reach >= 0 else round(advance)
        natural = _natural_width(glyphs, info.codepoint, cluster_text)
        if natural is not None and reach >= 0 and abs(reach - natural) <= _KERN_TOLERANCE:
            # A kerned letter keeps its own code and width (the TJ number moves it), so a
            # kerning pair gives no new code: subsets of the same letters stay the same.
            pdf_width = natural
        code = glyphs.code_for(info.codepoint, cluster_text, pdf_width)
        codes.append(chr(code))
        # TJ numbers move the pen left by n/1000 em: undo the PDF width, apply HarfBuzz's advance
        # and the offsets of this glyph and the next.
        adjustments.append(pdf_width - advance + offsets[index] - offsets[index + 1])
        # Rises are in 1/1000 em like every number here; draw_shaped scales them by the size.
        rise = settled[index]
        rises.append(rise)
        _left, _right, ink_bottom, ink_top = boxes[index]
        if ink_top != ink_bottom:
            top = max(top, ink_top + rise)
            bottom = min(bottom, ink_bottom + rise)
        width += advance
    return GlyphRun(
        font_name=font_name,
        codes="".join(codes),
        adjustments=tuple(adjustments),
        numbers=tuple(_tj_number(value) for value in adjustments),
        rises=tuple(rises) if any(rises) else None,
        width=width,
        top=top,
        bottom=bottom,
    )


@lru_cache(maxsize=2048)
def shape_line(
    text: str,
    *,
    bold: bool = False,
    rtl: bool | None = None,
    language: str | None = None,
    variable: bool = False,
) -> ShapedLine:
    """Shape a line of mixed Arabic/Kurdish/Latin text; `rtl` None means from its first letter.

    `variable` marks text that differs between documents drawn alike (a holder's name), which
    goes to the fonts' per-document instances so the shared subsets stay the same.
    """
    # The direction comes from the first strong letter outside isolates (UAX #9 P2): an
    # Arabic sentence that starts with an isolated "PDF" is still right-to-left.
    base_level = bidi_algorithm.get_base_level(outside_isolates(text)) if rtl is None else int(rtl)
    fonts = font_pair(bold=bold, variable=variable)
    runs: list[GlyphRun] = []
    for level, run_text in _visual_runs(text, base_level):
        run_rtl = bool(level % 2)
        segments = _font_segments(run_text, rtl=run_rtl, fonts=fonts)
        if run_rtl:
            segments.reverse()
        for font_name, segment in segments:
            runs.append(_shape(segment, font_name=font_name, rtl=run_rtl, language=language))
    return ShapedLine(
        text=strip_isolates(text),  # the reading layer's text: poppler knows no isolates
        runs=tuple(runs),
        width=sum(run.width for run in runs),
        rtl=bool(base_level),
    )


def join_shaped(*lines: ShapedLine) -> ShapedLine:
    """Left-to-right lines drawn one after the other as one line (a label and a value)."""
    return ShapedLine(
        text="".join(line.text for line in lines),
        runs=tuple(run for line in lines for run in line.runs),
        width=sum(line.width for line in lines),
        rtl=False,
    )


def _number(value: float) -> str:
    rounded = round(value, 2)
    if rounded == int(rounded):
        return str(int(rounded))
    return f"{rounded:.2f}".rstrip("0")


def _tj_number(value: float) -> str:
    text = _number(value)
    return "" if text == "0" else text + " "
