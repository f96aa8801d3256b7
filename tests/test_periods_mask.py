"""A sentence's Lexicon.mask and its gate words (periods._gates_in) give the answers of the searches and word
sets they stand for, in every window of real and hostile text."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from kztrade import lang
from kztrade.literalmask import LiteralMask
from kztrade.periods import Periods, lexicon
from kztrade.prefilter import Scan

SAMPLES = [
    "In the first half of 2017 turnover grew by 9% compared with the same period of 2016, y/y.",
    "Exports rose in H1 and Q3; the market may grow by May, as in March–June, a year earlier.",
    "Mayday: the headquarters said it had a quarter on behalf of the junior decline, yoy 5%.",
    "Trade is expected to reach $30bn by 2030 (between 2005 and 2006 it grew in the first nine months).",
    "Товарооборот за январь–сентябрь 2023 года вырос на 8% год к году, а в прошлом году упал.",
    "С 2015 по 2020 год в первом полугодии и во II квартале экспорт ожидается на уровне 5 млрд.",
]
NAMES = ("half", "quarter", "first_months", "month", "relative", "same_period")


def _patterns(lx) -> list:
    return [rx for rx, _, _ in lx.mentioned] + [rx for rx, _ in lx.relative] + [
        lx.same_period, lx.between_years, lx.since_year, lx.event, lx.to_date, lx.span_years, lx.target,
        lx.forecast, lx.outlook_right, lx.future_by]


def _windows(text: str):
    for pos in range(0, len(text), 5):
        for endpos in range(pos, len(text) + 1, 9):
            yield pos, endpos


def _check_mask(text: str, code: str) -> None:
    lx = lexicon(lang.lexicon(code))
    patterns = _patterns(lx)
    low = Scan(text).low
    for pos, endpos in _windows(text):
        bits = lx.mask.of(low, pos, endpos)
        for k, rx in enumerate(patterns):
            if not bits >> k & 1:
                assert rx.search(text, pos, endpos) is None, (rx.pattern[:60], text[pos:endpos])


def _check_gates(text: str, code: str) -> None:
    lx = lexicon(lang.lexicon(code))
    if lx.gate_iter is None:
        return
    periods = Periods(text, lang.lexicon(code), dt.date(2020, 1, 1), [], [], None, None)
    for pos, endpos in _windows(text):
        want = {name for name in NAMES if periods._gated(pos, endpos)(name)}
        got = periods._gates_in(pos, endpos, -1) & set(NAMES)
        assert got == want, text[pos:endpos]


def test_a_pattern_whose_bit_is_unset_finds_nothing_in_the_window():
    for text in SAMPLES:
        for code in ("en", "ru"):
            _check_mask(text, code)


def test_the_gate_words_of_a_window_are_its_whole_words():
    for text in SAMPLES:
        _check_gates(text, "en")
        _check_gates(text.upper(), "en")


def test_the_mask_of_one_pattern():
    import re

    mask = LiteralMask([re.compile(r"\bH(?P<hn>[12])\b", re.IGNORECASE), re.compile("(?!)x"), re.compile(r"\d+")])
    assert mask.of("in h1 and 2", 0, 11) == 0b101  # h1 holds the first's literal; the third has none
    assert mask.of("in h1 and 2", 4, 11) == 0b100  # 'h1' cut by the window
    assert mask.of(None, 0, 3) == 0b111  # a text whose case folding literals cannot stand for: every bit


_ALPHABET = "aehlmnqrsty12 -/.,’'yYMHQ" + "годкупвыраж"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=_ALPHABET, min_size=1, max_size=60))
def test_generated_text(text):
    _check_gates(text, "en")
    for code in ("en", "ru"):
        lx = lexicon(lang.lexicon(code))
        low = Scan(text).low
        bits = lx.mask.of(low, 0, len(text))
        for k, rx in enumerate(_patterns(lx)):
            if not bits >> k & 1:
                assert rx.search(text) is None


def _check_lead(text: str, code: str) -> None:
    from kztrade.periods import _back

    lx = lexicon(lang.lexicon(code))
    low = Scan(text).low
    for rx in (lx.month_range, lx.month_single):
        got = lx.leads.get(id(rx))
        if got is None or low is None:
            continue
        finder, width = got
        for pos, endpos in _windows(text):
            want = [m.span() for m in rx.finditer(text, pos, endpos)]
            first = min((end - n + 1 for end, n in finder(low[pos:endpos])), default=None)
            spans = [] if first is None else \
                [m.span() for m in rx.finditer(text, _back(text, pos + first, pos, width), endpos)]
            assert spans == want, (rx.pattern[:40], text[pos:endpos])


def test_a_month_pattern_searched_from_its_lead_finds_what_it_finds_from_the_window_start():
    lx = lexicon(lang.lexicon("en"))
    assert lx.leads[id(lx.month_range)][1] == 0  # the range starts with its month
    assert lx.leads[id(lx.month_single)][1] == len("attheendof")  # "at the end of" before the month
    for text in SAMPLES + ["Sales at  the\tend   of\nMay and in   June, end-July; by Mar. to Dec in injanuary."]:
        for code in ("en", "ru"):
            _check_lead(text, code)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="atheendofinbyMayJunMarch -\t\n.вконцемаяиюнягпо", min_size=1, max_size=50))
def test_month_leads_on_generated_text(text):
    for code in ("en", "ru"):
        _check_lead(text, code)


def test_taken_spans_block_only_what_overlaps_them():
    from kztrade.periods import _Taken

    taken = _Taken()
    taken.take(10, 30)  # a long span first: a later short one must not hide it from a search by start
    taken.take(12, 14)
    taken.take(40, 42)
    assert [taken.free(a, b) for a, b in ((0, 10), (29, 31), (30, 40), (35, 41), (42, 50), (20, 21))] == \
        [True, False, True, False, True, False]
