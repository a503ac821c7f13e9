"""Flate at zlib's fastest level for the streams a document draws anew.

ReportLab compresses every stream at zlib's default level (6). A certificate's own streams (its
page and the subset of the face that carries the holder's name) take about 0.4 ms at level 1 where
level 6 took 0.7, for about 1 % more bytes (docs/benchmarks.md, stop 19). Every PDF of the project
builds its per-document subsets at level 1 (core/pdf/fonts.py); only the certificate, drawn by the
ten thousand, also sets its pages' streams here (`pages_fast_flate`). Subsets kept for the next
document are compressed once, so they keep the default level and stay smaller.
"""

import zlib

from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas


class _FastFlate(pdfdoc.PDFStreamFilterZCompress):
    def encode(self, text):
        if isinstance(text, str):
            text = text.encode("utf8")
        return zlib.compress(text, 1)


FAST_FLATE = _FastFlate()


def pages_fast_flate(canvas: Canvas) -> None:
    """Compress the content stream of every page shown so far with FAST_FLATE (before `save`)."""
    for page in canvas._doc.Pages.pages:
        # A page without Contents gets ReportLab's default-level stream when the document is
        # written; one set here is written as it is.
        if not page.Contents and page.stream:
            page.Contents = pdfdoc.PDFStream(content=page.stream, filters=[FAST_FLATE])
