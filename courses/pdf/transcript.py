"""A health worker's transcript for licence renewal: a pure renderer, facts in, PDF bytes out."""

import datetime
import io
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from django.utils import translation
from django.utils.translation import gettext as _

from core.pdf import LineStack, draw_shaped, register_fonts, shape_line
from courses.pdf.drawing import draw_at, wrap_title
from workforce.logos import logo_reader


@dataclass(frozen=True)
class TranscriptLine:
    course_en: str
    course_ar: str
    completed_on: datetime.date
    attendance_percent: str
    completed: bool
    cme_hours: str
    valid_until: datetime.date | None = None
    expiry: str = ""  # courses.validity.expiry_state on the day the transcript is issued
    providers_en: str = ""  # the workshop's lead provider and partners, in English
    providers_ar: str = ""  # and in Arabic
    logos: tuple[bytes, ...] = ()  # their logos, small PNGs


@dataclass(frozen=True)
class TranscriptClaim:
    title: str
    provider: str
    date: datetime.date
    hours: str


@dataclass(frozen=True)
class TranscriptFacts:
    """A health worker's record of CME for licence renewal."""

    name_latin: str
    name_arabic: str
    licence_number: str
    cadre_en: str
    cadre_ar: str
    cycle: str
    earned: str
    required: str
    lines: tuple[TranscriptLine, ...]
    claims: tuple[TranscriptClaim, ...]
    issued_on: datetime.date


