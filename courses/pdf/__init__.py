"""Printable PDFs of the tracking side: a session's sign-in sheet and a health worker's transcript.

Both are pure renderers (facts in, PDF bytes out) drawn with the shared shaping of `core.pdf`, so
Arabic and Kurdish names are joined, right-to-left and extract as typed.
"""

from courses.pdf.sheet import SheetFacts, SheetPerson, SignInSheetRenderer
from courses.pdf.transcript import (
    TranscriptClaim,
    TranscriptFacts,
    TranscriptLine,
    TranscriptRenderer,
)

__all__ = [
    "SheetFacts",
    "SheetPerson",
    "SignInSheetRenderer",
    "TranscriptClaim",
    "TranscriptFacts",
    "TranscriptLine",
    "TranscriptRenderer",
]
