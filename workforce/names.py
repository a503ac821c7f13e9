"""One normalisation of names for search and de-duplication.

Names are stored as written. To compare them we fold what varies between clerks, keyboards and
sign-in sheets without changing who is meant: alef and hamza carriers, ta marbuta, alef maqsura,
Persian/Kurdish kaf, ya and heh forms, tatweel, harakat, zero-width joiners, presentation forms,
Arabic-Indic digits, and Latin case and spacing.
"""

import re
import unicodedata

from core.digits import DIGITS as _DIGITS
from core.digits import digits_ascii as digits_to_ascii  # noqa: F401 (its callers import it here)

_LETTERS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",  # alef with hamza/madda/wasla
    "ؤ": "و",
    "ۆ": "و",
    "ۇ": "و",
    "ئ": "ي",
    "ى": "ي",
    "ی": "ي",
    "ێ": "ي",
    "ې": "ي",
    "ۍ": "ي",
    "ة": "ه",
    "ە": "ه",
    "ھ": "ه",
    "ۀ": "ه",
    "ۃ": "ه",
    "ک": "ك",
    "ڪ": "ك",
    "ڕ": "ر",
    "ڵ": "ل",
    "ہ": "ه",
    "ے": "ي",
    "ء": "",
}
_TABLE = str.maketrans({**{ord(k): v for k, v in _LETTERS.items()}, **_DIGITS})
_MARKS = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
_SPACES = re.compile(r"\s+")
_PUNCTUATION = re.compile(r"[-_'’‘.,،؛:;\"()/]")
# "عبد الله" and "عبدالله" are the same name written with and without the space.
_ABD_SPACE = re.compile(r"\bعبد\s+")


def name_normalise(name: str) -> str:
    """The comparison key of a name in either script."""
    text = unicodedata.normalize("NFKC", name or "").casefold()
    text = _MARKS.sub("", text).translate(_TABLE)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c) or "\u0600" <= c <= "\u06ff")
    text = _PUNCTUATION.sub(" ", _MARKS.sub("", text))
    text = _SPACES.sub(" ", text).strip()
    return _ABD_SPACE.sub("عبد", text)
