"""Which Latin runs of a translated string are isolated, and what stays outside them."""

from core.isolates import bare_latin, isolate_latin


def _shown(text: str) -> str:
    return text.replace("\u2068", "[").replace("\u2069", "]")


def test_a_latin_name_with_digits_spaces_and_brackets_is_one_isolate():
    text = "اختر نوع الملف CSV UTF-8 (Comma delimited) ثم احفظه"

    assert _shown(isolate_latin(text)) == "اختر نوع الملف [CSV UTF-8 (Comma delimited)] ثم احفظه"


def test_sentence_punctuation_and_unbalanced_brackets_stay_in_the_sentence():
    assert _shown(isolate_latin("الكشف (XLSX أو CSV).")) == "الكشف ([XLSX] أو [CSV])."
    assert _shown(isolate_latin("وافتح index.html: لا حاجة")) == "وافتح [index.html]: لا حاجة"
    assert _shown(isolate_latin("بصيغة YYYY-MM، مثلاً 2026-03.")) == "بصيغة [YYYY-MM]، مثلاً 2026-03."


def test_placeholders_markup_and_entities_are_never_wrapped():
    text = 'نزّل <a href="%(url)s">%(name)s</a> &amp; {count} %d%% ملف PDF'

    assert _shown(isolate_latin(text)) == text.replace("PDF", "[PDF]")


def test_isolating_twice_changes_nothing_and_existing_isolates_are_kept():
    text = "في Excel اختر «\u2066CSV UTF-8 (Comma delimited)\u2069» من قائمة File"
    once = isolate_latin(text)

    assert isolate_latin(once) == once
    assert "\u2066CSV UTF-8 (Comma delimited)\u2069" in once
    assert bare_latin(text) == ["Excel", "File"]
    assert bare_latin(once) == []
