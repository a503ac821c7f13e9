"""The project's bundled PDF fonts (SIL OFL, licences beside them) registered with ReportLab."""

from collections import OrderedDict
from pathlib import Path

from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC, SUBSETN, TTFont

from core.pdf.flate import FAST_FLATE

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
# Text that changes from one document to the next (a holder's name, a serial) is drawn with a
# second instance of each face, so the subsets of the first instance, which carries the text
# every document shares (titles, labels), come out identical and are built once per process.
VARIABLE_SUFFIX = "~v"
# The invisible text of the reading layer (core/pdf/reading.py) has a face instance of its own,
# its codes given in one fixed order at the start of every document, so its subset is the same in
# every document and built once; on a shared face, a per-document line's letters changed it.
READING = "CMEReading"
_SUBSET_CACHE_SIZE = 64


class _Frozen(pdfdoc.PDFObject):
    """A PDF object already formatted: written as the bytes it was built with."""

    __RefOnly__ = 1

    def __init__(self, data: bytes):
        self.data = data

    def format(self, document) -> bytes:
        return self.data


class TextFont(TTFont):
    """A TrueType font whose shaped glyphs map back to the text they came from.

    HarfBuzz turns letters into contextual forms and ligatures that have no code point of their
    own; they get private-use codes here, and the ToUnicode map written for each subset gives
    each such code the logical text of its cluster, so extraction returns the letters typed.

    A subset's font program, widths and ToUnicode map depend only on the codes in it (a code's
    glyph, width and text never change once given), so they are kept, by those codes, for the
    next document that has the same subset. Fonts with `cache_subsets` off build every subset.
    """

    def __init__(self, name: str, filename: str, *, ascii_readable: bool, cache_subsets: bool):
        super().__init__(name, filename, asciiReadable=int(ascii_readable))
        self.to_unicode: dict[int, str] = {}
        self.cache_subsets = cache_subsets
        self._subsets: OrderedDict[tuple[int, ...], tuple[bytes, bytes, bytes, bytes]] = (
            OrderedDict()
        )

    def addObjects(self, doc) -> None:  # noqa: N802 - ReportLab's hook
        """Write the subsets of this font used in `doc`, with text-preserving ToUnicode maps."""
        state = self._assignState(doc)
        state.frozen = 1
        cacheable = self.cache_subsets and isinstance(doc.encrypt, pdfdoc.NoEncryption)
        for number, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(number, doc)[1:]
            base_name = (b"".join((SUBSETN(number), b"+", self.face.name))).decode("pdfdoc")
            key = (number, *subset)
            parts = self._subsets.get(key) if cacheable else None
            if parts is None:
                parts = self._subset_parts(doc, base_name, subset, kept=cacheable)
                if cacheable:
                    self._subsets[key] = parts
                    if len(self._subsets) > _SUBSET_CACHE_SIZE:
                        self._subsets.popitem(last=False)
            else:
                self._subsets.move_to_end(key)
            font_dict, cmap, font_file, descriptor = parts
            font_file_ref = doc.Reference(_Frozen(font_file), f"fontFile:{base_name}")
            descriptor_ref = doc.Reference(
                _Frozen(descriptor.replace(b"%FONTFILE%", font_file_ref.format(doc))),
                f"fontDescriptor:{base_name}",
            )
            cmap_ref = doc.Reference(_Frozen(cmap), "toUnicodeCMap:" + base_name)
            pdf_font = _Frozen(
                font_dict.replace(b"%NAME%", internal_name.encode())
                .replace(b"%DESCRIPTOR%", descriptor_ref.format(doc))
                .replace(b"%TOUNICODE%", cmap_ref.format(doc))
            )
            doc.Reference(pdf_font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = pdf_font
        del self.state[doc]

    def _subset_parts(self, doc, base_name: str, subset: list[int], *, kept: bool):
        """Font dictionary, ToUnicode stream, font program stream and descriptor, as bytes.

        A subset `kept` for later documents is compressed once, at the default level; one built for
        this document alone at the fastest (core/pdf/flate.py).
        """
        face = self.face
        flate = pdfdoc.PDFZCompress if kept else FAST_FLATE
        filters = [flate] if doc.compression else None
        widths = pdfdoc.PDFArray(list(map(face.getCharWidth, subset))).format(doc)
        font_dict = b"".join(
            (
                b"<< /BaseFont ",
                pdfdoc.PDFName(base_name).encode("pdfdoc"),
                b" /FirstChar 0 /FontDescriptor %DESCRIPTOR% /LastChar ",
                str(len(subset) - 1).encode(),
                b" /Name /%NAME% /Subtype /TrueType /ToUnicode %TOUNICODE% /Type /Font\n /Widths ",
                widths,
                b" >>",
            )
        )
        cmap = pdfdoc.PDFStream(content=self._to_unicode_cmap(base_name, subset), filters=filters)
        program = face.makeSubset(subset)
        font_file = pdfdoc.PDFStream(content=program, filters=filters)
        font_file.dictionary["Length1"] = len(program)
        descriptor = pdfdoc.PDFDictionary(
            {
                "Type": "/FontDescriptor",
                "Ascent": face.ascent,
                "CapHeight": face.capHeight,
                "Descent": face.descent,
                "Flags": (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC,
                "FontBBox": pdfdoc.PDFArray(face.bbox),
                "FontName": pdfdoc.PDFName(base_name),
                "ItalicAngle": face.italicAngle,
                "StemV": face.stemV,
                "FontFile2": b"%FONTFILE%",
                "MissingWidth": face.defaultWidth,
            }
        )
        return font_dict, cmap.format(doc), font_file.format(doc), descriptor.format(doc)

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
    """Register the bundled fonts (each as a shared and a per-document instance) once."""
    registered = pdfmetrics.getRegisteredFontNames()
    for name, filename in FONT_FILES.items():
        latin = name.startswith(LATIN)
        for instance, variable in ((name, False), (name + VARIABLE_SUFFIX, True)):
            if instance in registered:
                continue
            # Latin subsets always hold the whole of ASCII, so names and serials in ASCII
            # leave them unchanged; Arabic-script subsets hold only the glyphs drawn.
            font = TextFont(
                instance,
                str(FONT_DIR / filename),
                ascii_readable=latin,
                cache_subsets=latin or not variable,
            )
            # A Latin subset holds all of ASCII whatever is drawn, so Latin text that differs per
            # document leaves it alone: the Latin per-document name stays the shared instance
            # (ReportLab's own mapping of a face name), sparing every PDF a second Latin program.
            _register(font, face_suffix=b"-Var" if variable and not latin else b"")
    if READING not in registered:
        font = TextFont(
            READING, str(FONT_DIR / FONT_FILES[ARABIC]), ascii_readable=False, cache_subsets=True
        )
        _register(font, face_suffix=b"-Read")


def _register(font: TextFont, *, face_suffix: bytes) -> None:
    # ReportLab registers one font object per face name and hands it out for every later name
    # with the same face: a second instance of a face must carry a face name of its own, or it
    # is the first instance again and its per-document text reshapes the shared subsets.
    font.face.name += face_suffix
    pdfmetrics.registerFont(font)


def font_pair(*, bold: bool = False, variable: bool = False) -> tuple[str, str]:
    """The (Latin, Arabic) font names for a weight; `variable`: text that differs per document."""
    names = (LATIN_BOLD, ARABIC_BOLD) if bold else (LATIN, ARABIC)
    if variable:
        return tuple(name + VARIABLE_SUFFIX for name in names)
    return names
