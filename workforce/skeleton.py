"""The vowel-insensitive matching key of a name: its consonant skeleton.

Sorani writes the short vowels Arabic leaves out (ە for a/e, و for a short u, ێ and ۆ for ê and o)
and spells Arabic names with its own letters. `name_skeleton` turns both spellings of one person
into one key, on top of `name_normalise`:

- in a word written in Sorani orthography (it holds ە ێ ۆ ڕ ڵ ھ, "ه" + ZWNJ as old keyboards write
  ە, or a doubled وو), medial ە is dropped and a final ە reads as Arabic ة/ه; ێ reads as ي and ۆ as
  و; وو (long ū) becomes one و; a single و between two consonants is the short u and is dropped;
- a word-initial ئ (Kurdish vowel carrier) and the vowel letter after it become one ا, as Arabic
  writes أ/إ/آ; a final ى reads as ا (موسى = مووسا);
- Arabic letters Sorani respells by sound meet (ط→ت, ص ث→س, ض ظ ذ→ز), and Kurdish letters Arabic
  respells meet their Arabic stand-ins (گ→ك, چ→ج, پ→ب, ژ→ز, ڤ→ف);
- "الله" and Sorani "ڵڵا" become one ending, and the article after عبد and before الدين drops;
- a و after a word's first consonant and before another is the short u of the first syllable,
  which Sorani writes and Arabic does not (عوسمان = عثمان, کوردستان = كردستان), and drops;
- the short i of the pattern fāʿil, which Sorani writes (تاهیر, خالید, فاتیمە), drops: طاهر = تاهیر;
- doubled letters (shadda written out) become one.

Arabic long vowels (ا و ي) are kept, so حسن and حسين, محمد and محمود stay apart. Latin names
have no skeleton: their key is `name_normalise`.
"""

import re
import unicodedata

from workforce.names import name_normalise

_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Old Sorani keyboards write the vowel ە as heh followed by a zero-width non-joiner.
_OLD_AE = re.compile("[هە]\u200c")
_SORANI_MARKERS = re.compile("[ەێۆڕڵھ]|وو")
_SORANI_VOWELS = "اەێۆیوئيى"
_INITIAL_CARRIER = re.compile(r"\bئ[اەێۆیويى]?")
_FINAL_MAQSURA = re.compile(r"ى\b")
_SOUNDS = str.maketrans(
    {"ط": "ت", "ص": "س", "ث": "س", "ض": "ز", "ظ": "ز", "ذ": "ز", "گ": "ك", "ڭ": "ك"}
    | {"چ": "ج", "پ": "ب", "ژ": "ز", "ڤ": "ف"}
)
# Sorani spells the theophoric ending "ullah" as ڵڵا/ڵا, Arabic as الله/لله.
_ALLAH = re.compile(r"ا?لله\b")
_JOIN = re.compile(r"\s+(?=(?:ال|ل)له\b|الدين\b)")
_ARTICLE_AFTER_ABD = re.compile(r"\bعبدا?ل(?=\w\w)")
_ARTICLE_BEFORE_DIN = re.compile(r"ا?ل(?=دين\b)")
_DOUBLED = re.compile(r"(\w)\1+")
# Sorani writes the short u of a first syllable as و (عوسمان, سوعاد, گوڵان) where Arabic writes
# none; Arabic names with a long ū there (نوري, يوسف) lose it too, and no common pair is merged.
_FIRST_SYLLABLE_U = re.compile(r"\b([^\Wاوي])و(?=[^\Wاوي])")
# Arabic writes al-Raḥmān with a dagger alef, Sorani and many clerks with ا.
_RAHMAN = re.compile(r"رحمن\b")
# The pattern fāʿil (طاهر, خالد, فاطمة) has a short i that Sorani writes as ی: تاهیر, خالید.
_FAIL = re.compile(r"\b([^\Wاوي])ا([^\Wاوي])ي([^\Wاوي]ه?)\b")


def _sorani_word(word: str) -> str:
    """A Sorani-spelled word with its written short vowels taken out."""
    word = word.replace("وو", "\ue000")  # long ū, kept as one و below
    letters = []
    for i, letter in enumerate(word):
        before = word[i - 1] if i else ""
        after = word[i + 1] if i + 1 < len(word) else ""
        if letter == "ە":
            letters.append("ه" if not after else "")
        elif letter == "و" and before and after:
            is_vowel = before not in _SORANI_VOWELS and after not in _SORANI_VOWELS + "\ue000"
            letters.append("" if is_vowel else "و")
        else:
            letters.append(letter)
    return "".join(letters).replace("\ue000", "و")


def name_skeleton(name: str) -> str:
    """The vowel-insensitive key of a name in Arabic or Sorani spelling ('' for Latin names)."""
    text = unicodedata.normalize("NFKC", name or "")
    text = _MARKS.sub("", _OLD_AE.sub("ە", text))
    text = _INITIAL_CARRIER.sub("ا", text)
    text = _FINAL_MAQSURA.sub("ا", text)
    words = [_sorani_word(w) if _SORANI_MARKERS.search(w) else w for w in text.split()]
    text = name_normalise(" ".join(words)).translate(_SOUNDS)
    if not re.search("[\u0600-\u06ff]", text):
        return ""
    text = _JOIN.sub("", text)
    text = _ALLAH.sub("لا", text)
    text = _ARTICLE_AFTER_ABD.sub("عبد", text)
    text = _ARTICLE_BEFORE_DIN.sub("", text)
    text = _RAHMAN.sub("رحمان", _FIRST_SYLLABLE_U.sub(r"\1", text))
    text = _FAIL.sub(r"\1ا\2\3", text)
    return _DOUBLED.sub(r"\1", text)
