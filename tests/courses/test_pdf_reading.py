"""Mixed names on the sign-in sheet and the transcript extract in the order they were typed."""

import dataclasses

from hypothesis import HealthCheck, example, given, settings

from courses.pdf import SheetPerson, SignInSheetRenderer, TranscriptRenderer
from tests.certificates.pdftools import pdf_text
from tests.core.test_pdf_reading import logical, mixed_line
from tests.courses.test_pdf_marks import SHEET, TRANSCRIPT

slow = settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@slow
@given(mixed_line)
@example("د. أحمد (Ali) 12")
# Longer than its column: it used to run into the Latin name's column and read as one with it.
@example("2026/03/05 أحمد 2026/03/05 2026/03/05 - أحمد - مستشفى - 2026/03/05")
def test_a_mixed_name_on_the_sign_in_sheet_extracts_as_typed(name):
    person = SheetPerson(licence_number="KRK-7", name_latin="Ali Hassan", name_arabic=name)
    sheet = SignInSheetRenderer().render(dataclasses.replace(SHEET, people=(person,)))

    assert logical(name) in logical(pdf_text(sheet)[0])


@slow
@given(mixed_line, mixed_line)
@example("د. زينب [Zainab] حسين", "ممرض (Nurse) 2")
def test_the_mixed_holder_lines_of_the_transcript_extract_as_typed(name, cadre):
    facts = dataclasses.replace(TRANSCRIPT, name_arabic=name, cadre_ar=cadre)

    text = logical(pdf_text(TranscriptRenderer().render(facts))[0])

    assert logical(name) in text
    assert logical(cadre) in text
