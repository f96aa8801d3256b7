"""kztrade.candidates finds the same token starts as the language's candidate_re, the pattern it replaces."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kztrade.candidates import starts
from kztrade.lang import lexicon
from kztrade.prefilter import Scan

# pieces where the two could part: words alone, inside longer words, capitalised or shouted, after "a"/"an"
# with blanks of every kind, next to digits (ASCII and others), letters of both scripts, word joiners
PIECES = ["seven", "Seven", "SEVEN", "sEven", "SEven", "Тысяча", "ТЫСЯЧА", "тЫсяча", "Ёж", "Hundred", "HUNDRED",
          "seventy", "seventh", "often", "money", "tenfold", "ten", "one",
          "a", "A", "an", "An", "Dan", "aa", "hundred", "hundreds", "hundredfold", "half", "halves", "third",
          "thirds", "quarter", "a third", "an eighth", "two", "двадцать", "Двадцать", "две", "вдвое", "тысяча",
          "тысячи", "дваx", "xдва", "ё", "1", "12", "1,5", "1.5", "٣", "\U0001d7d8", "²", "_", "'", "-", "’", " ", "  ", "\n",
          "\t", "\u00a0", "\u2009", ".", ",", "(", "é", "İ", "x"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_the_same_starts_as_the_candidate_pattern(pieces):
    text = "".join(pieces)
    for code in ("en", "ru"):
        want = [m.start() for m in lexicon(code).candidate_re().finditer(text)]
        assert list(starts(text, code)) == want, (code, text)
        low = Scan(text).low  # the lower-cased text the tokenizer hands over, where re's folding keeps it exact
        if low is not None:
            assert list(starts(text, code, low)) == want, (code, text)


def test_words_stand_alone_and_a_takes_a_scale_word():
    # "an eighth": no article before an ordinal; "a hundredfold": none before a longer word
    text = "Seven often, SEVEN 12 a hundred an eighth a hundredfold An\n half"
    assert list(starts(text, "en")) == [0, 19, 22, 24, 35, 44, 56, 60]
    assert [text[i:i + 3] for i in starts(text, "en")] == ["Sev", "12 ", "a h", "hun", "eig", "hun", "An\n", "hal"]


def test_digits_of_every_script_begin_a_token():
    # Arabic-Indic digits in the Basic Multilingual Plane, mathematical ones beyond it (another scan reads those)
    text = "a ٣٤ b 7 \U0001d7d8\U0001d7d9 c"
    assert list(starts(text, "en")) == [2, 7, 9]


def test_russian_words_bounded_by_cyrillic_letters_only():
    text = "Двадцать2две xдва недвадцать"
    assert list(starts(text, "ru")) == [0, 8, 9, 14]
