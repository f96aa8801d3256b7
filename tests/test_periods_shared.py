"""Period resolution shared between the figures of a sentence (kztrade/periods.py: silent sentences, the literals
of the period patterns found once per sentence): the same columns as resolving each figure on its own.

Every sentence here is written for these tests.
"""
from __future__ import annotations

import pytest

from kztrade import periods
from kztrade.extract import extract

COLS = ("year", "period_start", "period_end", "period_kind", "period_basis", "base_year", "base_period", "outlook")

TEXTS = [
    ("en", "2020-05-01", "In 2015 exports to Russia rose to $3 billion. Imports were $2 billion and 4 billion tenge."),
    ("en", "2020-05-01", "Trade reached $5 billion in the first half of 2016.\n" + " ".join(["7"] * 900)),
    ("en", "2019-02-01", "China 4 512,3 3 987,1 113,2\nTotal 1 200,5 1 100,1\nHungary 12,5 14,1\nMachinery 3,1 2,8"),
    ("en", "2019-02-01", "Q1 2018: 4,512.3; H1 2018: 9,001.2. " + "1.2." * 700),
    ("en", None, "Exports are expected to reach $9 billion by 2030, up from $4 billion. Imports were $1 billion."),
    ("en", "2017-03-01", " ".join(f"imports fell {i % 40}% in H{i % 2 + 1} {2000 + i % 15}, and" for i in range(60))),
    ("ru", "2021-03-15", "За январь–июнь 2019 года товарооборот составил 5,2 млрд долларов.\nРоссия 4 512,3 3 987,1 1 920,5"),
    ("ru", "2021-03-15", "К 2030 году экспорт вырастет до 9 млрд долларов. Импорт — 3 млрд долларов. " + "1 " * 800),
]


def _rows(lang, published, text):
    claims, _ = extract(text, "t", published, lang)
    return [(c["char_start"], *(c[k] for k in COLS)) for c in claims]


@pytest.mark.parametrize("lang,published,text", TEXTS)
def test_shared_answers_are_the_answers_of_each_figure(lang, published, text, monkeypatch):
    shared = _rows(lang, published, text)
    # no sentence silent, every pattern run in every sentence: each figure resolved on its own
    monkeypatch.setattr(periods.Periods, "_silence", lambda self, i: (False, *self.sents.span(i)))
    monkeypatch.setattr(periods.Periods, "_named", lambda self, s, e: -1)
    assert shared == _rows(lang, published, text)


def test_a_silent_sentence_continues_the_period_of_the_one_before():
    rows = {r[0]: r[1:] for r in _rows("en", "2020-05-01", TEXTS[0][2])}
    text = TEXTS[0][2]
    assert rows[text.index("$3 billion")] == (2015, "2015-01", "2015-12", "year", "stated", None, None, "actual")
    assert rows[text.index("$2 billion")] == (2015, "2015-01", "2015-12", "year", "previous_sentence", None, None,
                                              "actual")


def test_a_run_on_line_of_figures_takes_the_publication_year_without_resolving_each_figure(monkeypatch):
    calls = []
    resolve_in = periods.Periods._resolve_in
    monkeypatch.setattr(periods.Periods, "_resolve_in", lambda self, *a: calls.append(a) or resolve_in(self, *a))
    claims, _ = extract(" ".join(["1"] * 3000), "t", "2020-01-01", "en")
    assert len(claims) == 3000 and not calls
    assert {tuple(c[k] for k in COLS) for c in claims} == {
        (2020, "2020-01", "2020-12", "year", "publication_year", None, None, "actual")}


def test_a_row_whose_label_holds_a_period_patterns_letters_is_silent(monkeypatch):
    calls = []
    resolve_in = periods.Periods._resolve_in
    monkeypatch.setattr(periods.Periods, "_resolve_in", lambda self, *a: calls.append(a) or resolve_in(self, *a))
    claims, _ = extract("Chemicals 4,512.3 3,987.1\nMachinery 1,200.5 1,100.1", "t", "2019-02-01", "en")
    assert len(claims) == 4 and not calls
    assert {c["year"] for c in claims} == {2019}


def test_the_gates_of_every_window_are_those_of_its_words():
    # gate words cut by either end of a window, whole, and inside longer words ("mayor", "halfway")
    text = "In May the mayor said H1 and the first half of June, halfway; jun. 5 y/y, years ago: Q1-date."
    p = periods.Periods(text, __import__("kztrade.lang.en", fromlist=["x"]), None, [], [], None, None)
    gates = p.lx.gates
    for s in range(len(text)):
        for e in range(s, len(text) + 1):
            words = set(periods._WORD.findall(text.lower(), s, e))
            for read in (0, 10 * len(text)):  # the window's own words; the document's gate words
                p._gate_read = read
                if not read:
                    p._gate_hits = None
                wanted = p._gated(s, e)
                assert {n for n in gates if wanted(n)} == {n for n, ws in gates.items() if ws & words}, (s, e)


@pytest.mark.parametrize("lang,text", [
    ("en", "Trade is expected to reach $9bn by 2030. It grew 5% over the past 3 years, between 2015 and 2018."),
    ("en", "Accumulated investment since 2005; plans are forecast: exports are projected to double by 20301."),
    ("ru", "К 2030 году экспорт вырастет; за последние 5 лет, с 2015 по 2018 год, накопленные инвестиции к 20301."),
    ("ru", "Сверхплановые поставки, перепрогнозированный объём и ненакопленный остаток; с 20151 по 2018."),
])
def test_an_open_form_matches_a_sentence_wherever_its_pattern_matches_a_part_of_it(lang, text):
    lx = periods.lexicon(__import__(f"kztrade.lang.{lang}", fromlist=["x"]))
    for rx in lx.partial_patterns + lx.whole:
        wider = lx.open_form(rx)
        assert wider is not None
        for a in range(len(text)):
            found = wider.search(text, a, len(text)) is not None
            for b in range(a, len(text) + 1):
                if rx.search(text, a, b) or rx.search(text[a:b]):  # a part by pos and endpos, or a slice
                    assert found, (rx.pattern, a, b)


def test_an_open_form_finds_a_year_that_a_longer_number_hides():
    lx = periods.lexicon(__import__("kztrade.lang.ru", fromlist=["x"]))
    text = "к 20301 тоннам"
    assert lx.future_by.search(text) is None and lx.future_by.search(text, 0, 6)  # the part's end ends the year
    assert lx.open_form(lx.future_by).search(text)
