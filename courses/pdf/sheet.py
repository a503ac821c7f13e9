"""A session's printable sign-in sheet: a pure renderer, facts in, PDF bytes out."""

import datetime
import io
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from django.utils import translation
from django.utils.translation import gettext as _

from core.pdf import draw_shaped, register_fonts, shape_line
from courses.pdf.drawing import draw_at


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
        draw_at(
            canvas,
            _("Sign-in sheet"),
            x=start_x,
            y=top - 14,
            size=self.head_size,
            bold=True,
            rtl=rtl,
            align=align,
        )
        draw_at(
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
        draw_at(canvas, details, x=start_x, y=top - 52, size=self.body_size, rtl=rtl, align=align)
        if facts.trainers:
            trainers = _("Trainers: %(names)s") % {"names": facts.trainers}
            draw_at(
                canvas, trainers, x=start_x, y=top - 66, size=self.body_size, rtl=rtl, align=align
            )
        pager = _("Page %(page)d of %(pages)d") % {"page": page, "pages": pages}
        draw_at(
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
            draw_at(
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
        draw_at(canvas, footer, x=start_x, y=self.margin - 12, size=7.5, rtl=rtl, align=align)

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
            draw_at(canvas, str(number), x=x + 4, y=baseline, size=self.body_size)
        elif key in ("present", "late", "absent", "excused"):
            box = self.box
            canvas.rect(x + (column_width - box) / 2, y + (self.row_height - box) / 2, box, box)
        elif person is None:
            return
        elif key == "licence":
            draw_at(canvas, person.licence_number, x=x + 4, y=baseline, size=self.body_size)
        elif key == "latin" and person.name_latin:
            line = shape_line(person.name_latin, rtl=False, variable=True)
            size = _fitted(line, self.body_size, column_width - 8)
            draw_shaped(canvas, line, x=x + 4, y=baseline, size=size)
        elif key == "arabic" and person.name_arabic:
            line = shape_line(person.name_arabic, rtl=True, language="ar", variable=True)
            # A long name gets smaller rather than run into the Latin name's column.
            size = _fitted(line, self.body_size + 1, column_width - 8)
            bottom, top = line.ink_at(size)
            # A kasra under a descender (چٍ) or a shadda with its vowel stays between the row's
            # rules: the name moves up or down within the row, and gets smaller only if it must.
            room = self.row_height - 2
            if top - bottom > room:
                size *= room / (top - bottom)
                bottom, top = line.ink_at(size)
            baseline = min(max(baseline, y + 1 - bottom), y + self.row_height - 1 - top)
            draw_shaped(canvas, line, x=x + column_width - 4, y=baseline, size=size, align="right")


def _fitted(line, size: float, width: float) -> float:
    """The font size at which a shaped line fits `width` points: `size`, or smaller if it must."""
    drawn = line.width_at(size)
    return size if drawn <= width else size * width / drawn
