"""The walker's English check reads Unicode isolates in translated strings as isolated text."""

import pytest

from tests.e2e.journeys.walk import ENGLISH_WORDS


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    yield context.new_page()
    context.close()


def test_english_check_skips_latin_inside_an_isolate_and_reports_bare_latin(tab):
    tab.set_content(
        '<html lang="ar" dir="rtl"><body><p>'
        "نزّل الملف بصيغة \u2068Open Badge\u2069 أو بصيغة Excel"
        "</p></body></html>"
    )
    assert tab.evaluate(ENGLISH_WORDS, "ar") == ["Excel"]


def test_english_check_skips_nested_and_unclosed_isolates_in_placeholders(tab):
    tab.set_content(
        '<html lang="ckb" dir="rtl"><body>'
        '<input placeholder="فایلێکی \u2066CSV \u2067UTF\u2069 8\u2069 یان \u2068XLSX">'
        "<p>پەڕگەی \u2068CSV\u2069 بە UTF-8</p></body></html>"
    )
    assert tab.evaluate(ENGLISH_WORDS, "ckb") == ["UTF"]
