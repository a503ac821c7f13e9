"""Vowelled names on the sign-in sheet and the transcript stay in their own row and line."""

import dataclasses
import datetime

from hypothesis import HealthCheck, example, given, settings

from courses.pdf import (
    SheetFacts,
    SheetPerson,
    SignInSheetRenderer,
    TranscriptFacts,
    TranscriptRenderer,
)
from tests.certificates.pdftools import ink_difference, ink_rows, pdf_page_image
from tests.certificates.test_pdf_marks import EVERY_MARK
from tests.core.test_pdf_marks import marked_name

SHEET = SheetFacts(
    course_title="Basic Life Support",
    venue="Kirkuk General Hospital",
    date=datetime.date(2026, 3, 5),
    day_number=1,
    days=2,
    trainers="Dr. Sara",
    people=(),
)
TRANSCRIPT = TranscriptFacts(
    name_latin="Muhammad Ali",
    name_arabic="",
    licence_number="KRK-1234",
    cadre_en="Nurse",
    cadre_ar="ممرض",
    cycle="2026",
    earned="12",
    required="50",
    lines=(),
    claims=(),
    issued_on=datetime.date(2026, 3, 5),
)
slow = settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _apart(with_name: bytes, without_name: bytes) -> tuple[set[int], set[int]]:
    page, without = pdf_page_image(with_name), pdf_page_image(without_name)
    left, top, right, bottom = ink_difference(page, without)
    return set(range(top, bottom)), ink_rows(without, columns=(left, right))


def _sheet(name: str) -> bytes:
    people = tuple(
        SheetPerson(licence_number=f"KRK-{n}", name_latin="Ali", name_arabic=name if n == 2 else "")
        for n in range(1, 4)
    )
    return SignInSheetRenderer().render(dataclasses.replace(SHEET, people=people))


@slow
@given(marked_name)
@example("مُحَمَّدٌ عَلِيٌّ")
@example("ڕێبوارْ چٍ")
def test_a_vowelled_name_on_the_sign_in_sheet_stays_between_its_row_lines(name):
    name_rows, other_rows = _apart(_sheet(name), _sheet(""))

    assert not name_rows & other_rows


class _UnseenName(TranscriptRenderer):
    """Draws the same page with the holder's name row in white: the difference is its ink."""

    def _holder_row(self, canvas, line_en, line_ar, *, y):
        if line_ar.text.endswith(self.hidden):
            canvas.setFillColorRGB(1, 1, 1)
        super()._holder_row(canvas, line_en, line_ar, y=y)
        canvas.setFillColorRGB(0, 0, 0)


@slow
@given(marked_name)
@example(EVERY_MARK)
@example("ااااچٍ")
def test_a_vowelled_name_on_the_transcript_reaches_no_other_line(name):
    facts = dataclasses.replace(TRANSCRIPT, name_arabic=name)
    unseen = _UnseenName()
    unseen.hidden = name

    name_rows, other_rows = _apart(TranscriptRenderer().render(facts), unseen.render(facts))

    assert not name_rows & other_rows
