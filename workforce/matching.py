"""Ranked matching of a typed name against registry names, shared by search and duplicates.

Three ranks, best first: the normalised key (`name_normalise`) matches; the consonant skeleton
(`name_skeleton`) matches, so a Sorani spelling finds the Arabic one and back; or the skeletons
are similar by rapidfuzz's normalised Indel ratio, word by word, at least `SIMILAR_AT` (tuned on
the table of real name pairs in `tests/workforce/test_matching.py`).
"""

from dataclasses import dataclass
from enum import IntEnum

from rapidfuzz import fuzz

from workforce.names import name_normalise
from workforce.skeleton import name_skeleton

# Tuned on the name-pair table in the tests: the closest different names there (عبدالله and
# عبيدالله) score 90.9 a word; a spelling pair the skeleton misses (بهاء الدين, بەهائەدین) 92.3.
SIMILAR_AT = 92
# Words shorter than this are too short for a fuzzy match to mean anything.
SIMILAR_MIN_LETTERS = 3


class Rank(IntEnum):
    EXACT = 0
    SKELETON = 1
    SIMILAR = 2


@dataclass(frozen=True)
class Typed:
    """A typed name in its two keys."""

    key: str
    skeleton: str

    @classmethod
    def of(cls, text: str) -> "Typed":
        return cls(key=name_normalise(text), skeleton=name_skeleton(text))


def _word_similar(word: str, words: list[str]) -> bool:
    if len(word) < SIMILAR_MIN_LETTERS:
        return word in words
    return any(fuzz.ratio(word, other) >= SIMILAR_AT for other in words)


def skeletons_similar(typed: str, stored: str, *, whole: bool) -> bool:
    """Whether every typed word is like a stored word (and, for a whole name, the reverse)."""
    typed_words, stored_words = typed.split(), stored.split()
    if not typed_words or not stored_words:
        return False
    if whole:  # a full name: word by word, in order (given name, father, grandfather)
        if len(typed_words) != len(stored_words):
            return False
        pairs = zip(typed_words, stored_words, strict=True)
        return all(_word_similar(word, [other]) for word, other in pairs)
    return all(_word_similar(word, stored_words) for word in typed_words)


def name_rank(typed: Typed, *, keys: tuple[str, ...], skeleton: str, whole: bool) -> Rank | None:
    """How well `typed` matches a record's keys; `whole` compares full names, else a part."""
    if typed.key and any(
        (typed.key == key) if whole else (typed.key in key) for key in keys if key
    ):
        return Rank.EXACT
    if not typed.skeleton or not skeleton:
        return None
    if (typed.skeleton == skeleton) if whole else (typed.skeleton in skeleton):
        return Rank.SKELETON
    if skeletons_similar(typed.skeleton, skeleton, whole=whole):
        return Rank.SIMILAR
    return None


def fuzzy_pieces(skeleton: str) -> set[str]:
    """Substrings one of which any similar word contains: each word's two halves.

    At `SIMILAR_AT` two similar words differ by one inserted or dropped letter, which leaves one
    half intact, so a database filter on these pieces narrows the candidates without losing one.
    """
    pieces = set()
    for word in skeleton.split():
        if len(word) < SIMILAR_MIN_LETTERS:
            continue
        middle = len(word) // 2
        pieces |= {word[:middle], word[middle:]}
    return {piece for piece in pieces if len(piece) >= 2} or set(skeleton.split())
