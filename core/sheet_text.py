"""The text of an uploaded CSV, whichever way Excel saved it, or a refusal that says how to save it.

One deterministic rule, in this order (no guessing library: a guess that is wrong once turns names
into other names):

1. a UTF-8 byte order mark, or bytes that are valid UTF-8: UTF-8;
2. a UTF-16 byte order mark (Excel's "Unicode text", tab separated): UTF-16 LE or BE;
3. otherwise Windows-1256 (Excel's "CSV (Comma delimited)" on an Arabic Windows), accepted only
   when the text has Arabic letters, no control characters, and nearly all its non-ASCII
   characters are Arabic. Windows-1252 and Latin-1 are never tried: they decode any bytes at all.

Windows-1256 has no ڕ ڵ ێ ۆ ە: Excel writes "?" in their place, so a Kurdish roster saved that way
has already lost letters; it is refused with a message that says so.
"""

import codecs
import re

from django.utils.translation import gettext as _

from core.uploads import UploadRefused

ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d5]")
# Characters Windows-1256 holds besides ASCII that are not Arabic letters but do occur in Arabic
# text: marks, Arabic punctuation and digits, the joiners and direction marks, a few symbols.
ARABIC_TEXT = re.compile(r"[\u0600-\u06ff\u00a0\u00ab\u00bb\u00d7\u00f7\u200c-\u200f\u2013-\u2026]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A "?" written in place of a letter Windows-1256 lacks: it touches an Arabic letter.
LOST_LETTER = re.compile(r"[\u0600-\u06ff]\?|\?[\u0600-\u06ff]")
ARABIC_SHARE = 0.9
DELIMITERS = ("\t", ";", ",")


def _save_as_utf8() -> str:
    return _(
        'In Excel choose File › Save As, and as the file type "CSV UTF-8 (Comma delimited)" '
        "(in Arabic Excel: CSV UTF-8 (محدد بفاصلة)); then upload that file."
    )


def _not_text() -> UploadRefused:
    return UploadRefused(_("This file is not a sheet saved as text (CSV).") + " " + _save_as_utf8())


def _letters_lost() -> UploadRefused:
    return UploadRefused(
        _(
            'This file was saved as "CSV (Comma delimited)" in the Arabic Windows encoding, which '
            "has no Kurdish letters such as ڕ ڵ ێ ۆ ە: Excel has already replaced them with "
            "question marks, so the names in it are wrong."
        )
        + " "
        + _save_as_utf8()
    )


def _unknown_encoding() -> UploadRefused:
    return UploadRefused(
        _(
            "The letters of this CSV file cannot be read: it was saved in an encoding we do not "
            "read."
        )
        + " "
        + _save_as_utf8()
    )


def _is_arabic_text(text: str) -> bool:
    """Windows-1256 text that reads as Arabic: no control characters, non-ASCII mostly Arabic."""
    if CONTROL.search(text) or not ARABIC_LETTER.search(text):
        return False
    beyond_ascii = [character for character in text if ord(character) > 127]
    arabic = sum(1 for character in beyond_ascii if ARABIC_TEXT.match(character))
    return arabic >= ARABIC_SHARE * len(beyond_ascii)


def csv_text(content: bytes) -> str:
    """The text of an uploaded CSV; UploadRefused saying how to save it when it is unreadable."""
    if content.startswith(codecs.BOM_UTF8):
        encodings = ["utf-8-sig"]
    elif content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8", "cp1256"]
    text = None
    for encoding in encodings:
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "cp1256" and not _is_arabic_text(text):
            raise _not_text() if CONTROL.search(text) else _unknown_encoding()
        break
    if text is None:
        raise _not_text() if b"\x00" in content else _unknown_encoding()
    if CONTROL.search(text):
        raise _not_text()
    if "\ufffd" in text or (encoding == "cp1256" and LOST_LETTER.search(text)):
        raise _letters_lost()
    return text


def csv_delimiter(text: str) -> str:
    """The separator of the first lines: tab (Excel's "Unicode text"), semicolon or comma."""
    head = "\n".join(text.splitlines()[:10])
    counts = {delimiter: head.count(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] > counts[","] else ","
