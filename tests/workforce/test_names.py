from hypothesis import given
from hypothesis import strategies as st

from workforce.names import digits_to_ascii, name_normalise

arabic_letters = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآ ", min_size=1, max_size=30)


@given(arabic_letters)
def test_name_normalise_is_idempotent(name):
    assert name_normalise(name_normalise(name)) == name_normalise(name)


@given(
    arabic_letters,
    st.lists(st.sampled_from("\u0640\u064e\u064f\u0650\u0651\u0652\u200c\u200d"), max_size=5),
)
def test_name_normalise_ignores_tatweel_harakat_and_joiners(name, marks):
    decorated = "".join(ch + "".join(marks) for ch in name)
    assert name_normalise(decorated) == name_normalise(name)


def test_name_normalise_folds_alef_ta_marbuta_and_ya_variants():
    assert name_normalise("إسراء فاطمة علی") == name_normalise("اسراء فاطمه على")


def test_digits_to_ascii_reads_arabic_indic_digits():
    assert digits_to_ascii("٠٧٧٠١٢٣٤٥٦٧") == "07701234567"
