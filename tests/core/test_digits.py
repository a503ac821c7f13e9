"""Properties of the one digit normalisation (`core.digits`), over generated numbers and marks."""

import datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from core.digits import (
    ARABIC_INDIC,
    BIDI_MARKS,
    EXTENDED_ARABIC_INDIC,
    digits_ascii,
    typed_identifier,
    typed_number,
    typed_phone,
    typed_text,
)

DIGIT_SETS = st.sampled_from(["0123456789", ARABIC_INDIC, EXTENDED_ARABIC_INDIC])
marks = st.lists(st.sampled_from(BIDI_MARKS), max_size=3).map("".join)


def typed(text: str, digits: str) -> str:
    """`text` with its ASCII digits written in another digit set."""
    return "".join(digits[int(ch)] if ch.isascii() and ch.isdigit() else ch for ch in text)


@given(st.integers(min_value=0, max_value=10**15), DIGIT_SETS, marks, marks)
def test_a_whole_number_reads_the_same_in_every_digit_set_and_around_bidi_marks(
    number, digits, before, after
):
    assert typed_number(before + typed(str(number), digits) + after) == str(number)


@given(
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False),
    DIGIT_SETS,
    st.sampled_from([".", "٫", ","]),
)
def test_a_decimal_reads_the_same_with_either_arabic_or_latin_separator(value, digits, separator):
    text = typed(str(value), digits).replace(".", separator)
    assert Decimal(typed_number(text, decimal=True)) == value


@given(st.integers(min_value=1000, max_value=10**9), DIGIT_SETS)
def test_the_arabic_thousands_separator_is_dropped(number, digits):
    grouped = f"{number:,}".replace(",", "٬")
    assert typed_number(typed(grouped, digits)) == str(number)


@given(
    st.decimals(min_value=0, max_value=100, places=1, allow_nan=False),
    DIGIT_SETS,
    st.sampled_from(["%", "٪", " ٪", ""]),
)
def test_a_percentage_reads_with_or_without_its_sign(value, digits, sign):
    text = typed(str(value), digits).replace(".", "٫") + sign
    assert Decimal(typed_number(text, decimal=True, percent=True)) == value


@given(st.integers(min_value=1, max_value=99), DIGIT_SETS)
def test_a_percent_sign_is_refused_where_no_percentage_is_expected(number, digits):
    assert typed_number(typed(f"{number}٪", digits)).endswith("٪")


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999))
def test_a_comma_is_a_decimal_separator_only_where_a_decimal_is_expected(whole, part):
    assert typed_number(f"{whole},{part}") == f"{whole},{part}"
    assert typed_number(f"{whole},{part}", decimal=True) == f"{whole}.{part}"


@given(st.dates(), DIGIT_SETS, marks)
def test_a_date_reads_the_same_in_every_digit_set(day, digits, mark):
    text = typed_text(mark + typed(day.isoformat(), digits) + mark)
    assert datetime.date.fromisoformat(text) == day


@given(st.from_regex(r"07[0-9]{9}", fullmatch=True), DIGIT_SETS, st.data())
def test_a_phone_becomes_its_ascii_digits_whatever_spaces_marks_and_dashes(phone, digits, data):
    separators = st.sampled_from(["", " ", "-", "\u00a0", *BIDI_MARKS])
    written = "".join(data.draw(separators) + ch for ch in typed(phone, digits))
    assert typed_phone(written) == phone


@given(st.from_regex(r"[A-Z]{2,4}-[0-9]{3,8}", fullmatch=True), DIGIT_SETS, marks)
def test_a_licence_keeps_its_letters_and_dash_with_ascii_digits(licence, digits, mark):
    assert typed_identifier(mark + " " + typed(licence, digits) + " ") == licence


@given(st.text(max_size=40))
def test_every_rule_is_idempotent(text):
    for normalise in (typed_text, typed_phone, typed_identifier, typed_number):
        assert normalise(normalise(text)) == normalise(text)
    decimal = typed_number(text, decimal=True)
    assert typed_number(decimal, decimal=True) == decimal


@given(st.text(alphabet=st.characters(exclude_characters=ARABIC_INDIC + EXTENDED_ARABIC_INDIC)))
def test_text_without_arabic_digits_keeps_every_character(text):
    assert digits_ascii(text) == text


def test_values_that_are_not_text_pass_through():
    assert typed_number(12) == 12
    assert typed_phone(None) is None
    assert typed_text(datetime.date(2026, 12, 5)) == datetime.date(2026, 12, 5)
