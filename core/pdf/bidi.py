"""Bidi for the PDF kernel: which letters are Arabic script, and a line's runs in visual order.

python-bidi 0.6 gives the UAX #9 levels; isolates (U+2066-U+2069) are read as the embeddings it
knows. `core/pdf/shaping.py` shapes the runs this returns; `core/pdf/text.py` draws them.
"""

import re
import unicodedata

from bidi import algorithm as bidi_algorithm

from core.isolates import FSI, ISOLATE_MARKS, ISOLATE_OPENERS, PDI, strip_isolates

_ARABIC_RANGES = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x08A0, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)

_ARABIC = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in _ARABIC_RANGES) + "]")


def is_arabic_script(char: str) -> bool:
    """Whether a character belongs to the Arabic script blocks (Arabic, Kurdish, Persian)."""
    return _ARABIC.match(char) is not None


def has_arabic(text: str) -> bool:
    """Whether a text contains any Arabic-script character."""
    return _ARABIC.search(text) is not None


# Isolates (U+2066-U+2069, see core/isolates.py) as the embeddings python-bidi 0.6's algorithm
# knows: LRI and RLI open LRE and RLE, FSI the one its first strong letter calls for, a PDI closes
# with PDF (a stray one becomes a zero-width space, removed like the marks). For a run inside a
# sentence the two give the same order: the run keeps its direction and the punctuation around
# it resolves to the sentence's. The marks themselves are never drawn (no font has a glyph).
_LRE, _RLE, _PDF = "\u202a", "\u202b", "\u202c"


def _first_strong_rtl(text: str) -> bool:
    """Whether an isolate's first strong letter, up to its PDI, is right-to-left (UAX #9 P2)."""
    depth = 0
    for char in text:
        if char in ISOLATE_OPENERS:
            depth += 1
        elif char == PDI:
            if not depth:
                return False
            depth -= 1
        elif not depth and unicodedata.bidirectional(char) in ("L", "R", "AL"):
            return unicodedata.bidirectional(char) != "L"
    return False


def _as_embeddings(text: str) -> str:
    """The text, of the same length, with each isolate written as an embedding."""
    out = []
    depth = 0
    for index, char in enumerate(text):
        if char in ISOLATE_OPENERS:
            rtl = char == "\u2067" or (char == FSI and _first_strong_rtl(text[index + 1 :]))
            out.append(_RLE if rtl else _LRE)
            depth += 1
        elif char == PDI:
            out.append(_PDF if depth else "\u200b")
            depth = max(depth - 1, 0)
        else:
            out.append(char)
    return "".join(out)


def _levels(text: str, base_level: int) -> list[int]:
    """Each character's bidi level; those the algorithm removes (X9) take their neighbour's."""
    storage = bidi_algorithm.get_empty_storage()
    storage["base_level"] = base_level
    storage["base_dir"] = ("L", "R")[base_level]
    bidi_algorithm.get_embedding_levels(text, storage)
    chars = list(storage["chars"])
    bidi_algorithm.explicit_embed_and_overrides(storage)
    kept = {id(char) for char in storage["chars"]}
    bidi_algorithm.resolve_weak_types(storage, False)
    bidi_algorithm.resolve_neutral_types(storage, False)
    bidi_algorithm.resolve_implicit_levels(storage, False)
    levels: list[int | None] = [char["level"] if id(char) in kept else None for char in chars]
    known = next((level for level in levels if level is not None), base_level)
    for index, level in enumerate(levels):
        if level is None:
            levels[index] = known
        else:
            known = level
    return levels


def _visual_runs(text: str, base_level: int) -> list[tuple[int, str]]:
    """Bidi level runs of a line, in visual order (UAX #9 rule L2), without isolate marks."""
    if not has_arabic(text) and base_level == 0:
        return [(0, strip_isolates(text))]
    levels = _levels(_as_embeddings(text), base_level)
    shown = [(level, char) for level, char in zip(levels, text, strict=True)]
    shown = [(level, char) for level, char in shown if char not in ISOLATE_MARKS]
    runs: list[tuple[int, str]] = []
    for level, char in shown:
        if runs and runs[-1][0] == level:
            runs[-1] = (level, runs[-1][1] + char)
        else:
            runs.append((level, char))
    if not runs:
        return []
    highest = max(level for level, _ in runs)
    lowest_odd = min((level for level, _ in runs if level % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        index = 0
        while index < len(runs):
            if runs[index][0] >= level:
                end = index
                while end < len(runs) and runs[end][0] >= level:
                    end += 1
                runs[index:end] = runs[index:end][::-1]
                index = end
            else:
                index += 1
    return runs
