"""WindowScan answers as Scan and re do in the long windows of a run-on line, before and after it switches from
searching each window to reading what it found once in the whole document."""
from __future__ import annotations

import re

from kztrade.countries import country_re
from kztrade.meaning import words
from kztrade.prefilter import Scan
from kztrade.windows import _LONG, _SPACE_RUN, WindowScan, _occurrence_index, reach

PIECES = [
    "Exports to Russia rose by 12% to $4.1bn in January-June 2019, according to the statistics committee; ",
    "1 2 3 4 512,3 3 987,1 ",
    "the figure was 40,000 migrants, while imports fell 3 percent a year earlier and ",
    "turnover with China reached 9 billion in the first half, officials said, ",
    "Russians bought butter whiles exports, but Chinaware grew, compared with 2018; Kazakhstani, but ",
]
TEXT = "".join(PIECES[i % len(PIECES)] for i in range(120))


def _windows(text: str) -> list[tuple[int, int]]:
    # every long window twice over the text: the second pass is answered from the index
    out = [(p, min(len(text), p + 1200)) for p in range(0, len(text) - _LONG, 37)]
    out += [(p, p + _LONG + k) for k, p in enumerate(range(0, len(text) - 2 * _LONG, 53))]
    return out * 2 + [(5, 5 + _LONG - 1), (0, 40)]  # short ones are scanned


def test_occurrence_index_keeps_overlapping_occurrences_and_the_least_end_from_each_start():
    starts, least_end = _occurrence_index("aaa ba", ("aa", "ba"))
    assert starts == [0, 1, 4]
    assert least_end == [2, 3, 6]
    assert _occurrence_index(None, ("aa",)) == _occurrence_index("aaa", None)  # no index: every window may


def test_window_scan_answers_as_scan_for_every_pattern_and_window():
    w = words("en")
    patterns = [w.cue_re, w.clause_break, w.anaphora, w.migration, w.migrants, w.world, w.scale_word,
                w.currency_word, *w.attribution]
    plain, windows = Scan(TEXT), WindowScan(Scan(TEXT))
    for pos, endpos in _windows(TEXT):
        for rx in patterns:
            assert windows.may(rx, pos, endpos) == plain.may(rx, pos, endpos), (rx.pattern[:40], pos, endpos)
        assert windows.may_any(w.any_attribution, pos, endpos) == \
            any(plain.may(rx, pos, endpos) for rx in w.attribution)
    assert id(w.clause_break) in windows._index  # the index did answer


def test_a_window_without_the_words_of_a_pattern_is_not_searched():
    text = "1 " * 2000 + "according to the ministry, exports rose"
    scan = WindowScan(Scan(text))
    rx = re.compile(r"according\s+to", re.I)
    for _ in range(10):  # past the characters read before the index is built
        assert not scan.may(rx, 0, 1200)
    at = text.index("according")
    assert scan.may(rx, at - 1000, at + 9)
    assert not scan.may(rx, at - 1000, at + 8)  # 'according' cut off by the window
    assert not scan.may(rx, at + 1, at + 1000)


RU = "".join(("Экспорт в Россию вырос на 5%, а импорт из Китая — на 3%; при этом товарооборот с Казахстаном, "
              "в то время как   инвестиции   сократились, ")[i % 7:] for i in range(60))
SPACED = TEXT.replace(", but", ",                        but").replace("compared with", "compared \n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n with")


def test_the_spans_of_a_window_are_those_a_search_of_it_finds():
    w, r = words("en"), words("ru")
    cases = [(TEXT, w.clause_break), (TEXT, w.ellipsis_break), (TEXT, country_re("en")), (SPACED, w.clause_break),
             (TEXT, re.compile(r"\bimports\s+fell\s+\d{1,3}(?=\s*%)")), (RU, r.clause_break), (RU, country_re("ru")),
             # a try that fails only on what follows a long run of white space: cut by a window, it matches
             (("x" + " " * 40 + "y, " + "z " * 20) * 60, re.compile(r"x\s*(?![\sy])"))]
    for text, rx in cases:
        scan = WindowScan(Scan(text))
        # windows of every start, so that some begin inside a match, and of every end, so that some cut one
        windows = [(p, p + 700 + p % 29) for p in range(len(text) - 730)]
        for pos, endpos in windows * 2:
            assert scan.spans(rx, pos, endpos) == [m.span() for m in rx.finditer(text, pos, endpos)], \
                (rx.pattern[:40], pos, endpos)
        assert scan._matches.get(id(rx)) is not None  # the document's matches did answer


def test_reach_bounds_what_a_try_reads():
    assert reach(re.compile(r"\bfoo\s*(?![\w$])")) == 3 + _SPACE_RUN + 1
    assert reach(re.compile(r"(?<=abc)x|yz\b")) == 3  # a lookbehind reads before the try
    assert reach(re.compile(r"a\w+")) is None  # unbounded
    assert reach(re.compile(r"a*")) is None  # can match nothing
    assert reach(re.compile(r"(a)\1")) is None
