"""Sheets as Excel saves them in Iraq and Kurdistan: read, or refused saying how to save."""

import codecs
import csv
import io
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from django.utils import translation

from core.uploads import UploadRefused, sheet_rows
from demo.namebank import person_name

HEADER = ["Licence number", "Name (Arabic)", "Session date", "Attendance"]
ARABIC_ROWS = [
    ["L-1001", "محمد عبد الله الجبوري", "01/03/2026", "حاضر"],
    ["L-1002", "فاطمة الزهراء علي", "01/03/2026", "غائب"],
    ["L-1003", "أحمد إبراهيم آل ياسين", "02/03/2026", "متأخر"],
]
KURDISH_ROWS = [
    ["L-2001", "ڕێبوار دڵشاد ئەحمەد", "01/03/2026", "ئامادە"],
    ["L-2002", "شۆڕش کاروان", "01/03/2026", "ئامادە"],
]


def sheet(rows, delimiter=",") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([HEADER, *rows])
    return buffer.getvalue()


def cells(content: bytes, name: str = "roster.csv") -> list[list]:
    return [values for _number, values in sheet_rows(content, name)]


def refusal(content: bytes, language: str = "en") -> str:
    with translation.override(language), pytest.raises(UploadRefused) as refused:
        sheet_rows(content, "roster.csv")
    return str(refused.value)


def test_an_arabic_roster_saved_by_excel_as_windows_1256_reads_as_written():
    content = sheet(ARABIC_ROWS).encode("cp1256")
    assert cells(content) == [HEADER, *ARABIC_ROWS]


def test_excels_unicode_text_utf16_le_with_bom_and_tabs_reads_as_written():
    content = codecs.BOM_UTF16_LE + sheet(ARABIC_ROWS + KURDISH_ROWS, "\t").encode("utf-16-le")
    assert cells(content, "roster.txt") == [HEADER, *ARABIC_ROWS, *KURDISH_ROWS]


def test_utf16_be_with_bom_and_tabs_reads_as_written():
    content = codecs.BOM_UTF16_BE + sheet(KURDISH_ROWS, "\t").encode("utf-16-be")
    assert cells(content) == [HEADER, *KURDISH_ROWS]


def test_csv_utf8_with_bom_keeps_kurdish_letters():
    content = sheet(KURDISH_ROWS).encode("utf-8-sig")
    assert cells(content) == [HEADER, *KURDISH_ROWS]


def test_a_kurdish_roster_saved_as_windows_1256_is_refused_naming_the_lost_letters():
    # What Excel writes: Windows-1256 has no ڕ ڵ ێ ۆ ە, each becomes "?".
    content = sheet(KURDISH_ROWS).encode("cp1256", errors="replace")
    assert b"?" in content
    message = refusal(content)
    assert "Kurdish letters such as ڕ ڵ ێ ۆ ە" in message
    assert '"CSV UTF-8 (Comma delimited)"' in message


@pytest.mark.parametrize(
    ("language", "words"),
    [("ar", "الحروف الكردية"), ("ckb", "پیتە کوردییەکانی")],
)
def test_the_lost_letters_refusal_is_in_the_trainers_language(language, words):
    content = sheet(KURDISH_ROWS).encode("cp1256", errors="replace")
    message = refusal(content, language)
    assert words in message
    assert "CSV UTF-8 (Comma delimited)" in message


@pytest.mark.parametrize("language", ["en", "ar", "ckb"])
def test_junk_bytes_are_refused_with_the_save_as_choice(language):
    junk = random.Random(7).randbytes(4000)
    assert "CSV UTF-8 (Comma delimited)" in refusal(junk, language)


def test_a_western_windows_1252_sheet_is_refused_not_misread_as_arabic():
    content = sheet([["L-1", "José Müller", "01/03/2026", "present"]]).encode("cp1252")
    assert "CSV UTF-8 (Comma delimited)" in refusal(content)


def test_utf16_without_its_byte_order_mark_is_refused_not_read_as_nul_letters():
    content = sheet(ARABIC_ROWS, "\t").encode("utf-16-le")
    assert "CSV UTF-8 (Comma delimited)" in refusal(content)


roster_people = st.lists(
    st.tuples(st.randoms(use_true_random=False), st.booleans(), st.booleans()),
    min_size=1,
    max_size=25,
)


def generated_rows(people) -> list[list[str]]:
    rows = []
    for number, (rng, kurdish, female) in enumerate(people):
        name_ar, name_latin = person_name(rng, kurdish=kurdish, female=female)
        rows.append([f"L-{number}", name_ar, name_latin, "حاضر"])
    return rows


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8", ","), ("utf-8-sig", ";"), ("utf-16", "\t"), ("utf-16-le", "\t")],
)
@settings(max_examples=40, deadline=None)
@given(people=roster_people)
def test_any_generated_roster_in_a_unicode_encoding_reads_back_equal(encoding, delimiter, people):
    rows = generated_rows(people)
    content = sheet(rows, delimiter).encode(encoding)
    if encoding == "utf-16-le":
        content = codecs.BOM_UTF16_LE + content
    assert cells(content) == [HEADER, *rows]


@settings(max_examples=40, deadline=None)
@given(people=roster_people)
def test_any_generated_arabic_roster_in_windows_1256_reads_back_equal(people):
    rows = generated_rows([(rng, False, female) for rng, _kurdish, female in people])
    assert cells(sheet(rows).encode("cp1256")) == [HEADER, *rows]
