"""Text of one script kept whole inside a page of the other direction (`<bdi>`).

A Latin name, a course code or a licence number inside an Arabic or Kurdish sentence is laid out
by the Unicode bidi algorithm together with its neighbours: "OXY-101 · 12" comes out reordered and
a name's punctuation jumps to the wrong end. `<bdi>` lays the value out on its own. The helpers:

- `isolated(value)`: one value a template prints (a name, a code), escaped inside `<bdi>` with the
  `dir` and `lang` of its script, as certificates name their holders.
- `in_language(text, language)`: content not (yet) in the reader's language, e.g. an untranslated
  course title, in `<bdi lang dir>` so it is read, voiced and laid out as the language it is in.
- `isolate_latin_runs(html)`: each run of Latin words in an editor's rich text (an acronym, a file
  name) wrapped in `<bdi dir="ltr">`, leaving tags, attributes and already isolated elements alone.
"""

import re
from html import escape
from html.parser import HTMLParser

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, get_language_info

from core.isolates import LATIN_LETTER
from core.script_language import arabic_script_language, text_direction

LATIN_LANGUAGE = "en"
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
# A run starts and ends with a Latin letter or a digit after one ("OXY-101", "index.html",
# "Zainab Al-Bayati"); spaces and the punctuation of codes and file names may join its words.
LATIN_RUN = re.compile(
    r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f0-9]*"
    r"(?:[ .\-_/:+&'’]+[A-Za-z\u00c0-\u024f0-9]+)*"
)
# Elements whose text is already laid out on its own, or is not text a person reads.
ISOLATING = frozenset(
    {"bdi", "bdo", "code", "kbd", "samp", "pre", "script", "style", "textarea", "svg", "math"}
)
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr", "param"}
)  # fmt: skip


def script_of(text: str) -> tuple[str, str]:
    """(`dir`, `lang`) for a value: its script's, or ("", "") for digits and signs alone."""
    if _ARABIC_LETTER.search(text):
        language = arabic_script_language(text)
        return text_direction(language), language
    if LATIN_LETTER.search(text):
        return "ltr", LATIN_LANGUAGE
    return "", ""


def bdi(text, *, direction: str = "", language: str = "") -> SafeString:
    """`text` escaped inside `<bdi>`, with `dir` and `lang` when given."""
    attributes = SafeString("")
    if direction:
        attributes += format_html(' dir="{}"', direction)
    if language:
        attributes += format_html(' lang="{}"', language)
    return format_html("<bdi{}>{}</bdi>", attributes, text)


def isolated(value) -> SafeString:
    """A name or a code escaped inside `<bdi>` with its script's `dir` and `lang`; "" for none."""
    if value is None or value == "":
        return mark_safe("")
    direction, language = script_of(str(value))
    # A code ("OXY-101") is no word of English: only names and words get a language.
    if language == LATIN_LANGUAGE and not re.search(r"[a-z]", str(value)):
        language = ""
    return bdi(value, direction=direction, language=language)


def language_attributes(language: str) -> SafeString:
    """` lang=".." dir=".."` for text in `language` shown to a reader of another, else ""."""
    if not language or language == (get_language() or "").split("-")[0]:
        return mark_safe("")
    direction = "rtl" if get_language_info(language)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', language, direction)


def in_language(text, language: str) -> SafeString:
    """`text` in `<bdi>`, marked with its language when that is not the reader's."""
    return format_html("<bdi{}>{}</bdi>", language_attributes(language), text)


class _LatinRunIsolator(HTMLParser):
    """Copies HTML through, wrapping Latin runs of text outside isolating elements in `<bdi>`."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[tuple[str, bool]] = []  # (tag, isolates its text)

    def _inside_isolated(self) -> bool:
        return any(isolates for _tag, isolates in self.open)

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag not in VOID:
            names = {name for name, _value in attrs}
            self.open.append((tag, tag in ISOLATING or "dir" in names))

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if not any(open_tag == tag for open_tag, _ in self.open):
            return  # a stray end tag closes nothing: dropping it keeps the markup well formed
        while self.open:
            open_tag, _ = self.open.pop()
            self.out.append(f"</{open_tag}>")
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self.open and self.open[-1][0] in ("script", "style"):
            self.out.append(data)  # raw text: escaping would change the script
        elif self._inside_isolated():
            self.out.append(escape(data, quote=False))
        else:
            self.out.append(_wrap_runs(data))

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")

    def result(self) -> str:
        self.close()
        while self.open:  # close what the input left open, innermost first
            self.out.append(f"</{self.open.pop()[0]}>")
        return "".join(self.out)


def _wrap_runs(text: str) -> str:
    parts, end = [], 0
    for run in LATIN_RUN.finditer(text):
        parts.append(escape(text[end : run.start()], quote=False))
        parts.append(f'<bdi dir="ltr">{escape(run.group(), quote=False)}</bdi>')
        end = run.end()
    parts.append(escape(text[end:], quote=False))
    return "".join(parts)


def isolate_latin_runs(html) -> SafeString:
    """`html` (escaped first if it is plain text) with each Latin run of its text inside `<bdi>`."""
    html = str(conditional_escape(html))
    # Safe: `html` is escaped above unless it was already safe, and the parser re-escapes text.
    if not LATIN_LETTER.search(html):
        return mark_safe(html)  # noqa: S308
    parser = _LatinRunIsolator()
    parser.feed(html)
    return mark_safe(parser.result())  # noqa: S308
