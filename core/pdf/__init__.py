"""Shared PDF building blocks: bundled fonts and mixed-direction text with extractable Unicode."""

from core.pdf.bidi import has_arabic
from core.pdf.fonts import ARABIC, ARABIC_BOLD, LATIN, LATIN_BOLD, register_fonts
from core.pdf.layout import LineStack
from core.pdf.text import (
    ShapedLine,
    draw_shaped,
    draw_text,
    join_shaped,
    shape_line,
    text_width,
)

__all__ = [
    "ARABIC",
    "ARABIC_BOLD",
    "LATIN",
    "LATIN_BOLD",
    "LineStack",
    "ShapedLine",
    "draw_shaped",
    "draw_text",
    "has_arabic",
    "join_shaped",
    "register_fonts",
    "shape_line",
    "text_width",
]
