"""kztrade.trie_branches: a pattern whose word alternations are tries matches where and as the pattern does."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kztrade.lang import lexicon
from kztrade.prefilter import by_first_digit
from kztrade.trie_branches import tried

PIECES = ["двадцать", "ДВАДЦАТЬ", "Двадцать", "двадцатью", "пять", "пятьсот", "тысяч", "тысячи", "Тысяча", "две",
          "трети", "треть", "вдвое", "втрое", "удвоился", "удвоилась", "первый", "первом", "Ё", "ё", "сто", "one",
          "TWENTY", "twenty-one", "hundred", "Half", "a", "an", "tripled", "triple", "twice", "fold", "tenth",
          "seventy", "seventeen", "millions", " ", "\t", "\n", "-", "\u00a0", "1", "12", ".", ",", "x", "İ", "ſ"]
PATTERNS = [(by_first_digit(lexicon(c).token_re()), (tried(lexicon(c).token_re(), True),
                                                     tried(lexicon(c).token_re(), False))) for c in ("en", "ru")]


def _same(a: re.Match | None, b: re.Match | None) -> bool:
    return (a and (a.lastgroup, a.span(), a.groups())) == (b and (b.lastgroup, b.span(), b.groups()))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=20))
def test_the_token_pattern_as_tries_matches_as_written(pieces):
    text = "".join(pieces)
    for want, got in PATTERNS:
        for i in range(len(text)):
            for w, g in zip(want, got):
                assert _same(w.match(text, i), g.match(text, i)), (text, i)


def test_a_word_list_becomes_a_trie_only_when_longer_words_come_first():
    words = "seventeen seventy seven six sixty sixteen ten tenth two twenty".split()
    longest_first = "|".join(sorted(words, key=len, reverse=True))
    shortest_first = "|".join(sorted(words, key=len))
    assert tried(re.compile(f"(?:{longest_first})\\b")).pattern is None  # rebuilt from the trie
    assert tried(re.compile(f"(?:{shortest_first})")).pattern == f"(?:{shortest_first})"  # "seven" first: kept
    rx = tried(re.compile(f"(?:{longest_first})(?![a-z])"))
    assert [m and m.group() for m in map(rx.match, ("seventeens", "sixty", "tenth", "seven"))] == [
        None, "sixty", "tenth", "seven"]


def test_capitals_under_ignorecase_are_left_as_written():
    words = "|".join(f"x{i}W" for i in range(10))
    assert tried(re.compile(f"(?i:{words})")).pattern == f"(?i:{words})"
