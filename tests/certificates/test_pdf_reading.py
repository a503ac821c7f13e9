"""A certificate's mixed lines extract in the order they were typed, in every layout."""

import dataclasses

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from certificates.pdf import CertificateRenderer, SignatoryLook
from core.pdf import draw_shaped
from tests.certificates.pdftools import ink_difference, pdf_page_image, pdf_text
from tests.certificates.test_pdf_marks import FACTS, LOOK, _UnseenName
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


def test_long_signatory_names_and_titles_stay_in_their_own_slots_and_readable():
    # Three signatories share the left half of the page; each name and title is centred in its
    # third. A title too long for it takes two lines; what is still too wide is set smaller
    # rather than run into the next signatory's.
    long = "Dr. Abdulrahman Mohammed Abdulkareem Al-Jubouri Al-Tikriti"
    title = "Director General of Public Health, Federal Ministry of Health, Baghdad"
    signatories = (
        SignatoryLook(name=long, title=title),
        SignatoryLook(
            name="د. عبد الرحمن محمد عبد الكريم الجبوري التكريتي",
            title="مدير عام الصحة العامة، وزارة الصحة الاتحادية، بغداد",
        ),
        SignatoryLook(name="Dr. Sara Aziz", title="WHO Iraq"),
    )
    look = dataclasses.replace(LOOK, signatories=signatories)
    renderer = CertificateRenderer(look)
    page = pdf_page_image(renderer.render(FACTS), resolution=100)
    width, _height = renderer.page_size
    slot = (width * 0.5 - renderer.margin) / 3
    heights = {}
    for index, signatory in enumerate(signatories):
        for text in (signatory.name, signatory.title):
            hiding = (
                _UnseenName(look, hidden=text)
                if text == signatory.name
                else _UnseenTitle(look, title=text)
            )
            without = pdf_page_image(hiding.render(FACTS), resolution=100)
            left, top, right, bottom = ink_difference(page, without)
            start = renderer.margin + slot * index  # points; the image is at 100 dpi
            assert start * 100 / 72 <= left and right <= (start + slot) * 100 / 72, text
            heights[text] = bottom - top

    # Two lines of the title's own size, not one line shrunk to a sliver.
    assert heights[title] > 1.6 * heights["WHO Iraq"]
    text = " ".join(pdf_text(renderer.render(FACTS))[0].split())
    for signatory in signatories:
        assert signatory.name in text


class _UnseenTitle(CertificateRenderer):
    """Draws the page with the lines of a signatory's title, one or two, in white."""

    def __init__(self, look, *, title: str):
        super().__init__(look)
        self.title = title

    def _line(self, canvas, text, **options):
        if text and text in self.title:
            canvas.setFillColorRGB(1, 1, 1)
        return super()._line(canvas, text, **options)


def test_a_signatory_line_is_set_in_the_direction_of_its_own_script(monkeypatch):
    # In a left-to-right line an Arabic title's closing comma or a number would sit at the wrong
    # end; each signatory line takes its direction from its first letter, whatever the layout.
    drawn = {}

    def spy(canvas, line, **options):
        drawn[line.text] = line.rtl
        return draw_shaped(canvas, line, **options)

    monkeypatch.setattr("certificates.pdf.draw_shaped", spy)
    look = dataclasses.replace(
        LOOK,
        layout="en",
        signatories=(
            SignatoryLook(name="د. سارة عزيز", title="مديرة صحة كركوك، 2026"),
            SignatoryLook(name="Dr. Sara Aziz", title="WHO Iraq, 2026"),
        ),
    )

    CertificateRenderer(look).render(FACTS)

    assert drawn["د. سارة عزيز"] is True
    assert drawn["مديرة صحة كركوك، 2026"] is True
    assert drawn["Dr. Sara Aziz"] is False
    assert drawn["WHO Iraq, 2026"] is False
