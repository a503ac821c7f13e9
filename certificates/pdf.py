"""The certificate PDF: a pure renderer from a template's look and a certificate's facts.

Over 300 lines because one page's layout is one renderer: border, titles, the holder's names in
two scripts, the course lines, signatories and the QR code are placed against each other's measured
heights, and splitting them would scatter that geometry over modules.
"""

import datetime
import io
from dataclasses import dataclass, field
from functools import lru_cache

from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from django.utils import translation
from django.utils.translation import gettext as _

from certificates.provider_marks import ProviderMark, draw_provider_row
from certificates.qr import qr_runs
from core.pdf import draw_shaped, join_shaped, register_fonts, shape_line
from core.pdf.flate import pages_fast_flate
from core.pdf.layout import LineStack

# Streams are Flate only: ASCII85 on top makes them a quarter bigger and costs time per PDF.
rl_config.useA85 = 0

SECOND_LANGUAGE = {"en_ar": "ar", "en_ckb": "ckb", "en": None, "ar": None, "ckb": None}


@dataclass(frozen=True)
class SignatoryLook:
    name: str
    title: str = ""
    signature_path: str | None = None


@dataclass(frozen=True)
class CertificateLook:
    """What a template decides: layout, titles and issuer per language, colour and images."""

    layout: str = "en_ar"
    titles: dict = field(default_factory=dict)
    issuers: dict = field(default_factory=dict)
    accent_colour: str = "#0b6e4f"
    logo_start_path: str | None = None
    logo_end_path: str | None = None
    background_path: str | None = None
    signatories: tuple[SignatoryLook, ...] = ()

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages printed, the first one on top."""
        if self.layout in ("ar", "ckb"):
            return (self.layout,)
        second = SECOND_LANGUAGE[self.layout]
        return ("en", second) if second else ("en",)


@dataclass(frozen=True)
class CertificateFacts:
    """What one certificate says."""

    serial: str
    holder_latin: str
    holder_arabic: str
    course_titles: dict
    cme_hours: str
    completed_on: datetime.date
    verification_url: str  # the page, printed under the QR code
    verification_code: str
    qr_payload: str = ""  # what the QR code says (identity.qr_payload); else verification_url
    valid_until: datetime.date | None = None  # None: the certificate never expires
    providers: tuple[ProviderMark, ...] = ()  # the workshop's lead provider, then its partners


@lru_cache(maxsize=32)
def _image(path: str) -> ImageReader:
    return ImageReader(path)


@lru_cache(maxsize=16)
def _labels(language: str) -> dict[str, str]:
    with translation.override(language):
        return {
            "certifies": _("This is to certify that"),
            "completed": _("has successfully completed the course"),
            "hours": _("CME credit hours"),
            "on": _("completed on"),
            "until": _("valid until"),
            "serial": _("Serial"),
            "verify": _("Verify at"),
        }


class CertificateRenderer:
    """Draws certificates on A4 landscape pages with ReportLab and returns PDF bytes."""

    page_size = landscape(A4)
    margin = 28
    frame_inset = 14
    qr_size = 92
    title_size = 30
    name_size = 28
    course_size = 19
    body_size = 12
    small_size = 8.5
    line_gap = 2  # points kept clear between the ink of one line and the next
    side_clearance = 20  # points kept clear between a centred line and the margins
    signatory_gap = 8  # points kept clear between a signatory's lines and the next slot

    def __init__(self, look: CertificateLook):
        register_fonts()
        self.look = look
        self.accent = HexColor(look.accent_colour)
        self.languages = look.languages

    def render(self, facts: CertificateFacts) -> bytes:
        """One certificate as a one-page PDF."""
        return self.render_many([facts])

    def render_many(self, many) -> bytes:
        """Several certificates as one PDF, a page each."""
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=self.page_size, pageCompression=1, invariant=0)
        # The holder's document, in its own first language whoever issued it or runs the worker.
        with translation.override(self.languages[0]):
            canvas.setTitle(_("Certificate"))
        canvas.setCreator("CME Tracker")
        for facts in many:
            self._draw_page(canvas, facts)
            canvas.showPage()
        pages_fast_flate(canvas)
        canvas.save()
        return buffer.getvalue()

    def _line(
        self,
        canvas,
        text,
        *,
        y,
        size,
        bold=False,
        language="en",
        x=None,
        align="center",
        variable=False,
        stacked=True,
        room=None,
    ):
        """Draw a line; a `stacked` line goes lower when its ink would reach the line above.

        A line wider than its `room` (points; a centred line's is the frame) is set smaller to fit.
        A line of no `language` takes its direction from its first letter (UAX #9).
        Returns the baseline drawn at (the `y` asked when the line is empty).
        """
        if not text:
            return y
        rtl = language in ("ar", "ckb") if language else None  # None: from its first letter
        line = shape_line(
            text, bold=bold, rtl=rtl, language=language if rtl else None, variable=variable
        )
        width, _height = self.page_size
        if room is None and x is None:
            # A centred line wider than the frame (a long name or course title) is set smaller
            # to fit, so none of it runs off the page.
            room = width - 2 * (self.margin + self.side_clearance)
        if room is not None and (wide := line.width_at(size)) > room:
            size *= room / wide
        if stacked:
            # Stacked vowel marks, or a kasra under a descender, must not touch the line above
            # or below: the line and those after it move down as far as they need.
            y = self._stack.place(y, (line, size))
        draw_shaped(canvas, line, x=width / 2 if x is None else x, y=y, size=size, align=align)
        return y

    def _draw_page(self, canvas: Canvas, facts: CertificateFacts) -> None:
        width, height = self.page_size
        look = self.look
        if look.background_path:
            canvas.drawImage(_image(look.background_path), 0, 0, width, height)
        inset = self.frame_inset
        canvas.setStrokeColor(self.accent)
        canvas.setLineWidth(3)
        canvas.rect(inset, inset, width - 2 * inset, height - 2 * inset)
        canvas.setLineWidth(0.8)
        canvas.rect(inset + 6, inset + 6, width - 2 * inset - 12, height - 2 * inset - 12)
        logo = 64
        top = height - self.margin - 8
        for path, x in (
            (look.logo_start_path, self.margin + 8),
            (look.logo_end_path, width - self.margin - 8 - logo),
        ):
            if path:
                canvas.drawImage(
                    _image(path), x, top - logo, logo, logo, preserveAspectRatio=True, mask="auto"
                )
        bilingual = len(self.languages) == 2
        # One language fills the page's middle with wider spacing instead of leaving it empty.
        step = 1.0 if bilingual else 1.8
        canvas.setFillColorRGB(0.3, 0.3, 0.3)
        issuer = " · ".join(
            dict.fromkeys(look.issuers[code] for code in self.languages if look.issuers.get(code))
        )
        self._stack = LineStack(top=height, gap=self.line_gap)
        self._line(canvas, issuer, y=top - 14, size=self.body_size, language=self.languages[0])
        y = top - 44
        canvas.setFillColor(self.accent)
        for language in self.languages:
            y = self._line(
                canvas,
                look.titles.get(language, ""),
                y=y,
                size=self.title_size,
                bold=True,
                language=language,
            )
            y -= 36 * step
        canvas.setFillColorRGB(0.2, 0.2, 0.2)
        y -= 4 * step
        for language in self.languages:
            y = self._line(
                canvas, _labels(language)["certifies"], y=y, size=self.body_size, language=language
            )
            y -= 18 * step
        canvas.setFillColorRGB(0, 0, 0)
        y -= 14 * step
        names = {"en": facts.holder_latin, "ar": facts.holder_arabic, "ckb": facts.holder_arabic}
        shown = []
        for language in self.languages:
            name = names[language] or facts.holder_latin or facts.holder_arabic
            if name not in shown:
                y = self._line(
                    canvas,
                    name,
                    y=y,
                    size=self.name_size,
                    bold=True,
                    language=language,
                    variable=True,
                )
                shown.append(name)
                y -= 34 * step
        canvas.setFillColorRGB(0.2, 0.2, 0.2)
        y -= 2 * step
        for language in self.languages:
            y = self._line(
                canvas, _labels(language)["completed"], y=y, size=self.body_size, language=language
            )
            y -= 18 * step
        canvas.setFillColor(self.accent)
        y -= 10 * step
        for language in self.languages:
            title = facts.course_titles.get(language) or facts.course_titles.get("en", "")
            y = self._line(canvas, title, y=y, size=self.course_size, bold=True, language=language)
            y -= 26 * step
        canvas.setFillColorRGB(0.2, 0.2, 0.2)
        for language in self.languages:
            labels = _labels(language)
            text = f"{facts.cme_hours} {labels['hours']} · {labels['on']} "
            text += _date_shown(facts.completed_on, language)
            if facts.valid_until:
                text += f" · {labels['until']} {_date_shown(facts.valid_until, language)}"
            y = self._line(canvas, text, y=y, size=self.body_size, language=language)
            y -= 18 * step
        self._draw_providers(canvas, facts, y=y)
        self._draw_signatories(canvas, bilingual=bilingual)
        self._draw_verification(canvas, facts)

    def _draw_providers(self, canvas: Canvas, facts: CertificateFacts, *, y: float) -> None:
        # Between the last line of text and the signatories, across the middle of the page.
        width, _height = self.page_size
        row = max(self.margin + 100, min(y - 8, self.margin + 130))
        inner = self.margin + 100
        canvas.setFillColorRGB(0.25, 0.25, 0.25)
        draw_provider_row(
            canvas,
            facts.providers,
            languages=self.languages,
            left=inner,
            right=width - inner,
            y=row,
        )

    def _draw_signatories(self, canvas: Canvas, *, bilingual: bool) -> None:
        signatories = self.look.signatories
        if not signatories:
            return
        width, _height = self.page_size
        region = width * 0.5 - self.margin  # clear of the verification lines
        slot = region / len(signatories)
        base = self.margin + 40
        canvas.setStrokeColorRGB(0.3, 0.3, 0.3)
        canvas.setLineWidth(0.6)
        # A long name or title is set smaller to stay in its own slot, clear of the next one.
        room = slot - 2 * self.signatory_gap
        for index, signatory in enumerate(signatories):
            centre = self.margin + slot * (index + 0.5)
            if signatory.signature_path:
                canvas.drawImage(
                    _image(signatory.signature_path),
                    centre - 60,
                    base + 2,
                    120,
                    40,
                    preserveAspectRatio=True,
                    mask="auto",
                )
            rule = min(80, slot / 2 - self.signatory_gap)
            canvas.line(centre - rule, base, centre + rule, base)
            canvas.setFillColorRGB(0, 0, 0)
            self._line(
                canvas,
                signatory.name,
                x=centre,
                y=base - 14,
                size=self.body_size - 1,
                bold=True,
                language=None,  # a name in either script, set in its own direction
                stacked=False,
                room=room,
            )
            canvas.setFillColorRGB(0.3, 0.3, 0.3)
            # A title too long for the slot takes a second line before it is set smaller.
            for row, part in enumerate(
                _two_lines(signatory.title, size=self.small_size, room=room)
            ):
                self._line(
                    canvas,
                    part,
                    x=centre,
                    y=base - 27 - row * (self.small_size + 2),
                    size=self.small_size,
                    language=None,
                    stacked=False,
                    room=room,
                )

    def _draw_verification(self, canvas: Canvas, facts: CertificateFacts) -> None:
        width, _height = self.page_size
        size, runs = qr_runs(facts.qr_payload or facts.verification_url)
        quiet = 2
        module = self.qr_size / (size + 2 * quiet)
        left = width - self.margin - 8 - self.qr_size
        bottom = self.margin + 8
        canvas.setFillColorRGB(1, 1, 1)
        canvas.rect(left, bottom, self.qr_size, self.qr_size, stroke=0, fill=1)
        top = bottom + self.qr_size - quiet * module
        origin = left + quiet * module
        # One filled path in module units: the matrix maps module (column, row) to the page.
        path = [f"q 0 0 0 rg {module:.4f} 0 0 {-module:.4f} {origin:.2f} {top:.2f} cm"]
        path += [f"{column} {row} {length} 1 re" for row, column, length in runs]
        path.append("f Q")
        canvas._code.append("\n".join(path))
        canvas.setFillColorRGB(0.25, 0.25, 0.25)
        language = self.languages[0]
        labels = _labels(language)
        x = left - 10
        # Labels and the site's address are shaped once per process; only the values are new.
        code = shape_line(facts.verification_code)
        address = _site_verify(facts.verification_url)
        prefix = address.removesuffix(f"{facts.verification_code}/")
        lines = (
            (
                join_shaped(
                    shape_line(f"{labels['serial']}: ", bold=True, rtl=False),
                    shape_line(facts.serial, bold=True, rtl=False),
                ),
                30,
                self.small_size + 1,
            ),
            (
                join_shaped(
                    shape_line(f"{labels['verify']}: {prefix}", rtl=False),
                    *((code, shape_line("/")) if prefix != address else (shape_line(address),)),
                ),
                17,
                self.small_size,
            ),
            (code, 5, self.small_size),
        )
        for line, rise, size in lines:
            draw_shaped(canvas, line, x=x, y=bottom + rise, size=size, align="right")


def _two_lines(text: str, *, size: float, room: float) -> list[str]:
    """`text` whole when it fits `room` at `size`, else split at the space that leaves the wider
    of its two lines narrowest."""
    if not text or shape_line(text).width_at(size) <= room:
        return [text]
    words = text.split(" ")
    splits = [(" ".join(words[:cut]), " ".join(words[cut:])) for cut in range(1, len(words))]
    if not splits:
        return [text]
    return list(min(splits, key=lambda pair: max(shape_line(part).width_at(size) for part in pair)))


def _date_shown(day: datetime.date, language: str) -> str:
    # In right-to-left text the bidi algorithm turns digits after Arabic letters into Arabic
    # numbers, which a hyphen splits into groups shown in reverse (05-03-2026); a slash joins
    # them, so the date reads 2026/03/05 in both directions.
    return day.isoformat().replace("-", "/") if language in ("ar", "ckb") else day.isoformat()


def _site_verify(url: str) -> str:
    """The verification URL as printed: without the signed query, which only the QR needs."""
    return url.split("?", 1)[0]
