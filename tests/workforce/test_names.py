import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from workforce.names import digits_to_ascii, name_normalise

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآ"
arabic_names = st.text(alphabet=LETTERS + " ", min_size=1, max_size=30)
kurdish_names = st.text(alphabet="ئابپتجچحخدرڕزژسشعغفڤقکگلڵمنوۆهەیێ ", min_size=1, max_size=30)

# Letters a clerk, a keyboard or a sign-in sheet may use for the same letter.
VARIANTS = [
    "اأإآٱ",
    "هةەھ",
    "يىیێئ",
    "وؤۆ",
    "كکڪ",
    "رڕ",
    "لڵ",
]
# Each letter's presentation forms (isolated, initial, medial, final), as PDFs and old systems emit.
PRESENTATION = {}
for code in [*range(0xFB50, 0xFDFF), *range(0xFE70, 0xFEFF)]:
    folded = unicodedata.normalize("NFKC", chr(code))
    if len(folded) == 1 and folded in LETTERS:
        PRESENTATION.setdefault(folded, []).append(chr(code))
ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
EXTENDED_ARABIC_INDIC = "۰۱۲۳۴۵۶۷۸۹"


@given(st.text(max_size=40))
def test_name_normalise_is_idempotent_on_any_text(name):
    assert name_normalise(name_normalise(name)) == name_normalise(name)


@given(st.lists(st.sampled_from(VARIANTS), min_size=1, max_size=6), st.data())
def test_name_normalise_folds_variant_letters_to_one_key(groups, data):
    first = "".join(data.draw(st.sampled_from(group)) for group in groups)
    second = "".join(data.draw(st.sampled_from(group)) for group in groups)
    assert name_normalise("م" + first + "د") == name_normalise("م" + second + "د")


@given(
    arabic_names,
    st.lists(st.sampled_from("\u0640\u064b\u064e\u064f\u0650\u0651\u0652\u0670"), max_size=4),
)
def test_name_normalise_ignores_tatweel_and_harakat(name, marks):
    decorated = "".join(ch + "".join(marks) for ch in name)
    assert name_normalise(decorated) == name_normalise(name)


@given(kurdish_names, st.lists(st.sampled_from("\u200c\u200d\u200b\u200f\ufeff"), min_size=1))
def test_name_normalise_ignores_zero_width_joiners_and_direction_marks(name, joiners):
    joined = "".join(ch + joiners[i % len(joiners)] for i, ch in enumerate(name))
    assert name_normalise(joined) == name_normalise(name)


@given(st.text(alphabet=LETTERS, min_size=1, max_size=20), st.data())
def test_name_normalise_reads_presentation_forms_as_letters(name, data):
    shaped = "".join(
        data.draw(st.sampled_from(PRESENTATION[ch])) if ch in PRESENTATION else ch for ch in name
    )
    assert name_normalise(shaped) == name_normalise(name)


@given(st.integers(min_value=0, max_value=10**12))
def test_name_normalise_and_digits_to_ascii_read_arabic_indic_digits(number):
    ascii_digits = str(number)
    for digits in (ARABIC_INDIC, EXTENDED_ARABIC_INDIC):
        typed = "".join(digits[int(d)] for d in ascii_digits)
        assert digits_to_ascii(typed) == ascii_digits
        assert name_normalise(f"LIC {typed}") == name_normalise(f"LIC {ascii_digits}")


def test_name_normalise_folds_kurdish_letters_to_their_arabic_base():
    assert name_normalise("ڕێبوار ھەڵۆ") == name_normalise("ريبوار هەلو")


def test_name_normalise_folds_alef_ta_marbuta_and_ya_variants():
    assert name_normalise("إسراء فاطمة علی") == name_normalise("اسراء فاطمه على")


def test_name_normalise_joins_abd_to_the_name_that_follows():
    assert name_normalise("عبد الله") == name_normalise("عبدالله")


def test_name_normalise_folds_latin_case_accents_and_hyphens():
    assert name_normalise("  Zainab  AL-Jubouri ") == name_normalise("zaïnab al jubouri")


def test_name_normalise_keeps_different_names_apart():
    assert name_normalise("حسن") != name_normalise("حسين")
    assert name_normalise("Ali") != name_normalise("Alia")
