"""The matching keys of names: the table of real Arabic/Sorani pairs and generated properties."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from tests.workforce.name_pairs import DIFFERENT_PEOPLE, SAME_PERSON
from workforce.matching import SIMILAR_AT, Rank, Typed, name_rank
from workforce.names import name_normalise
from workforce.skeleton import name_skeleton

# Letters that are consonants in both scripts (no vowel letter, no letter a rule rewrites).
CONSONANTS = "بتجحخدرزسشعغفقكلمن"
consonant_words = st.text(alphabet=CONSONANTS, min_size=2, max_size=7)


def rank(typed: str, stored: str) -> Rank | None:
    """How a full name typed in a form matches a stored one, as the duplicate warning ranks it."""
    keys = (name_normalise(stored),)
    return name_rank(Typed.of(typed), keys=keys, skeleton=name_skeleton(stored), whole=True)


def both_ways(pairs):
    return [*pairs, *[(b, a) for a, b in pairs]]


def test_the_table_holds_at_least_forty_pairs_of_each_kind():
    assert len(set(SAME_PERSON)) >= 40
    assert len(set(DIFFERENT_PEOPLE)) >= 40


@pytest.mark.parametrize(("typed", "stored"), both_ways(SAME_PERSON))
def test_an_arabic_and_a_sorani_spelling_of_one_name_match(typed, stored):
    assert rank(typed, stored) is not None


@pytest.mark.parametrize(("typed", "stored"), both_ways(DIFFERENT_PEOPLE))
def test_names_of_different_people_do_not_match(typed, stored):
    assert rank(typed, stored) is None


def test_the_similarity_threshold_lies_between_the_tables_pairs():
    def word_scores(pairs):
        for a, b in pairs:
            for x, y in zip(name_skeleton(a).split(), name_skeleton(b).split(), strict=False):
                if x != y:
                    yield fuzz.ratio(x, y)

    assert max(word_scores(DIFFERENT_PEOPLE)) < SIMILAR_AT
    assert min(word_scores(SAME_PERSON)) >= SIMILAR_AT


def test_most_spelling_pairs_match_on_the_skeleton_and_not_only_by_similarity():
    ranks = [rank(typed, stored) for typed, stored in SAME_PERSON]
    assert ranks.count(Rank.SIMILAR) <= 2
    assert rank("محمد", "محمد") == Rank.EXACT
    assert rank("محەمەد", "محمد") == Rank.SKELETON


@given(st.text(max_size=40))
def test_the_skeleton_is_idempotent_on_any_text(name):
    assert name_skeleton(name_skeleton(name)) == name_skeleton(name)


@given(st.lists(consonant_words, min_size=1, max_size=3), st.data())
def test_the_skeleton_ignores_the_short_vowel_sorani_writes_between_consonants(words, data):
    def with_ae(word):
        where = data.draw(st.sets(st.integers(0, len(word) - 2), min_size=1))
        return "".join(ch + ("ە" if i in where else "") for i, ch in enumerate(word))

    sorani = " ".join(with_ae(word) for word in words)
    assert name_skeleton(sorani) == name_skeleton(" ".join(words))


@given(consonant_words, consonant_words)
def test_the_skeleton_ignores_a_short_u_written_as_waw_in_a_sorani_word(start, end):
    arabic = start[0] + start[1:] + "ا" + end
    sorani = start[0] + "و" + start[1:] + "ا" + end + "ە"
    assert name_skeleton(sorani) == name_skeleton(arabic + "ة")


@given(consonant_words, st.sampled_from("اەێۆیو"))
def test_a_kurdish_vowel_carrier_reads_as_the_arabic_initial_alef(word, vowel):
    for alef in "اأإآ":
        assert name_skeleton("ئ" + vowel + word) == name_skeleton(alef + word)


@given(st.text(alphabet=CONSONANTS + "كکيیهةە اوێۆڕڵ", max_size=30), st.data())
def test_the_skeleton_ignores_kaf_and_ya_variants(name, data):
    swapped = "".join(
        data.draw(st.sampled_from({"ك": "كک", "ک": "كک", "ي": "يی", "ی": "يی"}.get(ch, ch)))
        for ch in name
    )
    assert name_skeleton(swapped) == name_skeleton(name)


@given(st.lists(consonant_words, min_size=1, max_size=3), st.data())
def test_the_skeleton_reads_a_final_ta_marbuta_heh_and_sorani_ae_alike(words, data):
    def ending(word):
        return word + data.draw(st.sampled_from("ةهەھ"))

    first = " ".join(ending(word) for word in words)
    second = " ".join(ending(word) for word in words)
    assert name_skeleton(first) == name_skeleton(second)


@given(
    st.lists(consonant_words, min_size=1, max_size=3),
    st.lists(st.sampled_from("\u0640\u064b\u064e\u064f\u0650\u0651\u0652\u0670"), max_size=3),
)
def test_the_skeleton_ignores_harakat_and_tatweel(words, marks):
    name = " ".join(words)
    decorated = "".join(ch + ("".join(marks) if ch != " " else "") for ch in name)
    assert name_skeleton(decorated) == name_skeleton(name)


@given(st.from_regex(r"[A-Za-z ]{1,20}", fullmatch=True))
def test_a_latin_name_has_no_skeleton(name):
    assert name_skeleton(name) == ""


@given(consonant_words, consonant_words, st.sampled_from([("ێ", "ي"), ("ۆ", "و")]))
def test_sorani_long_vowels_read_as_the_arabic_letters(start, end, vowels):
    sorani, arabic = vowels
    assert name_skeleton(start + sorani + end) == name_skeleton(start + arabic + end)
