"""The token pattern matched case-sensitively on lower-cased text (kztrade.casefree) matches as re.I does."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kztrade import casefree
from kztrade.lang import lexicon
from kztrade.prefilter import by_first_digit

PIECES = ["двадцать", "ДВАДЦАТЬ", "Двадцать", "пять", "ПЯТЬ", "тысяч", "Тысяч", "две", "трети", "вдвое", "втрое",
          "первый", "Ё", "ё", "сто", "one", "TWENTY", "Half", "a", "tripled", "fold", " ", "  ", "\t", "\n", "-",
          "\u00a0", "1", ".", ",", "x", "İ", "ı", "ſ", "\u212a", "\u1c80", "\u0400", "ß"]


PATTERNS = {code: (by_first_digit(lexicon(code).token_re())[1], casefree.lowered(lexicon(code).token_re()))
            for code in ("en", "ru")}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25))
def test_the_lowered_pattern_matches_where_and_as_the_pattern_does(pieces):
    text = "".join(pieces)
    for code, (at_letter, at_lower) in PATTERNS.items():
        low = casefree.lower(text)
        if low is None:
            assert any(c in text for c in "İıſ\u212a\u1c80"), text
            continue
        for i in range(len(text)):
            want, got = at_letter.match(text, i), at_lower.match(low, i)
            assert (want and (want.lastgroup, want.span())) == (got and (got.lastgroup, got.span())), (code, text, i)


def test_a_pattern_that_reads_case_is_refused():
    assert casefree.lowered(re.compile(r"(?P<a>(?i:два)[а-яё])|(?P<b>\d)")) is None  # lower case only, outside re.I
    assert casefree.lowered(re.compile(r"(?P<a>(?i:Два))|(?P<b>\d)")) is None  # a capital under re.I
    assert casefree.lowered(re.compile(r"(?P<a>(?i:два)[а-яёА-ЯЁ])|(?P<b>\d)")) is not None


def test_lower_refuses_text_that_folds_apart():
    assert casefree.lower("Двадцать Пять") == "двадцать пять"
    assert casefree.lower("İki") is None and casefree.lower("\u212a") is None
    assert casefree.lower("Пять", "пять") == "пять" and casefree.lower("\u212a", "\u212a".lower()) is None
