"""Printable PDFs of the tracking side: a session's sign-in sheet and a health worker's transcript.

Both are pure renderers (facts in, PDF bytes out) drawn with the shared shaping of `core.pdf`, so
Arabic and Kurdish names are joined, right-to-left and extract as typed.
"""

import datetime
import io
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from django.utils import translation
from django.utils.translation import gettext as _

from core.pdf import LineStack, draw_shaped, register_fonts, shape_line, text_width


def _wrap(text: str, *, width: float, size: float, bold: bool = False) -> list[str]:
    """Break a title into lines no wider than `width` at `size` (words are never split)."""
    lines: list[str] = []
    for word in (text or "").split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(candidate, size=size, bold=bold) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def _draw(canvas, text, *, x, y, size, bold=False, rtl=None, align="left", variable=False):
    if not text:
        return
    rtl = bool(rtl)
    line = shape_line(
        str(text), bold=bold, rtl=rtl, language="ar" if rtl else None, variable=variable
    )
    draw_shaped(canvas, line, x=x, y=y, size=size, align=align)


@dataclass(frozen=True)
class SheetPerson:
    licence_number: str
    name_latin: str
    name_arabic: str


@dataclass(frozen=True)
class SheetFacts:
    """What a sign-in sheet says: the workshop, the day and who is expected."""

    course_title: str
    venue: str
    date: datetime.date
    day_number: int
    days: int
    trainers: str
    people: tuple[SheetPerson, ...]


