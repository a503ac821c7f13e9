"""Arabic vowel marks set just above the letters they belong to.

Amiri, by design, puts every mark above the letters on one row at the height of its tallest
letters (its author's choice for fully vowelled text, aliftype/amiri#41 and #126): over a short
letter a fatha floats about half a line up, and over a name it reads as belonging to the line
above. HarfBuzz's offsets keep each mark over its base horizontally; here each group of marks
above one letter is lowered, as one piece (a shadda with its fatha), to a fixed gap above the ink
of the letters beneath it, never higher than HarfBuzz put it.
"""

import unicodedata
from collections.abc import Sequence

# Space between a letter's ink and the lowest mark above it, in 1/1000 em.
MARK_GAP = 80
# Marks this close (1/1000 em) to another group's glyphs count as over them too.
_SIDE_MARGIN = 20


def _is_arabic_mark(char: str) -> bool:
    return "\u0600" <= char <= "\u08ff" and unicodedata.category(char) == "Mn"


def settled_rises(
    text: str,
    clusters: Sequence[int],
    advances: Sequence[float],
    x_offsets: Sequence[float],
    rises: Sequence[float],
    boxes: Sequence[tuple[float, float, float, float]],
) -> list[float]:
    """Each glyph's rise (1/1000 em), marks above Arabic letters lowered onto their letters.

    Glyphs are in visual order; `boxes` are each glyph's ink (left, right, bottom, top) relative
    to its own origin, before its rise.
    """
    settled = list(rises)
    spans = []
    pen = 0.0
    for advance, x_offset, (left, right, _bottom, _top) in zip(
        advances, x_offsets, boxes, strict=True
    ):
        spans.append((pen + x_offset + left, pen + x_offset + right))
        pen += advance
    marks = [
        advance == 0 and _is_arabic_mark(text[cluster])
        for cluster, advance in zip(clusters, advances, strict=True)
    ]
    letters = [index for index, mark in enumerate(marks) if not mark]
    # Marks above one letter: the letter is the one typed last before them (logical order).
    groups: dict[int, list[int]] = {}
    for index, mark in enumerate(marks):
        if not mark or boxes[index][2] + settled[index] <= 0:
            continue  # a letter, or a mark below the baseline (kasra) that stays as drawn
        earlier = [letter for letter in letters if clusters[letter] < clusters[index]]
        base = max(earlier, key=lambda letter: clusters[letter], default=-1)
        groups.setdefault(base, []).append(index)
    drops = {}
    reach = {}
    for base, members in groups.items():
        left = min(spans[index][0] for index in members) - _SIDE_MARGIN
        right = max(spans[index][1] for index in members) + _SIDE_MARGIN
        floor = max(
            (
                boxes[letter][3] + settled[letter]
                for letter in letters
                if spans[letter][0] < right and spans[letter][1] > left
            ),
            default=0.0,
        )
        lowest = min(boxes[index][2] + settled[index] for index in members)
        drops[base] = max(0.0, lowest - floor - MARK_GAP)
        reach[base] = (left, right)
    # Neighbouring groups that overlap sideways drop by the same amount, so a lowered mark never
    # runs into the unlowered mark beside it.
    changed = True
    while changed:
        changed = False
        for one, (left, right) in reach.items():
            for other, (other_left, other_right) in reach.items():
                if other_left < right and other_right > left and drops[other] < drops[one]:
                    drops[one] = drops[other]
                    changed = True
    for base, members in groups.items():
        for index in members:
            settled[index] -= drops[base]
    return settled
