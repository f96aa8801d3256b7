"""The tokenizer's test of the last words before a figure (tokens._last_words over QUALIFIER_LAST and
QUALIFIER_TAIL, Russian and English) passes every window in which the qualifier pattern finds a qualifier: it only
skips searches."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kztrade import grammar as g
from kztrade.lang import en, ru
from kztrade.tokens import _rules

# every qualifier's words and tails, cut and cased, with words that merely begin or end like them
WORDS = sorted({w for p, _ in ru.QUALIFIERS for w in re.findall(r"[а-яё~-]+", p)}
               | set(ru.QUALIFIER_TAIL.pattern.split("|")))
PIECES = WORDS + [w.upper() for w in WORDS] + [w.capitalize() for w in WORDS] + [
    "превышающих", "превзошли", "перевалило", "достигает", "долларов", "тонн", "вырос", "с", "от", "x", "5", "(",
    "«", ",", "—", " ", "  ", "\u00a0", "\n", "\t", "İ", "ſ", "\u212a"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14), st.integers(0, 40))
def test_the_words_pass_wherever_a_qualifier_ends(pieces, cut):
    before = "".join(pieces)[cut:]
    may = _rules("ru").qualifier_words
    if ru.QUALIFIER_RE.search(before[-32:]) or ru.qualifier_before(before):
        assert may(before), before


def test_the_words_before_a_figure():
    may = _rules("ru").qualifier_words
    assert [may(s) for s in ("составил около ", "не более чем ", "Превышающих ", "вырос до ", "свыше (",
                             "по итогам ", "в объёме ", "превысил отметку ", "долларов и ", "", "  ")] == [
        True, True, True, True, False, False, False, True, False, False, False]


# English: every word of a qualifier, the dotted abbreviations and the tilde, with words that merely end like them
EN_WORDS = sorted({w for p, _ in g.QUALIFIERS for w in re.findall(r"[a-z~]+\\?\.?", p.replace(r"\s", " "))})
EN_PIECES = [w.replace("\\", "") for w in EN_WORDS]
EN_PIECES = EN_PIECES + [w.upper() for w in EN_PIECES] + [w.capitalize() for w in EN_PIECES] + [
    "lost", "atop", "clover", "handsome", "also", "fast", "thus", "onto", "approx", "c", "5", "(", "-", "–", ",", ".",
    "$", " ", "  ", "\u00a0", "\n", "\t", "İ", "ſ", "\u212a"]


# whole qualifiers as the pattern spells them, in any case and with any blanks between their words
EN_PHRASES = st.from_regex(re.compile("|".join(p for p, _ in g.QUALIFIERS), re.I), fullmatch=True)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(EN_PIECES), EN_PHRASES), max_size=14), st.integers(0, 40))
def test_the_english_words_pass_wherever_a_qualifier_ends(pieces, cut):
    before = "".join(pieces)[cut:]
    may = _rules("en").qualifier_words
    if g.QUALIFIER_RE.search(before) or en.qualifier_before(before):
        assert may(before), before


def test_the_english_words_before_a_figure():
    may = _rules("en").qualifier_words
    assert [may(s) for s in ("rose to ", "no more than ", "Some ", "approx. ", "(~", "trade of ", "in ", "worth ",
                             "US$ ", "", "  ")] == [True, True, True, True, True, True, False, False, False, False,
                                                    False]
