"""The monthly coverage report: a PDF of the auditor's scope (map and tables), sent by email.

The report covers the twelve months up to the end of the previous month, at the top level of the
auditor's scope (governorates; a narrower scope sees only its own part of them), for the ten courses
with the most workers trained there. Arabic and Kurdish text goes through `core.pdf`.
"""

import datetime
import io

from reportlab.lib.pagesizes import A4

from django.utils import translation
from django.utils.translation import gettext as _

from core.isolates import left_to_right
from core.pdf import draw_text, register_fonts
from coverage import charts
from coverage.report_facts import ReportFacts, coverage_report_facts, report_period

__all__ = ["CoverageReportPDF", "coverage_report_pdf", "report_period"]


class CoverageReportPDF:
    """Renders one auditor's coverage report from its facts; A4 portrait, returns bytes."""

    page_size = A4
    margin = 40
    row_height = 16

    def __init__(self, *, language: str):
        self.language = language
        self.rtl = translation.get_language_info(language)["bidi"]

    def render(self, facts: ReportFacts) -> bytes:
        from reportlab.pdfgen.canvas import Canvas

        register_fonts()
        buffer = io.BytesIO()
        self.canvas = Canvas(buffer, pagesize=self.page_size)
        with translation.override(self.language):
            self.canvas.setTitle(_("Training coverage report"))
            self.y = self.page_size[1] - self.margin
            self.text(_("Training coverage report"), size=16, bold=True)
            self.text(
                _("Period: %(start)s to %(end)s.")
                % {
                    "start": left_to_right(f"{facts.start:%Y-%m}"),
                    "end": left_to_right(f"{facts.end:%Y-%m}"),
                },
                size=10,
            )
            self.text(_("Scope: %(scope)s") % {"scope": facts.scope}, size=10)
            if facts.courses:
                self.map(facts, facts.courses[0])
            for course in facts.courses:
                self.course_table(facts.table, course)
            self.trend(facts.trend)
        self.canvas.save()
        return buffer.getvalue()

    def text(self, value: str, *, size: float = 10, bold: bool = False, x: float | None = None):
        if x is None:
            self.newline(size + 6)
            width = self.page_size[0]
            x, align = (width - self.margin, "right") if self.rtl else (self.margin, "left")
            draw_text(self.canvas, value, x=x, y=self.y, size=size, bold=bold, align=align)
            return
        draw_text(self.canvas, value, x=x, y=self.y, size=size, bold=bold)

    def newline(self, height: float) -> None:
        self.y -= height
        if self.y < self.margin:
            self.canvas.showPage()
            self.y = self.page_size[1] - self.margin - height

    def columns(self, count: int) -> list[float]:
        """x of each column, mirrored in right-to-left reports."""
        width = self.page_size[0] - 2 * self.margin
        first = width * 0.4
        rest = (width - first) / (count - 1)
        xs = [self.margin] + [self.margin + first + rest * i for i in range(count - 1)]
        if self.rtl:
            xs = [self.page_size[0] - x - (first if i == 0 else rest) for i, x in enumerate(xs)]
        return xs

    def row(self, cells: list[str], *, bold: bool = False) -> None:
        self.newline(self.row_height)
        for x, cell in zip(self.columns(len(cells)), cells, strict=True):
            self.text(str(cell), size=9, bold=bold, x=x)

    def course_table(self, table, course) -> None:
        self.newline(10)
        self.text(f"{course.code} · {course.name}", size=12, bold=True)
        self.row(
            [_("Place"), _("Workers trained"), _("Workforce"), _("Coverage"), _("Certificates")],
            bold=True,
        )
        for place in table.places:
            figures = table.figures(place.id, course.id)
            self.row(self.figure_cells(place.name, figures))
        self.row(self.figure_cells(_("Total"), table.totals[course.id]), bold=True)

    @staticmethod
    def figure_cells(label: str, figures) -> list[str]:
        return [
            label, str(figures.trained), str(figures.workforce), charts.percent(figures.share),
            str(figures.certificates),
        ]  # fmt: skip

    def map(self, facts: ReportFacts, course) -> None:
        self.newline(8)
        self.text(_("Coverage of %(course)s by governorate") % {"course": course.name}, size=12)
        outlines = charts.governorate_outlines()
        scale = 300 / outlines["width"]
        drawn_height = outlines["height"] * scale
        if self.y - drawn_height - 24 < self.margin:
            self.canvas.showPage()
            self.y = self.page_size[1] - self.margin
        top = self.y - 12
        left = (self.page_size[0] - 300) / 2

        def point(x: float, y: float) -> tuple[float, float]:
            return left + x * scale, top - y * scale

        for place in facts.map_places:
            outline = outlines["governorates"].get(place.code)
            if outline is None:
                continue
            inside = place.figures is not None
            share = place.figures.share if inside else None
            path = self.canvas.beginPath()
            for ring in outline["rings"]:
                path.moveTo(*point(*ring[0]))
                for x, y in ring[1:]:
                    path.lineTo(*point(x, y))
                path.close()
            self.canvas.setFillColor(charts.shade(share) if inside else charts.OUTSIDE_SCOPE)
            self.canvas.setStrokeColor("#ffffff")
            self.canvas.setLineWidth(0.6)
            self.canvas.drawPath(path, stroke=1, fill=1)
            label_x, label_y = point(*outline["label"])
            figure = charts.percent(share) if inside else ""
            if "anchor" in outline:
                self.canvas.setStrokeColor("#1d2a33")
                self.canvas.line(*point(*outline["anchor"]), label_x - 1, label_y + 3)
                self.canvas.setFillColor("#1d2a33")
                draw_text(self.canvas, f"{place.code} {figure}", x=label_x, y=label_y, size=7)
                continue
            self.canvas.setFillColor(charts.ink(share) if inside else "#1d2a33")
            draw_text(self.canvas, place.code, x=label_x, y=label_y, size=7, align="center")
            if figure:
                draw_text(self.canvas, figure, x=label_x, y=label_y - 8, size=6, align="center")
        self.canvas.setFillColor("#000000")
        self.y = top - drawn_height - 4
        for place in facts.map_places:
            if place.figures is not None:
                self.row(self.figure_cells(place.name, place.figures))

    def trend(self, trend) -> None:
        self.newline(10)
        self.text(_("Completions per month"), size=12, bold=True)
        for month, count in trend:
            self.newline(self.row_height)
            xs = self.columns(2)
            self.text(f"{month:%Y-%m}", size=9, x=xs[0])
            self.text(str(count), size=9, x=xs[1])


def coverage_report_pdf(*, user, language: str, today: datetime.date | None = None) -> bytes:
    """The PDF coverage report of the user's scope in their language."""
    with translation.override(language):
        facts = coverage_report_facts(user=user, today=today)
    return CoverageReportPDF(language=language).render(facts)
