"""A certificate's mixed lines extract in the order they were typed, in every layout."""

import dataclasses

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from certificates.pdf import CertificateRenderer
from tests.certificates.pdftools import pdf_text
from tests.certificates.test_pdf_marks import FACTS, LOOK
from tests.core.test_pdf_reading import logical, mixed_line


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed_line, mixed_line, st.sampled_from(["en_ar", "en_ckb", "ar", "ckb"]))
@example("د. أحمد علي (Ali) 12", "دورة Basic Life Support [BLS-1] في كركوك 2026", "en_ar")
@example("د. ڕێبوار (Rebwar) ٣٠", "خولی BLS-1 لە هەولێر", "ckb")
# Wider than the page at the name's size: set smaller, none of it is cut off at the page's edge.
@example("د. أحمد 12.5 2026/03/05 2026/03/05 - أحمد - 2026/03/05 - 2026/03/05", "أحمد", "en_ar")
def test_the_holder_and_course_lines_extract_as_typed(name, course, layout):
    look = dataclasses.replace(LOOK, layout=layout)
    language = layout.removeprefix("en_")
    facts = dataclasses.replace(FACTS, holder_arabic=name, course_titles={language: course})

    text = logical(pdf_text(CertificateRenderer(look).render(facts))[0])

    assert logical(name) in text
    assert logical(course) in text


def test_a_course_title_wider_than_the_page_is_set_smaller_and_read_whole():
    title = (
        "Management of medical oxygen systems in hospitals: supply, pressure swing adsorption "
        "plants, cylinders, pipelines and biomedical maintenance"
    )
    facts = dataclasses.replace(FACTS, course_titles={"en": title, "ar": title})

    text = " ".join(pdf_text(CertificateRenderer(LOOK).render(facts))[0].split())

    # pdftotext reads only what is on the page: a line running off it loses its ends.
    assert title in text
