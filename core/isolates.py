"""Latin runs inside Arabic and Kurdish text, and the Unicode isolates that keep them in order.

A Latin code in a right-to-left sentence ("PDF", "UTF-8", "CSV UTF-8 (Comma delimited)") is
wrapped in FIRST STRONG ISOLATE U+2068 ... POP DIRECTIONAL ISOLATE U+2069, as Mozilla Fluent
wraps its placeables: the run keeps its own direction and its neighbours' punctuation stays on
the right side. Markup cannot do it, since a translated string is escaped in HTML and also goes
into attributes, e-mails, SMS, PDFs and sheets. Used by `scripts/isolate-latin-in-translations`,
the catalogue test, the PDF text kernel and the SMS sender.

Per output: pages, e-mails and spreadsheets keep the marks (browsers, mail clients and Excel
apply them and draw nothing; plain-text mail is UTF-8 like the page); PDFs read them as
embeddings and draw none (core/pdf/shaping.py); text messages drop them (core/sms.py).
"""

import re

LRI = "\u2066"
FSI = "\u2068"
PDI = "\u2069"
ISOLATE_OPENERS = "\u2066\u2067\u2068"  # LRI, RLI, FSI
ISOLATE_MARKS = ISOLATE_OPENERS + PDI

LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")
# printf (%(name)s, %d, %%) and str.format ({name}, {0}) placeholders, HTML tags and entities:
# they are code, not words, and are never wrapped or counted as Latin text.
PROTECTED = re.compile(
    r"%(?:\([^)]*\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa%]"
    r"|\{(?:[A-Za-z_]\w*|\d*)(?:\.\w+|\[\w+\])*(?:![rsa])?(?::[^{}]*)?\}"
    r"|<[^<>]*>"
    r"|&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]\w*);"
)
# Characters a Latin run may hold besides its letters: ASCII digits, spaces and punctuation, and
# the few typographic marks used in English names ("File › Save As").
_RUN_EXTRA = frozenset(chr(code) for code in range(0x20, 0x7F)) | frozenset("\u00a0›‹’‘–—…")
_OPENERS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {closer: opener for opener, closer in _OPENERS.items()}
_QUOTES = "\"'"
# Punctuation that belongs to the surrounding sentence when it ends (or starts) a run.
_SENTENCE_END = frozenset(".,;:!?-–—…")
_SENTENCE_START = frozenset(",;:!?-–—…")


def _protected_isolates(text: str) -> list[bool]:
    """Per character: inside an isolate, its marks included."""
    mask = [False] * len(text)
    depth = 0
    for index, char in enumerate(text):
        if char in ISOLATE_OPENERS:
            depth += 1
        if depth:
            mask[index] = True
        if char == PDI and depth:
            depth -= 1
    return mask


def _protected(text: str) -> list[bool]:
    """Per character: inside an isolate (marks included), a placeholder or markup."""
    mask = _protected_isolates(text)
    for match in PROTECTED.finditer(text):
        mask[match.start() : match.end()] = [True] * (match.end() - match.start())
    return mask


def _balanced(run: str, char: str, *, at_start: bool) -> bool:
    """Whether a bracket or quote at one end of a run has its partner inside the run."""
    rest = run[1:] if at_start else run[:-1]
    if char in _QUOTES:
        return rest.count(char) % 2 == 1
    if at_start and char in _OPENERS:
        return rest.count(_OPENERS[char]) > rest.count(char)
    if not at_start and char in _CLOSERS:
        return rest.count(_CLOSERS[char]) > rest.count(char)
    return False


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a stretch to its Latin run: sentence punctuation and stray brackets stay outside."""
    while start < end:
        first = text[start]
        if first.isalnum() or (first == "." and start + 1 < end and text[start + 1].isalnum()):
            break
        if first.isspace() or first in _SENTENCE_START or first == ".":
            start += 1
        elif first in _OPENERS or first in _QUOTES:
            if _balanced(text[start:end], first, at_start=True):
                break
            start += 1
        else:
            start += 1
    while end > start:
        last = text[end - 1]
        if last.isalnum():
            break
        if (last in _CLOSERS or last in _QUOTES) and _balanced(
            text[start:end], last, at_start=False
        ):
            break
        end -= 1
    return start, end


def _in_run(char: str) -> bool:
    return char in _RUN_EXTRA or LATIN_LETTER.match(char) is not None


def latin_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each maximal Latin run not yet isolated, placeholders and markup aside."""
    mask = _protected(text)
    runs = []
    index = 0
    while index < len(text):
        if mask[index] or not _in_run(text[index]):
            index += 1
            continue
        start = index
        while index < len(text) and not mask[index] and _in_run(text[index]):
            index += 1
        if LATIN_LETTER.search(text, start, index):
            runs.append(_trim(text, start, index))
    return runs


def isolate_latin(text: str) -> str:
    """The text with each Latin run wrapped in U+2068 ... U+2069; isolated runs kept as they are."""
    pieces = []
    previous = 0
    for start, end in latin_runs(text):
        pieces += [text[previous:start], FSI, text[start:end], PDI]
        previous = end
    pieces.append(text[previous:])
    return "".join(pieces)


def bare_latin(text: str) -> list[str]:
    """The words with Latin letters outside any isolate, placeholder or markup."""
    mask = _protected(text)
    outside = "".join(" " if hidden else char for char, hidden in zip(text, mask, strict=True))
    return [word for word in outside.split() if LATIN_LETTER.search(word)]


def outside_isolates(text: str) -> str:
    """The text without its isolated runs (marks and all): what sets a paragraph's direction."""
    mask = _protected_isolates(text)
    return "".join(char for char, hidden in zip(text, mask, strict=True) if not hidden)


def strip_isolates(text: str) -> str:
    """The text without its isolate marks, for outputs that do not apply them (SMS, poppler)."""
    return text.translate({ord(mark): None for mark in ISOLATE_MARKS})


def left_to_right(text: str) -> str:
    """Text that reads left to right whatever surrounds it (a date "2025-07" after an Arabic word
    would otherwise read as two Arabic numbers, drawn "07-2025": UAX #9 rule W2)."""
    return f"{LRI}{text}{PDI}"
