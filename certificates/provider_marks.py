"""The providers a certificate prints: each one's logo and name in the certificate's languages."""

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from core.pdf import draw_shaped, shape_line
from workforce.logos import logo_for_print, logo_reader


@dataclass(frozen=True)
class ProviderMark:
    """One provider as printed: names by language code, and a small PNG logo (or none)."""

    names: tuple[tuple[str, str], ...]
    logo_png: bytes | None = None

    def name_in(self, language: str) -> str:
        names = dict(self.names)
        return names.get(language) or names.get("en", "")


def provider_marks(*, workshop) -> tuple[ProviderMark, ...]:
    """The workshop's lead provider and partners as a certificate prints them."""
    if workshop is None:
        return ()
    return tuple(
        ProviderMark(
            names=(("en", p.name_en), ("ar", p.name_ar), ("ckb", p.name_ckb)),
            logo_png=logo_for_print(p),
        )
        for p in workshop.providers()
    )


def draw_provider_row(
    canvas: Canvas,
    marks: tuple[ProviderMark, ...],
    *,
    languages: tuple[str, ...],
    left: float,
    right: float,
    y: float,
    logo: float = 26,
    size: float = 8,
) -> None:
    """A row of cells between `left` and `right`, the logo's bottom at `y`, the names below it."""
    if not marks:
        return
    slot = (right - left) / len(marks)
    # Right-to-left certificates list the lead provider first from the right.
    order = list(reversed(marks)) if languages[0] in ("ar", "ckb") else list(marks)
    for index, mark in enumerate(order):
        centre = left + slot * (index + 0.5)
        if mark.logo_png:
            canvas.drawImage(
                logo_reader(mark.logo_png),
                centre - logo / 2,
                y,
                logo,
                logo,
                preserveAspectRatio=True,
                mask="auto",
            )
        shown, line_y = [], y - size - 2
        for language in languages:
            name = mark.name_in(language)
            if not name or name in shown:
                continue
            rtl = language in ("ar", "ckb")
            line = shape_line(name, rtl=rtl, language=language if rtl else None)
            draw_shaped(canvas, line, x=centre, y=line_y, size=size, align="center")
            shown.append(name)
            line_y -= size + 3
