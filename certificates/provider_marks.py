"""The providers a certificate prints: each one's logo and name in the certificate's languages."""

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from core.pdf import draw_shaped, shape_line
from workforce.logos import logo_for_print, logo_reader, logo_url


@dataclass(frozen=True)
class ProviderMark:
    """One provider as printed: names by language code, and a small PNG logo (or none)."""

    names: tuple[tuple[str, str], ...]
    logo_png: bytes | None = None

    def name_in(self, language: str) -> str:
        names = dict(self.names)
        return names.get(language) or names.get("en", "")


def providers_snapshot(*, workshop) -> list[dict]:
    """The workshop's lead provider and partners as a certificate keeps them (JSON)."""
    return [
        {
            "code": provider.code,
            "en": provider.name_en,
            "ar": provider.name_ar,
            "ckb": provider.name_ckb,
            "logo": provider.logo.name or "",
        }
        for provider in workshop.providers()
    ]


def provider_marks(*, snapshot: list[dict]) -> tuple[ProviderMark, ...]:
    """A certificate's kept providers as its PDF prints them."""
    return tuple(
        ProviderMark(
            names=tuple((language, kept.get(language, "")) for language in ("en", "ar", "ckb")),
            logo_png=logo_for_print(kept.get("logo", "")),
        )
        for kept in snapshot
    )


def providers_shown(*, snapshot: list[dict], language: str) -> list[dict]:
    """A certificate's kept providers as the verification page shows them: name and logo URL."""
    return [
        {
            "name": kept.get(language) or kept.get("en", ""),
            "logo": logo_url(kept["logo"]) if kept.get("logo") else None,
        }
        for kept in snapshot
    ]


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
