"""Which language a person's name is written in, for the `lang` and `dir` of the markup around it.

Names are stored in two fields (Arabic script, Latin script) without saying whether the
Arabic-script one is Arabic or Kurdish Sorani. Sorani has letters Arabic does not
(ڕ ڵ ۆ ێ ە ڤ ھ), and Kurdish keyboards type keheh and Farsi yeh (ک ی) where Arabic keyboards
type kaf and yeh (ك ي): enough for a screen reader to pick the right voice and a browser the
right font.
"""

_SORANI_ONLY = frozenset("ڕڵۆێەڤھ")
_KURDISH_KEYBOARD = frozenset("کی")
_ARABIC_KEYBOARD = frozenset("كيةى")
RTL_LANGUAGES = ("ar", "ckb")


def arabic_script_language(text: str) -> str:
    """`ckb` for a Kurdish Sorani spelling, else `ar`."""
    letters = set(text)
    if letters & _SORANI_ONLY:
        return "ckb"
    if letters & _KURDISH_KEYBOARD and not letters & _ARABIC_KEYBOARD:
        return "ckb"
    return "ar"


def text_direction(language: str) -> str:
    """`rtl` for Arabic and Kurdish, else `ltr`."""
    return "rtl" if language in RTL_LANGUAGES else "ltr"
