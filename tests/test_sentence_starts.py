"""Sentence starts: kztrade.razdel_starts gives razdel's sentenize() starts exactly, and the English and table-row
scans give the starts of the plain rules they were written from (the reference functions below). Every sentence
here is written for this test."""
from __future__ import annotations

import bisect
import re
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from razdel import sentenize

from kztrade import sentences as S
from kztrade.razdel_starts import sentence_starts

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from bulletin import generate

RU = [
    "Товарооборот вырос на 8% и превысил 20 млрд долл. США. Об этом сообщил зам. министра А. Б. Иванов.",
    "Экспорт (по данным КГД) составил 4,5 млрд руб. в 2019 г. Импорт - 3 млрд. А дальше?! Неясно… Да.",
    ("1. Первое. 2) Второе. а) третье. IV. Четвёртое. «Сказал он». \"Да\" - и всё; "
     "Конец :) Ещё ;-( раз."),
    "См. т. е. и т. д. и т.п. Он же - проф. Петров. Ул. Абая, д. 5. Итого: 5 тыс. т. Нефть!",
    "  \n\nПусто. \n  ",
    "Конец." + " " * 9 + "iPhone новый. Ещё." + " " * 8 + "вНЕШНИЙ рынок.",  # razdel's window cuts the next token
    "",
]
RU_ALPHABET = list(".?!…;\"'„»”’«“)]}([:=-–— \n\xa0aAбБгГ1Iv,")
RU_ALPHABET += ["г.", "т.е.", "млрд", "с", "др", "т. д.", "Ж"]
# tokens and blanks longer than razdel's window of 10 characters, which cuts them on either side
RU_ALPHABET += ["ВНЕШНЕТОРГОВЫЙ", "внешнеторговый", "вНЕШНЕТОРГОВЫЙ", "iPhone", "12345678901234", "         "]


def _razdel(text: str) -> list[int]:
    return [s.start for s in sentenize(text)]


@pytest.mark.parametrize("text", RU)
def test_russian_starts_equal_razdel_on_written_sentences(text):
    assert sentence_starts(text) == _razdel(text)


def test_russian_starts_equal_razdel_on_articles_and_bulletins():
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/data/ru").glob("*.txt"))]
    texts += [generate(20, lang, seed) for lang in ("ru", "en") for seed in (0, 1)]
    for text in texts:
        assert sentence_starts(text) == _razdel(text)


def test_russian_starts_values():
    text = "Рост 5 млрд. Спад в 2019 г. составил 3%. Он сказал: «Всё». Дальше."
    assert [text[p:p + 5] for p in sentence_starts(text)] == ["Рост ", "Спад ", "Он ск", "Дальш"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(RU_ALPHABET), max_size=40))
def test_russian_starts_equal_razdel_on_any_mix_of_its_marks(parts):
    text = "".join(parts)
    assert sentence_starts(text) == _razdel(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_russian_starts_equal_razdel_on_any_text(text):
    assert sentence_starts(text) == _razdel(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(" \n\t\xa0.,;:-_²½1١aZжЖ)(»")) | st.characters(), max_size=12))
def test_last_token_is_the_first_token_read_backwards(left):
    from razdel.segmenters.sentenize import FIRST_TOKEN, LAST_TOKEN

    forward, backward = LAST_TOKEN.search(left), FIRST_TOKEN.match(left[::-1])
    assert (forward and forward.group(1)) == (backward and backward.group(1)[::-1])


# -- English and rows: the rules as first written, one candidate at a time -----------------------------------

_END = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])|\n")
_FIGURES = re.compile(r"\d(?<![\d.,]\d)[\d.,]*+(?:[ \t\u00a0\u202f]+\d[\d.,]*+)+")


def _english_reference(text: str) -> list[int]:
    starts = [0]
    for m in _END.finditer(text):
        i = m.start()
        if text[i] == ".":
            before = text[max(0, i - 12):i].rsplit(None, 1)
            word = before[-1].lstrip("(\"“'") if before and not text[i - 1:i].isspace() else ""
            if word and (word.lower() in S._ABBREV or len(word) == 1):
                continue
        starts.append(m.end())
    return sorted(set(starts))


def _rows_reference(text: str) -> list[int]:
    starts, chain, head, prev = [], [], None, None
    for m in _FIGURES.finditer(text):
        a, b = m.span()
        if a and text[a - 1] in ".,":
            prev = head = None
            chain = []
            continue
        if prev is not None and (gap := S._LABEL_BETWEEN.fullmatch(text, prev, a)):
            chain.append(prev + len(gap.group(1)))
        else:
            chain, head = [], a
        before = text[max(0, a - 2):a]
        if len(before) == 2 and before[1] in " \t\u00a0\u202f" and (before[0].isalpha() or before[0] == ")") \
                and (b == len(text) or not text[b].isalnum()):
            prev = b
            if chain and S._LINE_END.match(text, b):
                if head is not None and (first := S._label_start(text, head)) is not None:
                    starts.append(first)
                starts += chain
                chain, head = [], None
        else:
            prev = head = None
            chain = []
    return starts


