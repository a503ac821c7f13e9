"""The project's bundled PDF fonts (SIL OFL, licences beside them) registered with ReportLab."""

from pathlib import Path

from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

FONT_DIR = Path(__file__).resolve().parent / "fonts"

LATIN = "CMELatin"
LATIN_BOLD = "CMELatin-Bold"
ARABIC = "CMEArabic"
ARABIC_BOLD = "CMEArabic-Bold"

FONT_FILES = {
    LATIN: "NotoSans-Regular.ttf",
    LATIN_BOLD: "NotoSans-Bold.ttf",
    ARABIC: "Amiri-Regular.ttf",
    ARABIC_BOLD: "Amiri-Bold.ttf",
}


class TextFont(TTFont):
    """A TrueType font whose shaped glyphs map back to the text they came from.

    HarfBuzz turns letters into contextual forms and ligatures that have no code point of their
    own; they get private-use codes here, and the ToUnicode map written for each subset gives
    each such code the logical text of its cluster, so extraction returns the letters typed.
    """

    def __init__(self, name: str, filename: str):
        super().__init__(name, filename)
        self.to_unicode: dict[int, str] = {}

    def addObjects(self, doc) -> None:  # noqa: N802 - ReportLab's hook
        """Write the subsets of this font used in `doc`, with text-preserving ToUnicode maps."""
        state = self._assignState(doc)
        state.frozen = 1
        for number, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(number, doc)[1:]
            base_name = (b"".join((SUBSETN(number), b"+", self.face.name))).decode("pdfdoc")
            pdf_font = pdfdoc.PDFTrueTypeFont()
            pdf_font.Name = internal_name
            pdf_font.BaseFont = base_name
            pdf_font.FirstChar = 0
            pdf_font.LastChar = len(subset) - 1
            pdf_font.Widths = pdfdoc.PDFArray(list(map(self.face.getCharWidth, subset)))
            cmap = pdfdoc.PDFStream()
            cmap.content = self._to_unicode_cmap(base_name, subset)
            if doc.compression:
                cmap.filters = [pdfdoc.PDFZCompress]
            pdf_font.ToUnicode = doc.Reference(cmap, "toUnicodeCMap:" + base_name)
            pdf_font.FontDescriptor = self.face.addSubsetObjects(doc, base_name, subset)
            doc.Reference(pdf_font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = pdf_font
        del self.state[doc]

    def _to_unicode_cmap(self, name: str, subset: list[int]) -> str:
        to_unicode = self.to_unicode
        entries = []
        for index, code in enumerate(subset):
            text = to_unicode.get(code, chr(code))
            entries.append(f"<{index:02X}> <{text.encode('utf-16-be').hex().upper()}>")
        lines = [
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
            f"/CIDSystemInfo << /Registry ({name}) /Ordering ({name}) /Supplement 0 >> def",
            f"/CMapName /{name} def /CMapType 2 def",
            f"1 begincodespacerange <00> <{len(subset) - 1:02X}> endcodespacerange",
        ]
        for start in range(0, len(entries), 100):
            block = entries[start : start + 100]
            lines += [f"{len(block)} beginbfchar", *block, "endbfchar"]
        lines.append("endcmap CMapName currentdict /CMap defineresource pop end end")
        return "\n".join(lines)


def register_fonts() -> None:
    """Register the bundled fonts with ReportLab once per process."""
    registered = pdfmetrics.getRegisteredFontNames()
    for name, filename in FONT_FILES.items():
        if name not in registered:
            pdfmetrics.registerFont(TextFont(name, str(FONT_DIR / filename)))


def font_pair(*, bold: bool = False) -> tuple[str, str]:
    """The (Latin, Arabic) font names for a weight."""
    return (LATIN_BOLD, ARABIC_BOLD) if bold else (LATIN, ARABIC)
