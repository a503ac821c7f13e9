"""Digits as people in Iraq and the Kurdistan Region type them, read as one value.

Arabic-Indic (٠-٩) and Extended Arabic-Indic (۰-۹, the Kurdish and Persian keyboards) digits
become 0-9; the bidi marks a phone or a copied cell puts around numbers are dropped; the Arabic
decimal separator (٫) is a decimal point and, where a decimal is expected, so is a comma; the
Arabic thousands separator (٬) is dropped; a percentage may end with % or ٪. Nothing here knows
about forms: `core.digit_fields` applies these rules to every form field that takes a number, date,
phone or licence, and imports and searches call them directly.
"""

ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
EXTENDED_ARABIC_INDIC = "۰۱۲۳۴۵۶۷۸۹"
DIGITS = {ord(c): str(i) for i, c in enumerate(ARABIC_INDIC)} | {
    ord(c): str(i) for i, c in enumerate(EXTENDED_ARABIC_INDIC)
}
# LRM, RLM, ALM, the embedding/override/isolate controls and the byte-order mark: invisible, and
# added by phones and spreadsheets around numbers in right-to-left text.
BIDI_MARKS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
DECIMAL_SEPARATOR = "٫"  # U+066B
THOUSANDS_SEPARATOR = "٬"  # U+066C
PERCENT_SIGNS = "%٪"  # U+0025, U+066A

_TYPED = str.maketrans({**DIGITS, **dict.fromkeys(map(ord, BIDI_MARKS))})
_WHITESPACE = dict.fromkeys(map(ord, " \t\r\n\u00a0\u2007\u2009\u202f"))
_PHONE = str.maketrans({**DIGITS, **dict.fromkeys(map(ord, BIDI_MARKS + "-.()")), **_WHITESPACE})
_IDENTIFIER = str.maketrans({**DIGITS, **dict.fromkeys(map(ord, BIDI_MARKS)), **_WHITESPACE})


def digits_ascii(text: str) -> str:
    """Arabic-Indic and Extended Arabic-Indic digits become 0-9; nothing else changes."""
    return text.translate(DIGITS)


def typed_text(value):
    """A typed value with ASCII digits and no bidi marks, trimmed (dates, times, free numbers)."""
    if not isinstance(value, str):
        return value
    return value.translate(_TYPED).strip()


def typed_number(value, *, decimal: bool = False, percent: bool = False):
    """A typed number in the form Python reads: `۱۲٫۵`, `١٢,٥` (decimal) and `٨٥٪` (percent).

    A comma is a decimal separator only where a decimal is expected and only when the number has
    no other separator ("12,5"); "1,234.5" stays as typed and is refused as before.
    """
    if not isinstance(value, str):
        return value
    text = typed_text(value).replace(THOUSANDS_SEPARATOR, "").replace(DECIMAL_SEPARATOR, ".")
    if percent and text[-1:] in PERCENT_SIGNS:
        text = text[:-1]
    if decimal and "." not in text and text.count(",") == 1:
        text = text.replace(",", ".")
    return text.strip()


def typed_phone(value):
    """A phone number as its search key: ASCII digits, no spaces, dashes, dots or brackets."""
    if not isinstance(value, str):
        return value
    return value.translate(_PHONE)


def typed_identifier(value):
    """A licence number or national ID: ASCII digits, no spaces or bidi marks, letters as typed."""
    if not isinstance(value, str):
        return value
    return value.translate(_IDENTIFIER)