def _cut_reference(starts, mentions):
    inside = sorted((a, b) for a, b in mentions if b - a > 1)
    keep = []
    for p in starts:
        i = bisect.bisect_left(inside, (p, p)) - 1
        if not (i >= 0 and inside[i][0] < p < inside[i][1]):
            keep.append(p)
    return keep


EN_ALPHABET = list(".!?\n \"”’')]“‘([AbZ09 ,\t\u00a0\u202f:;²") + [
    "Mr", "e.g", "U.S", "etc", "Jan", "approx", "x", "12", "4 512,3", "3 987,1", "Russia ", "of which: CIS ", "(a",
    "billion", "2013", "\u212a", "İ", "((((((((((((", "5%", "\r\n", " \n", "Kazakhstan 1 2 3 China 4 5", "١٢"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(EN_ALPHABET), max_size=50), st.lists(st.integers(0, 60), max_size=8))
def test_english_and_row_starts_equal_the_reference_rules(parts, cuts):
    text = "".join(parts)
    assert S.Sentences._english_starts(text) == _english_reference(text)
    assert S._row_starts(text) == _rows_reference(text)
    points = sorted(set(cuts))
    mentions = [(a, b) for a, b in zip(points[::2], points[1::2])]  # disjoint, as figures are
    for lang in ("en", "ru"):
        base = S._razdel_starts(text) if lang == "ru" else _english_reference(text)
        rows = _rows_reference(text)
        want = _cut_reference(sorted(set(base).union(rows)) if rows else base, mentions)
        assert S.Sentences(text, lang, mentions).starts == want


@settings(max_examples=400, deadline=None)
@given(st.lists(st.integers(0, 80), max_size=30), st.lists(st.integers(0, 80), max_size=60))
def test_starts_inside_figures_are_cut_whichever_list_is_longer(starts, cuts):
    # a table of figures has more spans than starts, prose fewer: _uncut walks the shorter list
    starts = sorted(set(starts))
    points = sorted(set(cuts))
    spans = [(a, b) for a, b in zip(points[::2], points[1::2]) if b - a > 1]
    if spans:
        assert S._uncut(starts, spans) == _cut_reference(starts, spans)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 80), max_size=30), st.lists(st.tuples(st.integers(0, 80), st.integers(2, 25)),
                                                           min_size=1, max_size=60))
def test_overlapping_spans_are_cut_as_the_last_one_before_a_start_has_it(starts, spans):
    # both walks of _uncut give a start to the span that begins last before it, even where spans overlap
    starts = sorted(set(starts))
    spans = sorted((a, a + n) for a, n in spans)
    assert S._uncut(starts, spans) == _cut_reference(starts, spans)


def test_english_and_row_starts_values():
    text = ("Mr. Smith met Dr. Jones in the U.S. on Jan. 5. Exports rose (to $5 bn.) \"Yes!\" he said. Why? "
            "Table: Russia 4 512,3 3 987,1 China 2 100,5 1 800,2\nThe end.")
    s = S.Sentences(text, "en")
    # abbreviations, initials and a lone figure before a point ("5.") end no sentence
    assert [text[slice(*s.span(i))] for i in range(len(s.starts))] == [
        "Mr. Smith met Dr. Jones in the U.S. on Jan. 5. Exports rose (to $5 bn.)", "\"Yes!\" he said.", "Why?",
        "Table:", "Russia 4 512,3 3 987,1", "China 2 100,5 1 800,2", "The end."]
    assert S._row_starts(text) == [text.index("Russia"), text.index("China")]


@pytest.mark.parametrize("run", ["А. ", "а. ", ". ", "1 ", "Ж 1 1 ", "г. Б", ":) ", "\n", "x" * 30 + ". Y"])
def test_russian_time_grows_in_proportion_to_a_long_run(run):
    def seconds(text):
        t = time.perf_counter()
        S.Sentences(text, "ru")
        return time.perf_counter() - t

    small, large = run * (20_000 // len(run)), run * (80_000 // len(run))
    t_small, t_large = min(seconds(small) for _ in range(2)), seconds(large)
    assert t_large < 8 * t_small + 0.05, (run, t_small, t_large)


def test_russian_falls_back_to_sentenize_where_razdel_internals_moved(monkeypatch):
    text = RU[0] + "\n\n" + RU[1]
    fast = S.Sentences(text, "ru").starts
    monkeypatch.setitem(sys.modules, "kztrade.razdel_starts", None)  # import fails as for a renamed internal
    S._razdel.cache_clear()
    try:
        assert S._razdel() is not sentence_starts
        assert S.Sentences(text, "ru").starts == fast and len(fast) > 5
    finally:
        S._razdel.cache_clear()


def test_every_abbreviation_ends_with_a_letter():
    # the points told apart by re (sentences._PLAIN) rely on it: after a character lower() makes no letter no
    # abbreviation can end
    assert all("a" <= w[-1] <= "z" for w in S._ABBREV)