class SignInSheetRenderer:
    """A pre-filled sign-in sheet for one session: names in both scripts, tick boxes, signatures."""

    page_size = landscape(A4)
    margin = 32
    row_height = 22
    head_size = 14
    body_size = 9.5
    box = 10
    # (label, width in points); the widths fill the page between the margins.
    columns = (
        ("#", 24),
        ("licence", 92),
        ("latin", 170),
        ("arabic", 170),
        ("present", 52),
        ("late", 52),
        ("absent", 52),
        ("excused", 52),
        ("signature", 114),
    )

    def __init__(self):
        register_fonts()

    def _labels(self) -> dict[str, str]:
        return {
            "#": "#",
            "licence": _("Licence number"),
            "latin": _("Name (Latin)"),
            "arabic": _("Name (Arabic)"),
            "present": _("Present"),
            "late": _("Late"),
            "absent": _("Absent"),
            "excused": _("Excused"),
            "signature": _("Signature"),
        }

    def rows_per_page(self) -> int:
        _width, height = self.page_size
        return int((height - 2 * self.margin - 110) // self.row_height)

    def render(self, facts: SheetFacts) -> bytes:
        """The sheet as a PDF; long rosters run over several pages with the heading repeated."""
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=self.page_size, pageCompression=1, invariant=0)
        canvas.setTitle(_("Sign-in sheet"))
        canvas.setCreator("CME Tracker")
        per_page = self.rows_per_page()
        people = list(facts.people) or []
        pages = max(1, -(-len(people) // per_page))
        blank_rows = 3  # for walk-ins written in by hand
        for page in range(pages):
            chunk = people[page * per_page : (page + 1) * per_page]
            last = page == pages - 1
            extra = min(blank_rows, per_page - len(chunk)) if last else 0
            self._page(canvas, facts, chunk, page * per_page, extra, page + 1, pages)
            canvas.showPage()
        canvas.save()
        return buffer.getvalue()

    def _page(self, canvas, facts, people, first_number, blank, page, pages) -> None:
        width, height = self.page_size
        left, top = self.margin, height - self.margin
        rtl = translation.get_language_bidi()
        start_x, align = (width - left, "right") if rtl else (left, "left")
        _draw(
            canvas,
            _("Sign-in sheet"),
            x=start_x,
            y=top - 14,
            size=self.head_size,
            bold=True,
            rtl=rtl,
            align=align,
        )
        _draw(
            canvas,
            facts.course_title,
            x=start_x,
            y=top - 34,
            size=12,
            bold=True,
            rtl=rtl,
            align=align,
        )
        day = _("Day %(n)d of %(days)d") % {"n": facts.day_number, "days": facts.days}
        details = f"{facts.venue} · {facts.date:%Y-%m-%d} · {day}"
        _draw(canvas, details, x=start_x, y=top - 52, size=self.body_size, rtl=rtl, align=align)
        if facts.trainers:
            trainers = _("Trainers: %(names)s") % {"names": facts.trainers}
            _draw(
                canvas, trainers, x=start_x, y=top - 66, size=self.body_size, rtl=rtl, align=align
            )
        pager = _("Page %(page)d of %(pages)d") % {"page": page, "pages": pages}
        _draw(
            canvas,
            pager,
            x=left if rtl else width - left,
            y=top - 14,
            size=self.body_size,
            rtl=rtl,
            align="left" if rtl else "right",
        )
        labels = self._labels()
        y = top - 96
        canvas.setLineWidth(0.6)
        self._row_lines(canvas, y)
        x = left
        for key, column_width in self.columns:
            _draw(
                canvas,
                labels[key],
                x=x + 4,
                y=y + 7,
                size=8.5,
                bold=True,
                rtl=rtl and key == "arabic",
            )
            x += column_width
        for offset, person in enumerate([*people, *([None] * blank)]):
            y -= self.row_height
            self._row_lines(canvas, y)
            x = left
            for key, column_width in self.columns:
                self._cell(canvas, key, person, first_number + offset + 1, x, y, column_width)
                x += column_width
        footer = _("Tick one box per person. Import the filled sheet as XLSX or CSV on the site.")
        _draw(canvas, footer, x=start_x, y=self.margin - 12, size=7.5, rtl=rtl, align=align)

    def _row_lines(self, canvas, y) -> None:
        left = self.margin
        total = sum(column_width for _key, column_width in self.columns)
        canvas.rect(left, y, total, self.row_height)
        x = left
        for _key, column_width in self.columns[:-1]:
            x += column_width
            canvas.line(x, y, x, y + self.row_height)

    def _cell(self, canvas, key, person, number, x, y, column_width) -> None:
        baseline = y + 7
        if key == "#":
            _draw(canvas, str(number), x=x + 4, y=baseline, size=self.body_size)
        elif key in ("present", "late", "absent", "excused"):
            box = self.box
            canvas.rect(x + (column_width - box) / 2, y + (self.row_height - box) / 2, box, box)
        elif person is None:
            return
        elif key == "licence":
            _draw(canvas, person.licence_number, x=x + 4, y=baseline, size=self.body_size)
        elif key == "latin":
            _draw(
                canvas, person.name_latin, x=x + 4, y=baseline, size=self.body_size, variable=True
            )
        elif key == "arabic" and person.name_arabic:
            line = shape_line(person.name_arabic, rtl=True, language="ar", variable=True)
            size = self.body_size + 1
            bottom, top = line.ink_at(size)
            # A kasra under a descender (چٍ) or a shadda with its vowel stays between the row's
            # rules: the name moves up or down within the row, and gets smaller only if it must.
            room = self.row_height - 2
            if top - bottom > room:
                size *= room / (top - bottom)
                bottom, top = line.ink_at(size)
            baseline = min(max(baseline, y + 1 - bottom), y + self.row_height - 1 - top)
            draw_shaped(canvas, line, x=x + column_width - 4, y=baseline, size=size, align="right")


@dataclass(frozen=True)
class TranscriptLine:
    course_en: str
    course_ar: str
    completed_on: datetime.date
    attendance_percent: str
    completed: bool
    cme_hours: str


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
        _draw(canvas, f"{cycle_en}: {en['earned'] % amounts}", x=left, y=y, size=10.5, bold=True)
        y -= 17
        _draw(
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
            _draw(canvas, en["none"], x=left, y=y - 14, size=self.body_size)
            y -= self.row_height
        for line in facts.lines:
            if y < self.margin + 2 * self.row_height:
                canvas.showPage()
                y = self._table_head(canvas, columns, height - self.margin - 16)
            outcome = "completed" if line.completed else "not_completed"
            course_width = 300 - left - 14
            titles_en = _wrap(line.course_en, width=course_width, size=self.body_size, bold=True)
            titles_ar = _wrap(line.course_ar, width=course_width, size=self.body_size)
            row_y = y - 12
            for title in titles_en:
                _draw(canvas, title, x=left, y=row_y, size=self.body_size, bold=True)
                row_y -= 12
            for title in titles_ar:
                _draw(
                    canvas,
                    title,
                    x=left + course_width,
                    y=row_y,
                    size=self.body_size,
                    rtl=True,
                    align="right",
                )
                row_y -= 12
            _draw(canvas, f"{line.completed_on:%Y-%m-%d}", x=300, y=y - 12, size=self.body_size)
            _draw(canvas, f"{line.attendance_percent} %", x=370, y=y - 12, size=self.body_size)
            _draw(canvas, en[outcome], x=440, y=y - 12, size=self.body_size)
            _draw(
                canvas, ar[outcome], x=500, y=y - 25, size=self.body_size, rtl=True, align="right"
            )
            _draw(canvas, line.cme_hours, x=510, y=y - 12, size=self.body_size)
            y = min(y - self.row_height, row_y + 4)
            canvas.line(left, y, right, y)
        if facts.claims:
            y -= 24
            _draw(canvas, en["claims"], x=left, y=y, size=11, bold=True)
            _draw(canvas, ar["claims"], x=right, y=y, size=11, bold=True, rtl=True, align="right")
            for claim in facts.claims:
                y -= 16
                if y < self.margin + 20:
                    canvas.showPage()
                    y = height - self.margin - 16
                text = f"{claim.title} · {claim.provider} · {claim.date:%Y-%m-%d} · {claim.hours} h"
                _draw(canvas, text, x=left, y=y, size=self.body_size, rtl=False)
        issued_en = en["issued"] % {"date": f"{facts.issued_on:%Y-%m-%d}"}
        # In an Arabic line digits are Arabic numbers (UAX #9, W2), which a hyphen does not join:
        # "2026-12-04" would show as 04-12-2026. Slashes keep the date one run.
        issued_ar = ar["issued"] % {"date": f"{facts.issued_on:%d/%m/%Y}"}
        _draw(canvas, issued_en, x=left, y=self.margin - 10, size=8)
        _draw(canvas, issued_ar, x=right, y=self.margin - 10, size=8.5, rtl=True, align="right")
        canvas.showPage()
        canvas.save()
        return buffer.getvalue()

    def _holder_row(self, canvas, line_en, line_ar, *, y) -> None:
        """One row of the holder's facts, English on the left and Arabic on the right."""
        draw_shaped(canvas, line_en, x=self.margin, y=y, size=10.5)
        right = self.page_size[0] - self.margin
        draw_shaped(canvas, line_ar, x=right, y=y, size=11, align="right")

    def _table_head(self, canvas, columns, y) -> float:
        for label, x in columns:
            _draw(canvas, label, x=x, y=y, size=9, bold=True)
        y -= 6
        canvas.line(self.margin, y, self.page_size[0] - self.margin, y)
        return y
