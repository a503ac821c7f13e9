"""A holder's name with vowel marks stays in its own line on every certificate layout."""

import dataclasses
import datetime

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from certificates.pdf import CertificateFacts, CertificateLook, CertificateRenderer
from tests.certificates.pdftools import ink_difference, ink_rows, pdf_page_image
from tests.core.test_pdf_marks import MARKS, marked_name

# Each mark over a short letter beside a tall one, and a shadda carrying its vowel.
EVERY_MARK = "مُحَمَّدٌ " + " ".join(f"س{mark}ل" for mark in MARKS)
LOOK = CertificateLook(
    titles={"en": "Certificate of Completion", "ar": "شهادة إتمام", "ckb": "بڕوانامەی تەواوکردن"},
    issuers={"en": "Ministry of Health", "ar": "وزارة الصحة", "ckb": "وەزارەتی تەندروستی"},
)
FACTS = CertificateFacts(
    serial="CME-KIR-2026-000123",
    holder_latin="Muhammad Ali Hassan",
    holder_arabic="",
    course_titles={"en": "Basic Life Support", "ar": "دعم الحياة الأساسي", "ckb": "ژیان"},
    cme_hours="12.0",
    completed_on=datetime.date(2026, 3, 5),
    verification_url="https://cme.example/verify/ABCDEFGHIJKLMNOPQRSTUVWX/",
    verification_code="ABCDEFGHIJKLMNOPQRSTUVWX",
)


class _UnseenName(CertificateRenderer):
    """Draws the same page with the Arabic-script name in white: the difference is its ink."""

    def __init__(self, look, *, hidden: str):
        super().__init__(look)
        self.hidden = hidden

    def _line(self, canvas, text, **options):
        if text == self.hidden:
            canvas.setFillColorRGB(1, 1, 1)
        return super()._line(canvas, text, **options)


def _name_apart(layout: str, name: str) -> tuple[set[int], set[int]]:
    """Rows of the name's ink and rows of every other line's ink within the name's columns."""
    look = dataclasses.replace(LOOK, layout=layout)
    facts = dataclasses.replace(FACTS, holder_arabic=name)
    page = pdf_page_image(CertificateRenderer(look).render(facts))
    without = pdf_page_image(_UnseenName(look, hidden=name).render(facts))
    left, top, right, bottom = ink_difference(page, without)
    others = ink_rows(without, columns=(left, right))
    return set(range(top, bottom)), others


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(marked_name, st.sampled_from(["en_ar", "en_ckb", "ar", "ckb"]))
@example(EVERY_MARK, "en_ar")
@example(EVERY_MARK, "en_ckb")
@example(EVERY_MARK, "ar")
@example(EVERY_MARK, "ckb")
def test_no_ink_of_a_vowelled_name_reaches_another_line(name, layout):
    name_rows, other_rows = _name_apart(layout, name)

    assert not name_rows & other_rows
