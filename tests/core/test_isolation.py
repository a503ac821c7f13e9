"""Latin names, codes and editors' acronyms keep their order inside Arabic and Kurdish text."""

from html import escape
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from django.template import Context, Template
from django.utils.safestring import SafeString
from django.utils.translation import override

from core.isolation import ISOLATING, VOID, bdi, isolate_latin_runs, isolated

TEXT = st.text(
    alphabet=st.sampled_from(list("abcXYZ019 .-_/:&'<>\"") + list("دليل ملف ساعة ڕێ")),
    max_size=30,
)


def _element(children):
    tag = st.sampled_from(["p", "strong", "em", "a", "li", "code", "bdi", "span"])
    return st.builds(
        lambda tag, children, dir_: (tag, dir_, children), tag, children, st.booleans()
    )


NODES = st.recursive(TEXT, lambda inner: _element(st.lists(inner, max_size=4)), max_leaves=12)


def _html(node) -> str:
    if isinstance(node, str):
        return escape(node, quote=False)
    tag, has_dir, children = node
    attributes = ' href="https://example.org/PSA?a=1&amp;b=OXY"' if tag == "a" else ""
    attributes += ' dir="ltr"' if has_dir and tag == "span" else ""
    return f"<{tag}{attributes}>{''.join(map(_html, children))}</{tag}>"


class _Reader(HTMLParser):
    """The visible text, whether the tags nest properly, and Latin letters left bare."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.stack, self.well_formed, self.bare = [], [], True, []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append((tag, tag in ISOLATING or "dir" in dict(attrs)))

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop()[0] != tag:
            self.well_formed = False

    def handle_data(self, data):
        self.text.append(data)
        if not any(isolates for _tag, isolates in self.stack):
            self.bare += [letter for letter in data if letter.isascii() and letter.isalpha()]


def _read(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader


@settings(max_examples=300, deadline=None)
@given(st.lists(NODES, max_size=5))
def test_every_latin_run_ends_up_in_bdi_and_the_text_and_markup_are_kept(nodes):
    html = "".join(map(_html, nodes))
    out = isolate_latin_runs(SafeString(html))
    before, after = _read(html), _read(out)
    assert "".join(after.text) == "".join(before.text)
    assert after.well_formed and not after.stack
    assert after.bare == []


def test_links_code_and_attributes_are_left_as_the_editor_wrote_them():
    html = '<p>دليل <a href="/docs/PSA.pdf" title="PSA">PSA</a> <code>index.html</code></p>'
    assert isolate_latin_runs(SafeString(html)) == (
        '<p>دليل <a href="/docs/PSA.pdf" title="PSA"><bdi dir="ltr">PSA</bdi></a> '
        "<code>index.html</code></p>"
    )


def test_a_file_name_a_code_and_a_name_are_each_one_run():
    out = isolate_latin_runs("افتح index.html و OXY-101 مع Zainab Al-Bayati")
    assert out == (
        'افتح <bdi dir="ltr">index.html</bdi> و <bdi dir="ltr">OXY-101</bdi> مع '
        '<bdi dir="ltr">Zainab Al-Bayati</bdi>'
    )


def test_plain_text_is_escaped_before_it_is_isolated():
    assert (
        isolate_latin_runs("<b>PSA</b>")
        == '&lt;<bdi dir="ltr">b</bdi>&gt;<bdi dir="ltr">PSA</bdi>&lt;/<bdi dir="ltr">b</bdi>&gt;'
    )


def test_isolated_marks_a_value_with_its_scripts_direction_and_language():
    assert isolated("Zainab Al-Bayati") == '<bdi dir="ltr" lang="en">Zainab Al-Bayati</bdi>'
    assert isolated("OXY-101") == '<bdi dir="ltr">OXY-101</bdi>'
    assert isolated("زينب البياتي") == '<bdi dir="rtl" lang="ar">زينب البياتي</bdi>'
    assert isolated("ڕێژین") == '<bdi dir="rtl" lang="ckb">ڕێژین</bdi>'
    assert isolated("<b>") == '<bdi dir="ltr" lang="en">&lt;b&gt;</bdi>'
    assert isolated(None) == "" and isolated("") == ""
    assert bdi("<x>", language="en") == '<bdi lang="en">&lt;x&gt;</bdi>'


def test_rich_text_is_isolated_only_on_a_right_to_left_page():
    template = Template("{% load isolation %}{{ text|isolate_latin:language }}")
    text = SafeString("<p>دليل HeRAMS</p>")
    for language, expected in [
        ("ar", '<p>دليل <bdi dir="ltr">HeRAMS</bdi></p>'),
        ("ckb", '<p>دليل <bdi dir="ltr">HeRAMS</bdi></p>'),
        ("en", "<p>دليل HeRAMS</p>"),
    ]:
        with override("ar"):
            assert template.render(Context({"text": text, "language": language})) == expected
