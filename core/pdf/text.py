"""Drawing shaped lines on a ReportLab canvas (`core/pdf/shaping.py` shapes them).

Glyphs are written in visual order as TJ strings of the font's glyph codes, kerned by the shaped
advances, with an invisible reading layer where a line's marks need one (`core/pdf/reading.py`).
"""

from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from core.pdf.fonts import READING
from core.pdf.reading import invisible_text, needs_reading_layer
from core.pdf.shaping import ShapedLine, _number, join_shaped, shape_line

__all__ = ["ShapedLine", "draw_shaped", "draw_text", "join_shaped", "shape_line", "text_width"]


_ESCAPED = [f"({escapePDF(bytes((byte,)))})" for byte in range(256)]


def draw_shaped(
    canvas: Canvas, line: ShapedLine, *, x: float, y: float, size: float, align: str = "left"
) -> float:
    """Draw a shaped line at a baseline; `align` is left, right or center about x. Returns width."""
    width = line.width_at(size)
    if align == "right":
        x -= width
    elif align == "center":
        x -= width / 2
    doc = canvas._doc
    size_text = _number(size)
    # A line with right-to-left letters: its glyphs carry no text of their own, the invisible
    # line after them carries it in the form text extraction needs (see core/pdf/reading.py).
    # Left-to-right lines of left-to-right text extract right from their glyphs.
    reading = line.rtl or needs_reading_layer(line.text)
    code = [f"BT 1 0 0 1 {_number(x)} {_number(y)} Tm"]
    if reading:
        code.insert(0, "/Span <</ActualText ()>> BDC")
    for run in line.runs:
        font = pdfmetrics.getFont(run.font_name)
        index = 0
        rise = 0.0
        carried = False
        numbers = run.numbers
        for subset, data in font.splitString(run.codes, doc):
            code.append(f"{font.getSubsetInternalName(subset, doc)} {size_text} Tf")
            if run.rises is None:
                # The common case, no glyph raised: the TJ array straight from the run's numbers.
                pieces = [
                    numbers[index + position] + _ESCAPED[byte] for position, byte in enumerate(data)
                ]
                if carried:
                    pieces[0] = _ESCAPED[data[0]]
                index += len(data)
                code.append(f"[{''.join(pieces)}{numbers[index]}] TJ")
                carried = True
                continue
            parts = []
            for position, byte in enumerate(data):
                target = run.rises[index] * size / 1000 if run.rises else 0.0
                if target != rise:
                    if parts:
                        code.append(f"[{' '.join(parts)}] TJ")
                        parts = []
                    code.append(f"{_number(target)} Ts")
                    rise = target
                before = 0 if position == 0 and carried else run.adjustments[index]
                if before:
                    parts.append(_number(before))
                parts.append(_ESCAPED[byte])
                index += 1
            after = run.adjustments[index]
            if after:
                parts.append(_number(after))
            carried = True
            code.append(f"[{' '.join(parts)}] TJ")
        if rise:
            code.append("0 Ts")
    code.append("ET")
    if reading:
        code.append("EMC")
        code.append(invisible_text(doc, READING, line.text, x=x, y=y, width=width, size=size))
    canvas._code.append("\n".join(code))
    return width


def draw_text(
    canvas: Canvas,
    text: str,
    *,
    x: float,
    y: float,
    size: float,
    bold: bool = False,
    align: str = "left",
    rtl: bool | None = None,
    language: str | None = None,
) -> float:
    """Shape and draw one line of mixed-direction text in the canvas's fill colour."""
    line = shape_line(text, bold=bold, rtl=rtl, language=language)
    return draw_shaped(canvas, line, x=x, y=y, size=size, align=align)


def text_width(text: str, *, size: float, bold: bool = False, language: str | None = None) -> float:
    """The width in points of a line drawn by draw_text."""
    return shape_line(text, bold=bold, language=language).width_at(size)