class TranscriptRenderer:
    """The transcript in English with Arabic beside it, Arabic set right-to-left on the right."""

    page_size = A4
    margin = 40
    row_height = 30
    body_size = 9.5

    def __init__(self):
        register_fonts()

    def _validity(self, canvas, line, en, ar, *, left, width, y) -> float:
        """The line's last valid day under its course, in English then Arabic; returns the y."""
        for labels, rtl in ((en, False), (ar, True)):
            # A slash keeps the date's digits in order inside right-to-left text (see certificates).
            day = f"{line.valid_until:%Y/%m/%d}" if rtl else f"{line.valid_until:%Y-%m-%d}"
            text = labels["until"] % {"day": day}
            if line.expiry:
                text = f"{labels[line.expiry]} · {text}"
            x, align = (left + width, "right") if rtl else (left, "left")
            draw_at(canvas, text, x=x, y=y, size=self.body_size - 1.5, rtl=rtl, align=align)
            y -= 11
        return y

    @staticmethod
    def _labels(language: str) -> dict[str, str]:
        with translation.override(language):
            return {
                "title": _("CME transcript"),
                "holder": _("Health worker"),
                "licence": _("Licence number"),
                "cadre": _("Cadre"),
                "cycle": _("CME credits, cycle %(cycle)s"),
                "earned": _("%(earned)s of %(required)s hours required"),
                "course": _("Course"),
                "date": _("Date"),
                "attendance": _("Attendance"),
                "outcome": _("Outcome"),
                "hours": _("CME hours"),
                "completed": _("Completed"),
                "not_completed": _("Not completed"),
                "claims": _("Approved outside activities"),
                "issued": _("Issued on %(date)s"),
                "none": _("No workshops evaluated yet."),
                "until": _("Valid until %(day)s"),
                "expired": _("Expired"),
                "expiring": _("Expires soon"),
            }

    def render(self, facts: TranscriptFacts) -> bytes:
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=self.page_size, pageCompression=1, invariant=0)
        canvas.setTitle(self._labels("en")["title"])
        canvas.setCreator("CME Tracker")
        en, ar = self._labels("en"), self._labels("ar")
        width, height = self.page_size
        left, right = self.margin, width - self.margin
        y = height - self.margin - 16
        title_en = shape_line(en["title"], bold=True, rtl=False)
        title_ar = shape_line(ar["title"], bold=True, rtl=True, language="ar")
        draw_shaped(canvas, title_en, x=left, y=y, size=16)
        draw_shaped(canvas, title_ar, x=right, y=y, size=16, align="right")
        stack = LineStack(top=height)
        stack.place(y, (title_en, 16), (title_ar, 16))
        y -= 30
        for label_en, label_ar, value_en, value_ar in (
            (en["holder"], ar["holder"], facts.name_latin, facts.name_arabic),
            (en["licence"], ar["licence"], facts.licence_number, facts.licence_number),
            (en["cadre"], ar["cadre"], facts.cadre_en, facts.cadre_ar),
        ):
            line_en = shape_line(f"{label_en}: {value_en}", rtl=False, variable=True)
            line_ar = shape_line(f"{label_ar}: {value_ar}", rtl=True, language="ar", variable=True)
            # A kasra under a descender, or a shadda with its vowel, must not reach the next row.
            y = stack.place(y, (line_en, 10.5), (line_ar, 11))
            self._holder_row(canvas, line_en, line_ar, y=y)
            y -= 17
        y -= 6
        cycle_en = en["cycle"] % {"cycle": facts.cycle}
        cycle_ar = ar["cycle"] % {"cycle": facts.cycle}
        amounts = {"earned": facts.earned, "required": facts.required}
        draw_at(canvas, f"{cycle_en}: {en['earned'] % amounts}", x=left, y=y, size=10.5, bold=True)
        y -= 17
        draw_at(
            canvas,
            f"{cycle_ar}: {ar['earned'] % amounts}",
            x=right,
            y=y,
            size=11,
            bold=True,
            rtl=True,
            align="right",
        )
        y -= 28
        columns = [
            (en["course"], left),
            (en["date"], 300),
            (en["attendance"], 370),
            (en["outcome"], 440),
            (en["hours"], 510),
        ]
        canvas.setLineWidth(0.6)
        y = self._table_head(canvas, columns, y)
        if not facts.lines:
            draw_at(canvas, en["none"], x=left, y=y - 14, size=self.body_size)
            y -= self.row_height
        for line in facts.lines:
            if y < self.margin + 2 * self.row_height:
                canvas.showPage()
                y = self._table_head(canvas, columns, height - self.margin - 16)
            outcome = "completed" if line.completed else "not_completed"
            course_width = 300 - left - 14
            titles_en = wrap_title(
                line.course_en, width=course_width, size=self.body_size, bold=True
            )
            titles_ar = wrap_title(line.course_ar, width=course_width, size=self.body_size)
            row_y = y - 12
            for title in titles_en:
                draw_at(canvas, title, x=left, y=row_y, size=self.body_size, bold=True)
                row_y -= 12
            for title in titles_ar:
                draw_at(
                    canvas,
                    title,
                    x=left + course_width,
                    y=row_y,
                    size=self.body_size,
                    rtl=True,
                    align="right",
                )
                row_y -= 12
            if line.valid_until:
                row_y = self._validity(canvas, line, en, ar, left=left, width=course_width, y=row_y)
            row_y = self._providers(canvas, line, x=left, width=course_width, y=row_y)
            draw_at(canvas, f"{line.completed_on:%Y-%m-%d}", x=300, y=y - 12, size=self.body_size)
            draw_at(canvas, f"{line.attendance_percent} %", x=370, y=y - 12, size=self.body_size)
            draw_at(canvas, en[outcome], x=440, y=y - 12, size=self.body_size)
            draw_at(
                canvas, ar[outcome], x=500, y=y - 25, size=self.body_size, rtl=True, align="right"
            )
            draw_at(canvas, line.cme_hours, x=510, y=y - 12, size=self.body_size)
            y = min(y - self.row_height, row_y + 4)
            canvas.line(left, y, right, y)
        if facts.claims:
            y -= 24
            draw_at(canvas, en["claims"], x=left, y=y, size=11, bold=True)
            draw_at(canvas, ar["claims"], x=right, y=y, size=11, bold=True, rtl=True, align="right")
            for claim in facts.claims:
                y -= 16
                if y < self.margin + 20:
                    canvas.showPage()
                    y = height - self.margin - 16
                text = f"{claim.title} · {claim.provider} · {claim.date:%Y-%m-%d} · {claim.hours} h"
                draw_at(canvas, text, x=left, y=y, size=self.body_size, rtl=False)
        issued_en = en["issued"] % {"date": f"{facts.issued_on:%Y-%m-%d}"}
        # In an Arabic line digits are Arabic numbers (UAX #9, W2), which a hyphen does not join:
        # "2026-12-04" would show as 04-12-2026. Slashes keep the date one run.
        issued_ar = ar["issued"] % {"date": f"{facts.issued_on:%d/%m/%Y}"}
        draw_at(canvas, issued_en, x=left, y=self.margin - 10, size=8)
        draw_at(canvas, issued_ar, x=right, y=self.margin - 10, size=8.5, rtl=True, align="right")
        canvas.showPage()
        canvas.save()
        return buffer.getvalue()

    def _providers(self, canvas, line: TranscriptLine, *, x, width, y) -> float:
        """Who ran the workshop under its title: the logos and English names, then the Arabic."""
        if not line.providers_en:
            return y
        logo, size = 11, self.body_size - 1.5
        after = x
        for png in line.logos:
            canvas.drawImage(
                logo_reader(png), after, y - 2, logo, logo, preserveAspectRatio=True, mask="auto"
            )
            after += logo + 3
        canvas.setFillColorRGB(0.3, 0.3, 0.3)
        for title in wrap_title(line.providers_en, width=width - (after - x), size=size):
            draw_at(canvas, title, x=after, y=y, size=size)
            y -= 11
        for title in wrap_title(line.providers_ar, width=width, size=size):
            draw_at(canvas, title, x=x + width, y=y, size=size, rtl=True, align="right")
            y -= 11
        canvas.setFillColorRGB(0, 0, 0)
        return y

    def _holder_row(self, canvas, line_en, line_ar, *, y) -> None:
        """One row of the holder's facts, English on the left and Arabic on the right."""
        draw_shaped(canvas, line_en, x=self.margin, y=y, size=10.5)
        right = self.page_size[0] - self.margin
        draw_shaped(canvas, line_ar, x=right, y=y, size=11, align="right")

    def _table_head(self, canvas, columns, y) -> float:
        for label, x in columns:
            draw_at(canvas, label, x=x, y=y, size=9, bold=True)
        y -= 6
        canvas.line(self.margin, y, self.page_size[0] - self.margin, y)
        return y
