"""What both printable PDFs of the tracking side draw with: wrapped titles and shaped text."""

from core.pdf import draw_shaped, shape_line, text_width


def wrap_title(text: str, *, width: float, size: float, bold: bool = False) -> list[str]:
    """Break a title into lines no wider than `width` at `size` (words are never split)."""
    lines: list[str] = []
    for word in (text or "").split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(candidate, size=size, bold=bold) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def draw_at(canvas, text, *, x, y, size, bold=False, rtl=None, align="left", variable=False):
    if not text:
        return
    rtl = bool(rtl)
    line = shape_line(
        str(text), bold=bold, rtl=rtl, language="ar" if rtl else None, variable=variable
    )
    draw_shaped(canvas, line, x=x, y=y, size=size, align=align)
